package dev.scimkit.tracktik.rest;

import dev.scimkit.core.error.ScimException;
import dev.scimkit.tracktik.port.StoreUnavailableException;
import dev.scimkit.tracktik.rest.standin.StandInOAuth;
import dev.scimkit.tracktik.rest.standin.StandInOAuth.Outage;
import dev.scimkit.tracktik.rest.standin.StandInOAuth.TokenRequest;
import dev.scimkit.tracktik.rest.standin.TrackTikStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the store asks the portal's token endpoint for a token, on a clock the test moves (so expiry
 * and the pause after a refused password are exercised without waiting), against the stand-in's
 * OAuth endpoint over loopback HTTP.
 */
class AccessTokensTest {

    private static final StandInOAuth.Account ACCOUNT =
            new StandInOAuth.Account("scim-client", "client-secret-42", "svc-scim", "correct horse battery");
    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    private final MovableClock clock = new MovableClock();
    private final HttpClient http = HttpClient.newHttpClient();
    private TrackTikStandIn portal;

    @AfterEach
    void stop() {
        portal.close();
    }

    private AccessTokens tokens(RestStoreConfig.Builder options) {
        return new AccessTokens(options.build(), http, clock);
    }

    /** Starts the stand-in, whose tokens live {@code lifetime}, and configures its service account with {@code password}. */
    private RestStoreConfig.Builder options(Duration lifetime, String password) {
        portal = TrackTikStandIn.startWithOAuth(ACCOUNT, lifetime);
        return RestStoreConfig.builder(portal.baseUrl(), PortalCredentials.passwordGrant(ACCOUNT.clientId(),
                ACCOUNT.clientSecret(), ACCOUNT.username(), password)).requestTimeout(Duration.ofSeconds(10));
    }

