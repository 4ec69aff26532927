package dev.scimkit.server.auth;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link Authenticator}: {@code Authorization: Bearer <token>} (RFC 6750), one or more
 * tokens per tenant, as the secret token an administrator enters in Entra ID or Okta.
 *
 * <p>Only SHA-256 hashes of the tokens are kept, so a heap dump does not reveal them, and a
 * presented token is compared against every stored hash with {@link MessageDigest#isEqual} without
 * stopping at the first match, so timing tells an attacker nothing. Tokens never reach a log.
 * Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class BearerTokenAuthenticator implements Authenticator {

    private final List<Entry> entries;

    private BearerTokenAuthenticator(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<ScimPrincipal> authenticate(ScimRequest request) {
        Optional<String> token = BearerTokens.from(request);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token.get().getBytes(StandardCharsets.UTF_8));
        Entry match = null;
        for (Entry e : entries) {
            // No early exit: every request costs the same comparisons whatever token it carries.
            if (MessageDigest.isEqual(e.hash, presented) && match == null) {
                match = e;
            }
        }
        return match == null ? Optional.empty() : Optional.of(ScimPrincipal.client(match.tenant, match.name));
    }

    @Override
    public String challenge() {
        return "Bearer realm=\"SCIM\"";
    }

    /** The prefix of a stored hash that says which hash it is. */
    public static final String HASH_PREFIX = "sha256:";

    /** The SHA-256 of a token as lower-case hex, the form {@link Builder#addTokenHash} accepts. */
    public static String hashToken(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code sha256:} and the SHA-256 of a token in hex: how a token file stores it. */
    public static String storedHash(String token) {
        return HASH_PREFIX + hashToken(token);
    }

    /** How many tokens this authenticator accepts. */
    public int size() {
        return entries.size();
    }

    /** One digest per thread: {@code MessageDigest.getInstance} looks the algorithm up in the providers on every call. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    });

    private static byte[] sha256(byte[] data) {
        // digest() resets the instance, so the next request starts clean even after a failure here.
        return SHA_256.get().digest(data);
    }

    private record Entry(TenantId tenant, String name, byte[] hash) {
    }

    /** Builds a {@link BearerTokenAuthenticator}. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /**
         * Accepts {@code token} for {@code tenant}; only its hash is kept.
         *
         * @param name a loggable name for the credential, such as {@code entra-prod}
         */
        public Builder addToken(TenantId tenant, String name, String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("A bearer token must not be blank");
            }
            entries.add(new Entry(Objects.requireNonNull(tenant), Objects.requireNonNull(name),
                    sha256(token.getBytes(StandardCharsets.UTF_8))));
            return this;
        }

        /** Accepts {@code token} for {@code tenant}, named after the tenant. */
        public Builder addToken(TenantId tenant, String token) {
            return addToken(tenant, tenant.value(), token);
        }

        /**
         * Accepts the token whose SHA-256 is {@code sha256Hex}, as stored in configuration: 64 hex digits,
         * optionally prefixed {@code sha256:} (the form {@link #hashToken} and the token file use).
         */
        public Builder addTokenHash(TenantId tenant, String name, String sha256Hex) {
            String hex = sha256Hex.trim().toLowerCase(java.util.Locale.ROOT);
            if (hex.startsWith(HASH_PREFIX)) {
                hex = hex.substring(HASH_PREFIX.length());
            }
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("A SHA-256 hash has 64 hex digits");
            }
            byte[] hash = HexFormat.of().parseHex(hex);
            if (hash.length != 32) {
                throw new IllegalArgumentException("A SHA-256 hash has 64 hex digits");
            }
            entries.add(new Entry(Objects.requireNonNull(tenant), Objects.requireNonNull(name), hash));
            return this;
        }

        public BearerTokenAuthenticator build() {
            return new BearerTokenAuthenticator(entries);
        }
    }
}
