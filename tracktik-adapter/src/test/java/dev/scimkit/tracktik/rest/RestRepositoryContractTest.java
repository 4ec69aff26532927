package dev.scimkit.tracktik.rest;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.testing.FaultInjection;
import dev.scimkit.server.testing.ResourceRepositoryContract;
import dev.scimkit.tracktik.rest.standin.TrackTikStandIn;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The TrackTik User and Group repositories on the REST store keep the published SPI contract against
 * the stand-in portal: one portal per tenant, as in production.
 */
class RestRepositoryContractTest extends ResourceRepositoryContract {

    private static final String TOKEN_A = "portal-a-token-0123456789";
    private static final String TOKEN_B = "portal-b-token-0123456789";

    private static TrackTikStandIn portalA;
    private static TrackTikStandIn portalB;
    private static RestTrackTikStore store;
    private static TrackTikRepositories repositories;

    @BeforeAll
    static void start() {
        portalA = TrackTikStandIn.start(TOKEN_A);
        portalB = TrackTikStandIn.start(TOKEN_B);
        store = RestTrackTikStore.open(Map.of(TENANT_A, config(portalA, TOKEN_A), TENANT_B, config(portalB, TOKEN_B)));
        repositories = TrackTikRepositories.builder(SchemaRegistry.standard(), store).build();
    }

    private static RestStoreConfig config(TrackTikStandIn portal, String token) {
        return RestStoreConfig.builder(portal.baseUrl(), token).requestTimeout(Duration.ofSeconds(10))
                .baseBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(100)).build();
    }

    @AfterAll
    static void stop() {
        store.close();
        portalA.close();
        portalB.close();
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
        return FaultInjection.unsupported("the portal's REST API has no transactions: a write that takes several"
                + " requests (an employee, then each role assignment and the holder's History) cannot be undone"
                + " when a later request fails (RestTrackTikStore's 'What REST cannot give')");
    }
}
