package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.examples.ExampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static dev.scimkit.examples.tracktik.ScimMessages.patch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom attributes of Entra ID and Okta over HTTP into the default store (H2), with the sample schema
 * file of {@code examples/schemas} declared through {@code --schema-dir}: they are served, validated,
 * filterable, patchable in Entra ID's forms, and come back exactly as sent, so a full cycle converges.
 */
class CustomExtensionOverHttpH2Test {

    static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
    static final String UNDECLARED = "urn:ietf:params:scim:schemas:extension:Undeclared:2.0:User";
    /** The sample the documentation points at; tests run in the examples module's directory. */
    static final String SCHEMA_DIR = Path.of("schemas").toAbsolutePath().toString();

    @TempDir
    static Path dataDir;

    private static ExampleServer server;
    private static ScimHttp scim;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.h2(dataDir, "--schema-dir", SCHEMA_DIR);
        scim = ScimHttp.of(server, TestServers.TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Entra ID's create with the administrator's custom extension next to the enterprise one. */
    static String entraUserWithBadge(String userName, String badge, String site) {
        String body = ScimMessages.entraUser(userName, UUID.randomUUID().toString(), "Bea", "Badge", "E-" + badge,
                "Patrol", null);
        return body.replace("\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],",
                        "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\",\"" + CUSTOM + "\"],")
                .replaceFirst("}\\s*$", ",\"" + CUSTOM + "\":{\"badgeNumber\":\"" + badge + "\",\"siteCode\":\""
                        + site + "\",\"clearanceLevel\":2}}");
    }

    @Test
    void theDeclaredSchemaIsServedAndAttachedToUsers() {
        JsonNode schema = scim.get("/Schemas/" + CUSTOM);
        assertThat(schema.path("id").asText()).isEqualTo(CUSTOM);
        assertThat(schema.path("attributes").findValuesAsText("name")).contains("badgeNumber", "siteCode", "clearanceLevel");
        assertThat(schema.has("resourceType")).as("the file's placement member is not part of the schema").isFalse();

        JsonNode user = scim.get("/ResourceTypes/User");
        assertThat(user.path("schemaExtensions").findValuesAsText("schema")).contains(
                ScimHttp.ENTERPRISE, CUSTOM);
    }

    @Test
    void entraCreateAndUpdateKeepTheCustomExtension() {
        String run = run();
        String body = entraUserWithBadge("badge." + run + "@contoso.example", "B-" + run, "MTL");
        JsonNode created = scim.expect(201, "POST", "/Users", body);
        String id = created.path("id").asText();
        JsonNode sentExtension = json(body).path(CUSTOM);

        assertThat(created.path(CUSTOM)).isEqualTo(sentExtension);
        assertThat(created.path("schemas").toString()).contains(CUSTOM);
        assertThat(scim.get("/Users/" + id).path(CUSTOM)).isEqualTo(sentExtension);

        // Entra ID's path-less replace with a dotted URN key, then the path form
        scim.patchOk("/Users/" + id, patch("{\"op\":\"Replace\",\"value\":{\"" + CUSTOM + ":badgeNumber\":\"C-" + run + "\"}}"));
        scim.patchOk("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"" + CUSTOM + ":siteCode\",\"value\":\"TOR\"}"));
        JsonNode after = scim.get("/Users/" + id);
        assertThat(after.path(CUSTOM).path("badgeNumber").asText()).isEqualTo("C-" + run);
        assertThat(after.path(CUSTOM).path("siteCode").asText()).isEqualTo("TOR");
        assertThat(after.path(CUSTOM).path("clearanceLevel").asInt()).isEqualTo(2);
        assertThat(after.path(ScimHttp.ENTERPRISE).path("department").asText()).isEqualTo("Patrol");

        scim.patchOk("/Users/" + id, patch("{\"op\":\"Remove\",\"path\":\"" + CUSTOM + ":siteCode\"}"));
        assertThat(scim.get("/Users/" + id).path(CUSTOM).has("siteCode")).isFalse();
    }

