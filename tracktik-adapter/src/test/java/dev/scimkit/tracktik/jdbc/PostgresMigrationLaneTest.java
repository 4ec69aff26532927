package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;

/** {@link MigrationLaneContract} on a real PostgreSQL, one database per test. */
class PostgresMigrationLaneTest extends MigrationLaneContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    @Override
    HikariConfig freshDatabase(String name) throws Exception {
        try (Connection c = POSTGRES.get().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(POSTGRES.get().getJdbcUrl("postgres", name));
        config.setUsername("postgres");
        config.setPassword("");
        return config;
    }
}
