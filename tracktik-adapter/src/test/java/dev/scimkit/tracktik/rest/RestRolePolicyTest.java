package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.jdbc.RolePolicyContract;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.rest.standin.TrackTikStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role policy through the portal's REST API (the stand-in on a loopback port); after every test
 * the portal itself gives each employee at most one role, and the one its mirror names.
 */
class RestRolePolicyTest extends RolePolicyContract {

    private static final String TOKEN = "role-policy-token";
    private static TrackTikStandIn portal;
    private static RestTrackTikStore store;

    @BeforeAll
    static void start() {
        portal = TrackTikStandIn.start(TOKEN);
        store = RestTrackTikStore.open(TenantId.of("portal-a"), RestStoreConfig.builder(portal.baseUrl(), TOKEN).build());
    }

    @AfterAll
    static void stop() {
        store.close();
        portal.close();
    }

    @Override
    protected TrackTikStore store() {
        return store;
    }

    @AfterEach
    void thePortalHoldsOneRolePerEmployeeAsTheEmployeeRecordsIt() {
        Map<Long, Long> roleOf = new HashMap<>();
        for (ObjectNode ur : portal.userRoles()) {
            assertThat(roleOf.put(ur.path("user").asLong(), ur.path("role").asLong()))
                    .as("employee %s holds one role", ur.path("user")).isNull();
        }
        for (ObjectNode e : portal.employees()) {
            String mirror = e.path("customFields").path("scimRole").asText("");
            Long held = roleOf.get(e.path("id").asLong());
            assertThat(held == null ? "" : held.toString()).as("employee %s", e.path("id")).isEqualTo(mirror);
        }
    }
}
