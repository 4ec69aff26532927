package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.scimkit.examples.tracktik.ScimHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9865 cursor paging over HTTP on the default store (H2): the walk sees every user once, and a
 * cursor still works after the server restarts with the same tenants (its key derives from them).
 */
class CursorPagingOverHttpH2Test {

    @TempDir
    Path dataDir;

    @Test
    void cursorsWalkEveryUserAndSurviveARestart() throws Exception {
        List<String> created = new ArrayList<>();
        String filter = "&filter=" + q("userName sw \"walk.\"");
        String next;
        List<String> seen = new ArrayList<>();
        try (ExampleServer first = TestServers.h2(dataDir)) {
            ScimHttp scim = ScimHttp.of(first, TestServers.TOKEN);
            for (int i = 0; i < 5; i++) {
                created.add(scim.expect(201, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"walk." + i + "@contoso.example\"}").path("id").asText());
            }
            JsonNode page = scim.get("/Users?cursor&count=2" + filter);
            assertThat(page.path("totalResults").asInt()).isEqualTo(5);
            assertThat(page.has("startIndex")).isFalse();
            page.path("Resources").forEach(r -> seen.add(r.path("id").asText()));
            next = page.path("nextCursor").asText();
            assertThat(scim.get("/ServiceProviderConfig").path("pagination").path("cursor").asBoolean()).isTrue();
        }
        try (ExampleServer again = TestServers.h2(dataDir)) {
            ScimHttp scim = ScimHttp.of(again, TestServers.TOKEN);
            String cursor = next;
            while (cursor != null) {
                JsonNode page = scim.get("/Users?cursor=" + cursor + "&count=2" + filter);
                page.path("Resources").forEach(r -> seen.add(r.path("id").asText()));
                cursor = page.path("nextCursor").asText(null);
            }
            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
            ScimHttp.Reply forged = scim.send("GET", "/Users?cursor=" + next.substring(1) + "&count=2" + filter, null);
            assertThat(forged.status()).isEqualTo(400);
            assertThat(forged.json().path("scimType").asText()).isEqualTo("invalidCursor");
        }
    }
}
