package dev.scimkit.tracktik.rest;

import java.util.Objects;

/**
 * How the REST store authenticates to a TrackTik portal: a ready access token, or the service
 * account's OAuth 2 credentials, with which the store fetches tokens itself (the documented password
 * grant at {@code /rest/oauth2/access_token}) and renews them before they expire. TrackTik's tokens
 * last about an hour, so only the second works for a server that runs for days.
 *
 * <p>Every part is a secret: {@code toString()} shows none of them, and the store never puts them in
 * a log line or an error.
 */
public sealed interface PortalCredentials {

    /** A ready access token, sent as {@code Authorization: Bearer …} until it stops working. */
    static PortalCredentials accessToken(String token) {
        return new AccessToken(token);
    }

    /**
     * The service account's OAuth 2 client and user (TrackTik's service accounts are an OAuth client
     * plus an employee whose role grants the API scope).
     */
    static PortalCredentials passwordGrant(String clientId, String clientSecret, String username, String password) {
        return new PasswordGrant(clientId, clientSecret, username, password);
    }

    /** A fixed bearer token. */
    record AccessToken(String token) implements PortalCredentials {
        public AccessToken {
            token = printable(token, "token");
        }

        @Override
        public String toString() {
            return "AccessToken[(" + token.length() + " chars, hidden)]";
        }
    }

    /** OAuth 2 password-grant credentials. */
    record PasswordGrant(String clientId, String clientSecret, String username, String password)
            implements PortalCredentials {
        public PasswordGrant {
            clientId = printable(clientId, "client id");
            clientSecret = nonEmpty(clientSecret, "client secret");
            username = nonEmpty(username, "username");
            password = nonEmpty(password, "password");
        }

        @Override
        public String toString() {
            return "PasswordGrant[(client, secret, username and password hidden)]";
        }
    }

    private static String printable(String value, String what) {
        nonEmpty(value, what);
        if (value.isBlank() || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("The TrackTik " + what + " must be non-blank printable ASCII without spaces");
        }
        return value;
    }

    private static String nonEmpty(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The TrackTik " + what + " must not be empty");
        }
        return value;
    }
}
