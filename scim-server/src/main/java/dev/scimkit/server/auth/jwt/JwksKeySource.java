package dev.scimkit.server.auth.jwt;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An issuer's signing keys from its JWKS URL: fetched on first use, kept for {@code ttl}, and fetched
 * again early when a token names a key id the cached set lacks (the issuer rotated its keys), but not
 * more often than {@code minRefetchInterval}, so tokens with made-up key ids cannot make the server
 * hammer the issuer. When a fetch fails the keys already known stay in use. Thread-safe.
 */
final class JwksKeySource implements JWKSource<SecurityContext> {

    private static final Logger LOG = LoggerFactory.getLogger(JwksKeySource.class);
    /** The largest JWKS read; package-private for the test at the bound. */
    static final int MAX_JWKS_BYTES = 512 * 1024;

    private final URI jwksUri;
    private final Duration ttl;
    private final Duration minRefetchInterval;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;

    private volatile JWKSet keys;
    private Instant fetchedAt = Instant.MIN;
    private Instant lastAttempt = Instant.MIN;
    private boolean failing;

    JwksKeySource(URI jwksUri, Duration ttl, Duration minRefetchInterval, Duration timeout, Clock clock) {
        this.jwksUri = jwksUri;
        this.ttl = ttl;
        this.minRefetchInterval = minRefetchInterval;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        JWKSet current = current();
        List<JWK> found = current == null ? List.of() : selector.select(current);
        if (found.isEmpty()) {
            JWKSet refreshed = refetchIfAllowed();
            found = refreshed == null ? List.of() : selector.select(refreshed);
        }
        return found;
    }

    private JWKSet current() {
        synchronized (this) {
            Instant now = clock.instant();
            boolean stale = keys == null || !fetchedAt.plus(ttl).isAfter(now);
            // Even without any key, not more often than allowed: an issuer that is down is not hammered.
            if (stale && !lastAttempt.plus(minRefetchInterval).isAfter(now)) {
                fetch(now);
            }
            return keys;
        }
    }

    /** The keys after fetching them again if allowed; the same keys when not allowed or the fetch failed. */
    private synchronized JWKSet refetchIfAllowed() {
        Instant now = clock.instant();
        if (!lastAttempt.plus(minRefetchInterval).isAfter(now)) {
            fetch(now);
        }
        return keys;
    }

    /** Fetches the set; on failure keeps the old one and logs once per outage. */
    private void fetch(Instant now) {
        lastAttempt = now;
        try {
            keys = download();
            fetchedAt = now;
            if (failing) {
                LOG.info("The JWKS at {} can be fetched again", jwksUri);
                failing = false;
            }
        } catch (IOException | ParseException e) {
            if (!failing) {
                LOG.warn("Could not fetch the JWKS at {} ({}); {}", jwksUri, e.getMessage(),
                        keys == null ? "access tokens of this issuer are refused until it can" : "the keys known before stay in use");
                failing = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JWKSet download() throws IOException, InterruptedException, ParseException {
        HttpRequest request = HttpRequest.newBuilder(jwksUri).timeout(timeout)
                .header("Accept", "application/jwk-set+json, application/json").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_JWKS_BYTES + 1);
            if (bytes.length > MAX_JWKS_BYTES) {
                throw new IOException("larger than " + MAX_JWKS_BYTES + " bytes");
            }
            // Public keys only: a set that carries private or symmetric keys is used for its public parts.
            return JWKSet.parse(new String(bytes, StandardCharsets.UTF_8)).toPublicJWKSet();
        }
    }
}
