package com.example.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.jdbc.JdbcTrackTikStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short Microsoft Entra ID provisioning cycle over real HTTP on loopback, against each way of wiring
 * the library this service shows: Test Connection, create, PATCH in Entra's dialect, filter, delete.
 */
class EntraCycleTest {

    private static final String TENANT = "portal-a";
    private static final String CLIENT = "entra-prod";
    private final String token = "secret-" + UUID.randomUUID();

    @TempDir
    Path dataDir;

    @Test
    void inMemoryStore() throws Exception {
        try (ScimHost host = ScimHost.start(InMemoryWiring.scimServer(TENANT, CLIENT, token), "127.0.0.1", 0)) {
            runCycle(host);
        }
    }

    @Test
    void trackTikAdapterOnH2RecordsEveryChangeInTheEmployeesHistory() throws Exception {
        try (JdbcTrackTikStore store = TrackTikWiring.h2(dataDir);
             ScimHost host = ScimHost.start(TrackTikWiring.scimServer(store, TENANT, CLIENT, token), "127.0.0.1", 0)) {
            String id = runCycle(host);

            assertThat(store.history(TenantId.of(TENANT), id))
                    .extracting(HistoryEntry::action)
                    .containsExactly(HistoryAction.CREATED, HistoryAction.DEACTIVATED, HistoryAction.ARCHIVED);
            assertThat(store.history(TenantId.of(TENANT), id).get(0).actor().display()).isEqualTo(CLIENT + "@" + TENANT);
        }
    }

    @Test
    void repositoryOfOnesOwn() throws Exception {
        try (ScimHost host = ScimHost.start(OwnRepositoryWiring.scimServer(TENANT, CLIENT, token), "127.0.0.1", 0)) {
            runCycle(host);
        }
    }

    @Test
    void repositoryOfOnesOwnHonoursIfMatchInEitherTagForm() throws Exception {
        try (ScimHost host = ScimHost.start(OwnRepositoryWiring.scimServer(TENANT, CLIENT, token), "127.0.0.1", 0)) {
            EntraClient client = new EntraClient(host.baseUrl(), token);
            JsonNode created = client.expect(201, "POST", "/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"if-match@contoso.example",
                     "name":{"givenName":"If","familyName":"Match"}}""");
            String id = created.path("id").asText();
            String version = created.path("meta").path("version").asText();
            String retitle = """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"replace","path":"title","value":"%s"}]}""";

            String strong = version.substring(2);  // "n" as a client may echo W/"n"
            JsonNode patched = client.expect(200, "PATCH", "/Users/" + id, retitle.formatted("Guard"), "If-Match", strong);
            assertThat(patched.path("meta").path("version").asText()).isNotEqualTo(version);
            client.expect(412, "PATCH", "/Users/" + id, retitle.formatted("Lead"), "If-Match", version);
            assertThat(client.expect(200, "GET", "/Users/" + id, null).path("title").asText()).isEqualTo("Guard");
        }
    }

    @Test
    void recordsOfOnesOwnKeptByTheToolkit() throws Exception {
        try (ScimHost host = ScimHost.start(ToolkitWiring.scimServer(TENANT, CLIENT, token), "127.0.0.1", 0)) {
            EntraClient entra = new EntraClient(host.baseUrl(), token);
            String ann = entra.expect(201, "POST", "/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ann@contoso.example"}""")
                    .path("id").asText();
            String group = entra.expect(201, "POST", "/Groups", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Dispatch",
                     "members":[{"value":"%s"}]}""".formatted(ann)).path("id").asText();
            assertThat(entra.expect(200, "GET", "/Users/" + ann, null).path("groups").get(0).path("value").asText())
                    .isEqualTo(group);
            entra.expect(409, "POST", "/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ANN@contoso.example"}""");
            entra.expect(204, "DELETE", "/Users/" + ann, null);
            assertThat(entra.expect(200, "GET", "/Groups/" + group, null).path("members").size()).isZero();
            runCycle(host);
        }
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        ScimServer scim = InMemoryWiring.scimServer(TENANT, CLIENT, token);
        try (ScimHost host = ScimHost.start(scim, "127.0.0.1", 0)) {
            JsonNode error = new EntraClient(host.baseUrl(), "not-" + token).expect(401, "GET", "/Users", null);
            assertThat(error.path("status").asText()).isEqualTo("401");
        }
    }

    /** The cycle; answers the id the user had. */
    private String runCycle(ScimHost host) throws Exception {
        EntraClient entra = new EntraClient(host.baseUrl(), token);

        // Test Connection: a user that cannot exist must be an empty list, not an error.
        JsonNode probe = entra.findByUserName(UUID.randomUUID() + "@test-connection.example");
        assertThat(probe.path("totalResults").asInt()).isZero();

        String userName = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@contoso.example";
        String externalId = UUID.randomUUID().toString();
        assertThat(entra.findByUserName(userName).path("totalResults").asInt()).isZero();
        JsonNode created = entra.expect(201, "POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%s","userName":"%s","active":true,"displayName":"Ada Lovelace",
                 "title":"Security Officer",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"Ada Lovelace","familyName":"Lovelace","givenName":"Ada"},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701"}}
                """.formatted(externalId, userName, userName));
        String id = created.path("id").asText();
        assertThat(id).isNotBlank();
        assertThat(created.path("meta").path("version").asText()).isNotBlank();

        // Entra's dialect: title-case op names and booleans as strings.
        JsonNode patched = entra.expect(200, "PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
        assertThat(patched.path("active").isBoolean()).isTrue();
        assertThat(patched.path("active").booleanValue()).isFalse();

        JsonNode found = entra.findByUserName(userName.toUpperCase(java.util.Locale.ROOT));
        assertThat(found.path("totalResults").asInt()).as("userName is compared without case").isEqualTo(1);
        assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(id);
        assertThat(found.path("Resources").get(0).path("active").booleanValue()).isFalse();

        entra.expect(204, "DELETE", "/Users/" + id, null);
        entra.expect(404, "GET", "/Users/" + id, null);
        assertThat(entra.findByUserName(userName).path("totalResults").asInt()).isZero();
        return id;
    }
}
