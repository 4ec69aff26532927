package dev.scimkit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.scimkit.server.http.HttpScimServer.q;
import static dev.scimkit.server.http.HttpScimServer.user;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9865 cursor paging over real HTTP, as the RFC's examples send it ({@code ?cursor&count=10}). */
class CursorPagingHttpTest {

    @RegisterExtension
    static final HttpScimServer server = HttpScimServer.perClass();

    @Test
    void theRfcsFirstRequestShapeAndTheNextCursorWalkEveryMatch() {
        String prefix = "cur" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(server.post("/Users", user(prefix + "_" + i, null)).json().path("id").asText());
        }
        String filter = "&filter=" + q("userName sw \"" + prefix + "\"");
        // "?cursor" without a value starts the walk (RFC 9865 §2).
        HttpScimServer.Reply first = server.get("/Users?cursor&count=3" + filter);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("totalResults").asInt()).isEqualTo(7);
        List<String> seen = new ArrayList<>();
        JsonNode page = first.json();
        while (true) {
            page.path("Resources").forEach(r -> seen.add(r.path("id").asText()));
            if (!page.has("nextCursor")) {
                break;
            }
            page = server.get("/Users?cursor=" + page.path("nextCursor").asText() + "&count=3" + filter).json();
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);

        String next = first.json().path("nextCursor").asText();
        HttpScimServer.Reply otherTenant = server.send("GET", "/Users?cursor=" + next + "&count=3" + filter, null,
                HttpScimServer.TOKEN_B, null);
        assertThat(otherTenant.status()).isEqualTo(400);
        assertThat(otherTenant.json().path("scimType").asText()).isEqualTo("invalidCursor");
        assertThat(new String(otherTenant.bytes(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(prefix);

        HttpScimServer.Reply both = server.get("/Users?cursor=" + next + "&startIndex=2" + filter);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().path("scimType").asText()).isEqualTo("invalidValue");
    }

    @Test
    void serviceProviderConfigAdvertisesCursorPagination() {
        JsonNode pagination = server.get("/ServiceProviderConfig").json().path("pagination");
        assertThat(pagination.path("cursor").asBoolean()).isTrue();
        assertThat(pagination.path("index").asBoolean()).isTrue();
        assertThat(pagination.path("cursorTimeout").asInt()).isPositive();
    }
}
