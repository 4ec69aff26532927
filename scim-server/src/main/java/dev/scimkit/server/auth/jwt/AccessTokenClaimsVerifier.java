package dev.scimkit.server.auth.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import com.nimbusds.jose.proc.SecurityContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claims an access token must carry to be accepted: the configured issuer exactly, one of the
 * configured audiences, an expiry in the future and no not-before in the future (both with a small
 * clock skew), and the required scope when one is configured. Time comes from an injectable clock.
 */
final class AccessTokenClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {

    private final String issuer;
    private final Set<String> audiences;
    private final Duration skew;
    private final Clock clock;
    private final Optional<String> requiredScope;

    AccessTokenClaimsVerifier(String issuer, Set<String> audiences, Duration skew, Clock clock,
                              Optional<String> requiredScope) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.skew = skew;
        this.clock = clock;
        this.requiredScope = requiredScope;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("issuer is not the configured one");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.stream().noneMatch(audiences::contains)) {
            throw new BadJWTException("audience is not a configured one");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new BadJWTException("no expiry (exp)");
        }
        if (!exp.toInstant().plus(skew).isAfter(now)) {
            throw new BadJWTException("expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(skew).isAfter(now)) {
            throw new BadJWTException("not yet valid (nbf)");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().minus(skew).isAfter(now)) {
            throw new BadJWTException("issued in the future (iat)");
        }
        if (requiredScope.isPresent() && !scopes(claims).contains(requiredScope.get())) {
            throw new BadJWTException("lacks the required scope");
        }
    }

    /** {@code scp} as a list (Okta, Entra ID) or a space-separated string, else {@code scope} (RFC 9068). */
    private static List<String> scopes(JWTClaimsSet claims) {
        Object scp = claims.getClaim("scp");
        if (scp instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        Object text = scp != null ? scp : claims.getClaim("scope");
        return text instanceof String s ? Arrays.asList(s.trim().split("\\s+")) : List.of();
    }
}
