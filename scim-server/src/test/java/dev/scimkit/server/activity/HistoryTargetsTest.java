package dev.scimkit.server.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which resource a History line names: the name comes from the answer, from the request when the
 * answer leaves it out, or from memory when the answer is a 204; the memory forgets a resource only
 * when its DELETE succeeded, and keeps the names of the 10,000 resources seen last.
 */
class HistoryTargetsTest {

    private static final ScimPrincipal ENTRA = ScimPrincipal.client(TenantId.of("portal-a"), "entra-prod");
    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Guard\"}]}";

    private final ActivityDescriber describer = new ActivityDescriber(Map.of("users", "User", "groups", "Group"));

    private ActivityEntry exchange(ScimRequest request, ScimResponse response) {
        return describer.describe(new ScimExchange(Instant.EPOCH, 0, ENTRA, request, response));
    }

    private ActivityEntry patchAnsweredWithoutBody(String id) {
        return exchange(ScimRequest.builder("PATCH", "/Users/" + id).body(PATCH).build(), ScimResponse.empty(204));
    }

    private static ScimResponse created(String id, String userName) {
        ObjectNode body = ScimJson.object().put("id", id);
        if (userName != null) {
            body.put("userName", userName);
        }
        return ScimResponse.json(201, body);
    }

    private void create(String id, String userName) {
        exchange(ScimRequest.builder("POST", "/Users").body("{\"userName\":\"" + userName + "\"}").build(),
                created(id, userName));
    }

    @Test
    void aCreateAnsweredWithoutTheNameIsNamedFromItsRequestFromThenOn() {
        // POST /Users?attributes=id answers with the id alone.
        ActivityEntry created = exchange(ScimRequest.builder("POST", "/Users").queryParameter("attributes", "id")
                .body("{\"userName\":\"ann@example.com\"}").build(), created("u1", null));
        assertThat(created.targetId()).contains("u1");
        assertThat(created.targetDisplay()).contains("ann@example.com");
        assertThat(patchAnsweredWithoutBody("u1").targetDisplay()).contains("ann@example.com");

        exchange(ScimRequest.builder("PUT", "/Users/u1").queryParameter("attributes", "id")
                .body("{\"userName\":\"ann.lee@example.com\"}").build(), ScimResponse.json(200, ScimJson.object().put("id", "u1")));
        assertThat(patchAnsweredWithoutBody("u1").targetDisplay()).as("a replace renames").contains("ann.lee@example.com");
    }

    @Test
    void aPatchBodyNamesNothing() {
        assertThat(patchAnsweredWithoutBody("never-seen").targetDisplay()).isEmpty();
        assertThat(patchAnsweredWithoutBody("never-seen").targetId()).contains("never-seen");
    }

    @Test
    void onlyASuccessfulDeleteForgetsTheName() {
        create("u1", "ann");
        exchange(ScimRequest.builder("DELETE", "/Users/u1").build(), ScimResponse.error(412, "version mismatch"));
        exchange(ScimRequest.builder("DELETE", "/Users/u1").build(), ScimResponse.empty(300));
        assertThat(patchAnsweredWithoutBody("u1").targetDisplay()).as("not deleted yet").contains("ann");
        ActivityEntry deleted = exchange(ScimRequest.builder("DELETE", "/Users/u1").build(), ScimResponse.empty(204));
        assertThat(deleted.targetDisplay()).as("the delete itself still names it").contains("ann");
        assertThat(patchAnsweredWithoutBody("u1").targetDisplay()).isEmpty();
    }

    @Test
    void theNamesOfTheResourcesSeenLastAreKept() {
        int kept = ActivityDescriber.REMEMBERED_NAMES;
        for (int i = 0; i <= kept; i++) {
            create("u" + i, "user" + i);
        }
        assertThat(patchAnsweredWithoutBody("u1").targetDisplay()).as("the oldest kept").contains("user1");
        assertThat(patchAnsweredWithoutBody("u" + kept).targetDisplay()).contains("user" + kept);
        assertThat(patchAnsweredWithoutBody("u0").targetDisplay()).as("one too many: the oldest forgotten").isEmpty();
    }

    @Test
    void aLookupOfAVeryLongValueIsNamedByTheValueCut() {
        String value = "a".repeat(50_000) + "\\\"b";
        ActivityEntry lookup = exchange(ScimRequest.builder("GET", "/Users")
                .queryParameter("filter", "userName eq \"" + value + "\"").build(), ScimResponse.json(200, ScimJson.object()));
        assertThat(lookup.operation()).isEqualTo("lookup");
        assertThat(lookup.targetDisplay()).contains("a".repeat(300) + "…");
        ActivityEntry escaped = exchange(ScimRequest.builder("GET", "/Users")
                .queryParameter("filter", "userName eq \"say \\\"hi\\\"\"").build(), ScimResponse.json(200, ScimJson.object()));
        assertThat(escaped.targetDisplay()).contains("say \"hi\"");
    }

    @Test
    void aRequestBodyThatIsNotJsonIsStillDescribed() {
        ActivityEntry entry = exchange(ScimRequest.builder("POST", "/Users").body("userName=ann").build(),
                ScimResponse.error(400, "The body is not JSON"));
        assertThat(entry.operation()).isEqualTo("created user");
        assertThat(entry.targetDisplay()).isEmpty();
        assertThat(entry.detail()).contains("The body is not JSON");
        assertThat(entry.failed()).isTrue();
    }
}
