package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

/** {@link ConcurrentMembershipContract} on a real H2 in memory (row-lock waits of 10 s). */
class H2ConcurrentMembershipTest extends ConcurrentMembershipContract {

    private HikariDataSource pool;

    @Override
    protected DataSource freshDatabase() {
        pool = JdbcDataSources.h2InMemory("concurrent" + System.nanoTime());
        return pool;
    }

    @Override
    protected void closeDatabase() {
        pool.close();
    }
}
