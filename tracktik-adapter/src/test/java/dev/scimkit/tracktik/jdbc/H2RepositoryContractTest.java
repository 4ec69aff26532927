package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.testing.ResourceRepositoryContract;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The TrackTik User repository on the JDBC store (H2) keeps the published SPI contract. */
class H2RepositoryContractTest extends ResourceRepositoryContract {

    private static JdbcTrackTikStore store;
    private static ResourceRepository users;

    @BeforeAll
    static void open() {
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.h2InMemory("contract" + System.nanoTime()));
        users = TrackTikRepositories.builder(SchemaRegistry.standard(), store).build().users();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected ResourceRepository users() {
        return users;
    }
}
