package dev.scimkit.server.auth;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;

import java.util.List;
import java.util.Optional;

/**
 * Several authenticators side by side, asked in order until one knows the request's credentials:
 * static tokens for one tenant, a token file for others, and the access tokens of one or more OAuth 2
 * issuers. Put the cheap ones first (a static token costs one hash; a JWT a signature check). The
 * challenge is the first authenticator's. Immutable.
 */
public final class CompositeAuthenticator implements Authenticator {

    private final List<Authenticator> authenticators;

    private CompositeAuthenticator(List<Authenticator> authenticators) {
        if (authenticators.isEmpty()) {
            throw new IllegalArgumentException("At least one authenticator");
        }
        this.authenticators = List.copyOf(authenticators);
    }

    /** The authenticators, asked in this order. */
    public static Authenticator of(List<? extends Authenticator> authenticators) {
        return authenticators.size() == 1 ? authenticators.get(0) : new CompositeAuthenticator(List.copyOf(authenticators));
    }

    @Override
    public Optional<ScimPrincipal> authenticate(ScimRequest request) {
        for (Authenticator a : authenticators) {
            Optional<ScimPrincipal> principal = a.authenticate(request);
            if (principal.isPresent()) {
                return principal;
            }
        }
        return Optional.empty();
    }

    @Override
    public String challenge() {
        return authenticators.get(0).challenge();
    }

    @Override
    public String toString() {
        return "CompositeAuthenticator" + authenticators;
    }
}
