package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.scimkit.examples.tracktik.ScimMessages.patch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code members[].display} and {@code $ref} of a role read over HTTP from the default store (H2):
 * display is the User's displayName (its userName when it has none) as it is now, never what a client
 * sent; $ref is the User's absolute URL.
 */
class GroupMembersOverHttpH2Test {

    @TempDir
    static Path dataDir;

    private static ExampleServer server;
    private static ScimHttp scim;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.h2(dataDir);
        scim = ScimHttp.of(server, TestServers.TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String createUser(String userName, String displayName) {
        String display = displayName == null ? "" : "\"displayName\":\"" + displayName + "\",";
        return scim.expect(201, "POST", "/Users", "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"" + userName
                + "\"," + display + "\"name\":{\"givenName\":\"Given\",\"familyName\":\"Family\"}}").path("id").asText();
    }

    private static Map<String, JsonNode> membersById(JsonNode group) {
        Map<String, JsonNode> out = new HashMap<>();
        group.path("members").forEach(m -> out.put(m.path("value").asText(), m));
        return out;
    }

    @Test
    void membersAreNamedAndLinkedAndARenameShowsOnTheNextRead() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ann = createUser("ann." + run + "@contoso.example", "Ann Archer");
        String bobUserName = "bob." + run + "@contoso.example";
        String bob = createUser(bobUserName, null);
        String role = scim.expect(201, "POST", "/Groups", ScimMessages.emptyGroup("Guards " + run, UUID.randomUUID().toString()))
                .path("id").asText();
        scim.patchOk("/Groups/" + role, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":["
                + "{\"value\":\"" + ann + "\",\"display\":\"Somebody Else\"},{\"value\":\"" + bob + "\"}]}"));

        Map<String, JsonNode> members = membersById(scim.get("/Groups/" + role));
        assertThat(members).containsOnlyKeys(ann, bob);
        assertThat(members.get(ann).path("display").asText()).isEqualTo("Ann Archer");
        assertThat(members.get(bob).path("display").asText()).isEqualTo(bobUserName);
        assertThat(members.get(ann).path("$ref").asText()).isEqualTo(server.baseUrl() + "/Users/" + ann);
        assertThat(members.get(bob).path("$ref").asText()).isEqualTo(server.baseUrl() + "/Users/" + bob);
        assertThat(members.get(bob).path("type").asText()).isEqualTo("User");

        // Entra ID renames Ann; her role shows the new name on the next read, in lists too
        scim.expect(200, "PATCH", "/Users/" + ann, patch("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Ann Baker\"}"));
        assertThat(membersById(scim.get("/Groups/" + role)).get(ann).path("display").asText()).isEqualTo("Ann Baker");
        JsonNode listed = scim.get("/Groups?filter=" + ScimHttp.q("displayName eq \"Guards " + run + "\"")).path("Resources").get(0);
        assertThat(membersById(listed).get(ann).path("display").asText()).isEqualTo("Ann Baker");
        assertThat(membersById(listed).get(ann).path("$ref").asText()).isEqualTo(server.baseUrl() + "/Users/" + ann);

        // Entra ID's lookup before a group create leaves members out
        JsonNode withoutMembers = scim.get("/Groups?excludedAttributes=members&filter="
                + ScimHttp.q("displayName eq \"Guards " + run + "\"")).path("Resources").get(0);
        assertThat(withoutMembers.has("members")).isFalse();
        assertThat(scim.trackTik().holders(role)).containsExactlyInAnyOrderElementsOf(List.of(ann, bob));
    }
}
