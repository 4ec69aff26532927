package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.activity.ActivityRetention;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** Activity in an embedded H2 database, beside the TrackTik tables. */
class H2ActivityLogTest extends ActivityLogContract {

    private final HikariDataSource pool = JdbcDataSources.h2InMemory("activity" + System.nanoTime());
    private final JdbcTrackTikStore store = JdbcTrackTikStore.open(pool);

    @Override
    DataSource database() {
        return pool;
    }

    @Override
    IndexedLookupContract plans() {
        return new H2IndexedLookupTest();
    }

    @Override
    boolean sortsByIndex(String plan) {
        return plan.contains("/* index sorted */");
    }

    @Override
    boolean seeksByTime(String plan) {
        // /* PUBLIC.IX_ACTIVITY_TENANT_TIME: TENANT = ?1 AND AT_MICROS <= ?2 */
        return java.util.regex.Pattern.compile("IX_ACTIVITY_TENANT_TIME: TENANT = \\?1\\s+AND AT_MICROS <= \\?2")
                .matcher(plan).find();
    }

    @Override
    ActivityLog log(ActivityRetention retention) {
        return JdbcActivityLog.open(pool, retention);
    }

    @AfterEach
    void close() {
        store.close();
        pool.close();
    }
}
