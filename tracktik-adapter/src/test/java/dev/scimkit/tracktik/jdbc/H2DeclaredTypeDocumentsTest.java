package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Declared resource types on the H2 store: two stores on one database file, and a reopen. */
class H2DeclaredTypeDocumentsTest extends DeclaredTypeDocumentsContract {

    @TempDir
    static Path dir;
    private static HikariDataSource pool;
    private static JdbcTrackTikStore store;
    private static JdbcTrackTikStore secondStore;
    private static TrackTikEngine one;
    private static TrackTikEngine two;

    @BeforeAll
    static void open() {
        pool = JdbcDataSources.h2File(dir.resolve("devices"));
        store = JdbcTrackTikStore.open(pool);
        secondStore = JdbcTrackTikStore.open(pool);
        one = new TrackTikEngine(store, REGISTRY, b -> b);
        two = new TrackTikEngine(secondStore, REGISTRY, b -> b);
    }

    @AfterAll
    static void close() {
        store.close();
        secondStore.close();
        pool.close();
    }

    @Override
    protected TrackTikEngine one() {
        return one;
    }

    @Override
    protected TrackTikEngine two() {
        return two;
    }

    @Test
    void aDeviceOutlivesTheStoreThatWroteIt() {
        Path file = dir.resolve("reopen");
        String id;
        try (HikariDataSource first = JdbcDataSources.h2File(file)) {
            JdbcTrackTikStore writer = JdbcTrackTikStore.open(first);
            id = new TrackTikEngine(writer, REGISTRY, b -> b).ok(201, "POST", "/Devices", device("SN-kept"))
                    .path("id").asText();
            writer.close();
        }
        try (HikariDataSource again = JdbcDataSources.h2File(file)) {
            JdbcTrackTikStore reader = JdbcTrackTikStore.open(again);
            JsonNode read = new TrackTikEngine(reader, REGISTRY, b -> b).ok(200, "GET", "/Devices/" + id, null);
            assertThat(read.path("serialNumber").asText()).isEqualTo("SN-kept");
            reader.close();
        }
    }
}
