package dev.scimkit.server.auth;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompositeAuthenticatorTest {

    /** An authenticator of an embedding host with its own realm: what a client is told to authenticate against. */
    private record Realm(String realm, String token, TenantId tenant) implements Authenticator {
        @Override
        public Optional<ScimPrincipal> authenticate(ScimRequest request) {
            return BearerTokens.from(request).filter(token::equals).map(t -> ScimPrincipal.client(tenant, realm));
        }

        @Override
        public String challenge() {
            return "Bearer realm=\"" + realm + "\"";
        }
    }

    private static Optional<ScimPrincipal> present(Authenticator a, String token) {
        return a.authenticate(ScimRequest.builder("GET", "/Users").header("Authorization", "Bearer " + token).build());
    }

    @Test
    void eachTokenActsForTheTenantOfTheAuthenticatorThatKnowsIt() {
        Authenticator both = CompositeAuthenticator.of(List.of(
                new Realm("portal", "token-a", TenantId.of("portal-a")),
                new Realm("partner", "token-b", TenantId.of("portal-b"))));
        assertThat(present(both, "token-a")).contains(ScimPrincipal.client(TenantId.of("portal-a"), "portal"));
        assertThat(present(both, "token-b")).contains(ScimPrincipal.client(TenantId.of("portal-b"), "partner"));
        assertThat(present(both, "token-c")).isEmpty();
    }

    @Test
    void theChallengeOfA401IsTheFirstAuthenticators() {
        Authenticator both = CompositeAuthenticator.of(List.of(
                new Realm("portal", "token-a", TenantId.of("portal-a")),
                new Realm("partner", "token-b", TenantId.of("portal-b"))));
        assertThat(both.challenge()).isEqualTo("Bearer realm=\"portal\"");
        Authenticator one = new Realm("partner", "token-b", TenantId.of("portal-b"));
        assertThat(CompositeAuthenticator.of(List.of(one))).isSameAs(one);
        assertThatThrownBy(() -> CompositeAuthenticator.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
