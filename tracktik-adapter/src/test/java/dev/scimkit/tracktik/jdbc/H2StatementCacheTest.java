package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.command.Command;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 parses a statement once per session and keeps the parsed command in a small cache, which it
 * empties on every rollback. The store's SQL texts are constants, so a pooled connection should parse
 * them on its first request and never again; each parse of the big employee SELECT costs more than the
 * rest of a small PATCH. On a real H2 file with its group commit ({@link GroupSync}) and a pool of one
 * connection, so every request runs on the session the test looks into: a statement the test prepared
 * before a request must still be cached after it, which H2's own session API shows by handing back the
 * very same command.
 */
class H2StatementCacheTest {

    /** A statement of the test's own, which no request runs: only a cleared cache loses it. */
    private static final String MARKER = "SELECT 1 AS statement_cache_marker";

    private HikariDataSource pool;
    private TrackTikEngine engine;

    @BeforeEach
    void open(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("tracktik") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        // the migration needs a second connection; it runs first, on a pool of its own
        try (HikariDataSource migration = pool(url, 2)) {
            JdbcTrackTikStore.open(migration).close();
        }
        pool = pool(url, 1);
        JdbcTrackTikStore store = JdbcTrackTikStore.open(pool, JdbcStoreOptions.builder().migrate(false).build());
        assertThat(DurabilityProbe.detect(pool)).as("an H2 file syncs its commits in groups")
                .isInstanceOf(GroupSync.class);
        engine = new TrackTikEngine(store);
    }

    /** As {@link JdbcDataSources#h2File} configures it, with {@code size} connections instead of eight. */
    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(size);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    @AfterEach
    void close() {
        engine.store.close();
        pool.close();
    }

    @Test
    void aPatchAndALookupLeaveTheSessionsParsedStatementsCached() throws SQLException {
        String ada = engine.ok(201, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"ada@example.com\",\"name\":{\"givenName\":\"Ada\",\"familyName\":\"L\"}}")
                .path("id").asText();
        deactivate(ada, false);
        lookUp("ada@example.com");

        Command marker = cached(MARKER);
        assertThat(cached(MARKER)).as("H2 answers a cached statement with the same command").isSameAs(marker);

        deactivate(ada, true);
        assertThat(cached(MARKER)).as("still cached after a PATCH and its group commit").isSameAs(marker);

        lookUp("ada@example.com");
        lookUp("nobody@example.com");
        assertThat(cached(MARKER)).as("still cached after lookups").isSameAs(marker);
    }

    private void deactivate(String id, boolean active) {
        engine.ok(200, "PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + !active + "}}]}");
    }

    private void lookUp(String userName) {
        engine.ok(200, "GET", "/Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"",
                StandardCharsets.UTF_8), null);
    }

    /** The command H2's session holds for {@code sql}, parsed now if it holds none. */
    private Command cached(String sql) throws SQLException {
        try (Connection c = pool.getConnection()) {
            SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            Command command = session.prepareLocal(sql);
            command.close(); // a closed command is one H2 may hand out again
            return command;
        }
    }
}
