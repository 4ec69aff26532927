package dev.scimkit.server.auth;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokenAuthenticatorTest {

    private final BearerTokenAuthenticator auth = BearerTokenAuthenticator.builder()
            .addToken(TenantId.of("acme"), "entra", "s3cret-one")
            .addToken(TenantId.of("acme"), "okta", "s3cret-two")
            .build();

    private static Optional<ScimPrincipal> with(BearerTokenAuthenticator a, String header) {
        ScimRequest.Builder b = ScimRequest.builder("GET", "/Users");
        if (header != null) {
            b.header("Authorization", header);
        }
        return a.authenticate(b.build());
    }

    @Test
    void everyTokenOfATenantIsAccepted() {
        assertThat(with(auth, "Bearer s3cret-one")).map(ScimPrincipal::tenant).contains(TenantId.of("acme"));
        assertThat(with(auth, "bearer   s3cret-two ")).map(ScimPrincipal::name).contains("okta");
    }

    @Test
    void anythingElseIsRejected() {
        assertThat(with(auth, null)).isEmpty();
        assertThat(with(auth, "Bearer")).isEmpty();
        assertThat(with(auth, "Bearer s3cret-on")).isEmpty();
        assertThat(with(auth, "Basic czNjcmV0LW9uZQ==")).isEmpty();
        assertThat(with(auth, "Bearer " + "x".repeat(100_000))).isEmpty();
    }

    @Test
    void aTokenAddedWithoutANameIsNamedAfterItsTenant() {
        BearerTokenAuthenticator a = BearerTokenAuthenticator.builder()
                .addToken(TenantId.of("globex"), "globex-secret")
                .addToken(TenantId.of("initech"), "initech-secret")
                .build();
        assertThat(with(a, "Bearer globex-secret")).contains(ScimPrincipal.client(TenantId.of("globex"), "globex"));
        assertThat(with(a, "Bearer initech-secret")).contains(ScimPrincipal.client(TenantId.of("initech"), "initech"));
    }

    @Test
    void storedHashesMatchTheirTokens() {
        String hash = BearerTokenAuthenticator.hashToken("from-config");
        assertThat(hash).hasSize(64).matches("[0-9a-f]+");
        BearerTokenAuthenticator fromHash = BearerTokenAuthenticator.builder()
                .addTokenHash(TenantId.of("globex"), "config", hash).build();
        assertThat(with(fromHash, "Bearer from-config")).map(ScimPrincipal::tenant).contains(TenantId.of("globex"));
        assertThat(with(fromHash, "Bearer from-confi")).isEmpty();
        assertThat(hash).isEqualTo(BearerTokenAuthenticator.hashToken("from-config"));
        assertThat(BearerTokenAuthenticator.hashToken("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-2 test vector
    }

    @Test
    void blankTokensAndBadHashesAreConfigurationErrors() {
        assertThatThrownBy(() -> BearerTokenAuthenticator.builder().addToken(TenantId.of("a"), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BearerTokenAuthenticator.builder().addTokenHash(TenantId.of("a"), "n", "abcd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void principalsNeverPrintTheToken() {
        assertThat(with(auth, "Bearer s3cret-one").orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(ScimRequest.builder("GET", "/").header("Authorization", "Bearer s3cret-one").build().headers().toString())
                .doesNotContain("s3cret");
    }
}
