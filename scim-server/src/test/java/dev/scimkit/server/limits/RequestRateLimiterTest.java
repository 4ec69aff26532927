package dev.scimkit.server.limits;

import dev.scimkit.server.MutableClock;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {

    private final MutableClock clock = MutableClock.at("2026-12-02T09:00:00Z");
    private static final ScimPrincipal A_ENTRA = ScimPrincipal.client(TenantId.of("a"), "entra");
    private static final ScimPrincipal A_OKTA = ScimPrincipal.client(TenantId.of("a"), "okta");
    private static final ScimPrincipal B_ENTRA = ScimPrincipal.client(TenantId.of("b"), "entra");

    @Test
    void aTenantOverItsRateWaitsForTheNextTokenWhileAnotherTenantGoesOn() {
        RequestRateLimiter limiter = RequestRateLimiter.builder().perTenant(RateLimit.perMinute(3)).clock(clock).build();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(A_ENTRA)).as("request %d", i + 1).isEmpty();
        }
        RequestRateLimiter.Refusal refusal = limiter.acquire(A_OKTA).orElseThrow();
        assertThat(refusal.scope()).contains("tenant 'a'");
        // 3 per minute: one token every 20 s.
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(limiter.acquire(B_ENTRA)).isEmpty();

        clock.advance(Duration.ofSeconds(19));
        assertThat(limiter.acquire(A_ENTRA)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire(A_ENTRA)).isEmpty();
        assertThat(limiter.acquire(A_ENTRA)).isPresent();
    }

    @Test
    void aTenantOfItsOwnHasItsOwnRate() {
        RequestRateLimiter limiter = RequestRateLimiter.builder().perTenant(RateLimit.perMinute(1))
                .tenant(TenantId.of("b"), RateLimit.perMinute(2)).clock(clock).build();
        assertThat(limiter.acquire(A_ENTRA)).isEmpty();
        assertThat(limiter.acquire(A_ENTRA)).isPresent();
        assertThat(limiter.acquire(B_ENTRA)).isEmpty();
        assertThat(limiter.acquire(B_ENTRA)).isEmpty();
        assertThat(limiter.acquire(B_ENTRA)).isPresent();
    }

    @Test
    void eachCredentialHasItsShareOfTheTenant() {
        RequestRateLimiter limiter = RequestRateLimiter.builder().perTenant(RateLimit.perMinute(10))
                .perCredential(RateLimit.perMinute(2)).clock(clock).build();
        assertThat(limiter.acquire(A_ENTRA)).isEmpty();
        assertThat(limiter.acquire(A_ENTRA)).isEmpty();
        RequestRateLimiter.Refusal refusal = limiter.acquire(A_ENTRA).orElseThrow();
        assertThat(refusal.scope()).contains("client 'entra'").contains("tenant 'a'");
        assertThat(limiter.acquire(A_OKTA)).isEmpty();
    }

    @Test
    void aBurstIsAllowedAtOnceThenTheAverageRate() {
        RequestRateLimiter limiter = RequestRateLimiter.builder()
                .perTenant(RateLimit.perSecond(1).withBurst(5)).clock(clock).build();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire(A_ENTRA)).isEmpty();
        }
        assertThat(limiter.acquire(A_ENTRA).orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.acquire(A_ENTRA).orElseThrow().retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void withoutLimitsEverythingPasses() {
        RequestRateLimiter limiter = RequestRateLimiter.builder().clock(clock).build();
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire(A_ENTRA)).isEmpty();
        }
    }
}
