package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * Pooled data sources for the JDBC store: an embedded H2 file database under a data directory (the
 * default) or a PostgreSQL server (to scale out: several servers on one database). Passwords go to
 * the pool only, never to a log.
 */
public final class JdbcDataSources {

    private JdbcDataSources() {
    }

    /**
     * An embedded H2 database in {@code dataDir/tracktik.mv.db}, created when missing. One process at
     * a time: H2 locks the file, and a second opener gets a {@link DataDirectoryInUseException}.
     */
    public static HikariDataSource h2File(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path base = dataDir.toAbsolutePath().resolve("tracktik");
        HikariConfig config = config("tracktik-h2", "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
                "sa", "", 8);
        config.setExceptionOverride(H2_FAILURES_EVICT);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (causedBy(e, DATABASE_ALREADY_OPEN)) {
                throw new DataDirectoryInUseException(dataDir.toAbsolutePath(), base.resolveSibling("tracktik.mv.db"), e);
            }
            throw e;
        }
    }

    /** H2's error code for a database file that another process has open. */
    private static final int DATABASE_ALREADY_OPEN = 90020;

    /**
     * An embedded H2 that failed underneath (disk full, file gone) closes itself; its connections then
     * only say so. Hikari keeps connections unless the SQLState is a connection failure (class 08),
     * so tell it to drop these: the next connection re-opens the database once the disk is back, and
     * the store recovers by itself.
     */
    private static final SQLExceptionOverride H2_FAILURES_EVICT = new SQLExceptionOverride() {
        @java.lang.Override // SQLExceptionOverride's nested enum is called Override too
        public Override adjudicate(SQLException e) {
            return switch (String.valueOf(e.getSQLState())) {
                case "90028", "90031", "90098", "90121", "50000" -> Override.MUST_EVICT;
                default -> Override.CONTINUE_EVICT;
            };
        }
    };

    private static boolean causedBy(Throwable e, int errorCode) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == errorCode) {
                return true;
            }
        }
        return false;
    }

    /** An in-memory H2 database that lives as long as the pool (tests, demos). */
    public static HikariDataSource h2InMemory(String name) {
        return pool("tracktik-h2-mem", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "", 8);
    }

    /** A PostgreSQL database, e.g. {@code jdbc:postgresql://db:5432/tracktik}. */
    public static HikariDataSource postgres(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        return pool("tracktik-postgres", jdbcUrl, user, password, 16);
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size) {
        return new HikariDataSource(config(name, url, user, password, size));
    }

    private static HikariConfig config(String name, String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.setAutoCommit(false);
        return config;
    }
}
