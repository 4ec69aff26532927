package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.tracktik.TrackTikAdmin.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static dev.scimkit.examples.tracktik.ScimHttp.q;
import static dev.scimkit.examples.tracktik.ScimMessages.patch;
import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the server and starting it again on the same --data-dir loses nothing. */
class RestartKeepsDataTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    @Test
    void usersGroupsRolesAndHistorySurviveARestart() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ada;
        String bob;
        String group;
        Snapshot before;
        try (ExampleServer first = TestServers.h2(dataDir)) {
            ScimHttp scim = ScimHttp.of(first, TestServers.TOKEN);
            ada = scim.expect(201, "POST", "/Users", ScimMessages.entraUser("ada." + run + "@contoso.example",
                    UUID.randomUUID().toString(), "Ada", "Lovelace", "E-1", "Patrol", null)).path("id").asText();
            bob = scim.expect(201, "POST", "/Users", ScimMessages.entraUser("bob." + run + "@contoso.example",
                    UUID.randomUUID().toString(), "Bob", "Stone", "E-2", "Patrol", ada)).path("id").asText();
            group = scim.expect(201, "POST", "/Groups", ScimMessages.emptyGroup("Leads " + run, "g-" + run))
                    .path("id").asText();
            scim.patchOk("/Groups/" + group, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + ada + "\"},{\"value\":\"" + bob + "\"}]}"));
            scim.expect(200, "PATCH", "/Users/" + bob, patch("{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Lead\"}"));
            scim.expect(200, "PATCH", "/Users/" + ada, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
            before = Snapshot.take(scim, ada, bob, group);
        }
        // The snapshot itself must hold what was written, or comparing it after the restart proves nothing.
        assertThat(before.bobUser().path("title").asText()).isEqualTo("Lead");
        assertThat(before.group().path("members").size()).isEqualTo(2);
        assertThat(before.role().path("memberCount").asInt()).isEqualTo(2);
        assertThat(before.adaHistory()).extracting(Entry::action).containsExactly("CREATED", "ROLE_ASSIGNED", "DEACTIVATED");
        assertThat(before.bobHistory()).extracting(Entry::action).containsExactly("CREATED", "ROLE_ASSIGNED", "UPDATED");

        try (ExampleServer again = TestServers.h2(dataDir)) {
            ScimHttp scim = ScimHttp.of(again, TestServers.TOKEN);
            Snapshot after = Snapshot.take(scim, ada, bob, group);
            assertThat(after).isEqualTo(before);
            // Still found by filter (the indexed columns came back too) and still unique.
            assertThat(scim.get("/Users?filter=" + q("userName eq \"BOB." + run + "@contoso.example\""))
                    .path("totalResults").asInt()).isEqualTo(1);
            scim.expect(409, "POST", "/Users", ScimMessages.entraUser("bob." + run + "@contoso.example",
                    UUID.randomUUID().toString(), "Bob", "Again", "E-3", "Patrol", null));

            // Versions continue where they were; History grows by one entry for one change.
            String versionBefore = before.bobUser().path("meta").path("version").asText();
            JsonNode patched = scim.expect(200, "PATCH", "/Users/" + bob,
                    patch("{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Senior Lead\"}"));
            assertThat(patched.path("meta").path("version").asText()).isNotEqualTo(versionBefore);
            assertThat(scim.trackTik().actions(bob)).containsExactly("CREATED", "ROLE_ASSIGNED", "UPDATED", "UPDATED");
        }

        // A different data directory is a different store: the data really lives under --data-dir.
        try (ExampleServer elsewhere = TestServers.h2(otherDataDir)) {
            ScimHttp scim = ScimHttp.of(elsewhere, TestServers.TOKEN);
            scim.expect(404, "GET", "/Users/" + bob, null);
            assertThat(scim.trackTik().employees()).isEmpty();
        }
    }

    /** Everything a client and an administrator can read about the data, as JSON and History. */
    private record Snapshot(JsonNode adaUser, JsonNode bobUser, JsonNode group, JsonNode adaEmployee,
                            JsonNode bobEmployee, JsonNode role, List<Entry> adaHistory, List<Entry> bobHistory) {
        static Snapshot take(ScimHttp scim, String ada, String bob, String group) {
            TrackTikAdmin trackTik = scim.trackTik();
            return new Snapshot(stored(scim, "/Users/" + ada), stored(scim, "/Users/" + bob), stored(scim, "/Groups/" + group),
                    trackTik.employee(ada), trackTik.employee(bob), trackTik.role(group),
                    trackTik.history(ada), trackTik.history(bob));
        }

        /**
         * The resource without meta.location and members' $ref, which name the port the server happens
         * to listen on.
         */
        private static JsonNode stored(ScimHttp scim, String path) {
            JsonNode resource = scim.get(path);
            assertThat(resource.path("meta").path("location").asText()).endsWith(path);
            ((ObjectNode) resource.path("meta")).remove("location");
            for (JsonNode member : resource.path("members")) {
                assertThat(member.path("$ref").asText()).endsWith("/Users/" + member.path("value").asText());
                ((ObjectNode) member).remove("$ref");
            }
            return resource;
        }
    }
}
