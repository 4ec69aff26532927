package dev.scimkit.examples;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --tracktik-url}/{@code --tracktik-token} put a portal's REST API behind the server. The
 * store itself is tested against a local stand-in of the API in tracktik-adapter; here: the wiring,
 * and that an unreachable portal is a SCIM 503, never a 500 or a leaked token.
 */
class TrackTikRestStoreWiringTest {

    private static final String API_TOKEN = "portal-api-token-" + java.util.UUID.randomUUID();

    @Test
    void anUnreachablePortalIsAScim503WithoutTheToken() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse(new String[]{"--port", "0",
                "--token", "scim-token", "--tracktik-url", "http://127.0.0.1:" + closedPort + "/rest/v1",
                "--tracktik-token", API_TOKEN}, Map.of()))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/Users?filter=userName+eq+%22x%22"))
                    .header("Authorization", "Bearer scim-token").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error").doesNotContain(API_TOKEN);
        }
    }

    @Test
    void onePortalServesExactlyOneTenant() {
        assertThatThrownBy(() -> ExampleServer.start(ServerOptions.parse(new String[]{"--port", "0",
                "--tenant", "a=x", "--tenant", "b=y", "--tracktik-url", "https://portal.example/rest/v1",
                "--tracktik-token", API_TOKEN}, Map.of())))
                .isInstanceOf(ServerOptions.InvalidOptionsException.class)
                .hasMessageContaining("exactly one tenant");
    }
}
