package dev.scimkit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static dev.scimkit.server.http.HttpScimServer.patch;
import static dev.scimkit.server.http.HttpScimServer.user;
import static dev.scimkit.server.http.HttpScimServer.q;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and broken input over HTTP: every answer is a 4xx with an RFC 7644 error body, never a 500. */
class HostileInputHttpTest {

    @RegisterExtension
    static final HttpScimServer server = HttpScimServer.perClass();

    private static String userId;
    private static String groupId;

    @BeforeAll
    static void createFixtures() {
        userId = server.post("/Users", user("hostile_" + UUID.randomUUID(), null)).json().path("id").asText();
        groupId = server.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"hostile\"}")
                .json().path("id").asText();
    }

    private static void assertScimError(HttpScimServer.Reply r, int status, String scimType) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        JsonNode body = r.json();
        assertThat(body.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(body.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(body.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        if (scimType != null) {
            assertThat(body.path("scimType").asText()).isEqualTo(scimType);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"userName\":}", "[1,2", "nul", "{\"a\":1}{", "{\"userName\":\"x\",\"userName\":\"y\"}", ""})
    void malformedJsonIsInvalidSyntax(String body) {
        assertScimError(server.post("/Users", body), 400, "invalidSyntax");
        assertScimError(server.patch("/Users/" + userId, body), 400, "invalidSyntax");
        assertScimError(server.put("/Users/" + userId, body), 400, "invalidSyntax");
    }

    @Test
    void aJsonArrayOrScalarIsNotAResource() {
        assertScimError(server.post("/Users", "[]"), 400, "invalidSyntax");
        assertScimError(server.post("/Users", "42"), 400, "invalidSyntax");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":42}",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\",\"name\":\"not an object\"}",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\",\"emails\":{\"value\":3}}",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":[\"x\"]}",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}"})
    void wrongTypesAndMissingRequiredAre400(String body) {
        var r = server.post("/Users", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertScimError(r, 400, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName eq", "userName xx \"a\"", "((userName eq \"a\"", "userName eq \"unterminated",
            "and or not", "emails[type eq \"work\"", "userName eq \"a\" and", "\"a\" eq userName"})
    void invalidFiltersAreInvalidFilter(String filter) {
        assertScimError(server.get("/Users?filter=" + q(filter)), 400, "invalidFilter");
    }

    @Test
    void deeplyNestedFiltersAreRejectedNotOverflowed() {
        // In the query string (as deep as a URL can carry) and in a .search body (much deeper).
        String deep = "(".repeat(1_000) + "userName eq \"a\"" + ")".repeat(1_000);
        assertScimError(server.get("/Users?filter=" + q(deep)), 400, "invalidFilter");
        String deeper = "not(".repeat(8_000) + "userName eq \"a\"" + ")".repeat(8_000);
        assertScimError(server.post("/Users/.search", "{\"filter\":\"" + deeper.replace("\"", "\\\"") + "\"}"), 400, "invalidFilter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"emails[type eq]", "name..givenName", "[", "emails[type eq \"work\"]]", "nosuchattribute", "meta.version"})
    void invalidPatchPathsAre400(String path) {
        var r = server.patch("/Users/" + userId, patch("{\"op\":\"replace\",\"path\":\"" + path.replace("\"", "\\\"") + "\",\"value\":\"x\"}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertScimError(r, 400, null);
    }

    /**
     * RFC 7644 §3.5.2: the body MUST carry the PatchOp URN in {@code schemas} and an {@code Operations}
     * array of one or more operations. The body is refused before the target is looked up, so an
     * unknown id gets the same 400 as a known one, not a 404.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Operations\":[{\"op\":\"remove\",\"path\":\"title\"}]}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"title\"}]}",
            "{\"schemas\":[],\"Operations\":[{\"op\":\"remove\",\"path\":\"title\"}]}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":null}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":{\"op\":\"remove\",\"path\":\"title\"}}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[]}"})
    void malformedPatchBodiesAreInvalidSyntaxBeforeTheTargetIsLookedUp(String body) {
        assertScimError(server.patch("/Users/" + userId, body), 400, "invalidSyntax");
        assertScimError(server.patch("/Groups/" + groupId, body), 400, "invalidSyntax");
        assertScimError(server.patch("/Users/" + UUID.randomUUID(), body), 400, "invalidSyntax");
        assertScimError(server.patch("/Groups/no-such-group", body), 400, "invalidSyntax");
        // and a well-formed body for an unknown id is the 404 it always was
        assertScimError(server.patch("/Users/" + UUID.randomUUID(), patch("{\"op\":\"remove\",\"path\":\"title\"}")), 404, null);
    }

    @Test
    void unknownPatchOpIs400() {
        assertScimError(server.patch("/Users/" + userId, patch("{\"op\":\"move\",\"path\":\"userName\",\"value\":\"x\"}")), 400, null);
    }

    @Test
    void deeplyNestedJsonIsInvalidSyntax() {
        String deep = "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000);
        assertScimError(server.post("/Users", deep), 400, "invalidSyntax");
        String arrays = "[".repeat(10_000) + "]".repeat(10_000);
        assertScimError(server.post("/Bulk", arrays), 400, "invalidSyntax");
    }

    @Test
    void oversizedBodiesAre413() {
        byte[] big = ("{\"userName\":\"" + "x".repeat(server.limits.maxPayloadBytes()) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertScimError(server.send("POST", "/Users", big, HttpScimServer.TOKEN_A, "application/scim+json"), 413, null);
        assertScimError(server.send("POST", "/Bulk", big, HttpScimServer.TOKEN_A, "application/scim+json"), 413, null);
    }

    @Test
    void invalidUtf8IsInvalidSyntax() {
        byte[] body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ab\"}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[body.length + 2];
        int at = new String(body, StandardCharsets.UTF_8).indexOf("ab");
        System.arraycopy(body, 0, broken, 0, at);
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        broken[at + 2] = (byte) 0xFF;
        System.arraycopy(body, at, broken, at + 3, body.length - at - 1);
        assertScimError(server.send("POST", "/Users", broken, HttpScimServer.TOKEN_A, "application/scim+json"), 400, "invalidSyntax");
    }

    @Test
    void unknownIdsAre404() {
        assertScimError(server.get("/Users/010101001010101011001010101011"), 404, null);
        assertScimError(server.put("/Users/nope", user("nope", null)), 404, null);
        assertScimError(server.patch("/Groups/nope", patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}")), 404, null);
        assertScimError(server.delete("/Groups/nope"), 404, null);
        assertScimError(server.get("/Nothing"), 404, null);
        assertScimError(server.get("/Users/a/b"), 404, null);
        assertScimError(server.get("/Schemas/urn:nope"), 404, null);
    }

    @Test
    void wrongOrMissingTokensAre401WithAChallenge() {
        for (String token : new String[] {null, "wrong", HttpScimServer.TOKEN_A + "x", ""}) {
            var r = server.send("GET", "/Users", null, token, null);
            assertScimError(r, 401, null);
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        }
        var basic = server.send("GET", "/Users", null, null, null, "Authorization", "Basic dXNlcjpwYXNz");
        assertScimError(basic, 401, null);
    }

    @Test
    void unsupportedMediaTypesAndMethods() {
        assertScimError(server.send("POST", "/Users", user("m", null).getBytes(StandardCharsets.UTF_8), HttpScimServer.TOKEN_A, "text/plain"), 415, null);
        assertScimError(server.send("POST", "/Users", user("m", null).getBytes(StandardCharsets.UTF_8), HttpScimServer.TOKEN_A,
                "application/json; charset=nonsense-42"), 415, null);
        assertScimError(server.send("DELETE", "/Users", null, HttpScimServer.TOKEN_A, null), 405, null);
        assertScimError(server.send("PATCH", "/ServiceProviderConfig", "{}".getBytes(), HttpScimServer.TOKEN_A, "application/json"), 405, null);
    }

    @Test
    void badPagingAndSortingParameters() {
        assertScimError(server.get("/Users?startIndex=abc"), 400, "invalidValue");
        assertScimError(server.get("/Users?count=1.5"), 400, "invalidValue");
        assertScimError(server.get("/Users?sortBy=userName&sortOrder=sideways"), 400, "invalidValue");
        assertScimError(server.get("/Users?attributes=userName&excludedAttributes=emails"), 400, "invalidValue");
        assertThat(server.get("/Users?startIndex=-5&count=-3").status()).isEqualTo(200);
        assertThat(server.get("/Users?count=99999999999999999999999").status()).isEqualTo(200);
    }

    @Test
    void brokenPercentEscapesDoNotBreakTheServer() {
        // java.net.http refuses to send such a URI, so the binding's decoder is exercised directly.
        var decoded = dev.scimkit.server.servlet.ScimServlet.decodeQuery("filter=userName+eq+%22a%ZZ%22&count=%E2%82%AC&x");
        assertThat(decoded.get("filter")).containsExactly("userName eq \"a%ZZ\"");
        assertThat(decoded.get("count")).containsExactly("\u20ac");
        assertThat(decoded.get("x")).containsExactly("");
    }

    @Test
    void membersMustExistInTheTenant() {
        String otherTenantUser = server.send("POST", "/Users", user("other_" + UUID.randomUUID(), null).getBytes(StandardCharsets.UTF_8),
                HttpScimServer.TOKEN_B, "application/scim+json").json().path("id").asText();
        var r = server.patch("/Groups/" + groupId, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + otherTenantUser + "\"}]}"));
        assertScimError(r, 400, "invalidValue");
        assertThat(r.json().path("detail").asText()).contains(otherTenantUser);
        var post = server.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"g" + UUID.randomUUID()
                + "\",\"members\":[{\"value\":\"ghost\"}]}");
        assertScimError(post, 400, "invalidValue");
    }

    @Test
    void hostileBulkRequests() {
        assertScimError(server.post("/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]}"), 400, "invalidSyntax");
        assertScimError(server.post("/Bulk", "{\"Operations\":[],\"failOnErrors\":\"x\"}"), 400, "invalidValue");
        var garbage = server.post("/Bulk", "{\"Operations\":[1,{\"method\":\"GET\",\"path\":\"/Users\"},{\"method\":\"POST\",\"path\":\"/Bulk\",\"bulkId\":\"b\",\"data\":{}}]}");
        assertThat(garbage.status()).isEqualTo(200);
        garbage.json().path("Operations").forEach(op -> assertThat(op.path("status").asText()).startsWith("4"));
        assertThat(garbage.json().path("Operations")).hasSize(3);
    }
}
