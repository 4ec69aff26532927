package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.scimkit.examples.tracktik.ScimMessages.patch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups (TrackTik roles) on the default store (H2) over HTTP:
 * <ul>
 *   <li>a PATCH does what it says or fails: a remove that names no value empties the role, one that
 *       names an empty list leaves it as it is and answers with the group, and a malformed PatchOp is
 *       a 400 before the target is looked up;</li>
 *   <li>{@code members[].display} is the User's displayName (its userName when it has none) as it is
 *       now, never what a client sent; {@code $ref} is the User's absolute URL.</li>
 * </ul>
 */
class GroupsOverHttpH2Test {

    @TempDir
    static Path dataDir;

    private static ExampleServer server;
    private static ScimHttp scim;
    private static String ann;
    private static String bob;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.h2(dataDir);
        scim = ScimHttp.of(server, TestServers.TOKEN);
        ann = createUser("ann." + UUID.randomUUID() + "@contoso.example", "Ann Archer");
        bob = createUser("bob." + UUID.randomUUID() + "@contoso.example", null);
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

    private static String roleWithAnnAndBob() {
        String id = scim.expect(201, "POST", "/Groups", ScimMessages.emptyGroup("Role " + UUID.randomUUID(),
                UUID.randomUUID().toString())).path("id").asText();
        scim.patchOk("/Groups/" + id, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":["
                + ScimMessages.memberValues(List.of(ann, bob)) + "]}"));
        assertThat(memberIds(scim.get("/Groups/" + id))).containsExactlyInAnyOrder(ann, bob);
        return id;
    }

    private static List<String> memberIds(JsonNode group) {
        List<String> ids = new ArrayList<>();
        group.path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"value\":\"\"", ",\"value\":null", ""})
    void aRemoveOfMembersThatNamesNoValueEmptiesTheRole(String value) {
        String role = roleWithAnnAndBob();
        scim.expect(204, "PATCH", "/Groups/" + role, patch("{\"op\":\"remove\",\"path\":\"members\"" + value + "}"));
        assertThat(memberIds(scim.get("/Groups/" + role))).isEmpty();
        assertThat(scim.trackTik().holders(role)).isEmpty();
    }

    @Test
    void aRemoveOfAnEmptyListLeavesTheRoleAndAnswersWithIt() {
        String role = roleWithAnnAndBob();
        JsonNode answer = scim.expect(200, "PATCH", "/Groups/" + role,
                patch("{\"op\":\"remove\",\"path\":\"members\",\"value\":[]}"));
        assertThat(memberIds(answer)).containsExactlyInAnyOrder(ann, bob);
        assertThat(scim.trackTik().holders(role)).containsExactlyInAnyOrder(ann, bob);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Operations\":[{\"op\":\"remove\",\"path\":\"members\"}]}",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members\"}]}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"operations\":\"remove all\"}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[]}"})
    void aMalformedPatchOpIsInvalidSyntaxWhetherOrNotTheGroupExists(String body) {
        String role = roleWithAnnAndBob();
        for (String id : new String[] {role, UUID.randomUUID().toString()}) {
            var reply = scim.send("PATCH", "/Groups/" + id, body);
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        }
        assertThat(scim.trackTik().holders(role)).containsExactlyInAnyOrder(ann, bob);
    }

    private static Map<String, JsonNode> membersById(JsonNode group) {
        Map<String, JsonNode> out = new HashMap<>();
        group.path("members").forEach(m -> out.put(m.path("value").asText(), m));
        return out;
    }

    @Test
    void membersAreNamedAndLinkedAndARenameShowsOnTheNextRead() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ada = createUser("ada." + run + "@contoso.example", "Ada Archer");
        String cyUserName = "cy." + run + "@contoso.example";
        String cy = createUser(cyUserName, null);
        String role = scim.expect(201, "POST", "/Groups", ScimMessages.emptyGroup("Guards " + run, UUID.randomUUID().toString()))
                .path("id").asText();
        scim.patchOk("/Groups/" + role, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":["
                + "{\"value\":\"" + ada + "\",\"display\":\"Somebody Else\"},{\"value\":\"" + cy + "\"}]}"));

        Map<String, JsonNode> members = membersById(scim.get("/Groups/" + role));
        assertThat(members).containsOnlyKeys(ada, cy);
        assertThat(members.get(ada).path("display").asText()).isEqualTo("Ada Archer");
        assertThat(members.get(cy).path("display").asText()).isEqualTo(cyUserName);
        assertThat(members.get(ada).path("$ref").asText()).isEqualTo(server.baseUrl() + "/Users/" + ada);
        assertThat(members.get(cy).path("$ref").asText()).isEqualTo(server.baseUrl() + "/Users/" + cy);
        assertThat(members.get(cy).path("type").asText()).isEqualTo("User");

        // Entra ID renames Ada; her role shows the new name on the next read, in lists too
        scim.expect(200, "PATCH", "/Users/" + ada, patch("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Ada Baker\"}"));
        assertThat(membersById(scim.get("/Groups/" + role)).get(ada).path("display").asText()).isEqualTo("Ada Baker");
        JsonNode listed = scim.get("/Groups?filter=" + ScimHttp.q("displayName eq \"Guards " + run + "\"")).path("Resources").get(0);
        assertThat(membersById(listed).get(ada).path("display").asText()).isEqualTo("Ada Baker");
        assertThat(membersById(listed).get(ada).path("$ref").asText()).isEqualTo(server.baseUrl() + "/Users/" + ada);

        // Entra ID's lookup before a group create leaves members out
        JsonNode withoutMembers = scim.get("/Groups?excludedAttributes=members&filter="
                + ScimHttp.q("displayName eq \"Guards " + run + "\"")).path("Resources").get(0);
        assertThat(withoutMembers.has("members")).isFalse();
        assertThat(scim.trackTik().holders(role)).containsExactlyInAnyOrderElementsOf(List.of(ada, cy));
    }
}
