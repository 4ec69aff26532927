package dev.scimkit.examples;

import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.auth.CompositeAuthenticator;
import dev.scimkit.server.auth.TokenFile;
import dev.scimkit.server.auth.TokenFileAuthenticator;
import dev.scimkit.server.auth.jwt.JwtAuthenticator;
import dev.scimkit.server.limits.FailedAuthenticationGuard;
import dev.scimkit.server.limits.RequestRateLimiter;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the example server's options into the library's authentication and limits: the tokens of
 * {@code --token}/{@code --tenant}, the token file and an OAuth 2 issuer side by side (cheapest first),
 * the rate limits and the failed-authentication guard.
 */
final class PublicEndpoint {

    /** How often the token file is read to see whether it changed. */
    static final Duration TOKEN_FILE_CHECK = Duration.ofSeconds(2);

    private PublicEndpoint() {
    }

    static Authenticator authenticator(ServerOptions options) {
        List<Authenticator> all = new ArrayList<>();
        if (!options.tenants().isEmpty()) {
            BearerTokenAuthenticator.Builder b = BearerTokenAuthenticator.builder();
            for (Map.Entry<String, List<ServerOptions.Credential>> tenant : options.tenants().entrySet()) {
                for (ServerOptions.Credential credential : tenant.getValue()) {
                    b.addToken(TenantId.of(tenant.getKey()), credential.client(), credential.secret());
                }
            }
            all.add(b.build());
        }
        SecurityOptions security = options.security();
        security.tokensFile().ifPresent(file -> {
            try {
                all.add(TokenFileAuthenticator.open(file, TOKEN_FILE_CHECK, Clock.systemUTC()));
            } catch (TokenFile.InvalidTokenFileException e) {
                throw new ServerOptions.InvalidOptionsException("--tokens-file " + e.getMessage());
            }
        });
        security.jwt().ifPresent(jwt -> all.add(jwtAuthenticator(jwt)));
        return CompositeAuthenticator.of(all);
    }

    private static JwtAuthenticator jwtAuthenticator(SecurityOptions.Jwt jwt) {
        try {
            JwtAuthenticator.Builder b = JwtAuthenticator.builder(jwt.issuer(), jwt.jwksUrl()).audience(jwt.audience());
            jwt.tenant().ifPresent(t -> b.tenant(TenantId.of(t)));
            jwt.tenantClaim().ifPresent(b::tenantClaim);
            jwt.clientClaim().ifPresent(c -> b.clientClaims(List.of(c)));
            jwt.scope().ifPresent(b::requiredScope);
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ServerOptions.InvalidOptionsException("--jwt-*: " + e.getMessage());
        }
    }

    /** The failed-authentication guard of {@code --max-auth-failures}, shared by the SCIM and admin paths. */
    static Optional<FailedAuthenticationGuard> guard(SecurityOptions security) {
        if (security.maxAuthFailures().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FailedAuthenticationGuard.builder().freeFailures(security.maxAuthFailures().getAsInt()).build());
    }

    static void limits(SecurityOptions security, Optional<FailedAuthenticationGuard> guard, ScimServer.Builder engine) {
        if (security.tenantRate().isPresent() || security.tokenRate().isPresent()) {
            RequestRateLimiter.Builder rates = RequestRateLimiter.builder();
            security.tenantRate().ifPresent(rates::perTenant);
            security.tokenRate().ifPresent(rates::perCredential);
            engine.rateLimiter(rates.build());
        }
        guard.ifPresent(engine::failedAuthentications);
    }

    /** What the {@code /admin} views authenticate with: the same credentials, under the same guard. */
    static Authenticator forAdmin(Authenticator authenticator, Optional<FailedAuthenticationGuard> guard) {
        return guard.<Authenticator>map(g -> new GuardedAuthenticator(authenticator, g)).orElse(authenticator);
    }
}
