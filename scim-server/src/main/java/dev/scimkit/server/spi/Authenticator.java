package dev.scimkit.server.spi;

import dev.scimkit.server.ScimRequest;

import java.util.Optional;

/**
 * Turns a request into the principal it acts for. An empty result makes the engine answer 401 with
 * {@code WWW-Authenticate}; implementations must not throw for bad credentials and must never log
 * secrets.
 */
public interface Authenticator {

    /** The principal, or empty when the request carries no valid credentials. */
    Optional<ScimPrincipal> authenticate(ScimRequest request);

    /** The value of the {@code WWW-Authenticate} header of a 401 answer. */
    default String challenge() {
        return "Bearer realm=\"SCIM\"";
    }
}
