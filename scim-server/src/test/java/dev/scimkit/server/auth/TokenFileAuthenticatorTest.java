package dev.scimkit.server.auth;

import dev.scimkit.server.MutableClock;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.spi.ScimPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static dev.scimkit.server.auth.TokenFileTest.file;
import static dev.scimkit.server.auth.TokenFileTest.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenFileAuthenticatorTest {

    private final MutableClock clock = MutableClock.at("2026-12-02T09:00:00Z");
    @TempDir
    Path dir;

    private static Optional<ScimPrincipal> auth(TokenFileAuthenticator a, String token) {
        return a.authenticate(ScimRequest.builder("GET", "/Users").header("Authorization", "Bearer " + token).build());
    }

    @Test
    void aChangedFileIsUsedFromTheNextCheckOn() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, file("\"a\": [" + token("old", "s1") + "]"));
        TokenFileAuthenticator a = TokenFileAuthenticator.open(tokens, Duration.ofSeconds(5), clock);
        assertThat(auth(a, "s1")).map(ScimPrincipal::name).contains("old");

        Files.writeString(tokens, file("\"a\": [" + token("new", "s2") + "]"));
        assertThat(auth(a, "s2")).as("before the next check").isEmpty();
        assertThat(auth(a, "s1")).isPresent();
        clock.advance(Duration.ofSeconds(5));
        assertThat(auth(a, "s2")).map(ScimPrincipal::name).contains("new");
        assertThat(auth(a, "s1")).as("revoked").isEmpty();
    }

    @Test
    void anInvalidOrMissingFileKeepsTheTokensLoadedBefore() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, file("\"a\": [" + token("old", "s1") + "]"));
        TokenFileAuthenticator a = TokenFileAuthenticator.open(tokens, Duration.ZERO, clock);

        Files.writeString(tokens, "{\"tenants\": {\"a\": [");   // half written
        assertThat(a.reloadIfChanged()).isFalse();
        assertThat(auth(a, "s1")).isPresent();
        Files.delete(tokens);
        assertThat(auth(a, "s1")).isPresent();

        Files.writeString(tokens, file("\"a\": [" + token("old", "s1") + ", " + token("new", "s2") + "]"));
        assertThat(a.reloadIfChanged()).isTrue();
        assertThat(auth(a, "s2")).isPresent();
        assertThat(a.reloadIfChanged()).as("unchanged").isFalse();
    }

    @Test
    void aFileThatIsNotValidAtStartStopsTheStartWithItsName() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, file("\"a\": [{\"name\": \"x\", \"hash\": \"plain-secret\"}]"));
        assertThatThrownBy(() -> TokenFileAuthenticator.open(tokens, Duration.ZERO, clock))
                .isInstanceOf(TokenFile.InvalidTokenFileException.class)
                .hasMessageContaining(tokens.toString()).hasMessageNotContaining("plain-secret");
        assertThatThrownBy(() -> TokenFileAuthenticator.open(dir.resolve("missing.json"), Duration.ZERO, clock))
                .isInstanceOf(TokenFile.InvalidTokenFileException.class).hasMessageContaining("cannot be read");
    }
}
