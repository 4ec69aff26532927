package dev.scimkit.tracktik.rest;

import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.jdbc.EmployeeSearchContract;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.rest.standin.TrackTikStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/**
 * The console's employee search through the portal's REST API (the stand-in on a loopback port): the
 * store's default, every employee read and filtered by {@code EmployeeSearch.matches}.
 */
class RestEmployeeSearchTest extends EmployeeSearchContract {

    private static final String TOKEN = "employee-search-token";
    private static TrackTikStandIn portal;
    private static TrackTikStandIn otherPortal;
    private static RestTrackTikStore store;

    /** Each tenant is its own portal, as in production. */
    @BeforeAll
    static void start() {
        portal = TrackTikStandIn.start(TOKEN);
        otherPortal = TrackTikStandIn.start(TOKEN);
        store = RestTrackTikStore.open(Map.of(
                TenantId.of("portal-a"), RestStoreConfig.builder(portal.baseUrl(), TOKEN).build(),
                TenantId.of("portal-b"), RestStoreConfig.builder(otherPortal.baseUrl(), TOKEN).build()));
    }

    @AfterAll
    static void stop() {
        store.close();
        portal.close();
        otherPortal.close();
    }

    @Override
    protected TrackTikStore store() {
        return store;
    }
}
