package dev.scimkit.server.auth;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code Authorization} header at the edges of what is read as a bearer token. */
class BearerTokensTest {

    private static Optional<ScimPrincipal> present(BearerTokenAuthenticator a, String header) {
        return a.authenticate(ScimRequest.builder("GET", "/Users").header("Authorization", header).build());
    }

    @Test
    void aTokenOfTheLongestAllowedLengthIsAcceptedAndOneCharacterMoreIsNot() {
        String longest = "t".repeat(BearerTokens.MAX_TOKEN_LENGTH);
        String tooLong = longest + "u";
        // Both are configured: the refusal is the length rule's, not an unknown token.
        BearerTokenAuthenticator auth = BearerTokenAuthenticator.builder()
                .addToken(TenantId.of("portal-a"), "longest", longest)
                .addToken(TenantId.of("portal-b"), "too-long", tooLong).build();
        assertThat(present(auth, "Bearer " + longest)).map(ScimPrincipal::tenant).contains(TenantId.of("portal-a"));
        assertThat(present(auth, "Bearer " + tooLong)).isEmpty();
        assertThat(BearerTokens.fromHeader("Bearer " + longest)).contains(longest);
        assertThat(BearerTokens.fromHeader("Bearer " + tooLong)).isEmpty();
    }

    @Test
    void theSchemeIsBearerInAnyCaseFollowedByASpaceAndAToken() {
        assertThat(BearerTokens.fromHeader("Bearer x")).contains("x");
        assertThat(BearerTokens.fromHeader("bEARER  x ")).contains("x");
        assertThat(BearerTokens.fromHeader("  Bearer\tx")).as("a tab is not the space RFC 6750 asks for").isEmpty();
        for (String header : new String[] {"", " ", "B", "Bearer", "Bearer ", "Bearer    ", "Bearerx", "Bearer:x", "Basic x",
                "Beare x"}) {
            assertThat(BearerTokens.fromHeader(header)).as("'" + header + "'").isEmpty();
        }
    }

    @Test
    void onlyTheThreeBase64urlPartsOfACompactJwsLookLikeOne() {
        assertThat(BearerTokens.looksLikeJws("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isTrue();
        assertThat(BearerTokens.looksLikeJws("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")).as("an empty signature has the shape").isTrue();
        for (String token : new String[] {"static-secret", "a.b", "a.b.c.d", ".b.c", "a..c", "a.b.c!", "a.b.c=", "a+b.c.d",
                "a.b/c.d", "a.b.c d"}) {
            assertThat(BearerTokens.looksLikeJws(token)).as(token).isFalse();
        }
    }
}