    @Test
    void declaredAttributesAreValidatedLikeCoreOnes() {
        String body = entraUserWithBadge("typed." + run() + "@contoso.example", "B-1", "MTL")
                .replace("\"clearanceLevel\":2", "\"clearanceLevel\":\"high\"");
        JsonNode error = scim.expect(400, "POST", "/Users", body);
        assertThat(error.path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(error.path("detail").asText()).contains(CUSTOM + ":clearanceLevel must be an integer");
    }

    @Test
    void aFilterAndASortOnAnExtensionAttributeFindTheUser() {
        String run = run();
        String first = scim.expect(201, "POST", "/Users",
                entraUserWithBadge("f1." + run + "@contoso.example", "Z-" + run + "-2", "VAN")).path("id").asText();
        String second = scim.expect(201, "POST", "/Users",
                entraUserWithBadge("f2." + run + "@contoso.example", "Z-" + run + "-1", "VAN")).path("id").asText();

        JsonNode byBadge = scim.get("/Users?filter=" + ScimHttp.q(CUSTOM + ":badgeNumber eq \"z-" + run + "-2\""));
        assertThat(byBadge.path("Resources")).singleElement()
                .satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(first));

        JsonNode sorted = scim.get("/Users?filter=" + ScimHttp.q(CUSTOM + ":badgeNumber sw \"Z-" + run + "\"")
                + "&sortBy=" + ScimHttp.q(CUSTOM + ":badgeNumber"));
        assertThat(sorted.path("Resources").findValuesAsText("id")).containsExactly(second, first);
    }

    @Test
    void anOktaCustomAttributeRoundTripsThroughCreateAndReplace() {
        String run = run();
        String userName = "okta." + run + "@example.com";
        String body = ScimMessages.oktaUser(userName, "Oka", "Ta", "00u" + run)
                .replace("\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]",
                        "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + CUSTOM + "\"]")
                .replaceFirst("}\\s*$", ",\"" + CUSTOM + "\":{\"badgeNumber\":\"O-" + run + "\"}}");
        String id = scim.expect(201, "POST", "/Users", body).path("id").asText();
        assertThat(scim.get("/Users/" + id).path(CUSTOM).path("badgeNumber").asText()).isEqualTo("O-" + run);

        JsonNode replaced = scim.expect(200, "PUT", "/Users/" + id, body.replace("O-" + run, "P-" + run));
        assertThat(replaced.path(CUSTOM)).isEqualTo(json("{\"badgeNumber\":\"P-" + run + "\"}"));
        assertThat(scim.get("/Users/" + id).path(CUSTOM).path("badgeNumber").asText()).isEqualTo("P-" + run);
    }

    /**
     * Entra ID's full cycle sends the same user again when it re-evaluates it; the server must hand
     * back what it holds unchanged, or the next cycle sees a difference and updates again.
     */
    @Test
    void aFullCycleReplayOfTheSameUserChangesNothing() {
        String run = run();
        String body = entraUserWithBadge("replay." + run + "@contoso.example", "R-" + run, "MTL");
        JsonNode created = scim.expect(201, "POST", "/Users", body);
        String id = created.path("id").asText();
        JsonNode before = scim.get("/Users/" + id);

        JsonNode replayed = scim.expect(200, "PUT", "/Users/" + id, body);
        JsonNode after = scim.get("/Users/" + id);

        assertThat(withoutMeta(replayed)).isEqualTo(withoutMeta(before));
        assertThat(withoutMeta(after)).isEqualTo(withoutMeta(before));
        assertThat(after.path(CUSTOM)).isEqualTo(json(body).path(CUSTOM));
    }

    @Test
    void anUndeclaredExtensionIsRefusedNamingItAndHowToDeclareIt() {
        String run = run();
        String userName = "undeclared." + run + "@contoso.example";
        String body = entraUserWithBadge(userName, "U-" + run, "MTL").replace(CUSTOM, UNDECLARED);

        JsonNode error = scim.expect(400, "POST", "/Users", body);

        assertThat(error.path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(error.path("detail").asText()).contains(UNDECLARED, "--schema-dir", "--undeclared-extensions keep");
        assertThat(scim.get("/Users?filter=" + ScimHttp.q("userName eq \"" + userName + "\"")).path("totalResults").asInt())
                .isZero();
    }

    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    private static JsonNode withoutMeta(JsonNode resource) {
        ObjectNode copy = resource.deepCopy();
        copy.remove("meta");
        return copy;
    }
}
