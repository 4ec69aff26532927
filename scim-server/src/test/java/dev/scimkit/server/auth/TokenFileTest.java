package dev.scimkit.server.auth;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenFileTest {

    private static final String OLD = "old-secret-of-portal-a";
    private static final String NEW = "new-secret-of-portal-a";

    static String file(String tenantsJson) {
        return "{\"tenants\": {" + tenantsJson + "}}";
    }

    static String token(String name, String secret) {
        return "{\"name\": \"" + name + "\", \"hash\": \"" + BearerTokenAuthenticator.storedHash(secret) + "\"}";
    }

    private static BearerTokenAuthenticator parse(String json) {
        return TokenFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ScimRequest bearer(String token) {
        return ScimRequest.builder("GET", "/Users").header("Authorization", "Bearer " + token).build();
    }

    @Test
    void severalNamedTokensPerTenantAreAcceptedUnderTheirNames() {
        BearerTokenAuthenticator auth = parse(file("\"portal-a\": [" + token("entra-2026-12", OLD) + ", "
                + token("entra-2027-03", NEW) + "], \"portal-b\": [" + token("okta", "b-secret") + "]"));
        assertThat(auth.authenticate(bearer(OLD))).contains(ScimPrincipal.client(TenantId.of("portal-a"), "entra-2026-12"));
        assertThat(auth.authenticate(bearer(NEW))).contains(ScimPrincipal.client(TenantId.of("portal-a"), "entra-2027-03"));
        assertThat(auth.authenticate(bearer("b-secret"))).contains(ScimPrincipal.client(TenantId.of("portal-b"), "okta"));
        assertThat(auth.authenticate(bearer("nope"))).isEmpty();
        assertThat(auth.size()).isEqualTo(3);
    }

    @Test
    void tokenNamesListEachTenantsTokensInFileOrderAndCheckTheFileFirst() {
        String json = file("\"portal-b\": [" + token("okta", "b-secret") + "], \"portal-a\": ["
                + token("entra-2027-03", NEW) + ", " + token("entra-2026-12", OLD) + "]");
        var names = TokenFile.tokenNames(json.getBytes(StandardCharsets.UTF_8));
        assertThat(names).containsExactly(
                java.util.Map.entry(TenantId.of("portal-b"), java.util.List.of("okta")),
                java.util.Map.entry(TenantId.of("portal-a"), java.util.List.of("entra-2027-03", "entra-2026-12")));
        assertThatThrownBy(() -> TokenFile.tokenNames(file("\"portal-a\": [{\"name\": \"x\", \"hash\": \"plain\"}]")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(TokenFile.InvalidTokenFileException.class);
    }

    @Test
    void theStoredHashIsTheSha256OfTheTokenAsSha256sumPrintsIt() {
        // printf %s test | sha256sum
        assertThat(BearerTokenAuthenticator.storedHash("test"))
                .isEqualTo("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void aMistakeIsReportedWithWhereItIsAndNeverQuotesAHash() {
        String hash = BearerTokenAuthenticator.storedHash(OLD);
        String[][] cases = {
                {"{\"tenants\": {", "not valid JSON"},
                {"[]", "JSON object"},
                {"{\"tenant\": {}}", "unknown key 'tenant'"},
                {file("\"portal a\": []"), "tenant 'portal a'"},
                {file("\"portal-a\": {}"), "a list of"},
                {file("\"portal-a\": [{\"name\": \"x\", \"hash\": \"" + OLD + "\"}]"), "not the token"},
                {file("\"portal-a\": [{\"name\": \"x\", \"token\": \"" + OLD + "\"}]"), "unknown key 'token'"},
                {file("\"portal-a\": [{\"hash\": \"" + hash + "\"}]"), "\"name\" is required"},
                {file("\"portal-a\": [" + token("x", OLD) + ", " + token("x", NEW) + "]"), "used twice"},
                {file("\"portal-a\": [" + token("x", OLD) + "], \"portal-b\": [" + token("y", OLD) + "]"), "listed twice"},
                {"{\"tenants\": {\"a\": [], \"a\": []}}", "not valid JSON"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> parse(c[0])).as(c[0]).isInstanceOf(TokenFile.InvalidTokenFileException.class)
                    .hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(hash.substring(7)).doesNotContain(OLD));
        }
    }

    @Test
    void aMistakeInALaterTokenNamesThatTokensPlace() {
        String json = file("\"portal-a\": [" + token("first", OLD) + ", " + token("second", NEW) + ", {\"name\": \"third\"}]");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(TokenFile.InvalidTokenFileException.class)
                .hasMessageContaining("tenant 'portal-a', token 3 ('third')");
    }

    @Test
    void aTenantWithoutTokensIsAllowedAndAcceptsNothing() {
        BearerTokenAuthenticator auth = parse(file("\"portal-a\": []"));
        assertThat(auth.authenticate(bearer(OLD))).isEmpty();
    }
}
