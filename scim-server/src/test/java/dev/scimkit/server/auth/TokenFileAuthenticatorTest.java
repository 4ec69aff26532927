package dev.scimkit.server.auth;

import dev.scimkit.server.MutableClock;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.spi.ScimPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.scimkit.server.auth.TokenFileTest.file;
import static dev.scimkit.server.auth.TokenFileTest.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        assertThat(a.reloadIfChanged()).as("missing").isFalse();
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

    @Test
    void aBrokenReloadIsWarnedOnceForEachBrokenVersionWithoutTheSecret() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        String good = file("\"a\": [" + token("old", "s1") + "]");
        Files.writeString(tokens, good);
        TokenFileAuthenticator a = TokenFileAuthenticator.open(tokens, Duration.ZERO, clock);
        // A typo an operator makes: the token itself where its hash belongs.
        String secretInPlaceOfItsHash = file("\"a\": [{\"name\": \"new\", \"hash\": \"plain-secret-of-a\"}]");

        String log = StandardError.during(() -> {
            Files.writeString(tokens, secretInPlaceOfItsHash);
            assertThat(a.reloadIfChanged()).isFalse();
            assertThat(a.reloadIfChanged()).as("the same broken file again").isFalse();
            Files.writeString(tokens, "{\"tenants\": {\"a\": [");
            assertThat(a.reloadIfChanged()).as("another broken version").isFalse();
            Files.delete(tokens);
            assertThat(a.reloadIfChanged()).isFalse();
            assertThat(a.reloadIfChanged()).as("still missing").isFalse();
            Files.writeString(tokens, good);
            assertThat(a.reloadIfChanged()).as("back to what is loaded: nothing changes").isFalse();
            Files.writeString(tokens, secretInPlaceOfItsHash);
            assertThat(a.reloadIfChanged()).as("broken again after it was repaired").isFalse();
        });

        assertThat(auth(a, "s1")).as("the tokens loaded at the start stayed in use").map(ScimPrincipal::name).contains("old");
        List<String> warnings = StandardError.lines(log, "WARN");
        assertThat(warnings).as(log).hasSize(4);
        assertThat(warnings.get(0)).contains(tokens.toString(), "not the token", "stay in use");
        assertThat(warnings.get(1)).contains("not valid JSON");
        assertThat(warnings.get(2)).contains("cannot be read");
        assertThat(warnings.get(3)).contains("not the token");
        assertThat(log).doesNotContain("plain-secret-of-a").doesNotContain(BearerTokenAuthenticator.hashToken("s1"));
    }

    @Test
    void aReloadThatTakesEffectSaysSoAndIsUsedAtOnce() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, file("\"a\": [" + token("old", "s1") + "]"));
        TokenFileAuthenticator a = TokenFileAuthenticator.open(tokens, Duration.ofHours(1), clock);
        Files.writeString(tokens, file("\"b\": [" + token("moved", "s1") + "]"));
        assertThat(a.reloadIfChanged()).isTrue();
        assertThat(auth(a, "s1")).as("the token now acts for tenant b").map(p -> p.tenant().value()).contains("b");
        assertThat(a.reloadIfChanged()).as("nothing new").isFalse();
    }

    @Test
    void aFileOfTheLargestSizeIsReadAndOneByteMoreIsRefused() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        String content = file("\"a\": [" + token("old", "s1") + "]");
        // Padding is JSON white space: the largest file is still a valid token file.
        String largest = content + " ".repeat(TokenFileAuthenticator.MAX_FILE_BYTES - content.length());
        Files.writeString(tokens, largest);
        TokenFileAuthenticator a = TokenFileAuthenticator.open(tokens, Duration.ZERO, clock);
        assertThat(auth(a, "s1")).isPresent();

        Files.writeString(tokens, largest + " ");
        assertThatThrownBy(() -> TokenFileAuthenticator.open(tokens, Duration.ZERO, clock))
                .isInstanceOf(TokenFile.InvalidTokenFileException.class).hasMessageContaining("larger than");
        assertThat(a.reloadIfChanged()).isFalse();
        assertThat(auth(a, "s1")).isPresent();
    }

    @Test
    void theChallengeIsTheBearerRealm() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, file("\"a\": [" + token("old", "s1") + "]"));
        assertThat(TokenFileAuthenticator.open(tokens, Duration.ZERO, clock).challenge()).isEqualTo("Bearer realm=\"SCIM\"");
    }

    /**
     * A file system that stalls (a network mount) holds only the request that checks: the others go on
     * with the tokens loaded before. The file is a named pipe, whose read waits until the test writes.
     */
    @Test
    @Timeout(60)
    void whileOneRequestChecksAStalledFileTheOthersDoNotWait() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, file("\"a\": [" + token("old", "s1") + "]"));
        TokenFileAuthenticator a = TokenFileAuthenticator.open(tokens, Duration.ZERO, clock);
        Files.delete(tokens);
        Process mkfifo = new ProcessBuilder("mkfifo", tokens.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "needs mkfifo (POSIX) for a file whose read waits");

        ExecutorService checker = Executors.newSingleThreadExecutor();
        String next = file("\"a\": [" + token("new", "s2") + "]");
        try {
            Future<Boolean> stalled = checker.submit(a::reloadIfChanged);
            // Opening the pipe for writing returns once the checker has opened it for reading: it is inside its check.
            try (OutputStream pipe = Files.newOutputStream(tokens)) {
                assertThat(a.reloadIfChanged()).as("a second check while one runs").isFalse();
                assertThat(auth(a, "s1")).as("a request meanwhile").map(ScimPrincipal::name).contains("old");
                pipe.write(next.getBytes(StandardCharsets.UTF_8));
            }
            assertThat(stalled.get()).as("the stalled check took the new file").isTrue();
            // A plain file again (the same content), so the next request's check does not wait on the pipe.
            Files.delete(tokens);
            Files.writeString(tokens, next);
            assertThat(auth(a, "s2")).map(ScimPrincipal::name).contains("new");
        } finally {
            checker.shutdownNow();
        }
    }
}
