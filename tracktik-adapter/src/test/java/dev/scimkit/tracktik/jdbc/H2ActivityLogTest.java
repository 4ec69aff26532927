package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.activity.ActivityRetention;
import org.junit.jupiter.api.AfterEach;

/** Activity in an embedded H2 database, beside the TrackTik tables. */
class H2ActivityLogTest extends ActivityLogContract {

    private final HikariDataSource pool = JdbcDataSources.h2InMemory("activity" + System.nanoTime());
    private final JdbcTrackTikStore store = JdbcTrackTikStore.open(pool);

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
