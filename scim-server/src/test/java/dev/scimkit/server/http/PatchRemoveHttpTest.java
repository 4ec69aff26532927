package dev.scimkit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.scimkit.server.http.HttpScimServer.patch;
import static dev.scimkit.server.http.HttpScimServer.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PATCH remove does what it says or fails, over HTTP on the in-memory store: a remove that names no
 * value ({@code "value":""} as a published compliance suite sends it, {@code null}, or none) removes
 * every value (RFC 7644 §3.5.2.2); one that names an empty list removes nothing and is answered with
 * the resource, so the client sees the members still there instead of a bare 204.
 */
class PatchRemoveHttpTest {

    @RegisterExtension
    static final HttpScimServer server = HttpScimServer.perClass();

    private static String ann;
    private static String bob;

    @BeforeAll
    static void createUsers() {
        ann = server.post("/Users", user("ann_" + UUID.randomUUID(), null)).json().path("id").asText();
        bob = server.post("/Users", user("bob_" + UUID.randomUUID(), null)).json().path("id").asText();
    }

    private static String groupWithAnnAndBob() {
        var created = server.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"g-" + UUID.randomUUID() + "\",\"members\":[{\"value\":\"" + ann + "\"},{\"value\":\"" + bob + "\"}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static List<String> memberIds(JsonNode group) {
        List<String> ids = new ArrayList<>();
        group.path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"value\":\"\"", ",\"value\":null", ""})
    void aRemoveOfMembersThatNamesNoValueRemovesEveryMember(String value) {
        String group = groupWithAnnAndBob();
        var r = server.patch("/Groups/" + group, patch("{\"op\":\"remove\",\"path\":\"members\"" + value + "}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(memberIds(server.get("/Groups/" + group).json())).isEmpty();
        List<String> annsGroups = new ArrayList<>();
        server.get("/Users/" + ann).json().path("groups").forEach(g -> annsGroups.add(g.path("value").asText()));
        assertThat(annsGroups).doesNotContain(group);
    }

    @Test
    void aRemoveOfAnEmptyListRemovesNothingAndTheAnswerShowsTheMembers() {
        String group = groupWithAnnAndBob();
        var r = server.patch("/Groups/" + group, patch("{\"op\":\"remove\",\"path\":\"members\",\"value\":[]}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(memberIds(r.json())).containsExactlyInAnyOrder(ann, bob);
        assertThat(memberIds(server.get("/Groups/" + group).json())).containsExactlyInAnyOrder(ann, bob);
        var addsNothing = server.patch("/Groups/" + group, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[]}"));
        assertThat(addsNothing.status()).as(addsNothing.toString()).isEqualTo(200);
        assertThat(memberIds(addsNothing.json())).containsExactlyInAnyOrder(ann, bob);
    }

    @Test
    void anEmptyStringRemovesASingleValuedAttribute() {
        var before = server.put("/Users/" + ann, user("ann_" + UUID.randomUUID(), null).replace("\"active\":true,",
                "\"active\":true,\"title\":\"Guard\","));
        assertThat(before.json().path("title").asText()).isEqualTo("Guard");
        var r = server.patch("/Users/" + ann, patch("{\"op\":\"Remove\",\"path\":\"title\",\"value\":\"\"}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().has("title")).isFalse();
        assertThat(server.get("/Users/" + ann).json().has("title")).isFalse();
    }
}
