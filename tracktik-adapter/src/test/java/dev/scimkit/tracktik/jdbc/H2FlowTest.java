package dev.scimkit.tracktik.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SCIM flows on a real embedded H2 database (the default store). */
class H2FlowTest extends TrackTikFlowContract {

    private static JdbcTrackTikStore store;
    private static TrackTikEngine engine;

    @BeforeAll
    static void open() {
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.h2InMemory("flow" + System.nanoTime()));
        engine = new TrackTikEngine(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    TrackTikEngine engine() {
        return engine;
    }
}
