package dev.scimkit.server.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.server.ScimResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a SCIM client sees when the container, not the engine, answers a request below the SCIM base
 * path (a filter that refuses or fails, an address Jetty will not route): an RFC 7644 §3.12 error with
 * the container's status, as {@code application/scim+json}, naming nothing internal. The rest of the
 * application keeps its own error page.
 */
class ContainerErrorsHttpTest {

    private static EmbeddedJetty jetty;

    @BeforeAll
    static void start() throws Exception {
        jetty = EmbeddedJetty.start();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    private static JsonNode assertScimError(EmbeddedJetty.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/scim+json");
        JsonNode error = reply.json();
        assertThat(error.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.path("detail").asText()).isNotBlank();
        assertThat(reply.text()).doesNotContainIgnoringCase("exception").doesNotContain("<").doesNotContain("jdbc:")
                .doesNotContain("rule 17");
        return error;
    }

    @Test
    void aFilterThatRefusesGivesTheClientAScimErrorWithItsStatus() throws Exception {
        EmbeddedJetty.Reply refused = jetty.get("/app/scim/v2/Users", "X-Blocked: yes");
        assertScimError(refused, 403);
        assertThat(refused.header("X-Gate-Internal")).as("the refused response's own headers are dropped").isNull();
        assertScimError(jetty.get("/app/scim/v2", "X-Blocked: yes"), 403);
    }

    @Test
    void aFilterThatFailsIsA500WithoutTheFailure() throws Exception {
        JsonNode error = assertScimError(jetty.get("/app/scim/v2/Users/abc", "X-Explode: yes"), 500);
        assertThat(error.path("detail").asText()).doesNotContain("gate").doesNotContain("10.0.0.5");
    }

    @Test
    void aPathWithParametersRightAfterTheBasePathIsStillScim() throws Exception {
        EmbeddedJetty.Reply params = jetty.get("/app/scim/v2;jsessionid=1", "X-Blocked: yes");
        assertScimError(params, params.status());
    }

    @Test
    void eachScimMountAnswersItsOwnErrors() throws Exception {
        // The v2 mount's filter comes first on the error dispatch and passes v1's errors on.
        assertScimError(jetty.get("/app/scim/v1/Users", "X-Blocked: yes"), 403);
        assertScimError(jetty.get("/app/scim/v1", "X-Explode: yes"), 500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/other/page", "/app/scim/v2x/Users", "/app/scim"})
    void theRestOfTheApplicationKeepsItsOwnErrorPage(String path) throws Exception {
        EmbeddedJetty.Reply page = jetty.get(path);
        assertThat(page.status()).as(page.toString()).isEqualTo(404);
        assertThat(page.header("Content-Type")).as(page.toString()).doesNotContain("scim");
        assertThat(page.text()).as(page.toString()).doesNotContain("urn:ietf:params:scim");
    }

    @Test
    void eachContainerStatusBecomesAScimErrorOfTheSameStatus() {
        for (int status : new int[] {400, 401, 403, 404, 405, 413, 414, 431, 500, 502, 503, 599}) {
            ScimResponse r = ScimContainerErrors.response(status);
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.bodyJson().path("status").asText()).isEqualTo(Integer.toString(status));
            assertThat(r.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/scim+json"));
            assertThat(r.bodyJson().path("detail").asText()).isNotBlank();
        }
        for (int notAnError : new int[] {0, 200, 302, 399, 600, 999}) {
            assertThat(ScimContainerErrors.response(notAnError).status()).as("%d is no error status", notAnError).isEqualTo(500);
        }
    }

    @Test
    void theCommonStatusesSayWhatWentWrongTheRestSayItGenerally() {
        String general = ScimContainerErrors.response(500).bodyJson().path("detail").asText();
        for (int status : new int[] {400, 401, 403, 404, 405, 413, 414, 431}) {
            assertThat(ScimContainerErrors.response(status).bodyJson().path("detail").asText()).as("%d", status).isNotEqualTo(general);
        }
        assertThat(ScimContainerErrors.response(413).bodyJson().path("detail").asText()).containsIgnoringCase("too large");
        assertThat(ScimContainerErrors.response(414).bodyJson().path("detail").asText()).containsIgnoringCase("URI");
        assertThat(ScimContainerErrors.response(431).bodyJson().path("detail").asText()).containsIgnoringCase("header");
        assertThat(ScimContainerErrors.response(502).bodyJson().path("detail").asText()).isEqualTo(general);
    }
}
