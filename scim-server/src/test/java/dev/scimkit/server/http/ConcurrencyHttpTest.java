package dev.scimkit.server.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.scimkit.server.http.HttpScimServer.patch;
import static dev.scimkit.server.http.HttpScimServer.user;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writers over HTTP never lose each other's changes. */
class ConcurrencyHttpTest {

    @RegisterExtension
    static final HttpScimServer server = HttpScimServer.perClass();

    @Test
    void parallelMemberAddsToOneGroupLoseNothing() throws Exception {
        String gid = server.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"race\"}")
                .json().path("id").asText();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add(server.post("/Users", user("race_" + i + "_" + UUID.randomUUID(), null)).json().path("id").asText());
        }
        List<Integer> statuses = runAll(users.stream().<Callable<Integer>>map(uid -> () ->
                server.patch("/Groups/" + gid, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + uid + "\"}]}")).status())
                .toList());
        assertThat(statuses).containsOnly(204);
        Set<String> members = new HashSet<>();
        server.get("/Groups/" + gid).json().path("members").forEach(m -> members.add(m.path("value").asText()));
        assertThat(members).containsExactlyInAnyOrderElementsOf(users);
    }

    @Test
    void racingCreatesOfOneUserNameGiveExactlyOne201() throws Exception {
        String userName = "racer_" + UUID.randomUUID();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String spelling = i % 2 == 0 ? userName : userName.toUpperCase();
            tasks.add(() -> server.post("/Users", user(spelling, null)).status());
        }
        List<Integer> statuses = runAll(tasks);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
    }

    @Test
    void ifMatchLetsOnlyOneOfTwoWritersOfOneVersionWin() throws Exception {
        var created = server.post("/Users", user("etag_" + UUID.randomUUID(), null));
        String id = created.json().path("id").asText();
        String etag = created.header("ETag");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String title = "title " + i;
            tasks.add(() -> server.send("PATCH", "/Users/" + id,
                    patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"" + title + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    HttpScimServer.TOKEN_A, "application/scim+json", "If-Match", etag).status());
        }
        List<Integer> statuses = runAll(tasks);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(412);
    }

    private static List<Integer> runAll(List<Callable<Integer>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> t : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return t.call();
                }));
            }
            start.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
