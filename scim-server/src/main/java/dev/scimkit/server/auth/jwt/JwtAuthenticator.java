package dev.scimkit.server.auth.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.auth.BearerTokens;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts OAuth 2 access tokens in JWT form (RFC 9068) issued by one authorization server (Okta, Entra
 * ID, Keycloak, a portal's own): {@code Authorization: Bearer <jwt>}. Build one with {@link #builder}.
 *
 * <p>A token is accepted when its signature verifies with a key of the issuer's JWKS (see the builder
 * for caching and refresh) under an allowed algorithm, and its {@code iss}, {@code aud}, {@code exp},
 * {@code nbf} (with a small clock skew) and, when configured, scope hold. Only the RSA and EC families
 * (RS*, PS*, ES*) can be allowed: never {@code none}, and never an HMAC, so a token "signed" with the
 * issuer's public RSA key used as an HMAC secret is refused. The tenant comes from a configured claim
 * (optionally mapped, such as Entra ID's {@code tid} to a tenant name) or is fixed; the principal's
 * name, which History shows, from the client claim. Signature and claims checks are nimbus-jose-jwt's;
 * this class only configures it. A refused token is logged at debug level with the reason, never the
 * token. Thread-safe.
 *
 * <p>nimbus-jose-jwt is an optional dependency of scim-server: add {@code com.nimbusds:nimbus-jose-jwt}
 * to use this class.
 */
public final class JwtAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);
    private static final int MAX_NAME_LENGTH = 128;
    /** The RSA and EC signature algorithms; everything else (none, HS*, EdDSA) cannot be allowed. */
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final String issuer;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Optional<String> tenantClaim;
    private final Optional<TenantId> fixedTenant;
    private final Map<String, TenantId> tenantMapping;
    private final List<String> clientClaims;

    private JwtAuthenticator(Builder b) {
        this.issuer = b.issuer;
        this.tenantClaim = Optional.ofNullable(b.tenantClaim);
        this.fixedTenant = Optional.ofNullable(b.tenant);
        this.tenantMapping = Map.copyOf(b.tenantMapping);
        this.clientClaims = List.copyOf(b.clientClaims);
        JwksKeySource keys = new JwksKeySource(b.jwksUri, b.jwksTtl, b.jwksMinRefetchInterval, b.httpTimeout, b.clock);
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        // "JWT" (Okta, Entra ID), RFC 9068's "at+jwt", or none at all.
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                new JOSEObjectType("application/at+jwt"), null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.copyOf(b.algorithms), keys));
        p.setJWTClaimsSetVerifier(new AccessTokenClaimsVerifier(b.issuer, b.audiences, b.clockSkew, b.clock,
                Optional.ofNullable(b.requiredScope)));
        this.processor = p;
    }

    /** A builder for tokens of {@code issuer} (the exact {@code iss} value) with keys at {@code jwksUri}. */
    public static Builder builder(String issuer, URI jwksUri) {
        return new Builder(issuer, jwksUri);
    }

    @Override
    public Optional<ScimPrincipal> authenticate(ScimRequest request) {
        Optional<String> token = BearerTokens.from(request);
        if (token.isEmpty() || !BearerTokens.looksLikeJws(token.get())) {
            return Optional.empty();
        }
        try {
            // SignedJWT.parse refuses alg "none" (an unsecured JWT is not a JWS) and encrypted tokens.
            SignedJWT jwt = SignedJWT.parse(token.get());
            JWTClaimsSet claims = processor.process(jwt, null);
            Optional<TenantId> tenant = tenantOf(claims);
            Optional<String> client = clientOf(claims);
            if (tenant.isEmpty() || client.isEmpty()) {
                LOG.debug("Access token of {} refused: no usable tenant or client claim", issuer);
                return Optional.empty();
            }
            return Optional.of(ScimPrincipal.client(tenant.get(), client.get()));
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            // The reason only: the message of a parse failure could quote the token, so only its class for those.
            LOG.debug("Access token for {} refused: {}", issuer,
                    e instanceof BadJOSEException ? e.getMessage() : e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public String challenge() {
        return "Bearer realm=\"SCIM\"";
    }

    private Optional<TenantId> tenantOf(JWTClaimsSet claims) {
        if (fixedTenant.isPresent()) {
            return fixedTenant;
        }
        Object value = claims.getClaim(tenantClaim.orElseThrow());
        if (!(value instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        if (!tenantMapping.isEmpty()) {
            return Optional.ofNullable(tenantMapping.get(text));
        }
        return text.matches("[A-Za-z0-9._-]{1,128}") ? Optional.of(TenantId.of(text)) : Optional.empty();
    }

    private Optional<String> clientOf(JWTClaimsSet claims) {
        for (String claim : clientClaims) {
            Object value = claims.getClaim(claim);
            if (value instanceof String text && !text.isBlank()) {
                // A name for History and logs: printable, bounded.
                String clean = text.replaceAll("[^\\x21-\\x7E]", "_");
                return Optional.of(clean.substring(0, Math.min(clean.length(), MAX_NAME_LENGTH)));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "JwtAuthenticator[" + issuer + "]";
    }

    /** Builds a {@link JwtAuthenticator}; an audience and a tenant rule are required. */
    public static final class Builder {
        private final String issuer;
        private final URI jwksUri;
        private final Set<String> audiences = new LinkedHashSet<>();
        private Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256);
        private Duration clockSkew = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private String tenantClaim;
        private TenantId tenant;
        private final Map<String, TenantId> tenantMapping = new LinkedHashMap<>();
        private List<String> clientClaims = List.of("client_id", "azp", "appid", "cid", "sub");
        private String requiredScope;
        private Duration jwksTtl = Duration.ofHours(1);
        private Duration jwksMinRefetchInterval = Duration.ofSeconds(30);
        private Duration httpTimeout = Duration.ofSeconds(10);

        private Builder(String issuer, URI jwksUri) {
            if (Objects.requireNonNull(issuer, "issuer").isBlank()) {
                throw new IllegalArgumentException("The issuer must not be blank");
            }
            this.issuer = issuer;
            this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
            String scheme = String.valueOf(jwksUri.getScheme());
            boolean loopback = "localhost".equals(jwksUri.getHost()) || "127.0.0.1".equals(jwksUri.getHost())
                    || "[::1]".equals(jwksUri.getHost());
            if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
                throw new IllegalArgumentException("The JWKS URL must be https (http only on loopback), not " + jwksUri);
            }
        }

        /** An accepted {@code aud} value (repeatable; a token must name at least one). */
        public Builder audience(String value) {
            audiences.add(Objects.requireNonNull(value));
            return this;
        }

        /**
         * The accepted signature algorithms, by default RS256, ES256 and PS256.
         *
         * @throws IllegalArgumentException for {@code none}, an HMAC or any other non-RSA, non-EC algorithm
         */
        public Builder algorithms(Set<JWSAlgorithm> values) {
            for (JWSAlgorithm a : values) {
                if (!ASYMMETRIC.contains(a)) {
                    throw new IllegalArgumentException("Algorithm " + a + " cannot be allowed: only RS*, PS* and ES*");
                }
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("At least one algorithm must be allowed");
            }
            this.algorithms = Set.copyOf(values);
            return this;
        }

        /** The tolerance for {@code exp}, {@code nbf} and {@code iat}: 60 s by default, at most 5 min. */
        public Builder clockSkew(Duration value) {
            if (value.isNegative() || value.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("The clock skew is between 0 and 5 minutes");
            }
            this.clockSkew = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** The tenant is the value of this claim (a tenant name, or a key of {@link #mapTenant}). */
        public Builder tenantClaim(String claim) {
            this.tenantClaim = Objects.requireNonNull(claim);
            return this;
        }

        /** With {@link #tenantClaim}: the claim value {@code value} means {@code tenant}; unmapped values are refused. */
        public Builder mapTenant(String value, TenantId tenant) {
            tenantMapping.put(Objects.requireNonNull(value), Objects.requireNonNull(tenant));
            return this;
        }

        /** Every token of this issuer acts for {@code value} (an issuer of one tenant's own). */
        public Builder tenant(TenantId value) {
            this.tenant = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The claims that name the client, first present wins; by default {@code client_id},
         * {@code azp}, {@code appid}, {@code cid}, {@code sub}.
         */
        public Builder clientClaims(List<String> claims) {
            if (claims.isEmpty()) {
                throw new IllegalArgumentException("At least one client claim");
            }
            this.clientClaims = List.copyOf(claims);
            return this;
        }

        /** A scope the token must carry in {@code scp} or {@code scope}, such as {@code scim}. */
        public Builder requiredScope(String value) {
            this.requiredScope = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long fetched keys are used before they are fetched again (1 h by default), and how soon
         * after a fetch a token with an unknown key id may cause another (30 s by default).
         */
        public Builder jwksRefresh(Duration ttl, Duration minRefetchInterval) {
            if (ttl.isNegative() || ttl.isZero() || minRefetchInterval.isNegative()) {
                throw new IllegalArgumentException("The JWKS lifetime is positive, the refetch interval not negative");
            }
            this.jwksTtl = ttl;
            this.jwksMinRefetchInterval = minRefetchInterval;
            return this;
        }

        public JwtAuthenticator build() {
            if (audiences.isEmpty()) {
                throw new IllegalStateException("An audience is required: tokens for other APIs must not be accepted");
            }
            if ((tenantClaim == null) == (tenant == null)) {
                throw new IllegalStateException("Give either a tenant claim or a fixed tenant");
            }
            if (!tenantMapping.isEmpty() && tenantClaim == null) {
                throw new IllegalStateException("mapTenant needs a tenant claim");
            }
            return new JwtAuthenticator(this);
        }
    }
}
