package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.BaseUrlResolver;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.EmployeeStatus;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.rest.standin.TrackTikStandIn;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCIM repositories over the REST store: the Entra ID cycle (probe, create, PATCH, deactivate,
 * delete) and an Okta group cycle reach the TrackTik stand-in, so the port contract holds for both stores.
 */
class RestScimCycleTest {

    static final String SCIM_TOKEN = "scim-client-token-0123456789";
    static final String PORTAL_TOKEN = "portal-token-0123456789";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final TenantId TENANT = TenantId.of("portal-a");

    TrackTikStandIn portal;
    RestTrackTikStore store;
    ScimServer server;

    @BeforeEach
    void start() {
        portal = TrackTikStandIn.start(PORTAL_TOKEN);
        store = RestTrackTikStore.open(TENANT, RestStoreConfig.builder(portal.baseUrl(), PORTAL_TOKEN)
                .requestTimeout(Duration.ofSeconds(5)).baseBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(100))
                .build());
        SchemaRegistry registry = SchemaRegistry.standard();
        server = TrackTikRepositories.builder(registry, store).build()
                .register(ScimServer.builder(registry))
                .authenticator(BearerTokenAuthenticator.builder().addToken(TENANT, "entra", SCIM_TOKEN).build())
                .baseUrlResolver(BaseUrlResolver.fixed("https://scim.example.com/rest/scim/v2/"))
                .build();
    }

    @AfterEach
    void stop() {
        store.close();
        portal.close();
    }

    @Test
    void entraUserCycleReachesThePortal() {
        String userName = "ada@example.com";
        assertThat(ok(200, "GET", "/Users", "filter", "userName eq \"ADA@example.com\"", null).path("totalResults").asInt()).isZero();
        JsonNode created = ok(201, "POST", "/Users", null, null, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\""
                + ENTERPRISE + "\"],\"externalId\":\"e-1\",\"userName\":\"" + userName + "\",\"active\":true,"
                + "\"displayName\":\"Ada Lovelace\",\"title\":\"Site Supervisor\",\"nickName\":\"Countess\","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}],"
                + "\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},"
                + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"E-100\",\"department\":\"Patrol\"}}");
        String id = created.path("id").asText();
        assertThat(created.path("meta").path("version").asText()).isEqualTo("W/\"1\"");
        assertThat(portal.employees()).singleElement().satisfies(e -> {
            assertThat(e.path("firstName").asText()).isEqualTo("Ada");
            assertThat(e.path("customId").asText()).isEqualTo("E-100");
            assertThat(e.path("jobTitle").asText()).isEqualTo("Site Supervisor");
        });

        JsonNode found = ok(200, "GET", "/Users", "filter", "userName eq \"ADA@EXAMPLE.COM\"", null);
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").get(0).path("nickName").asText()).isEqualTo("Countess");
        JsonNode byExternalId = ok(200, "GET", "/Users", "filter", "externalId eq \"E-1\"", null);
        assertThat(byExternalId.path("totalResults").asInt()).as("externalId is case-exact").isZero();

        ok(200, "PATCH", "/Users/" + id, null, null, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Account Manager\"}]}");
        ok(200, "PATCH", "/Users/" + id, null, null, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        assertThat(store.findEmployee(TENANT, id).orElseThrow().employee().status()).isEqualTo(EmployeeStatus.INACTIVE);
        assertThat(portal.employees().get(0).path("status").asText()).isEqualTo("INACTIVE");
        JsonNode inactive = ok(200, "GET", "/Users", "filter", "active eq false and userName eq \"" + userName + "\"", null);
        assertThat(inactive.path("totalResults").asInt()).isEqualTo(1);

        ok(204, "DELETE", "/Users/" + id, null, null, null);
        ok(404, "GET", "/Users/" + id, null, null, null);
        assertThat(portal.employees().get(0).path("status").asText()).isEqualTo("ARCHIVED");
        assertThat(store.history(TENANT, id)).extracting(HistoryEntry::action).containsExactly(HistoryAction.CREATED,
                HistoryAction.UPDATED, HistoryAction.DEACTIVATED, HistoryAction.ARCHIVED);
    }

    @Test
    void oktaGroupCycleAssignsAndRemovesRoles() {
        String u1 = ok(201, "POST", "/Users", null, null, user("g1@example.com", "Grace", "Hopper")).path("id").asText();
        String u2 = ok(201, "POST", "/Users", null, null, user("g2@example.com", "Alan", "Kay")).path("id").asText();
        String gid = ok(201, "POST", "/Groups", null, null, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Guards\",\"members\":[{\"value\":\"" + u1 + "\"}]}").path("id").asText();
        ok(204, "PATCH", "/Groups/" + gid, null, null, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + u2 + "\"}]}]}");
        ok(204, "PATCH", "/Groups/" + gid, null, null, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + u1 + "\\\"]\"}]}");
        JsonNode group = ok(200, "GET", "/Groups/" + gid, null, null, null);
        assertThat(group.path("members")).hasSize(1);
        assertThat(group.path("members").get(0).path("value").asText()).isEqualTo(u2);
        // a User without a displayName is named by its userName; $ref is its URL
        assertThat(group.path("members").get(0).path("display").asText()).isEqualTo("g2@example.com");
        assertThat(group.path("members").get(0).path("$ref").asText()).endsWith("/Users/" + u2);
        ok(200, "PATCH", "/Users/" + u2, null, null, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"displayName\",\"value\":\"Alan C. Kay\"}]}");
        assertThat(ok(200, "GET", "/Groups/" + gid, null, null, null).path("members").get(0).path("display").asText())
                .isEqualTo("Alan C. Kay");
        assertThat(ok(200, "GET", "/Users/" + u2, null, null, null).path("groups").get(0).path("display").asText())
                .isEqualTo("Guards");
        assertThat(ok(200, "GET", "/Groups", "filter", "displayName eq \"guards\"", null).path("totalResults").asInt())
                .isEqualTo(1);
        // One role per employee: u1 keeps Guards after its last group went, u2 holds it through the group.
        assertThat(portal.userRoles()).hasSize(2);
        ok(204, "DELETE", "/Groups/" + gid, null, null, null);
        // Both keep the role, so the portal keeps it, no longer a Group.
        assertThat(ok(200, "GET", "/Groups", null, null, null).path("totalResults").asInt()).isZero();
        assertThat(portal.roles()).hasSize(1);
        assertThat(portal.userRoles()).hasSize(2);
    }

    private static String user(String userName, String first, String last) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"name\":{\"givenName\":\"" + first + "\",\"familyName\":\"" + last + "\"}}";
    }

    @Test
    void aUserWithOnlyAUserNameReachesThePortalWithDerivedNamesThatHistoryNotes() {
        JsonNode created = ok(201, "POST", "/Users", null, null,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"kim_park@example.com\"}");
        String id = created.path("id").asText();
        assertThat(created.has("name")).isFalse();
        assertThat(portal.employees()).singleElement().satisfies(e -> {
            assertThat(e.path("firstName").asText()).isEqualTo("kim");
            assertThat(e.path("lastName").asText()).isEqualTo("park");
        });
        assertThat(store.history(TENANT, id).get(0).changes())
                .contains(new FieldChange("firstName", "", "kim", "derived from userName"));

        ok(200, "PATCH", "/Users/" + id, null, null, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"name.familyName\",\"value\":\"Park\"}]}");
        assertThat(portal.employees().get(0).path("lastName").asText()).isEqualTo("Park");
        List<HistoryEntry> history = store.history(TENANT, id);
        assertThat(history.get(history.size() - 1).changes()).containsExactly(
                new FieldChange("lastName", "park", "Park", "as sent, replaces the value derived from userName"));
    }

    @Test
    void cursorPagesWalkThePortalsEmployeesInMemoryAsTheApiCannotSeek() {
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(ok(201, "POST", "/Users", null, null, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"walker" + i + "@example.com\",\"name\":{\"givenName\":\"W\",\"familyName\":\"" + i + "\"}}")
                    .path("id").asText());
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            ScimRequest.Builder b = ScimRequest.builder("GET", "/Users").header("Authorization", "Bearer " + SCIM_TOKEN)
                    .queryParameter("cursor", cursor).queryParameter("count", "2").queryParameter("sortBy", "userName");
            JsonNode page = server.handle(b.build()).bodyJson();
            assertThat(page.path("totalResults").asInt()).isEqualTo(5);
            page.path("Resources").forEach(r -> seen.add(r.path("id").asText()));
            cursor = page.path("nextCursor").asText(null);
        }
        assertThat(seen).isEqualTo(created); // userNames walker0..walker4 sort in creation order
    }

    /**
     * A declared extension (the sample schema file of examples/schemas) survives the REST store: the
     * portal keeps the resource as sent in the employee's SCIM link, and a read returns it unchanged.
     */
    @Test
    void aDeclaredExtensionRoundTripsThroughThePortal() {
        String custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
        SchemaRegistry registry = SchemaRegistry.standard().toBuilder()
                .addSchemaDirectory(java.nio.file.Path.of("../examples/schemas")).build();
        server = TrackTikRepositories.builder(registry, store).build()
                .register(ScimServer.builder(registry))
                .authenticator(BearerTokenAuthenticator.builder().addToken(TENANT, "entra", SCIM_TOKEN).build())
                .baseUrlResolver(BaseUrlResolver.fixed("https://scim.example.com/rest/scim/v2/"))
                .build();
        String extension = "{\"badgeNumber\":\"B-7\",\"siteCode\":\"MTL\",\"clearanceLevel\":4}";

        JsonNode created = ok(201, "POST", "/Users", null, null, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\""
                + custom + "\"],\"userName\":\"badge@example.com\",\"name\":{\"givenName\":\"Bea\",\"familyName\":\"Badge\"},"
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"badge@example.com\"}],"
                + "\"" + custom + "\":" + extension + "}");
        String id = created.path("id").asText();

        JsonNode sent = dev.scimkit.core.json.ScimJson.parse(extension.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(created.path(custom)).isEqualTo(sent);
        assertThat(ok(200, "GET", "/Users/" + id, null, null, null).path(custom)).isEqualTo(sent);
        JsonNode patched = ok(200, "PATCH", "/Users/" + id, null, null, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"value\":{\"" + custom + ":badgeNumber\":\"B-8\"}}]}");
        assertThat(patched.path(custom).path("badgeNumber").asText()).isEqualTo("B-8");
        assertThat(ok(200, "GET", "/Users/" + id, null, null, null).path(custom).path("clearanceLevel").asInt()).isEqualTo(4);
    }

    /**
     * What one SCIM change costs on the portal's rate limit (requests per minute), call by call, on a
     * portal that answers everything at once: the budget the soak's requests per change come from.
     */
    @Test
    void eachScimChangeSendsOnlyTheRequestsItNeeds() {
        String u = ok(201, "POST", "/Users", null, null, user("budget@example.com", "Bud", "Get")).path("id").asText();
        String g = ok(201, "POST", "/Groups", null, null, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Budget\"}").path("id").asText();
        String other = ok(201, "POST", "/Groups", null, null, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Other\"}").path("id").asText();
        String addTo = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\","
                + "\"path\":\"members\",\"value\":[{\"value\":\"" + u + "\"}]}]}";

        portal.clearRequests();
        ok(204, "PATCH", "/Groups/" + g, null, null, addTo);
        // The role (under its lock), the employee (under its lock), its user-roles, the new user-role,
        // one PATCH with memberships, held role and History, and the role's new version. The engine's
        // check that the member exists is answered from the store's own knowledge of the employee.
        assertThat(calls()).containsExactlyInAnyOrder("GET /roles/{id}", "GET /employees/{id}", "GET /user-roles",
                "POST /user-roles", "PATCH /employees/{id}", "PATCH /roles/{id}");

        portal.clearRequests();
        ok(204, "PATCH", "/Groups/" + other, null, null, addTo);
        // A second group that leaves the held role as it is touches no user-role.
        assertThat(calls()).containsExactlyInAnyOrder("GET /roles/{id}", "GET /employees/{id}", "PATCH /employees/{id}",
                "PATCH /roles/{id}");

        portal.clearRequests();
        ok(200, "PATCH", "/Users/" + u, null, null, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Lead\"}]}");
        // Read to apply the PATCH, read again under the employee's lock (another writer may have been
        // first), one PATCH with the History entry: group names come from the role cache.
        assertThat(calls()).containsExactlyInAnyOrder("GET /employees/{id}", "GET /employees/{id}", "PATCH /employees/{id}");
    }

    /** The calls the portal received since the last clear, ids and query strings folded. */
    private java.util.List<String> calls() {
        return portal.requests().stream().map(r -> r.method() + " " + r.path().replaceAll("/\\d+", "/{id}")).toList();
    }

    private JsonNode ok(int status, String method, String path, String param, String value, String body) {
        ScimRequest.Builder b = ScimRequest.builder(method, path).header("Authorization", "Bearer " + SCIM_TOKEN);
        if (param != null) {
            b.queryParameter(param, value);
        }
        if (body != null) {
            b.body(body).header("Content-Type", "application/scim+json");
        }
        ScimResponse r = server.handle(b.build());
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " from " + method + " " + path + " but got " + r.status()
                    + " " + r.bodyText());
        }
        return r.bodyLength() == 0 ? null : r.bodyJson();
    }

}
