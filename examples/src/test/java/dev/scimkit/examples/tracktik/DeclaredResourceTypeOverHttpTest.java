package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.scimkit.examples.tracktik.CustomExtensionOverHttpH2Test.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A resource type declared in files ({@code examples/resource-types}: {@code Device} at
 * {@code /Devices}, with a {@code fleet} extension) through the example server over HTTP: discovered,
 * validated, filtered, sorted and patched like User and Group, and kept across a restart on the
 * default store.
 */
class DeclaredResourceTypeOverHttpTest {

    static final String TYPES_DIR = Path.of("resource-types").toAbsolutePath().toString();
    static final String DEVICE = "urn:example:params:scim:schemas:core:2.0:Device";
    static final String FLEET = "urn:example:params:scim:schemas:extension:fleet:2.0:Device";

    @TempDir
    Path dataDir;

    static String device(String serial, String site) {
        return "{\"schemas\":[\"" + DEVICE + "\",\"" + FLEET + "\"],\"serialNumber\":\"" + serial + "\","
                + "\"displayName\":\"Handheld " + serial + "\",\"model\":\"TC52\",\"status\":\"inService\","
                + "\"" + FLEET + "\":{\"site\":\"" + site + "\",\"batteryCycles\":3}}";
    }

    @Test
    void theDefaultStoreServesTheDeclaredTypeAndKeepsItAcrossARestart() throws Exception {
        String id;
        try (ExampleServer server = TestServers.h2(dataDir, "--schema-dir", TYPES_DIR)) {
            ScimHttp scim = ScimHttp.of(server, TestServers.TOKEN);

            JsonNode type = scim.get("/ResourceTypes/Device");
            assertThat(type.path("endpoint").asText()).isEqualTo("/Devices");
            assertThat(type.path("schema").asText()).isEqualTo(DEVICE);
            assertThat(type.path("schemaExtensions").get(0).path("schema").asText()).isEqualTo(FLEET);
            assertThat(ids(scim.get("/Schemas").path("Resources"))).contains(DEVICE, FLEET);
            assertThat(scim.get("/Schemas/" + DEVICE).path("attributes").toString()).contains("serialNumber");

            String body = device("SN-200", "MTL");
            JsonNode created = scim.expect(201, "POST", "/Devices", body);
            id = created.path("id").asText();
            assertThat(created.path(FLEET)).isEqualTo(json(body).path(FLEET));
            scim.expect(201, "POST", "/Devices", device("SN-100", "TOR"));

            JsonNode atMontreal = scim.get("/Devices?filter=" + ScimHttp.q(FLEET + ":site eq \"MTL\""));
            assertThat(atMontreal.path("totalResults").asInt()).isEqualTo(1);
            JsonNode sorted = scim.get("/Devices?sortBy=serialNumber");
            assertThat(sorted.path("Resources").get(0).path("serialNumber").asText()).isEqualTo("SN-100");

            // Entra ID's path-less form, with the extension's attribute as a dotted URN key.
            scim.patchOk("/Devices/" + id, ScimMessages.patch("{\"op\":\"Replace\",\"value\":{\"status\":\"lost\","
                    + "\"" + FLEET + ":site\":\"VAN\"}}"));
            JsonNode patched = scim.get("/Devices/" + id);
            assertThat(patched.path("status").asText()).isEqualTo("lost");
            assertThat(patched.path(FLEET).path("site").asText()).isEqualTo("VAN");

            ScimHttp.Reply duplicate = scim.send("POST", "/Devices", device("sn-200", "MTL"));
            assertThat(duplicate.status()).isEqualTo(409);
            ScimHttp.Reply badType = scim.send("POST", "/Devices", device("SN-300", "MTL").replace("3}", "\"three\"}"));
            assertThat(badType.status()).isEqualTo(400);
            assertThat(json(badType.body()).path("detail").asText()).contains("batteryCycles");
            ScimHttp.Reply noSerial = scim.send("POST", "/Devices", device("SN-400", "MTL")
                    .replace("\"serialNumber\":\"SN-400\",", ""));
            assertThat(noSerial.status()).as("serialNumber is required").isEqualTo(400);
        }
        try (ExampleServer again = TestServers.h2(dataDir, "--schema-dir", TYPES_DIR)) {
            JsonNode kept = ScimHttp.of(again, TestServers.TOKEN).get("/Devices/" + id);
            assertThat(kept.path("serialNumber").asText()).isEqualTo("SN-200");
            assertThat(kept.path(FLEET).path("site").asText()).isEqualTo("VAN");
        }
    }

    @Test
    void theMemoryStoreServesItToo() throws Exception {
        try (ExampleServer server = TestServers.h2(dataDir, "--store", "memory", "--schema-dir", TYPES_DIR)) {
            ScimHttp scim = ScimHttp.of(server, TestServers.TOKEN);
            String id = scim.expect(201, "POST", "/Devices", device("SN-1", "MTL")).path("id").asText();
            assertThat(scim.get("/Devices/" + id).path("serialNumber").asText()).isEqualTo("SN-1");
        }
    }

    @Test
    void theRestStoreRefusesToStartRatherThanHideTheType() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ServerOptions options = ServerOptions.parse(new String[]{"--port", "0", "--token", "t",
                "--tracktik-url", "http://127.0.0.1:" + closedPort + "/rest/v1", "--tracktik-token", "portal-token",
                "--schema-dir", TYPES_DIR}, Map.of());

        assertThatThrownBy(() -> ExampleServer.start(options).close())
                .isInstanceOf(ServerOptions.InvalidOptionsException.class)
                .hasMessageContaining("it declares the resource type Device")
                .hasMessageContaining("it keeps Users and Groups only")
                .hasMessageNotContaining("portal-token");
    }

    private static List<String> ids(JsonNode resources) {
        List<String> out = new ArrayList<>();
        resources.forEach(r -> out.add(r.path("id").asText()));
        return out;
    }
}
