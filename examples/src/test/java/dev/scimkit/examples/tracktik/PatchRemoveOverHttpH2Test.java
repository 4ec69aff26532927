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
import java.util.List;
import java.util.UUID;

import static dev.scimkit.examples.tracktik.ScimMessages.patch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PATCH does what it says or fails, on the default store (H2) over HTTP: a remove that names no
 * value empties the role, one that names an empty list leaves it as it is and answers with the
 * group, and a malformed PatchOp is a 400 before the target is looked up.
 */
class PatchRemoveOverHttpH2Test {

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
        ann = createUser("ann", "Ann", "Archer");
        bob = createUser("bob", "Bob", "Baker");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String createUser(String handle, String given, String family) {
        String userName = handle + "." + UUID.randomUUID() + "@contoso.example";
        return scim.expect(201, "POST", "/Users", ScimMessages.entraUser(userName, UUID.randomUUID().toString(),
                given, family, "E-" + handle, "Patrol", null)).path("id").asText();
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
}
