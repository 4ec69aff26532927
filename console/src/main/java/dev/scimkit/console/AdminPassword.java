package dev.scimkit.console;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * An administrator's password as it is kept: a PBKDF2-HMAC-SHA256 hash with its own salt, never the
 * password. Its text form {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64) is what a
 * configuration file holds; {@link #hash} makes one from a password given at start-up.
 */
public final class AdminPassword {

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private AdminPassword(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a password with a fresh salt. */
    public static AdminPassword hash(String password) {
        Objects.requireNonNull(password, "password");
        if (password.length() < 8) {
            throw new IllegalArgumentException("An administrator password needs at least 8 characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new AdminPassword(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /** Reads the text form {@link #text()} gives. */
    public static AdminPassword parse(String text) {
        String[] parts = Objects.requireNonNull(text, "text").split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("An administrator password hash looks like " + PREFIX + "$<iterations>$<salt>$<hash>");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 10_000) {
                throw new IllegalArgumentException("An administrator password hash needs at least 10000 iterations");
            }
            return new AdminPassword(iterations, Base64.getDecoder().decode(parts[2]), Base64.getDecoder().decode(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The iterations of an administrator password hash are not a number");
        }
    }

    /** The text form, safe to store: it does not reveal the password. */
    public String text() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether {@code candidate} is the password; the comparison takes the same time wherever they differ. */
    public boolean matches(String candidate) {
        if (candidate == null || candidate.length() > 1024) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(candidate, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "AdminPassword[hashed]";
    }
}
