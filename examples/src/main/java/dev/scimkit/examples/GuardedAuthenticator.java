package dev.scimkit.examples;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.limits.FailedAuthenticationGuard;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;

import java.util.Optional;

/**
 * The authenticator of the {@code /admin} views: the same credentials as SCIM, counted by the same
 * failed-authentication guard, so the admin path is no way around it. An address that is locked out
 * is refused without its token being looked at. (The SCIM path has the guard in the engine; this is
 * only for servlets that authenticate for themselves.)
 */
final class GuardedAuthenticator implements Authenticator {

    private final Authenticator delegate;
    private final FailedAuthenticationGuard guard;

    GuardedAuthenticator(Authenticator delegate, FailedAuthenticationGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public Optional<ScimPrincipal> authenticate(ScimRequest request) {
        Optional<String> address = request.remoteAddress();
        if (address.isPresent() && guard.refusal(address.get()).isPresent()) {
            return Optional.empty();
        }
        Optional<ScimPrincipal> principal = delegate.authenticate(request);
        address.ifPresent(a -> {
            if (principal.isPresent()) {
                guard.succeeded(a);
            } else {
                guard.failed(a);
            }
        });
        return principal;
    }

    @Override
    public String challenge() {
        return delegate.challenge();
    }
}
