package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.testing.FaultInjection;
import dev.scimkit.server.testing.ResourceRepositoryContract;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Optional;

/**
 * The TrackTik User and Group repositories on the JDBC store (H2) keep the published SPI contract,
 * with a {@link FaultyDataSource} under the store so every write is also checked to be atomic.
 */
class H2RepositoryContractTest extends ResourceRepositoryContract {

    private static HikariDataSource pool;
    private static FaultyDataSource faulty;
    private static JdbcTrackTikStore store;
    private static TrackTikRepositories repositories;

    @BeforeAll
    static void open() {
        pool = JdbcDataSources.h2InMemory("contract" + System.nanoTime());
        faulty = new FaultyDataSource(pool);
        store = JdbcTrackTikStore.open(faulty.dataSource());
        repositories = TrackTikRepositories.builder(SchemaRegistry.standard(), store).build();
    }

    @AfterAll
    static void close() {
        store.close();
        pool.close();
    }

    @Override
    protected ResourceRepository users() {
        return repositories.users();
    }

    @Override
    protected Optional<ResourceRepository> groups() {
        return Optional.of(repositories.groups());
    }

    @Override
    protected FaultInjection faults() {
        return FaultInjection.of(() -> faulty.diskFullAfter(1), faulty::heal);
    }
}
