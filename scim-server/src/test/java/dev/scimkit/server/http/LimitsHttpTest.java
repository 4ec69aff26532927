package dev.scimkit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.MutableClock;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.limits.FailedAuthenticationGuard;
import dev.scimkit.server.limits.RateLimit;
import dev.scimkit.server.limits.RequestRateLimiter;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits and the failed-authentication guard over real HTTP; time moves only when the test moves it. */
class LimitsHttpTest {

    private static final String TOKEN_A = "token-a-" + java.util.UUID.randomUUID();
    private static final String TOKEN_B = "token-b-" + java.util.UUID.randomUUID();

    private final MutableClock clock = MutableClock.at("2026-12-02T09:00:00Z");
    private final List<FailedAuthenticationGuard.Incident> incidents = new ArrayList<>();
    private LoopbackScim server;

    @BeforeEach
    void start() throws Exception {
        SchemaRegistry registry = SchemaRegistry.standard();
        ScimServer engine = ScimServer.builder(registry)
                .repositories(InMemoryStore.create(registry).repositories())
                .authenticator(BearerTokenAuthenticator.builder()
                        .addToken(TenantId.of("a"), "entra", TOKEN_A)
                        .addToken(TenantId.of("b"), "okta", TOKEN_B)
                        .build())
                .rateLimiter(RequestRateLimiter.builder().perTenant(RateLimit.perMinute(5)).clock(clock).build())
                .failedAuthentications(FailedAuthenticationGuard.builder().freeFailures(3)
                        .lockouts(Duration.ofSeconds(4), Duration.ofMinutes(5)).clock(clock).onIncident(incidents::add).build())
                .build();
        server = LoopbackScim.start(engine);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aTenantOverItsRateGets429WithRetryAfterAndAScimBodyWhileTheOtherTenantIsServed() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(server.get("/Users", TOKEN_A).statusCode()).as("request %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = server.get("/Users", TOKEN_A);
        assertThat(refused.statusCode()).isEqualTo(429);
        // 5 per minute: the next request is possible in 12 s.
        assertThat(refused.headers().firstValue("Retry-After")).contains("12");
        JsonNode body = ScimJson.parse(refused.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(body.path("status").asText()).isEqualTo("429");
        assertThat(body.path("detail").asText()).contains("tenant 'a'");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/scim+json"));

        for (int i = 0; i < 5; i++) {
            assertThat(server.get("/Users", TOKEN_B).statusCode()).as("tenant b, request %d", i + 1).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(12));
        assertThat(server.get("/Users", TOKEN_A).statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedBadTokensFromOneAddressAreRefusedForAWhileEvenWithTheRightToken() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = server.get("/Users", "guess-" + i);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("Bearer realm=\"SCIM\"").contains("error=\"invalid_token\""));
        }
        assertThat(server.get("/Users", "guess-4").statusCode()).isEqualTo(401);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).address()).isEqualTo("127.0.0.1");

        HttpResponse<String> locked = server.get("/Users", TOKEN_A);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("4");
        assertThat(locked.body()).doesNotContain(TOKEN_A).contains("failed authentications");

        clock.advance(Duration.ofSeconds(4));
        assertThat(server.get("/Users", "guess-5").statusCode()).isEqualTo(401);
        assertThat(server.get("/Users", TOKEN_A).headers().firstValue("Retry-After")).contains("8");
        assertThat(incidents).as("one report per incident").hasSize(1);

        clock.advance(Duration.ofSeconds(8));
        assertThat(server.get("/Users", TOKEN_A).statusCode()).isEqualTo(200);
        assertThat(server.get("/Users", "guess-6").statusCode()).as("a success ended the incident").isEqualTo(401);
        assertThat(server.get("/Users", TOKEN_A).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestWithoutTokenGetsTheBareChallenge() throws Exception {
        HttpResponse<String> r = server.get("/Users", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"SCIM\"");
    }
}
