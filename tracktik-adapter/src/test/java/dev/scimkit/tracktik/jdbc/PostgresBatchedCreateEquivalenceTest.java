package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link BatchedCreateEquivalenceTest} on a real PostgreSQL: one server, a database per store. */
class PostgresBatchedCreateEquivalenceTest extends BatchedCreateEquivalenceTest {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Override
    HikariDataSource newDatabase(String name) throws Exception {
        String database = name + "_" + NEXT.incrementAndGet();
        try (Connection c = POSTGRES.get().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return JdbcDataSources.postgres(POSTGRES.get().getJdbcUrl("postgres", database), "postgres", "");
    }
}
