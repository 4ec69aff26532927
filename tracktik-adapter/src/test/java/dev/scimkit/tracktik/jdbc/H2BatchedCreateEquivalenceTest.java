package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** {@link BatchedCreateEquivalenceTest} on H2 in memory. */
class H2BatchedCreateEquivalenceTest extends BatchedCreateEquivalenceTest {

    @Override
    HikariDataSource newDatabase(String name) {
        return JdbcDataSources.h2InMemory(name + System.nanoTime());
    }
}
