package dev.scimkit.server.activity;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a History entry names besides the operation: the resource it acted on (its id and the name an
 * administrator knows it by, remembered from earlier answers when a 204 carries none), the tenant,
 * the timing, and for a failure the client's error and its body without secrets.
 */
class HistoryEntryTest {

    private static final ScimPrincipal ENTRA_A = ScimPrincipal.client(TenantId.of("portal-a"), "entra-prod");
    private static final ScimPrincipal OKTA_B = ScimPrincipal.client(TenantId.of("portal-b"), "okta");
    private static final Instant NOON = Instant.parse("2026-12-02T12:00:00.123456789Z");

    private final ActivityDescriber describer = new ActivityDescriber(Map.of("users", "User", "groups", "Group"));

    private ActivityEntry describe(ScimPrincipal who, ScimRequest request, ScimResponse response) {
        return describer.describe(new ScimExchange(NOON, 1_500_000, who, request, response));
    }

    private ActivityEntry describe(String method, String path, String body, ScimResponse response) {
        ScimRequest.Builder b = ScimRequest.builder(method, path);
        if (body != null) {
            b.body(body);
        }
        return describe(ENTRA_A, b.build(), response);
    }

    private static ScimResponse json(int status, String body) {
        return ScimResponse.json(status, dev.scimkit.core.json.ScimJson.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static ScimResponse user(int status, String id, String userName) {
        return json(status, "{\"id\":\"" + id + "\",\"userName\":\"" + userName + "\"}");
    }

    @Test
    void anEntryCarriesWhoWhenWhereAndHowLong() {
        ActivityEntry e = describe("GET", "/Users/u1", null, user(200, "u1", "ann@example.com"));
        assertThat(e.tenant()).isEqualTo(TenantId.of("portal-a"));
        assertThat(e.client()).isEqualTo("entra-prod");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/Users/u1");
        assertThat(e.resourceType()).contains("User");
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.failed()).isFalse();
        assertThat(e.time()).as("kept to the microsecond, as stores keep it").isEqualTo(Instant.parse("2026-12-02T12:00:00.123456Z"));
        assertThat(e.durationMicros()).isEqualTo(1_500);
        assertThat(describer.describe(new ScimExchange(NOON, -5, ENTRA_A, ScimRequest.builder("GET", "/Users").build(),
                ScimResponse.empty(200))).durationMicros()).as("a clock that stepped back is no negative duration").isZero();
        assertThat(describe("GET", "/ServiceProviderConfig", null, ScimResponse.empty(200)).resourceType()).isEmpty();
    }

    @Test
    void aCreatedResourceIsNamedByTheIdAndNameOfTheAnswer() {
        ActivityEntry created = describe("POST", "/Users", "{\"userName\":\"ann@example.com\"}", user(201, "u1", "ann@example.com"));
        assertThat(created.targetId()).contains("u1");
        assertThat(created.targetDisplay()).contains("ann@example.com");
        ActivityEntry group = describe("POST", "/Groups", "{\"displayName\":\"Dispatchers\"}",
                json(201, "{\"id\":\"g1\",\"displayName\":\"Dispatchers\"}"));
        assertThat(group.targetId()).contains("g1");
        assertThat(group.targetDisplay()).contains("Dispatchers");
    }

    @Test
    void aBodylessAnswerIsNamedFromWhatWasSeenBefore() {
        describe("POST", "/Groups", "{\"displayName\":\"Dispatchers\"}", json(201, "{\"id\":\"g1\",\"displayName\":\"Dispatchers\"}"));
        ActivityEntry patched = describe("PATCH", "/Groups/g1", "{\"Operations\":[]}", ScimResponse.empty(204));
        assertThat(patched.targetId()).contains("g1");
        assertThat(patched.targetDisplay()).contains("Dispatchers");
        assertThat(describe(OKTA_B, ScimRequest.builder("PATCH", "/Groups/g1").build(), ScimResponse.empty(204)).targetDisplay())
                .as("names are remembered per tenant").isEmpty();
    }

    @Test
    void namesAreLearnedFromListsAndRenamesAndForgottenWithTheResource() {
        describe("GET", "/Users", null, json(200, "{\"totalResults\":2,\"Resources\":["
                + "{\"id\":\"u1\",\"userName\":\"ann\"},{\"id\":\"u2\",\"userName\":\"bob\"}]}"));
        assertThat(describe("DELETE", "/Users/u2", null, ScimResponse.empty(204)).targetDisplay()).contains("bob");
        assertThat(describe("GET", "/Users/u2", null, json(404, "{\"status\":\"404\"}")).targetDisplay())
                .as("a deleted resource's name is not kept").isEmpty();
        assertThat(describe("DELETE", "/Users/u1", null, json(412, "{\"status\":\"412\"}")).targetDisplay()).contains("ann");
        assertThat(describe("PATCH", "/Users/u1", null, ScimResponse.empty(204)).targetDisplay())
                .as("a refused delete keeps the name").contains("ann");
        describe("PUT", "/Users/u1", "{\"userName\":\"ann.smith\"}", ScimResponse.empty(204));
        assertThat(describe("PATCH", "/Users/u1", null, ScimResponse.empty(204)).targetDisplay())
                .as("a replace renames").contains("ann.smith");
    }

    @Test
    void aNameReadOnceNamesLaterBodylessAnswers() {
        describe("GET", "/Users/u7", null, user(200, "u7", "dee@example.com"));
        assertThat(describe("PATCH", "/Users/u7", null, ScimResponse.empty(204)).targetDisplay()).contains("dee@example.com");
    }

    @Test
    void onlyTheFirstHundredResourcesOfAListAreLearned() {
        StringBuilder list = new StringBuilder("{\"Resources\":[");
        for (int i = 0; i < 101; i++) {
            list.append(i == 0 ? "" : ",").append("{\"id\":\"u").append(i).append("\",\"userName\":\"user").append(i).append("\"}");
        }
        describe("GET", "/Users", null, json(200, list.append("]}").toString()));
        assertThat(describe("PATCH", "/Users/u99", null, ScimResponse.empty(204)).targetDisplay()).contains("user99");
        assertThat(describe("PATCH", "/Users/u100", null, ScimResponse.empty(204)).targetDisplay()).isEmpty();
    }

    @Test
    void aFailedCreateIsNamedByItsBody() {
        ActivityEntry refused = describe("POST", "/Users", "{\"userName\":\"ann@example.com\"}",
                json(409, "{\"status\":\"409\",\"scimType\":\"uniqueness\",\"detail\":\"userName is taken\"}"));
        assertThat(refused.targetId()).isEmpty();
        assertThat(refused.targetDisplay()).contains("ann@example.com");
        assertThat(refused.failed()).isTrue();
        assertThat(refused.scimType()).contains("uniqueness");
        assertThat(refused.detail()).contains("userName is taken");
        assertThat(refused.requestBody()).hasValueSatisfying(body -> assertThat(body).contains("\"ann@example.com\""));
    }

    @Test
    void aSuccessKeepsNoErrorAndNoBody() {
        ActivityEntry ok = describe("POST", "/Users", "{\"userName\":\"ann\",\"password\":\"x\"}",
                json(201, "{\"id\":\"u1\",\"userName\":\"ann\",\"scimType\":\"odd\",\"detail\":\"odd\"}"));
        assertThat(ok.scimType()).isEmpty();
        assertThat(ok.detail()).isEmpty();
        assertThat(ok.requestBody()).isEmpty();
        ActivityEntry redirect = describe("GET", "/Users/u1", null, json(399, "{\"detail\":\"below 400\"}"));
        assertThat(redirect.detail()).isEmpty();
        ActivityEntry firstFailure = describe("GET", "/Users/u1", null, json(400, "{\"detail\":\"at 400\"}"));
        assertThat(firstFailure.detail()).contains("at 400");
    }

    @Test
    void aLookupIsNamedByTheValueItLookedForAndTheOneResourceFound() {
        ActivityEntry found = describe(ENTRA_A, ScimRequest.builder("GET", "/Users")
                        .queryParameter("filter", "userName eq \"ann \\\"the\\\" admin\"").build(),
                json(200, "{\"totalResults\":1,\"Resources\":[{\"id\":\"u1\",\"userName\":\"ann\"}]}"));
        assertThat(found.operation()).isEqualTo("lookup");
        assertThat(found.targetDisplay()).contains("ann \"the\" admin");
        assertThat(found.targetId()).contains("u1");
        ActivityEntry none = describe(ENTRA_A, ScimRequest.builder("GET", "/Users")
                .queryParameter("filter", "externalId EQ \"e-1\"").build(), json(200, "{\"totalResults\":0,\"Resources\":[]}"));
        assertThat(none.targetDisplay()).contains("e-1");
        assertThat(none.targetId()).isEmpty();
        ActivityEntry two = describe(ENTRA_A, ScimRequest.builder("GET", "/Users")
                        .queryParameter("filter", "title pr").build(),
                json(200, "{\"Resources\":[{\"id\":\"u1\",\"userName\":\"a\"},{\"id\":\"u2\",\"userName\":\"b\"}]}"));
        assertThat(two.targetDisplay()).as("another filter is shown as written").contains("title pr");
        assertThat(two.targetId()).isEmpty();
        String longFilter = "userName sw \"" + "a".repeat(300) + "\"";
        assertThat(describe(ENTRA_A, ScimRequest.builder("GET", "/Users").queryParameter("filter", longFilter).build(),
                json(200, "{\"Resources\":[]}")).targetDisplay().orElseThrow())
                .hasSize(201).startsWith("userName sw \"aaa").endsWith("…");
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        String path = "/Users/" + "p".repeat(600);
        ActivityEntry e = describe("GET", path, null, json(404, "{\"detail\":\"" + "d".repeat(1_200) + "\"}"));
        assertThat(e.path()).hasSize(513).startsWith("/Users/ppp").endsWith("p…");
        assertThat(e.detail().orElseThrow()).hasSize(1_001).endsWith("d…");
        ActivityEntry exactly = describe("GET", "/Users/" + "q".repeat(505), null, json(404, "{\"detail\":\"" + "d".repeat(1_000) + "\"}"));
        assertThat(exactly.path()).hasSize(512).doesNotContain("…");
        assertThat(exactly.detail().orElseThrow()).hasSize(1_000).doesNotContain("…");
        ActivityEntry longName = describe("POST", "/Users", "{\"userName\":\"" + "n".repeat(400) + "\"}",
                json(400, "{\"detail\":\"too long\"}"));
        assertThat(longName.targetDisplay().orElseThrow()).hasSize(301).endsWith("n…");
    }

    @Test
    void blankOrNonTextNamesAreNoNames() {
        ActivityEntry blank = describe("POST", "/Users", "{\"userName\":\"  \",\"displayName\":\"Ann\"}",
                json(400, "{\"detail\":\"userName is required\"}"));
        assertThat(blank.targetDisplay()).as("falls back to displayName").contains("Ann");
        ActivityEntry numeric = describe("POST", "/Users", "{\"userName\":42}", json(400, "{\"scimType\":7}"));
        assertThat(numeric.targetDisplay()).isEmpty();
        assertThat(numeric.scimType()).isEmpty();
    }

    @Test
    void aFailureWithABodyThatIsNotJsonKeepsOnlyItsSize() {
        ActivityEntry e = describe("POST", "/Users", "userName=ann", json(400, "{\"scimType\":\"invalidSyntax\"}"));
        assertThat(e.scimType()).contains("invalidSyntax");
        assertThat(e.requestBody()).contains("(not JSON, 12 bytes, not kept)");
        assertThat(e.targetDisplay()).isEmpty();
        assertThat(e.detail()).isEqualTo(Optional.empty());
    }
}
