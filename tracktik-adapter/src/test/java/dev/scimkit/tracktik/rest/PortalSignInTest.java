package dev.scimkit.tracktik.rest;

import dev.scimkit.core.error.ScimException;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.StoreUnavailableException;
import dev.scimkit.tracktik.rest.standin.RecordedRequest;
import dev.scimkit.tracktik.rest.standin.StandInOAuth;
import dev.scimkit.tracktik.rest.standin.TrackTikStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.scimkit.tracktik.rest.RestStoreTest.ACTOR;
import static dev.scimkit.tracktik.rest.RestStoreTest.TENANT;
import static dev.scimkit.tracktik.rest.RestStoreTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST store signs in itself with the service account (the documented password grant), renews
 * its short-lived tokens, signs in again when a token is revoked, and stops at the first refused
 * password instead of retrying into TrackTik's lock-out. Against the stand-in's token endpoint.
 */
class PortalSignInTest {

    private static final StandInOAuth.Account ACCOUNT =
            new StandInOAuth.Account("scim-client", "client-secret-42", "svc-scim", "correct horse battery");

    private TrackTikStandIn portal;
    private RestTrackTikStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        portal.close();
    }

    private RestTrackTikStore open(String password, Duration renewBefore) {
        store = RestTrackTikStore.open(TENANT, RestStoreConfig.builder(portal.baseUrl(),
                        PortalCredentials.passwordGrant(ACCOUNT.clientId(), ACCOUNT.clientSecret(), ACCOUNT.username(), password))
                .requestTimeout(Duration.ofSeconds(10))
                .baseBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(100))
                .renewBefore(renewBefore)
                .build());
        return store;
    }

    @Test
    void shortLivedTokensAreRenewedWithTheRefreshTokenAndNoCallFails() throws InterruptedException {
        portal = TrackTikStandIn.startWithOAuth(ACCOUNT, Duration.ofSeconds(1));
        open(ACCOUNT.password(), Duration.ofMinutes(5));
        for (int i = 0; i < 4; i++) {
            EmployeeRecord e = store.createEmployee(TENANT, write("u" + i + "@example.com", "U" + i, "Renewed"), ACTOR);
            assertThat(store.findEmployee(TENANT, e.scimId())).isPresent();
            // Past the one-second lifetime of the token just used.
            Thread.sleep(1_100);
        }
        List<StandInOAuth.TokenRequest> grants = portal.oauth().requests();
        assertThat(grants).first().isEqualTo(new StandInOAuth.TokenRequest("password", 200));
        assertThat(grants.subList(1, grants.size())).isNotEmpty()
                .allSatisfy(g -> assertThat(g).isEqualTo(new StandInOAuth.TokenRequest("refresh_token", 200)));
    }

    @Test
    void aRevokedTokenIsReplacedOnceAndTheRequestSucceeds() {
        portal = TrackTikStandIn.startWithOAuth(ACCOUNT, Duration.ofHours(1));
        open(ACCOUNT.password(), Duration.ofMinutes(1));
        store.createEmployee(TENANT, write("before@example.com", "Before", "Revoked"), ACTOR);
        portal.oauth().revokeAccessTokens();
        portal.clearRequests();

        EmployeeRecord after = store.createEmployee(TENANT, write("after@example.com", "After", "Revoked"), ACTOR);

        assertThat(store.findEmployee(TENANT, after.scimId())).isPresent();
        assertThat(portal.requests()).extracting(RecordedRequest::status).containsOnlyOnce(401);
        assertThat(portal.employees()).hasSize(2);
    }

    @Test
    void aWrongPasswordStopsAtTheFirstRefusalWithAClearError() {
        portal = TrackTikStandIn.startWithOAuth(ACCOUNT, Duration.ofHours(1));
        open("wrong password", Duration.ofMinutes(1));

        for (int i = 0; i < 50; i++) {
            int n = i;
            assertThatThrownBy(() -> store.createEmployee(TENANT, write("x" + n + "@example.com", "X", "Y"), ACTOR))
                    .isInstanceOf(StoreUnavailableException.class)
                    .satisfies(e -> assertThat(((ScimException) e).retryAfter()).isPresent())
                    .hasMessageContaining("refused the service account's credentials")
                    .hasMessageNotContaining("wrong password")
                    .hasMessageNotContaining(ACCOUNT.clientSecret());
        }
        assertThat(portal.oauth().requests()).containsExactly(new StandInOAuth.TokenRequest("password", 400));
        assertThat(portal.oauth().blocked()).isFalse();
        assertThat(portal.requests()).as("no API call without a token").isEmpty();
    }

    @Test
    void theRequestAfterASignInIsNoExtraAttempt() {
        portal = TrackTikStandIn.startWithOAuth(ACCOUNT, Duration.ofHours(1));
        store = RestTrackTikStore.open(TENANT, RestStoreConfig.builder(portal.baseUrl(), PortalCredentials.passwordGrant(
                ACCOUNT.clientId(), ACCOUNT.clientSecret(), ACCOUNT.username(), ACCOUNT.password())).maxAttempts(1).build());
        store.createEmployee(TENANT, write("before@example.com", "Before", "Revoked"), ACTOR);
        portal.oauth().revokeAccessTokens();
        // One attempt allowed: the 401 and its resend with a fresh token count as one.
        assertThat(store.findEmployeeByUserName(TENANT, "before@example.com")).isPresent();
        // A 401 for the fresh token too is not signed in again: the portal refuses the account itself.
        dev.scimkit.tracktik.rest.standin.Fault unauthorized = new dev.scimkit.tracktik.rest.standin.Fault.Answer(401,
                "application/json", "{\"message\":\"Unauthorized\"}");
        portal.inject("GET", "/employees", unauthorized, unauthorized);
        assertThatThrownBy(() -> store.findEmployeeByUserName(TENANT, "before@example.com"))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.detail()).contains("401"));
    }

    @Test
    void theCredentialsNeverShowInTheConfiguration() {
        portal = TrackTikStandIn.startWithOAuth(ACCOUNT, Duration.ofHours(1));
        RestStoreConfig config = RestStoreConfig.builder(portal.baseUrl(), PortalCredentials.passwordGrant(
                ACCOUNT.clientId(), ACCOUNT.clientSecret(), ACCOUNT.username(), ACCOUNT.password())).build();
        assertThat(config.toString()).doesNotContain(ACCOUNT.clientId(), ACCOUNT.clientSecret(), ACCOUNT.username(),
                ACCOUNT.password());
        assertThat(config.tokenUrl().getPath()).isEqualTo("/rest/oauth2/access_token");
    }
}
