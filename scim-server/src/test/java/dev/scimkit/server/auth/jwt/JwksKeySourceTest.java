package dev.scimkit.server.auth.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.scimkit.server.MutableClock;
import dev.scimkit.server.auth.StandardError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an issuer's keys are fetched, against its JWKS on a real loopback HTTP server, with a clock the
 * test moves: the rules are about how often the issuer is asked, counted by the server.
 */
class JwksKeySourceTest {

    private static final Duration TTL = Duration.ofHours(1);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    private static RSAKey rsa1;
    private static RSAKey rsa2;

    private final MutableClock clock = MutableClock.at("2026-12-02T09:00:00Z");
    private final JwksServer jwks = newServer();
    private final JwksKeySource source = new JwksKeySource(jwks.uri(), TTL, MIN_REFETCH, Duration.ofSeconds(10), clock);

    @BeforeAll
    static void keys() throws Exception {
        rsa1 = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        rsa2 = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
    }

    private static JwksServer newServer() {
        try {
            return new JwksServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    /** The keys the source gives for a token naming {@code keyId}. */
    private List<String> keysFor(String keyId) throws Exception {
        return source.get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build()), null).stream()
                .map(JWK::getKeyID).toList();
    }

    @Test
    void keysAreFetchedOnFirstUseAndKeptForTheirLifetimeExactly() throws Exception {
        jwks.publish(List.of(rsa1));
        assertThat(jwks.fetches.get()).as("nothing fetched before a token needs it").isZero();
        assertThat(keysFor("rsa-1")).containsExactly("rsa-1");
        assertThat(jwks.fetches.get()).isEqualTo(1);

        clock.advance(TTL.minusSeconds(1));
        assertThat(keysFor("rsa-1")).containsExactly("rsa-1");
        assertThat(jwks.fetches.get()).as("known keys within their lifetime are not fetched again").isEqualTo(1);

        jwks.publish(List.of(rsa2));
        clock.advance(Duration.ofSeconds(1));
        assertThat(keysFor("rsa-2")).as("at the end of the lifetime").containsExactly("rsa-2");
        assertThat(jwks.fetches.get()).isEqualTo(2);
        assertThat(keysFor("rsa-1")).as("the issuer dropped it; the refetch interval has not passed").isEmpty();
        assertThat(jwks.fetches.get()).isEqualTo(2);
    }

    @Test
    void anUnknownKeyIdFetchesAgainOnlyOnceTheIntervalHasPassed() throws Exception {
        jwks.publish(List.of(rsa1));
        assertThat(keysFor("rsa-1")).containsExactly("rsa-1");
        jwks.publish(List.of(rsa1, rsa2));

        clock.advance(MIN_REFETCH.minusMillis(1));
        assertThat(keysFor("rsa-2")).isEmpty();
        assertThat(jwks.fetches.get()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(keysFor("rsa-2")).as("exactly the interval after the last fetch").containsExactly("rsa-2");
        assertThat(keysFor("rsa-1")).containsExactly("rsa-1");
        assertThat(jwks.fetches.get()).isEqualTo(2);
    }

    @Test
    void keysServedWithAnErrorStatusAreNotTrusted() throws Exception {
        // A proxy's or a misconfigured issuer's error answer that happens to hold a key set.
        String set = new JWKSet(List.of(rsa1)).toPublicJWKSet().toString();
        jwks.serve(503, set);
        assertThat(keysFor("rsa-1")).isEmpty();

        jwks.serve(200, set);
        clock.advance(MIN_REFETCH);
        assertThat(keysFor("rsa-1")).containsExactly("rsa-1");
    }

    @Test
    void aKeySetOfTheLargestSizeIsReadAndOneByteMoreIsNot() throws Exception {
        String set = new JWKSet(List.of(rsa1)).toPublicJWKSet().toString();
        // Padding is JSON white space: the largest set still holds the key.
        String largest = set + " ".repeat(JwksKeySource.MAX_JWKS_BYTES - set.getBytes(StandardCharsets.UTF_8).length);
        jwks.serve(200, largest);
        assertThat(keysFor("rsa-1")).containsExactly("rsa-1");

        jwks.serve(200, largest + " ");
        JwksKeySource other = new JwksKeySource(jwks.uri(), TTL, MIN_REFETCH, Duration.ofSeconds(10), clock);
        assertThat(other.get(new JWKSelector(new JWKMatcher.Builder().keyID("rsa-1").build()), null)).isEmpty();
    }

    @Test
    void anOutageIsWarnedOnceAndAgainOnlyAfterARecovery() throws Exception {
        String log = StandardError.during(() -> {
            jwks.fail();
            assertThat(keysFor("rsa-1")).isEmpty();
            clock.advance(MIN_REFETCH);
            assertThat(keysFor("rsa-1")).as("still down").isEmpty();

            jwks.publish(List.of(rsa1));
            clock.advance(MIN_REFETCH);
            assertThat(keysFor("rsa-1")).as("recovered").containsExactly("rsa-1");

            jwks.fail();
            clock.advance(TTL);
            assertThat(keysFor("rsa-1")).as("down again: the known keys stay in use").containsExactly("rsa-1");
            clock.advance(TTL);
            assertThat(keysFor("rsa-1")).containsExactly("rsa-1");
        });
        assertThat(jwks.fetches.get()).isEqualTo(5);
        List<String> warnings = StandardError.lines(log, "WARN");
        assertThat(warnings).as(log).hasSize(2);
        assertThat(warnings.get(0)).contains(jwks.uri().toString(), "HTTP 503", "refused until it can");
        assertThat(warnings.get(1)).contains("HTTP 503", "the keys known before stay in use");
    }

    @Test
    void aCallerInterruptedWhileTheIssuerIsSlowKeepsItsInterrupt() throws Exception {
        jwks.publish(List.of(rsa1));
        jwks.hold();
        Thread.currentThread().interrupt();
        try {
            assertThat(keysFor("rsa-1")).isEmpty();
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller's owner (a shutdown)").isTrue();
        } finally {
            Thread.interrupted();
            jwks.release();
        }
        clock.advance(MIN_REFETCH);
        assertThat(keysFor("rsa-1")).containsExactly("rsa-1");
    }
}
