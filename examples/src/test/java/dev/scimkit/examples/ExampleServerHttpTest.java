package dev.scimkit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example server over real HTTP: health, tenant URL shape, and errors Jetty raises itself. */
class ExampleServerHttpTest {

    private static final String TOKEN = "example-" + java.util.UUID.randomUUID();

    @TempDir
    static Path dataDir;

    private static ExampleServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = ExampleServer.start(ServerOptions.parse(new String[]{"--store", "memory", "--port", "0",
                "--token", TOKEN, "--data-dir", dataDir.toString()}, Map.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        HttpResponse<String> r = get("http://localhost:" + server.port() + "/healthz", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void servesScimUnderTheTrackTikTenantUrlShape() throws Exception {
        assertThat(server.baseUrl()).endsWith("/rest/scim/v2");
        HttpResponse<String> r = get(server.baseUrl() + "/ServiceProviderConfig", TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/scim+json"));
        assertThat(json.readTree(r.body()).path("patch").path("supported").asBoolean()).isTrue();
    }

    @Test
    void aWrongTokenIsAScim401WithABearerChallenge() throws Exception {
        HttpResponse<String> r = get(server.baseUrl() + "/Users", "not-" + TOKEN);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertScimError(r, 401);
    }

    @Test
    void errorsJettyAnswersItselfAreScimErrorBodies() throws Exception {
        assertScimError(get("http://localhost:" + server.port() + "/no/such/path", TOKEN), 404);
        assertScimError(get(server.baseUrl() + "/Users/" + "x".repeat(70_000), TOKEN), 414);
    }

    private void assertScimError(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(body.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("<html");
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
