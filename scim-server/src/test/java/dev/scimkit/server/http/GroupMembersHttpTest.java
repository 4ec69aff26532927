package dev.scimkit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static dev.scimkit.server.http.HttpScimServer.patch;
import static dev.scimkit.server.http.HttpScimServer.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code members[].display} and {@code $ref} on every Group read of the in-memory store, over HTTP:
 * display is the member's own name as it is now (a User's displayName, else its userName; a Group's
 * displayName), whatever the client sent there; $ref is the member's absolute URL.
 */
class GroupMembersHttpTest {

    @RegisterExtension
    static final HttpScimServer server = HttpScimServer.perClass();

    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static String ann;
    private static String bobUserName;
    private static String bob;
    private static String nested;

    @BeforeAll
    static void createMembers() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ann = created(server.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"ann-" + tag + "\",\"displayName\":\"Ann Archer\"}"));
        bobUserName = "bob-" + tag;
        bob = created(server.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + bobUserName + "\"}"));
        nested = created(server.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"Nested " + tag + "\"}"));
    }

    private static String created(HttpScimServer.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    /** A group whose members were sent with made-up display names. */
    private static String groupOfAnnBobAndNested() {
        return created(server.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"g-" + UUID.randomUUID() + "\","
                + "\"members\":[{\"value\":\"" + ann + "\",\"display\":\"Somebody Else\"},{\"value\":\"" + bob + "\"},"
                + "{\"value\":\"" + nested + "\",\"type\":\"Group\",\"display\":\"x\",\"$ref\":\"https://elsewhere.example/Groups/1\"}]}"));
    }

    private static Map<String, JsonNode> membersById(JsonNode group) {
        Map<String, JsonNode> out = new HashMap<>();
        group.path("members").forEach(m -> out.put(m.path("value").asText(), m));
        return out;
    }

    @Test
    void everyMemberHasItsOwnNameAndItsAbsoluteUrl() {
        String group = groupOfAnnBobAndNested();
        Map<String, JsonNode> members = membersById(server.get("/Groups/" + group).json());
        assertThat(members).containsOnlyKeys(ann, bob, nested);
        assertThat(members.get(ann).path("display").asText()).isEqualTo("Ann Archer");
        assertThat(members.get(ann).path("$ref").asText()).isEqualTo(server.base + "/Users/" + ann);
        assertThat(members.get(ann).path("type").asText()).isEqualTo("User");
        assertThat(members.get(bob).path("display").asText()).isEqualTo(bobUserName);
        assertThat(members.get(bob).path("$ref").asText()).isEqualTo(server.base + "/Users/" + bob);
        assertThat(members.get(nested).path("display").asText()).startsWith("Nested ");
        assertThat(members.get(nested).path("$ref").asText()).isEqualTo(server.base + "/Groups/" + nested);
        assertThat(members.get(nested).path("type").asText()).isEqualTo("Group");
        // a $ref resolves to the member itself
        String annPath = members.get(ann).path("$ref").asText().substring(server.base.length());
        assertThat(server.get(annPath).json().path("id").asText()).isEqualTo(ann);
    }

    @Test
    void listsSearchesAndProjectionsShowThemToo() {
        String group = groupOfAnnBobAndNested();
        JsonNode listed = server.get("/Groups?filter=" + q("id eq \"" + group + "\"")).json().path("Resources").get(0);
        assertThat(membersById(listed).get(ann).path("display").asText()).isEqualTo("Ann Archer");
        assertThat(membersById(listed).get(bob).path("$ref").asText()).isEqualTo(server.base + "/Users/" + bob);

        JsonNode onlyValues = server.get("/Groups/" + group + "?attributes=members.value").json();
        assertThat(onlyValues.path("members")).hasSize(3)
                .allSatisfy(m -> assertThat(m.fieldNames()).toIterable().containsExactly("value"));
        assertThat(server.get("/Groups/" + group + "?excludedAttributes=members").json().has("members")).isFalse();
    }

    @Test
    void aRenamedMemberShowsUnderItsNewNameInEveryGroup() {
        String first = groupOfAnnBobAndNested();
        String second = groupOfAnnBobAndNested();
        var renamed = server.patch("/Users/" + ann, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ann Baker\"}"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(membersById(server.get("/Groups/" + first).json()).get(ann).path("display").asText()).isEqualTo("Ann Baker");
        assertThat(membersById(server.get("/Groups/" + second).json()).get(ann).path("display").asText()).isEqualTo("Ann Baker");
        assertThat(server.get("/Groups?filter=" + q("members[display eq \"ann baker\"] and id eq \"" + first + "\""))
                .json().path("totalResults").asInt()).isEqualTo(1);

        // a User who loses its displayName is named by its userName
        String bobsNewName = "Robert " + UUID.randomUUID();
        server.patch("/Users/" + bob, patch("{\"op\":\"add\",\"path\":\"displayName\",\"value\":\"" + bobsNewName + "\"}"));
        assertThat(membersById(server.get("/Groups/" + first).json()).get(bob).path("display").asText()).isEqualTo(bobsNewName);
        server.patch("/Users/" + bob, patch("{\"op\":\"remove\",\"path\":\"displayName\"}"));
        assertThat(membersById(server.get("/Groups/" + first).json()).get(bob).path("display").asText()).isEqualTo(bobUserName);
        server.patch("/Users/" + ann, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ann Archer\"}"));
    }

    @Test
    void aPatchMaySelectMembersByTheirDisplay() {
        String group = groupOfAnnBobAndNested();
        var r = server.patch("/Groups/" + group, patch("{\"op\":\"remove\",\"path\":\"members[display eq \\\"" + bobUserName + "\\\"]\"}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(membersById(server.get("/Groups/" + group).json())).containsOnlyKeys(ann, nested);
    }

    @Test
    void whatAClientSendsAsDisplayIsIgnored() {
        String group = groupOfAnnBobAndNested();
        var added = server.patch("/Groups/" + group + "?attributes=members", patch(
                "{\"op\":\"remove\",\"path\":\"members\"},"
                        + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\",\"display\":\"Not Bob\"}]}"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().path("members")).singleElement()
                .satisfies(m -> assertThat(m.path("display").asText()).isEqualTo(bobUserName));
        var replaced = server.put("/Groups/" + group, "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"g-" + UUID.randomUUID() + "\","
                + "\"members\":[{\"value\":\"" + ann + "\",\"display\":\"Not Ann\"}]}");
        assertThat(replaced.json().path("members")).singleElement()
                .satisfies(m -> assertThat(m.path("display").asText()).isEqualTo("Ann Archer"));
    }
}
