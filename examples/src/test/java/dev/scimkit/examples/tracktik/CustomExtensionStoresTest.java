package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static dev.scimkit.examples.tracktik.CustomExtensionOverHttpH2Test.CUSTOM;
import static dev.scimkit.examples.tracktik.CustomExtensionOverHttpH2Test.SCHEMA_DIR;
import static dev.scimkit.examples.tracktik.CustomExtensionOverHttpH2Test.UNDECLARED;
import static dev.scimkit.examples.tracktik.CustomExtensionOverHttpH2Test.entraUserWithBadge;
import static dev.scimkit.examples.tracktik.CustomExtensionOverHttpH2Test.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example server's custom-attribute options on the other stores, and a bad schema file at start-up. */
class CustomExtensionStoresTest {

    @TempDir
    Path dataDir;

    @Test
    void theMemoryStoreReturnsADeclaredExtensionAsSent() throws Exception {
        try (ExampleServer server = TestServers.h2(dataDir, "--store", "memory", "--schema-dir", SCHEMA_DIR)) {
            ScimHttp scim = ScimHttp.of(server, TestServers.TOKEN);
            String body = entraUserWithBadge("mem." + UUID.randomUUID() + "@contoso.example", "M-1", "VAN");
            String id = scim.expect(201, "POST", "/Users", body).path("id").asText();

            assertThat(scim.get("/Users/" + id).path(CUSTOM)).isEqualTo(json(body).path(CUSTOM));
            assertThat(scim.get("/Users?filter=" + ScimHttp.q(CUSTOM + ":siteCode eq \"VAN\"")).path("totalResults").asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void theBadgeNumberCanBeTheEmployeeIdByConfiguration() throws Exception {
        try (ExampleServer server = TestServers.h2(dataDir, "--schema-dir", SCHEMA_DIR,
                "--tracktik-employee-id-from", CUSTOM + ":badgeNumber")) {
            ScimHttp scim = ScimHttp.of(server, TestServers.TOKEN);
            String body = entraUserWithBadge("id." + UUID.randomUUID() + "@contoso.example", "ID-7", "MTL");
            String id = scim.expect(201, "POST", "/Users", body).path("id").asText();

            assertThat(new TrackTikAdmin(scim).employee(id).path("customId").asText()).isEqualTo("ID-7");
            assertThat(scim.get("/Users/" + id).path(CUSTOM)).isEqualTo(json(body).path(CUSTOM));
        }
        ServerOptions wrong = ServerOptions.parse(new String[]{"--port", "0", "--token", "t", "--data-dir",
                dataDir.toString(), "--tracktik-employee-id-from", CUSTOM + ":badgeNumber"}, Map.of());
        assertThatThrownBy(() -> ExampleServer.start(wrong).close())
                .as("without --schema-dir the attribute does not exist")
                .isInstanceOf(ServerOptions.InvalidOptionsException.class)
                .hasMessageStartingWith("--tracktik-field: The Employee ID needs a writable, single-valued"
                        + " string attribute of User, and '" + CUSTOM + ":badgeNumber' is not one");
    }

    @Test
    void theJobTitleAndDepartmentCanComeFromDeclaredAttributesByConfiguration() throws Exception {
        try (ExampleServer server = TestServers.h2(dataDir, "--schema-dir", SCHEMA_DIR,
                "--tracktik-field", "job-title=" + CUSTOM + ":jobCode", "--tracktik-field=department=" + CUSTOM + ":siteCode")) {
            ScimHttp scim = ScimHttp.of(server, TestServers.TOKEN);
            String body = entraUserWithBadge("job." + UUID.randomUUID() + "@contoso.example", "J-1", "TOR")
                    .replace("\"badgeNumber\":", "\"jobCode\":\"Mobile Patrol\",\"badgeNumber\":");
            String id = scim.expect(201, "POST", "/Users", body).path("id").asText();

            JsonNode employee = new TrackTikAdmin(scim).employee(id);
            assertThat(employee.path("jobTitle").asText()).isEqualTo("Mobile Patrol");
            assertThat(employee.path("department").asText()).isEqualTo("TOR");
            assertThat(scim.get("/Users/" + id).path(CUSTOM)).as("returned exactly as sent").isEqualTo(json(body).path(CUSTOM));
        }
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--token", "t", "--tracktik-field", "badge=x"}, Map.of()))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class)
                .hasMessage("--tracktik-field: expected FIELD=ATTRIBUTE with FIELD one of employee-id, job-title,"
                        + " department, got 'badge=x'");
    }

    @Test
    void keepStoresAnUndeclaredExtensionVerbatimAndReturnsIt() throws Exception {
        try (ExampleServer server = TestServers.h2(dataDir, "--undeclared-extensions", "keep")) {
            ScimHttp scim = ScimHttp.of(server, TestServers.TOKEN);
            String body = entraUserWithBadge("kept." + UUID.randomUUID() + "@contoso.example", "K-1", "MTL")
                    .replace(CUSTOM, UNDECLARED);

            JsonNode created = scim.expect(201, "POST", "/Users", body);
            String id = created.path("id").asText();

            JsonNode sent = json(body).path(UNDECLARED);
            assertThat(created.path(UNDECLARED)).isEqualTo(sent);
            assertThat(scim.get("/Users/" + id).path(UNDECLARED)).isEqualTo(sent);
            assertThat(scim.get("/Users/" + id).path("schemas").toString()).contains(UNDECLARED);
            // an update of something else leaves it where it was
            scim.patchOk("/Users/" + id, ScimMessages.patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}"));
            assertThat(scim.get("/Users/" + id).path(UNDECLARED)).isEqualTo(sent);
        }
    }

    @Test
    void anInvalidSchemaFileStopsTheStartNamingFileAttributeAndReason() throws Exception {
        Path schemas = Files.createDirectories(dataDir.resolve("schemas"));
        Files.writeString(schemas.resolve("badge.json"), "{\"id\":\"urn:example:badge\",\"attributes\":"
                + "[{\"name\":\"badgeNumber\",\"type\":\"text\"}]}");
        ServerOptions options = ServerOptions.parse(new String[]{"--port", "0", "--token", "t", "--store", "memory",
                "--schema-dir", schemas.toString()}, Map.of());

        assertThatThrownBy(() -> ExampleServer.start(options).close())
                .isInstanceOf(ServerOptions.InvalidOptionsException.class)
                .hasMessage("--schema-dir " + schemas + ": badge.json: attribute 'badgeNumber': unknown type 'text'"
                        + " (one of string, boolean, decimal, integer, dateTime, reference, binary, complex)");
    }
}
