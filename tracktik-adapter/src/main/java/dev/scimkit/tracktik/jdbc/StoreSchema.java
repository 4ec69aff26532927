package dev.scimkit.tracktik.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes the store's tables exist before it serves: migrates them with Flyway (kept in this one class,
 * so a user who runs migrations elsewhere needs no Flyway at all) or, with migration turned off, checks
 * that someone did.
 */
final class StoreSchema {

    private StoreSchema() {
    }

    static void prepare(DataSource dataSource, JdbcStoreOptions options) {
        if (options.migrate()) {
            migrate(dataSource, options);
        } else {
            requireTables(dataSource, options);
        }
    }

    private static void migrate(DataSource dataSource, JdbcStoreOptions options) {
        try {
            var flyway = org.flywaydb.core.Flyway.configure()
                    .dataSource(dataSource)
                    .locations(JdbcStoreOptions.MIGRATIONS)
                    .table(JdbcStoreOptions.HISTORY_TABLE)
                    // A schema that already holds the application's tables gets ours beside them.
                    .baselineOnMigrate(true)
                    .baselineVersion("0");
            options.schema().ifPresent(flyway::schemas);
            flyway.load().migrate();
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("The TrackTik JDBC store migrates its tables with Flyway, which is not on"
                    + " the class path: add org.flywaydb:flyway-core (and flyway-database-postgresql for PostgreSQL),"
                    + " or apply the scripts in " + JdbcStoreOptions.MIGRATIONS + " yourself and open the store with"
                    + " JdbcStoreOptions.builder().migrate(false)", e);
        }
    }

    private static void requireTables(DataSource dataSource, JdbcStoreOptions options) {
        try (Connection c = dataSource.getConnection()) {
            String previous = c.getSchema();
            try {
                if (options.schema().isPresent()) {
                    c.setSchema(options.schema().get());
                }
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT 1 FROM tt_employee WHERE 1 = 0").close();
                }
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                if (options.schema().isPresent()) {
                    c.setSchema(previous);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The TrackTik tables are missing from schema "
                    + options.schema().orElse("(the connection's default)") + " (SQLState " + e.getSQLState()
                    + "): apply the scripts in " + JdbcStoreOptions.MIGRATIONS
                    + ", or let the store migrate them (JdbcStoreOptions.migrate(true))", e);
        }
    }
}
