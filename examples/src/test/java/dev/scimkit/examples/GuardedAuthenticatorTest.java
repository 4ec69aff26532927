package dev.scimkit.examples;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.limits.FailedAuthenticationGuard;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin views' authentication feeds and obeys the guard the SCIM engine uses. */
class GuardedAuthenticatorTest {

    private static ScimRequest from(String address, String token) {
        return ScimRequest.builder("GET", "/employees").header("Authorization", "Bearer " + token)
                .remoteAddress(address).build();
    }

    @Test
    void failuresLockTheAddressOutAndASuccessEndsTheIncident() {
        // A clock that never moves: a lockout lasts as long as the test.
        FailedAuthenticationGuard guard = FailedAuthenticationGuard.builder().freeFailures(2)
                .clock(Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC)).build();
        GuardedAuthenticator admin = new GuardedAuthenticator(BearerTokenAuthenticator.builder()
                .addToken(TenantId.of("a"), "entra", "right").build(), guard);

        assertThat(admin.authenticate(from("198.51.100.1", "wrong-1"))).isEmpty();
        assertThat(admin.authenticate(from("198.51.100.1", "right"))).as("a success ends it").isPresent();
        for (int i = 0; i < 3; i++) {
            assertThat(admin.authenticate(from("198.51.100.1", "wrong-" + i))).isEmpty();
        }
        assertThat(guard.refusal("198.51.100.1")).as("the engine sees the lockout").isPresent();
        assertThat(admin.authenticate(from("198.51.100.1", "right"))).as("refused while locked out").isEmpty();
        assertThat(admin.authenticate(from("198.51.100.2", "right"))).as("another address").isPresent();
    }
}
