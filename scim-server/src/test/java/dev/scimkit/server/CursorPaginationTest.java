package dev.scimkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9865 cursor pagination through the engine over the in-memory store (and a store that cannot seek). */
class CursorPaginationTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private final InMemoryStore store = InMemoryStore.create(SchemaRegistry.standard());
    private final ScimServer server = server(store.repositories());

    private ScimServer server(Map<String, ? extends ResourceRepository> repositories) {
        Authenticator auth = request -> request.headers().first("X-Tenant").map(t ->
                new ScimPrincipal(TenantId.of(t), "test", Optional.empty()));
        return ScimServer.builder(SchemaRegistry.standard()).repositories(repositories).authenticator(auth)
                .cursors(CursorSettings.withRandomKey().timeout(Duration.ofSeconds(60)).clock(clock)).build();
    }

    private ScimResponse call(ScimServer s, String tenant, String method, String path, Map<String, String> query, String body) {
        ScimRequest.Builder b = ScimRequest.builder(method, path).header("X-Tenant", tenant);
        query.forEach(b::queryParameter);
        if (body != null) {
            b.body(body).header("Content-Type", "application/scim+json");
        }
        return s.handle(b.build());
    }

    private JsonNode list(String tenant, Map<String, String> query) {
        ScimResponse r = call(server, tenant, "GET", "/Users", query, null);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        return r.bodyJson();
    }

    private String createUser(String tenant, String userName, String title) {
        ScimResponse r = call(server, tenant, "POST", "/Users", Map.of(), "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"title\":\"" + title + "\"}");
        assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
        return r.bodyJson().path("id").asText();
    }

    private static List<String> userNames(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("Resources").forEach(r -> out.add(r.path("userName").asText()));
        return out;
    }

    @Test
    void pagesForwardAndBackWithCursorsInSortOrder() {
        for (String n : List.of("e", "b", "d", "a", "c")) {
            createUser("t1", n, "x");
        }
        JsonNode first = list("t1", Map.of("cursor", "", "count", "2", "sortBy", "userName"));
        assertThat(userNames(first)).containsExactly("a", "b");
        assertThat(first.path("totalResults").asInt()).isEqualTo(5);
        assertThat(first.path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(first.has("startIndex")).isFalse();
        assertThat(first.has("previousCursor")).isFalse();
        String next = first.path("nextCursor").asText();
        assertThat(next).matches("[A-Za-z0-9._~-]+");

        JsonNode second = list("t1", Map.of("cursor", next, "count", "2", "sortBy", "userName"));
        assertThat(userNames(second)).containsExactly("c", "d");
        JsonNode third = list("t1", Map.of("cursor", second.path("nextCursor").asText(), "count", "2", "sortBy", "userName"));
        assertThat(userNames(third)).containsExactly("e");
        assertThat(third.has("nextCursor")).as("the last page has no nextCursor").isFalse();

        JsonNode back = list("t1", Map.of("cursor", third.path("previousCursor").asText(), "count", "2", "sortBy", "userName"));
        assertThat(userNames(back)).containsExactly("c", "d");
        JsonNode backAgain = list("t1", Map.of("cursor", back.path("previousCursor").asText(), "count", "2", "sortBy", "userName"));
        assertThat(userNames(backAgain)).containsExactly("a", "b");
        assertThat(backAgain.has("previousCursor")).isFalse();
        assertThat(userNames(list("t1", Map.of("cursor", backAgain.path("nextCursor").asText(), "count", "2",
                "sortBy", "userName")))).containsExactly("c", "d");
    }

    @Test
    void aSearchBodyPagesByCursorToo() {
        for (String n : List.of("b", "a", "c")) {
            createUser("t1", n, n.equals("c") ? "y" : "x");
        }
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"title eq \\\"x\\\"\",\"sortBy\":\"userName\",\"cursor\":\"\",\"count\":1}";
        JsonNode first = call(server, "t1", "POST", "/Users/.search", Map.of(), body).bodyJson();
        assertThat(userNames(first)).containsExactly("a");
        assertThat(first.path("totalResults").asInt()).isEqualTo(2);
        JsonNode second = call(server, "t1", "POST", "/Users/.search", Map.of(),
                body.replace("\"cursor\":\"\"", "\"cursor\":\"" + first.path("nextCursor").asText() + "\"")).bodyJson();
        assertThat(userNames(second)).containsExactly("b");
        assertThat(second.has("nextCursor")).isFalse();
    }

    @Test
    void theServerRootSearchPagesByCursorAcrossResourceTypes() {
        List<String> all = new ArrayList<>();
        for (String n : List.of("c", "a", "b")) {
            all.add(createUser("t1", n, "x"));
        }
        for (String g : List.of("g2", "g1")) {
            ScimResponse r = call(server, "t1", "POST", "/Groups", Map.of(),
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + g + "\"}");
            all.add(r.bodyJson().path("id").asText());
        }
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"count\":2,\"cursor\":\"%s\"}";
        List<String> forward = new ArrayList<>();
        List<JsonNode> pages = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            JsonNode page = call(server, "t1", "POST", "/.search", Map.of(), String.format(body, cursor)).bodyJson();
            assertThat(page.path("totalResults").asInt()).isEqualTo(5);
            pages.add(page);
            page.path("Resources").forEach(r -> forward.add(r.path("id").asText()));
            cursor = page.path("nextCursor").asText(null);
        }
        assertThat(pages).hasSize(3);
        assertThat(forward).containsExactlyInAnyOrderElementsOf(all);
        // Users first, then Groups (registry order), each type in its keyset order.
        assertThat(forward.subList(0, 3)).containsExactlyInAnyOrderElementsOf(all.subList(0, 3));
        List<String> backward = new ArrayList<>();
        cursor = pages.get(2).path("previousCursor").asText(null);
        pages.get(2).path("Resources").forEach(r -> backward.add(r.path("id").asText()));
        while (cursor != null) {
            JsonNode page = call(server, "t1", "POST", "/.search", Map.of(), String.format(body, cursor)).bodyJson();
            List<String> ids = new ArrayList<>();
            page.path("Resources").forEach(r -> ids.add(r.path("id").asText()));
            backward.addAll(0, ids);
            cursor = page.path("previousCursor").asText(null);
        }
        assertThat(backward).isEqualTo(forward);
        // A cursor of /Users is not one of /.search.
        String usersCursor = list("t1", Map.of("cursor", "", "count", "1")).path("nextCursor").asText();
        assertError(call(server, "t1", "POST", "/.search", Map.of(), String.format(body, usersCursor)), "invalidCursor");
    }

    @Test
    void aCursorIsBoundToItsTenantAndQueryAndCannotBeAltered() {
        for (String n : List.of("a", "b", "c")) {
            createUser("t1", n, "x");
            createUser("t2", n, "x");
        }
        String next = list("t1", Map.of("cursor", "", "count", "1")).path("nextCursor").asText();
        assertError(call(server, "t2", "GET", "/Users", Map.of("cursor", next, "count", "1"), null), "invalidCursor");
        assertError(call(server, "t1", "GET", "/Users", Map.of("cursor", next, "count", "1", "filter", "title eq \"x\""), null),
                "invalidCursor");
        assertError(call(server, "t1", "GET", "/Users", Map.of("cursor", next, "count", "1", "sortBy", "userName"), null),
                "invalidCursor");
        // The signature's first character carries six bits of it; its last carries only four, so a change
        // there can fall into the padding bits and decode to the same signature.
        int at = next.lastIndexOf('.') + 1;
        String altered = next.substring(0, at) + (next.charAt(at) == 'A' ? 'B' : 'A') + next.substring(at + 1);
        assertError(call(server, "t1", "GET", "/Users", Map.of("cursor", altered, "count", "1"), null), "invalidCursor");
        assertError(call(server, "t1", "GET", "/Users", Map.of("cursor", "not a cursor!", "count", "1"), null), "invalidCursor");
        assertError(call(server, "t1", "GET", "/Users", Map.of("cursor", "e30.e30", "count", "1"), null), "invalidCursor");
        // Another server (another key) did not issue it either.
        ScimServer other = server(store.repositories());
        assertError(call(other, "t1", "GET", "/Users", Map.of("cursor", next, "count", "1"), null), "invalidCursor");
        // The same cursor still works for its own tenant and query.
        assertThat(call(server, "t1", "GET", "/Users", Map.of("cursor", next, "count", "1"), null).status()).isEqualTo(200);
    }

    @Test
    void anExpiredCursorIsRefusedWithExpiredCursor() {
        createUser("t1", "a", "x");
        createUser("t1", "b", "x");
        String next = list("t1", Map.of("cursor", "", "count", "1")).path("nextCursor").asText();
        now.set(now.get().plusSeconds(60));
        assertThat(call(server, "t1", "GET", "/Users", Map.of("cursor", next, "count", "1"), null).status()).isEqualTo(200);
        now.set(now.get().plusSeconds(1));
        assertError(call(server, "t1", "GET", "/Users", Map.of("cursor", next, "count", "1"), null), "expiredCursor");
    }

    @Test
    void aLongSortValueStillMakesAUsableCursor() {
        String longTitle = "t".repeat(5_000);
        createUser("t1", "a", longTitle + "1");
        createUser("t1", "b", longTitle + "2");
        JsonNode first = list("t1", Map.of("cursor", "", "count", "1", "sortBy", "title"));
        JsonNode second = list("t1", Map.of("cursor", first.path("nextCursor").asText(), "count", "1", "sortBy", "title"));
        assertThat(userNames(second)).containsExactly("b");
    }

    @Test
    void badPagingParametersAreScimErrors() {
        createUser("t1", "a", "x");
        assertError(call(server, "t1", "GET", "/Users", Map.of("cursor", "", "startIndex", "1"), null), "invalidValue");
        assertError(call(server, "t1", "GET", "/Users", Map.of("cursor", "", "count", "0"), null), "invalidCount");
        assertError(call(server, "t1", "POST", "/Users/.search", Map.of(), "{\"cursor\":5}"), "invalidCursor");
        // Without a cursor nothing changes: index paging with startIndex, as before.
        JsonNode indexed = list("t1", Map.of("startIndex", "1", "count", "1"));
        assertThat(indexed.path("startIndex").asInt()).isEqualTo(1);
        assertThat(indexed.has("nextCursor")).isFalse();
    }

    @Test
    void serviceProviderConfigAdvertisesBothPaginationMethods() {
        JsonNode pagination = call(server, "t1", "GET", "/ServiceProviderConfig", Map.of(), null).bodyJson().path("pagination");
        assertThat(pagination.path("cursor").asBoolean()).isTrue();
        assertThat(pagination.path("index").asBoolean()).isTrue();
        assertThat(pagination.path("defaultPaginationMethod").asText()).isEqualTo("index");
        assertThat(pagination.path("defaultPageSize").asInt()).isEqualTo(ServerLimits.DEFAULT.defaultPageSize());
        assertThat(pagination.path("maxPageSize").asInt()).isEqualTo(ServerLimits.DEFAULT.maxPageSize());
        assertThat(pagination.path("cursorTimeout").asInt()).isEqualTo(60);
    }

    @Test
    void writesBetweenPagesNeitherRepeatNorSkipAResourceThatExistedThroughout() {
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            stable.add(createUser("t1", "stable" + i, "t" + (i % 4)));
        }
        List<String> churn = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int round = 0;
        do {
            JsonNode page = list("t1", Map.of("cursor", cursor, "count", "4", "sortBy", "title"));
            page.path("Resources").forEach(r -> seen.add(r.path("id").asText()));
            // Between pages: new users sort everywhere, some earlier churn goes away.
            for (int k = 0; k < 3; k++) {
                churn.add(createUser("t1", "churn" + round + "_" + k, "t" + ((round + k) % 5)));
            }
            if (churn.size() > 4) {
                String gone = churn.remove(0);
                assertThat(call(server, "t1", "DELETE", "/Users/" + gone, Map.of(), null).status()).isEqualTo(204);
            }
            cursor = page.path("nextCursor").asText(null);
            round++;
        } while (cursor != null && round < 100);
        assertThat(cursor).as("the walk ends").isNull();
        assertThat(seen).doesNotHaveDuplicates().containsAll(stable);
    }

    @Test
    void aRepositoryThatCannotSeekIsPagedByTheEngine() {
        ResourceRepository users = store.repositories().get("User");
        ResourceRepository searchOnly = new ResourceRepository() {
            public ObjectNode create(ScimPrincipal caller, ObjectNode resource) {
                return users.create(caller, resource);
            }

            public Optional<ObjectNode> get(TenantId tenant, String id, Projection projection) {
                return users.get(tenant, id, projection);
            }

            public ObjectNode replace(ScimPrincipal caller, String id, ObjectNode resource, Optional<String> v) {
                return users.replace(caller, id, resource, v);
            }

            public ObjectNode patch(ScimPrincipal caller, String id, PatchPlan plan, Optional<String> v, Projection p) {
                return users.patch(caller, id, plan, v, p);
            }

            public void delete(ScimPrincipal caller, String id, Optional<String> v) {
                users.delete(caller, id, v);
            }

            public SearchResult search(TenantId tenant, SearchQuery query) {
                return users.search(tenant, query);
            }
        };
        ScimServer fallback = server(Map.of("User", searchOnly));
        for (String n : List.of("d", "b", "a", "c")) {
            createUser("t1", n, "x");
        }
        List<String> walked = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            JsonNode page = call(fallback, "t1", "GET", "/Users", Map.of("cursor", cursor, "count", "3",
                    "sortBy", "userName", "sortOrder", "descending"), null).bodyJson();
            walked.addAll(userNames(page));
            cursor = page.path("nextCursor").asText(null);
        }
        assertThat(walked).containsExactly("d", "c", "b", "a");
    }

    private static void assertError(ScimResponse r, String scimType) {
        assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
        assertThat(r.bodyJson().path("scimType").asText()).isEqualTo(scimType);
        assertThat(r.bodyJson().path("detail").asText()).isNotBlank();
    }
}
