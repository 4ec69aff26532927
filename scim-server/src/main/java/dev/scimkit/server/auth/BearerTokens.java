package dev.scimkit.server.auth;

import dev.scimkit.server.ScimRequest;

import java.util.Optional;

/**
 * Reading the bearer token of a request (RFC 6750 §2.1), shared by the authenticators of this package
 * and {@code auth.jwt}.
 */
public final class BearerTokens {

    /** Longer values are not tokens anybody issues; they are refused before any work is done. */
    public static final int MAX_TOKEN_LENGTH = 8_192;

    private BearerTokens() {
    }

    /** The bearer token of the request's {@code Authorization} header, if it has one. */
    public static Optional<String> from(ScimRequest request) {
        return request.headers().first("Authorization").flatMap(BearerTokens::fromHeader);
    }

    /** The token of an {@code Authorization} header value with the Bearer scheme (any case). */
    public static Optional<String> fromHeader(String header) {
        String h = header.trim();
        // regionMatches is false for a value shorter than "Bearer ": no length check of its own needed.
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = h.substring(7).trim();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** Whether a token has the shape of a JWS compact serialisation: three base64url parts. */
    public static boolean looksLikeJws(String token) {
        return token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    }
}
