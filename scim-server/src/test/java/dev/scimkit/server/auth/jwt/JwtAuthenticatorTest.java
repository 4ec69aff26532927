package dev.scimkit.server.auth.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.scimkit.server.MutableClock;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.auth.CompositeAuthenticator;
import dev.scimkit.server.auth.StandardError;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Access tokens against an issuer's JWKS served by a real HTTP server on loopback, with keys made
 * here. Every refusal is paired with an acceptance of the same token shape, so a test cannot pass
 * because everything is refused.
 */
class JwtAuthenticatorTest {

    private static final String ISSUER = "https://idp.example.com/oauth2/default";
    private static final String AUDIENCE = "api://scimkit";
    private static RSAKey rsa1;
    private static RSAKey rsa2;
    private static RSAKey stranger;
    private static ECKey ec1;

    private final MutableClock clock = MutableClock.at("2026-12-02T09:00:00Z");
    private final JwksServer jwks = newServer();

    @BeforeAll
    static void keys() throws Exception {
        rsa1 = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        rsa2 = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate(); // same kid, other key
        ec1 = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    }

    private static JwksServer newServer() {
        try {
            return new JwksServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    private JwtAuthenticator.Builder builder() {
        return JwtAuthenticator.builder(ISSUER, jwks.uri()).audience(AUDIENCE).tenantClaim("tenant").clock(clock)
                .clockSkew(Duration.ofSeconds(60)).jwksRefresh(Duration.ofHours(1), Duration.ofSeconds(30));
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("0oa1okta")
                .claim("client_id", "okta-tracktik").claim("tenant", "portal-a")
                .issueTime(Date.from(now.minusSeconds(10))).notBeforeTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    private static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
        JWSSigner signer = key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static ScimRequest bearer(String token) {
        return ScimRequest.builder("GET", "/Users").header("Authorization", "Bearer " + token).build();
    }

    @Test
    void aValidTokenGivesTheTenantAndClientOfItsClaims() throws Exception {
        jwks.publish(List.of(rsa1, ec1));
        JwtAuthenticator auth = builder().build();
        Optional<ScimPrincipal> p = auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().build())));
        assertThat(p).contains(ScimPrincipal.client(TenantId.of("portal-a"), "okta-tracktik"));
        assertThat(auth.authenticate(bearer(sign(ec1, JWSAlgorithm.ES256, claims().build())))).isPresent();
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheClockSkewOnly() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        Instant now = clock.instant();
        String justExpired = sign(rsa1, JWSAlgorithm.RS256, claims().expirationTime(Date.from(now.minusSeconds(30))).build());
        String expired = sign(rsa1, JWSAlgorithm.RS256, claims().expirationTime(Date.from(now.minusSeconds(61))).build());
        assertThat(auth.authenticate(bearer(justExpired))).as("within the skew").isPresent();
        assertThat(auth.authenticate(bearer(expired))).isEmpty();
        String noExpiry = sign(rsa1, JWSAlgorithm.RS256, claims().expirationTime(null).build());
        assertThat(auth.authenticate(bearer(noExpiry))).isEmpty();
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        String later = sign(rsa1, JWSAlgorithm.RS256, claims().notBeforeTime(Date.from(clock.instant().plusSeconds(120))).build());
        assertThat(auth.authenticate(bearer(later))).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(auth.authenticate(bearer(later))).as("the skew covers the last minute").isPresent();
    }

    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerIsRefused() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().audience("api://payroll").build())))).isEmpty();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256,
                claims().audience(List.of("api://payroll", AUDIENCE)).build())))).as("one of several").isPresent();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256,
                claims().issuer("https://evil.example.com/oauth2/default").build())))).isEmpty();
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefusedAndDoesNotHammerTheIssuer() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().build())))).isPresent();
        // The same key id, another key: the signature does not verify.
        assertThat(auth.authenticate(bearer(sign(stranger, JWSAlgorithm.RS256, claims().build())))).isEmpty();
        int before = jwks.fetches.get();
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("made-up").generate();
        for (int i = 0; i < 20; i++) {
            assertThat(auth.authenticate(bearer(sign(unknown, JWSAlgorithm.RS256, claims().build())))).isEmpty();
        }
        assertThat(jwks.fetches.get() - before).as("refetches within the interval").isLessThanOrEqualTo(1);
    }

    @Test
    void aKeyRotationAtTheIssuerIsPickedUpOnTheFirstTokenWithTheNewKeyId() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().build())))).isPresent();
        jwks.publish(List.of(rsa1, rsa2));
        clock.advance(Duration.ofSeconds(31));
        assertThat(auth.authenticate(bearer(sign(rsa2, JWSAlgorithm.RS256, claims().build())))).isPresent();
        assertThat(jwks.fetches.get()).isEqualTo(2);
    }

    @Test
    void theKeysKnownStayInUseWhileTheIssuerIsDown() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().build())))).isPresent();
        jwks.fail();
        clock.advance(Duration.ofHours(2));
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().build())))).isPresent();
        assertThat(jwks.fetches.get()).isEqualTo(2);
    }

    @Test
    void anUnsecuredTokenWithAlgNoneIsRefused() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = Base64URL.encode(claims().build().toString().getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(auth.authenticate(bearer(header + "." + payload + "."))).isEmpty();
        // The same header claiming RS256 over a real signature is accepted: the refusal is about "none".
        String signed = sign(rsa1, JWSAlgorithm.RS256, claims().build());
        assertThat(auth.authenticate(bearer(signed))).isPresent();
    }

    @Test
    void anHmacMadeWithTheIssuersPublicRsaKeyIsRefused() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        byte[] publicKey = rsa1.toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build());
        forged.sign(new MACSigner(publicKey));
        assertThat(auth.authenticate(bearer(forged.serialize()))).isEmpty();
    }

    @Test
    void onlyRsaAndEcAlgorithmsCanBeAllowed() {
        assertThatThrownBy(() -> builder().algorithms(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.HS256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HS256");
        assertThatThrownBy(() -> builder().algorithms(Set.of(new JWSAlgorithm("none"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwtAuthenticator.builder(ISSUER, java.net.URI.create("http://idp.example.com/jwks")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void anAlgorithmNotAllowedIsRefusedEvenWithTheRightKey() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().algorithms(Set.of(JWSAlgorithm.PS256)).build();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().build())))).isEmpty();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.PS256, claims().build())))).isPresent();
    }

    @Test
    void tenantsComeFromAMappedClaimOrAreFixed() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator mapped = builder().tenantClaim("tid").mapTenant("72f988bf-86f1", TenantId.of("portal-a")).build();
        assertThat(mapped.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().claim("tid", "72f988bf-86f1").build()))))
                .map(ScimPrincipal::tenant).contains(TenantId.of("portal-a"));
        assertThat(mapped.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().claim("tid", "other").build())))).isEmpty();
        assertThat(builder().build().authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().claim("tenant", null).build()))))
                .as("no tenant claim").isEmpty();

        JwtAuthenticator fixed = JwtAuthenticator.builder(ISSUER, jwks.uri()).audience(AUDIENCE).clock(clock)
                .tenant(TenantId.of("portal-b")).clientClaims(List.of("azp")).build();
        assertThat(fixed.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().claim("azp", "entra-app").build()))))
                .contains(ScimPrincipal.client(TenantId.of("portal-b"), "entra-app"));
    }

    @Test
    void aRequiredScopeMustBeGranted() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().requiredScope("scim").build();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().claim("scp", List.of("openid", "scim")).build())))).isPresent();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().claim("scope", "openid scim").build())))).isPresent();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().claim("scope", "openid").build())))).isEmpty();
    }

    @Test
    void staticTokensAndAccessTokensWorkSideBySide() throws Exception {
        jwks.publish(List.of(rsa1));
        Authenticator both = CompositeAuthenticator.of(List.of(
                BearerTokenAuthenticator.builder().addToken(TenantId.of("portal-b"), "entra", "static-secret").build(),
                builder().build()));
        assertThat(both.authenticate(bearer("static-secret"))).contains(ScimPrincipal.client(TenantId.of("portal-b"), "entra"));
        assertThat(both.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().build()))))
                .contains(ScimPrincipal.client(TenantId.of("portal-a"), "okta-tracktik"));
        assertThat(both.authenticate(bearer("wrong"))).isEmpty();
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        for (String junk : new String[] {"a.b.c", "e30.e30.", "....", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "x".repeat(9000)}) {
            assertThat(auth.authenticate(bearer(junk))).as(junk.length() > 40 ? "long" : junk).isEmpty();
        }
        assertThat(auth.authenticate(ScimRequest.builder("GET", "/Users").build())).isEmpty();
    }

    private static String signTyped(JOSEObjectType type, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa1.getKeyID()).type(type).build(), claims);
        jwt.sign(new RSASSASigner(rsa1));
        return jwt.serialize();
    }

    @Test
    void anAccessTokenTypedAsSuchIsAcceptedAndATokenOfAnotherTypeIsNot() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        // RFC 9068's types, as Keycloak and others send them, and none at all.
        for (JOSEObjectType type : new JOSEObjectType[] {new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"),
                JOSEObjectType.JWT, null}) {
            assertThat(auth.authenticate(bearer(signTyped(type, claims().build())))).as(String.valueOf(type)).isPresent();
        }
        // Tokens the same issuer signs for other purposes (RFC 8725 §3.11): a logout token, a DPoP proof.
        for (String type : new String[] {"logout+jwt", "dpop+jwt", "JOSE"}) {
            assertThat(auth.authenticate(bearer(signTyped(new JOSEObjectType(type), claims().build())))).as(type).isEmpty();
        }
    }

    @Test
    void theClockSkewAppliesUpToItsExactBound() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        Instant now = clock.instant();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().expirationTime(Date.from(now.minusSeconds(59))).build()))))
                .as("expired 59 s ago, skew 60 s").isPresent();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().expirationTime(Date.from(now.minusSeconds(60))).build()))))
                .as("expired exactly the skew ago").isEmpty();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().notBeforeTime(Date.from(now.plusSeconds(60))).build()))))
                .as("valid in exactly the skew").isPresent();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().notBeforeTime(Date.from(now.plusSeconds(61))).build()))))
                .isEmpty();
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheSkewIsRefused() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        Instant now = clock.instant();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().issueTime(Date.from(now.plusSeconds(61))).build()))))
                .isEmpty();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().issueTime(Date.from(now.plusSeconds(60))).build()))))
                .as("within the skew").isPresent();
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().issueTime(null).build()))))
                .as("iat is optional").isPresent();
    }

    @Test
    void theClockSkewIsAtMostFiveMinutes() {
        assertThat(builder().clockSkew(Duration.ofMinutes(5)).clockSkew(Duration.ZERO)).isNotNull();
        assertThatThrownBy(() -> builder().clockSkew(Duration.ofMinutes(5).plusNanos(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().clockSkew(Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenWhoseTextDiffersFromWhatTheIssuerSignedIsRefused() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        String signed = sign(rsa1, JWSAlgorithm.RS256, claims().build());
        assertThat(auth.authenticate(bearer(signed))).isPresent();
        // The JOSE library's base64url decoder skips characters outside the alphabet, so these would verify.
        for (String altered : new String[] {signed + "!", signed + "==", signed.replace(".", ".%")}) {
            assertThat(auth.authenticate(bearer(altered))).as(altered.substring(altered.length() - 3)).isEmpty();
        }
    }

    @Test
    void theClientNameIsPrintableAndBounded() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        String client = "okta tracktik\u0007" + "x".repeat(200);
        String expected = "okta_tracktik_" + "x".repeat(128 - "okta_tracktik_".length());
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().claim("client_id", client).build()))))
                .map(ScimPrincipal::name).contains(expected);
        String longest = "c".repeat(128);
        assertThat(auth.authenticate(bearer(sign(rsa1, JWSAlgorithm.RS256, claims().claim("client_id", longest).build()))))
                .map(ScimPrincipal::name).contains(longest);
    }

    @Test
    void theChallengeIsTheBearerRealm() {
        assertThat(builder().build().challenge()).isEqualTo("Bearer realm=\"SCIM\"");
    }

    @Test
    void aRefusalIsLoggedWithItsReasonAndNeverTheToken() throws Exception {
        jwks.publish(List.of(rsa1));
        JwtAuthenticator auth = builder().build();
        String expired = sign(rsa1, JWSAlgorithm.RS256, claims().expirationTime(Date.from(clock.instant().minusSeconds(3600))).build());
        // Three base64url parts, the header "not json": the JOSE library cannot parse it, and its message could quote it.
        String unparsable = "bm90IGpzb24.e30.c2lnbmF0dXJl";
        String log = StandardError.during(() -> {
            assertThat(auth.authenticate(bearer(expired))).isEmpty();
            assertThat(auth.authenticate(bearer(unparsable))).isEmpty();
        });
        List<String> lines = StandardError.lines(log, "DEBUG");
        assertThat(lines).as(log).hasSize(2);
        assertThat(lines.get(0)).contains(ISSUER, "refused: expired");
        assertThat(lines.get(1)).contains("refused: ParseException");
        for (String token : new String[] {expired, unparsable}) {
            for (String part : token.split("\\.")) {
                assertThat(log).doesNotContain(part);
            }
        }
        assertThat(log).doesNotContain("not json");
    }
}
