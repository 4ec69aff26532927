package dev.scimkit.server.internal;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.limits.FailedAuthenticationGuard;
import dev.scimkit.server.limits.RequestRateLimiter;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The way into the engine: an address locked out by failed authentications is refused (429), the
 * credentials are checked (401 with an RFC 6750 challenge), and the principal's request rate is
 * counted (429). Either a principal or the answer to send comes out.
 */
public final class AccessGate {

    private final Authenticator authenticator;
    private final Optional<FailedAuthenticationGuard> guard;
    private final Optional<RequestRateLimiter> rates;

    public AccessGate(Authenticator authenticator, Optional<FailedAuthenticationGuard> guard,
                      Optional<RequestRateLimiter> rates) {
        this.authenticator = Objects.requireNonNull(authenticator);
        this.guard = guard;
        this.rates = rates;
    }

    /**
     * The principal of an admitted request, or the answer to a refused one.
     *
     * @param principal present when admitted
     * @param refusal   present when refused
     */
    public record Admission(Optional<ScimPrincipal> principal, Optional<ScimResponse> refusal) {
        static Admission admitted(ScimPrincipal p) {
            return new Admission(Optional.of(p), Optional.empty());
        }

        static Admission refused(ScimResponse r) {
            return new Admission(Optional.empty(), Optional.of(r));
        }
    }

    public Admission admit(ScimRequest request) {
        Optional<String> address = request.remoteAddress();
        if (guard.isPresent() && address.isPresent()) {
            Optional<Duration> wait = guard.get().refusal(address.get());
            if (wait.isPresent()) {
                return Admission.refused(tooMany("Too many failed authentications from this address", wait.get()));
            }
        }
        Optional<ScimPrincipal> principal = authenticator.authenticate(request);
        if (principal.isEmpty()) {
            address.ifPresent(a -> guard.ifPresent(g -> g.failed(a)));
            return Admission.refused(unauthorized(request));
        }
        address.ifPresent(a -> guard.ifPresent(g -> g.succeeded(a)));
        if (rates.isPresent()) {
            Optional<RequestRateLimiter.Refusal> refusal = rates.get().acquire(principal.get());
            if (refusal.isPresent()) {
                return Admission.refused(tooMany("Too many requests for " + refusal.get().scope(),
                        refusal.get().retryAfter()));
            }
        }
        return Admission.admitted(principal.get());
    }

    /**
     * RFC 6750 §3: a request without credentials gets the bare challenge, one whose token was refused
     * also {@code error="invalid_token"}, which tells a client to fetch a new token rather than retry.
     */
    private ScimResponse unauthorized(ScimRequest request) {
        boolean presented = request.headers().first("Authorization").filter(v -> !v.isBlank()).isPresent();
        String challenge = authenticator.challenge();
        if (presented && !challenge.contains("error=")) {
            challenge += ", error=\"invalid_token\", error_description=\"The access token is invalid, expired or revoked\"";
        }
        return ScimResponse.error(401, presented
                        ? "Authentication failed: the bearer token is invalid, expired or revoked"
                        : "Authentication failed: a valid bearer token is required")
                .withHeader("WWW-Authenticate", challenge);
    }

    private static ScimResponse tooMany(String detail, Duration wait) {
        long seconds = Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
        return ScimResponse.error(429, detail + "; retry after " + seconds + " s")
                .withHeader("Retry-After", Long.toString(seconds));
    }
}
