package dev.scimkit.tracktik.jdbc;

import dev.scimkit.tracktik.port.TrackTikStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The console's employee search as SQL on a real embedded H2 database. */
class H2EmployeeSearchTest extends EmployeeSearchContract {

    private static JdbcTrackTikStore store;

    @BeforeAll
    static void open() {
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.h2InMemory("search" + System.nanoTime()));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected TrackTikStore store() {
        return store;
    }
}
