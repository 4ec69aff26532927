package dev.scimkit.examples;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example server's options for a public endpoint, over real HTTP: a static token, a token file
 * and an OAuth 2 issuer side by side; a tenant rate limit that leaves the other tenants alone.
 */
class PublicEndpointHttpTest {

    private static final String STATIC = "static-" + java.util.UUID.randomUUID();
    private static final String FILED = "filed-" + java.util.UUID.randomUUID();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer jwks;

    @AfterEach
    void stopJwks() {
        if (jwks != null) {
            jwks.stop(0);
        }
    }

    private HttpResponse<String> get(ExampleServer server, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void staticTokensATokenFileAndAccessTokensWorkSideBySide() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] set = new JWKSet(key).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/keys", exchange -> {
            exchange.sendResponseHeaders(200, set.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(set);
            }
        });
        jwks.start();
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"tenants\": {\"portal-b\": [{\"name\": \"entra-2026\", \"hash\": \""
                + BearerTokenAuthenticator.storedHash(FILED) + "\"}]}}");
        String issuer = "https://idp.example.com/oauth2/default";
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse(new String[] {"--store", "memory",
                "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--tenant", "portal-a/entra=" + STATIC, "--tokens-file", tokens.toString(),
                "--jwt-issuer", issuer, "--jwt-jwks-url", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/keys",
                "--jwt-audience", "api://scim", "--jwt-tenant", "portal-c"}, Map.of()))) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT).build(),
                    new JWTClaimsSet.Builder().issuer(issuer).audience("api://scim").claim("cid", "okta-app")
                            .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
            jwt.sign(new RSASSASigner(key));

            assertThat(get(server, "/Users", STATIC).statusCode()).isEqualTo(200);
            assertThat(get(server, "/Users", FILED).statusCode()).isEqualTo(200);
            assertThat(get(server, "/Users", jwt.serialize()).statusCode()).isEqualTo(200);
            HttpResponse<String> wrong = get(server, "/Users", "wrong");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
            // Each credential acts for its own tenant: a user made with one is not seen with another.
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/Users"))
                    .header("Authorization", "Bearer " + jwt.serialize()).header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                            + "\"userName\":\"c.only@example.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(get(server, "/Users", jwt.serialize()).body()).contains("c.only@example.com");
            assertThat(get(server, "/Users", FILED).body()).doesNotContain("c.only@example.com");
        }
    }

    @Test
    void aTenantOverItsRateGets429WhileAnotherTenantIsServed() throws Exception {
        try (ExampleServer server = ExampleServer.start(ServerOptions.parse(new String[] {"--store", "memory",
                "--port", "0", "--data-dir", dir.resolve("data").toString(), "--tenant", "a=" + STATIC,
                "--tenant", "b=" + FILED, "--rate-limit", "3/h"}, Map.of()))) {
            for (int i = 0; i < 3; i++) {
                assertThat(get(server, "/Users", STATIC).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = get(server, "/Users", STATIC);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                    assertThat(Long.parseLong(v)).isBetween(1L, 1200L));
            assertThat(refused.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error").doesNotContain(STATIC);
            assertThat(get(server, "/Users", FILED).statusCode()).isEqualTo(200);
        }
    }
}
