package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.tracktik.TrackTikAdmin.Change;
import dev.scimkit.examples.tracktik.TrackTikAdmin.Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.scimkit.examples.tracktik.EntraCycle.assertRoles;
import static dev.scimkit.examples.tracktik.ScimHttp.q;
import static dev.scimkit.examples.tracktik.ScimMessages.patch;
import static org.assertj.core.api.Assertions.assertThat;

/** Okta's provisioning cycle over HTTP into the default store (H2 under --data-dir). */
class OktaCycleOverHttpH2Test {

    /** Okta pushes a group's members in one PATCH; a few hundred is common. */
    private static final int BIG_GROUP = 300;

    @TempDir
    static Path dataDir;

    private static ExampleServer server;
    private static ScimHttp scim;
    private static TrackTikAdmin trackTik;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.h2(dataDir);
        scim = ScimHttp.of(server, TestServers.TOKEN);
        trackTik = scim.trackTik();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void oktaUserLifecycleIsOneHistoryEntryPerChange() {
        // Okta's import / existence check pages with startIndex and count.
        String userName = "alice." + run + "@okta.example";
        JsonNode none = scim.get("/Users?filter=" + q("userName eq \"" + userName + "\"") + "&startIndex=1&count=100");
        assertThat(none.path("totalResults").asInt()).isZero();

        String externalId = "00u" + run;
        JsonNode created = scim.expect(201, "POST", "/Users", ScimMessages.oktaUser(userName, "Alice", "Martin", externalId));
        String id = created.path("id").asText();
        assertThat(created.has("password")).as("password is never returned").isFalse();
        JsonNode employee = trackTik.employee(id);
        assertThat(employee.path("firstName").asText()).isEqualTo("Alice");
        assertThat(employee.path("lastName").asText()).isEqualTo("Martin");
        assertThat(employee.path("email").asText()).isEqualTo(userName);
        assertThat(employee.path("language").asText()).as("locale when no preferredLanguage").isEqualTo("en-US");
        assertThat(employee.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(employee.path("region").path("name").asText()).isEqualTo("HQ");

        // Okta updates with a full PUT of everything it manages, after a GET.
        scim.get("/Users/" + id);
        String put = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"%s",
                 "name":{"givenName":"Alice","familyName":"Martin-Roy"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "phoneNumbers":[{"primary":true,"value":"+1 418 555 0110","type":"work"}],
                 "title":"Dispatcher","displayName":"Alice Martin-Roy","locale":"en-US","externalId":"%s",
                 "groups":[],"password":"1mz050nq-Secret","active":true}
                """.formatted(id, userName, userName, externalId);
        JsonNode replaced = scim.expect(200, "PUT", "/Users/" + id, put);
        assertThat(replaced.path("title").asText()).isEqualTo("Dispatcher");
        employee = trackTik.employee(id);
        assertThat(employee.path("lastName").asText()).isEqualTo("Martin-Roy");
        assertThat(employee.path("jobTitle").asText()).isEqualTo("Dispatcher");
        assertThat(employee.path("primaryPhone").asText()).isEqualTo("+1 418 555 0110");
        // Okta sends the same PUT again on the next sync: no change, no History entry.
        scim.expect(200, "PUT", "/Users/" + id, put);

        // Okta deactivates (and reactivates) with a path-less replace.
        scim.expect(200, "PATCH", "/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"));
        assertThat(trackTik.employee(id).path("status").asText()).isEqualTo("INACTIVE");
        assertThat(scim.get("/Users/" + id).path("active").asBoolean(true)).isFalse();
        scim.expect(200, "PATCH", "/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":true}}"));
        assertThat(trackTik.employee(id).path("status").asText()).isEqualTo("ACTIVE");

        List<Entry> history = trackTik.history(id);
        assertThat(history).extracting(Entry::action).containsExactly("CREATED", "UPDATED", "DEACTIVATED", "REACTIVATED");
        assertThat(history.get(0).changes()).contains(new Change("firstName", "", "Alice"),
                new Change("email", "", userName), new Change("status", "", "ACTIVE"));
        assertThat(history.get(1).changes()).containsExactlyInAnyOrder(
                new Change("lastName", "Martin", "Martin-Roy"),
                new Change("jobTitle", "", "Dispatcher"),
                new Change("primaryPhone", "", "+1 418 555 0110"));
        assertThat(history.get(2).changes()).containsExactly(new Change("status", "ACTIVE", "INACTIVE"));
        assertThat(history.get(3).changes()).containsExactly(new Change("status", "INACTIVE", "ACTIVE"));
    }

    @Test
    void oktaGroupPushBecomesARoleHeldByExactlyItsMembers() {
        String alice = createUser("alice");
        String bea = createUser("bea");
        String name = "Okta Guards " + run;
        JsonNode group = scim.expect(201, "POST", "/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s",
                 "members":[{"value":"%s","display":"alice"}]}""".formatted(name, alice));
        String gid = group.path("id").asText();
        assertThat(trackTik.roleNames(alice)).containsExactly(name);
        assertThat(trackTik.roleNames(bea)).isEmpty();

        // Okta renames with a path-less replace that repeats the (unchanged) id.
        String renamed = name + " (renamed)";
        scim.patchOk("/Groups/" + gid, patch(
                "{\"op\":\"replace\",\"value\":{\"id\":\"" + gid + "\",\"displayName\":\"" + renamed + "\"}}"));
        assertThat(scim.get("/Groups/" + gid).path("displayName").asText()).isEqualTo(renamed);
        assertThat(trackTik.role(gid).path("name").asText()).isEqualTo(renamed);
        assertThat(trackTik.roleNames(alice)).containsExactly(renamed);

        scim.patchOk("/Groups/" + gid, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + bea + "\",\"display\":\"bea\"}]}"));
        scim.patchOk("/Groups/" + gid, patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + alice + "\\\"]\"}"));
        assertThat(members(gid)).containsExactly(bea);
        assertThat(trackTik.roleNames(alice)).isEmpty();
        assertThat(trackTik.roleNames(bea)).containsExactly(renamed);
        assertThat(trackTik.role(gid).path("memberCount").asInt()).isEqualTo(1);

        // Okta deletes a group it stops pushing: nobody holds the role any more.
        scim.expect(204, "DELETE", "/Groups/" + gid, null);
        scim.expect(404, "GET", "/Groups/" + gid, null);
        assertThat(trackTik.findRole(gid)).isEmpty();
        assertThat(trackTik.roleNames(bea)).isEmpty();

        List<Entry> aliceHistory = trackTik.history(alice);
        assertThat(aliceHistory).extracting(Entry::action)
                .containsExactly("CREATED", "ROLE_ASSIGNED", "UPDATED", "ROLE_UNASSIGNED");
        assertRoles(aliceHistory.get(1), Set.of(), Set.of(name));
        assertRoles(aliceHistory.get(2), Set.of(name), Set.of(renamed));
        assertRoles(aliceHistory.get(3), Set.of(renamed), Set.of());
        List<Entry> beaHistory = trackTik.history(bea);
        assertThat(beaHistory).extracting(Entry::action).containsExactly("CREATED", "ROLE_ASSIGNED", "ROLE_UNASSIGNED");
        assertRoles(beaHistory.get(1), Set.of(), Set.of(renamed));
        assertRoles(beaHistory.get(2), Set.of(renamed), Set.of());
    }

    @Test
    void aFewHundredMembersInOnePatchAllHoldTheRole() throws Exception {
        List<String> ids = createUsers(BIG_GROUP);
        String name = "Okta All Staff " + run;
        String gid = scim.expect(201, "POST", "/Groups", ScimMessages.emptyGroup(name, "00g" + run)).path("id").asText();

        scim.patchOk("/Groups/" + gid, patch(
                "{\"op\":\"add\",\"path\":\"members\",\"value\":[" + ScimMessages.memberValues(ids) + "]}"));

        assertThat(members(gid)).hasSize(BIG_GROUP).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(trackTik.role(gid).path("memberCount").asInt()).isEqualTo(BIG_GROUP);
        Map<String, JsonNode> employees = trackTik.employees().stream()
                .collect(Collectors.toMap(e -> e.path("scimId").asText(), Function.identity()));
        for (String id : ids) {
            List<String> roles = new ArrayList<>();
            employees.get(id).path("roles").forEach(r -> roles.add(r.path("name").asText()));
            assertThat(roles).as("roles of %s", id).containsExactly(name);
        }
        // Each member got exactly one History entry for it.
        assertThat(trackTik.actions(ids.get(0))).containsExactly("CREATED", "ROLE_ASSIGNED");
        assertThat(trackTik.actions(ids.get(BIG_GROUP - 1))).containsExactly("CREATED", "ROLE_ASSIGNED");
    }

    private String createUser(String handle) {
        String userName = handle + "." + run + "." + UUID.randomUUID() + "@okta.example";
        return scim.expect(201, "POST", "/Users",
                ScimMessages.oktaUser(userName, handle, "Tester", "00u" + UUID.randomUUID())).path("id").asText();
    }

    private List<String> createUsers(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> createUser("member")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : futures) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> members(String gid) {
        List<String> ids = new ArrayList<>();
        scim.get("/Groups/" + gid).path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }
}