    @Test
    void aTokenIsRenewedWithItsRefreshTokenRenewBeforeItExpires() {
        AccessTokens tokens = tokens(options(Duration.ofHours(1), ACCOUNT.password())
                .renewBefore(Duration.ofSeconds(60)));
        String first = tokens.current();
        assertThat(first).startsWith("eyJ.");
        clock.set(T0.plusSeconds(3600 - 60).minusMillis(1));
        assertThat(tokens.current()).as("still fresh").isEqualTo(first);
        assertThat(portal.oauth().requests()).containsExactly(new TokenRequest("password", 200));
        clock.set(T0.plusSeconds(3600 - 60));
        String second = tokens.current();
        assertThat(second).isNotEqualTo(first);
        assertThat(portal.oauth().requests()).containsExactly(new TokenRequest("password", 200),
                new TokenRequest("refresh_token", 200));
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLifeNotOnEveryCall() {
        AccessTokens tokens = tokens(options(Duration.ofSeconds(10), ACCOUNT.password())
                .renewBefore(Duration.ofMinutes(5)));
        String first = tokens.current();
        clock.set(T0.plusMillis(4_999));
        assertThat(tokens.current()).isEqualTo(first);
        clock.set(T0.plusSeconds(5));
        assertThat(tokens.current()).isNotEqualTo(first);
        assertThat(portal.oauth().requests()).hasSize(2);
    }

    @Test
    void aGrantWithoutExpiresInIsTakenToLastAnHour() {
        RestStoreConfig.Builder options = options(Duration.ofHours(5), ACCOUNT.password()).renewBefore(Duration.ofSeconds(60));
        portal.oauth().sendExpiresIn(false);
        AccessTokens tokens = tokens(options);
        String first = tokens.current();
        clock.set(T0.plusSeconds(3600 - 61));
        assertThat(tokens.current()).isEqualTo(first);
        clock.set(T0.plusSeconds(3600 - 60));
        assertThat(tokens.current()).isNotEqualTo(first);
    }

    @Test
    void aRefusedRefreshTokenFallsBackToThePassword() {
        AccessTokens tokens = tokens(options(Duration.ofHours(1), ACCOUNT.password()));
        tokens.current();
        portal.oauth().revokeRefreshTokens();
        clock.set(T0.plus(Duration.ofHours(1)));
        assertThat(tokens.current()).isNotBlank();
        assertThat(portal.oauth().requests()).containsExactly(new TokenRequest("password", 200),
                new TokenRequest("refresh_token", 400), new TokenRequest("password", 200));
    }

    @Test
    void aRefusedTokenIsReplacedOnceEvenIfSeveralRequestsReportIt() {
        AccessTokens tokens = tokens(options(Duration.ofHours(1), ACCOUNT.password()));
        String stale = tokens.current();
        assertThat(tokens.refused(stale)).isTrue();
        String fresh = tokens.current();
        assertThat(fresh).isNotEqualTo(stale);
        // A second request that was sent with the stale token: the fresh one is already there.
        assertThat(tokens.refused(stale)).isTrue();
        assertThat(tokens.current()).isEqualTo(fresh);
        // After a 401 the store signs in with the password (the refresh token may be what was revoked).
        assertThat(portal.oauth().requests()).extracting(TokenRequest::grantType).containsExactly("password", "password");
    }

    @Test
    void aFixedTokenIsNeverRenewed() {
        portal = TrackTikStandIn.start("fixed-token-123");
        AccessTokens tokens = new AccessTokens(RestStoreConfig.builder(portal.baseUrl(), "fixed-token-123").build(), http, clock);
        assertThat(tokens.current()).isEqualTo("fixed-token-123");
        assertThat(tokens.refused("fixed-token-123")).isFalse();
        clock.set(T0.plus(Duration.ofDays(2)));
        assertThat(tokens.current()).isEqualTo("fixed-token-123");
    }

    @Test
    void aRefusedPasswordIsNotTriedAgainUntilThePauseHasPassed() {
        AccessTokens tokens = tokens(options(Duration.ofHours(1), "wrong password")
                .rejectedCredentialsPause(Duration.ofMinutes(10)));
        assertThatThrownBy(tokens::current).isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
            assertThat(e.detail()).contains("refused the service account's credentials").contains("for 10 min")
                    .doesNotContain("wrong password", ACCOUNT.clientSecret());
            assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
        });
        clock.set(T0.plus(Duration.ofMinutes(9)).plusSeconds(30));
        assertThatThrownBy(tokens::current).isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
            assertThat(e.detail()).contains("for 1 min");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        });
        assertThat(portal.oauth().requests()).hasSize(1);
        clock.set(T0.plus(Duration.ofMinutes(10)));
        assertThatThrownBy(tokens::current).isInstanceOf(StoreUnavailableException.class);
        assertThat(portal.oauth().requests()).as("tried again once the pause is over").hasSize(2);
    }

    @Test
    void aWrongClientIsRefusedLikeAWrongPassword() {
        options(Duration.ofHours(1), ACCOUNT.password());
        AccessTokens tokens = new AccessTokens(RestStoreConfig.builder(portal.baseUrl(), PortalCredentials.passwordGrant(
                "other-client", ACCOUNT.clientSecret(), ACCOUNT.username(), ACCOUNT.password())).build(), http, clock);
        assertThatThrownBy(tokens::current).hasMessageContaining("refused the service account's credentials");
        assertThatThrownBy(tokens::current).hasMessageContaining("refused the service account's credentials");
        assertThat(portal.oauth().requests()).containsExactly(new TokenRequest("password", 401));
    }

    @Test
    void aTokenEndpointThatFailsIsA503ThatPassesNothingOn() {
        AccessTokens tokens = tokens(options(Duration.ofHours(1), ACCOUNT.password()));
        portal.oauth().outage(Outage.proxyPage(502), new Outage(200, "text/html", "<html>Sign in</html>"),
                new Outage(200, "application/json", "{\"token_type\":\"Bearer\",\"access_token\":\"  \"}"),
                new Outage(500, "application/json", "{\"error\":\"server_error\",\"error_description\":\"db down\"}"));
        assertThatThrownBy(tokens::current).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("answered HTTP 502").hasMessageNotContaining("upstream");
        assertThatThrownBy(tokens::current).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(tokens::current).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("without an access_token");
        assertThatThrownBy(tokens::current).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("answered HTTP 500").hasMessageNotContaining("db down");
        // None of these is a refused password: the next call signs in at once.
        assertThat(tokens.current()).startsWith("eyJ.");
    }

    @Test
    void anUnreachableTokenEndpointIsA503() {
        RestStoreConfig.Builder options = options(Duration.ofHours(1), ACCOUNT.password());
        portal.close();
        AccessTokens tokens = tokens(options.connectTimeout(Duration.ofSeconds(2)));
        assertThatThrownBy(tokens::current).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.detail()).contains("could not be reached");
        });
        portal = TrackTikStandIn.start("unused"); // closed again in stop()
    }

    /** A clock the test sets; starts at {@link #T0}. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = T0;

        void set(Instant at) {
            now = at;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
