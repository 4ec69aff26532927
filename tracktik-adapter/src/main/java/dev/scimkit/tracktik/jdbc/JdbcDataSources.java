package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Path;
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

    /** An embedded H2 database in {@code dataDir/tracktik.mv.db}, created when missing. */
    public static HikariDataSource h2File(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path base = dataDir.toAbsolutePath().resolve("tracktik");
        return pool("tracktik-h2", "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000", "sa", "", 8);
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
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }
}
