package dev.scimkit.server.auth;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bearer tokens from a {@link TokenFile} that is read again when it changes, so tokens are added,
 * rotated and revoked without a restart. At most once per {@code checkInterval} a request reads the
 * file and compares its content with what was loaded (no file-system timestamps, whose resolution
 * varies); other requests meanwhile use the tokens loaded before and never wait. A changed file that is
 * not valid (half written, a typo) is logged once with the reason and the old tokens stay in use.
 * Write the file by renaming a complete one over it where you can.
 *
 * <p>Thread-safe. Build one with {@link #open}, which fails when the file is not valid at start.
 */
public final class TokenFileAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(TokenFileAuthenticator.class);
    /** The largest token file read; package-private for the test at the bound. */
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final Path file;
    private final Duration checkInterval;
    private final Clock clock;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile BearerTokenAuthenticator current;
    private volatile Instant nextCheck;
    private byte[] loadedDigest;
    private byte[] seenDigest;

    private TokenFileAuthenticator(Path file, Duration checkInterval, Clock clock, byte[] content) {
        this.file = file;
        this.checkInterval = checkInterval;
        this.clock = clock;
        this.current = TokenFile.parse(content);
        this.loadedDigest = digest(content);
        this.seenDigest = loadedDigest;
        this.nextCheck = clock.instant().plus(checkInterval);
    }

    /**
     * Reads {@code file} now and then at most every {@code checkInterval}.
     *
     * @throws TokenFile.InvalidTokenFileException when the file cannot be read or is not valid
     */
    public static TokenFileAuthenticator open(Path file, Duration checkInterval, Clock clock) {
        Objects.requireNonNull(file, "file");
        if (checkInterval.isNegative()) {
            throw new IllegalArgumentException("The check interval must not be negative");
        }
        try {
            TokenFileAuthenticator a = new TokenFileAuthenticator(file, checkInterval, Objects.requireNonNull(clock), read(file));
            LOG.info("Token file {}: {} token(s) loaded", file, a.current.size());
            return a;
        } catch (IOException e) {
            throw new TokenFile.InvalidTokenFileException(file + ": cannot be read (" + e.getMessage() + ")");
        } catch (TokenFile.InvalidTokenFileException e) {
            throw new TokenFile.InvalidTokenFileException(file + ": " + e.getMessage());
        }
    }

    @Override
    public Optional<ScimPrincipal> authenticate(ScimRequest request) {
        if (!clock.instant().isBefore(nextCheck)) {
            reloadIfChanged();
        }
        return current.authenticate(request);
    }

    /**
     * Reads the file and uses it when it changed and is valid; returns whether the tokens changed. One
     * caller at a time checks; the others go on with the tokens they have.
     */
    public boolean reloadIfChanged() {
        if (!checking.compareAndSet(false, true)) {
            return false;
        }
        try {
            return check();
        } finally {
            checking.set(false);
        }
    }

    /** The check itself, by one caller at a time. */
    private boolean check() {
        nextCheck = clock.instant().plus(checkInterval);
        byte[] content;
        try {
            content = read(file);
        } catch (IOException e) {
            warnOnce(null, "cannot be read (" + e.getMessage() + ")");
            return false;
        }
        byte[] digest = digest(content);
        if (Arrays.equals(digest, loadedDigest)) {
            seenDigest = digest;
            return false;
        }
        try {
            current = TokenFile.parse(content);
            loadedDigest = digest;
            seenDigest = digest;
            LOG.info("Token file {} reloaded: {} token(s)", file, current.size());
            return true;
        } catch (TokenFile.InvalidTokenFileException e) {
            warnOnce(digest, e.getMessage());
            return false;
        }
    }

    /** One warning per bad version of the file, not one per check. */
    private void warnOnce(byte[] digest, String reason) {
        byte[] key = digest == null ? new byte[0] : digest;
        if (!Arrays.equals(key, seenDigest)) {
            seenDigest = key;
            LOG.warn("Token file {} not reloaded: {}; the tokens loaded before stay in use", file, reason);
        }
    }

    @Override
    public String challenge() {
        return current.challenge();
    }

    private static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "TokenFileAuthenticator[" + file + "]";
    }
}
