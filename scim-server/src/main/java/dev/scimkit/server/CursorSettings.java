package dev.scimkit.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * How the engine issues RFC 9865 cursors: the key that authenticates them, how long one stays valid
 * ({@code cursorTimeout}, advertised in {@code /ServiceProviderConfig}) and the clock that decides.
 *
 * <p>A cursor is opaque to clients and bound to its tenant and query: it carries an HMAC-SHA256 over
 * the tenant, the query (resource type, filter, sort) and the position, under the server's key, so it
 * cannot be forged, altered, or replayed against another tenant or query (400 {@code invalidCursor}).
 * The default key is random per server instance: cursors then do not survive a restart or travel
 * between instances behind a load balancer; give every instance the same secret key
 * ({@link #withKey}) to allow both. Immutable.
 */
public final class CursorSettings {

    /** The default {@code cursorTimeout}: ten minutes between page requests. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private static final int MIN_KEY_BYTES = 32;

    private final byte[] key;
    private final Duration timeout;
    private final Clock clock;

    private CursorSettings(byte[] key, Duration timeout, Clock clock) {
        this.key = key;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A fresh random key (this instance only), the default timeout, the system clock. */
    public static CursorSettings withRandomKey() {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new CursorSettings(key, DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /**
     * A key shared by every instance that must accept each other's cursors; at least 32 bytes of
     * secret randomness. Copied; never logged.
     */
    public static CursorSettings withKey(byte[] secret) {
        if (Objects.requireNonNull(secret, "secret").length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A cursor key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        return new CursorSettings(secret.clone(), DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /**
     * A key derived from the server's configured secrets, for example one {@code tenant\0client\0token}
     * line per credential: instances started with the same credentials (several behind a load balancer,
     * or one after a restart) accept each other's cursors with no extra setting, a tenant that knows only
     * its own token cannot derive the key, and changing a credential ends the cursors issued before. The
     * order of the lines does not matter. With no secret at all, the key is random.
     */
    public static CursorSettings withKeyDerivedFrom(Collection<String> secrets) {
        if (Objects.requireNonNull(secrets, "secrets").isEmpty()) {
            return withRandomKey();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("scimkit RFC 9865 cursor key\0".getBytes(StandardCharsets.UTF_8));
            secrets.stream().sorted().forEach(line -> sha.update((line + "\0").getBytes(StandardCharsets.UTF_8)));
            return withKey(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The same settings with another cursor lifetime (whole seconds, at least one). */
    public CursorSettings timeout(Duration value) {
        if (Objects.requireNonNull(value, "value").getSeconds() < 1) {
            throw new IllegalArgumentException("A cursor timeout must be at least one second");
        }
        return new CursorSettings(key, value, clock);
    }

    /** The same settings with another clock (tests). */
    public CursorSettings clock(Clock value) {
        return new CursorSettings(key, timeout, Objects.requireNonNull(value, "value"));
    }

    public Duration timeout() {
        return timeout;
    }

    public Clock clock() {
        return clock;
    }

    /** A copy of the key, for the engine's cursor codec. */
    public byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "CursorSettings[timeout=" + timeout + "]"; // never the key
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CursorSettings c && Arrays.equals(key, c.key) && timeout.equals(c.timeout)
                && clock.equals(c.clock);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), timeout, clock);
    }
}
