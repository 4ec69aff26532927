package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaFiles;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.TenantId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A User's PATCH keeps the in-memory store's indexes and uniqueness right whether or not it changes an
 * indexed value: when the engine reports no indexed or unique value touched (Okta's deactivate, a title),
 * the store keeps the stored revision's index keys without re-reading them, so every other request must
 * still re-index and re-check. Held to a model after every request: which requests are refused (409 for
 * a {@code userName}, declared-unique {@code externalId} or badge number another User holds, ignoring
 * case where the attribute does), and that an {@code eq} lookup of every value finds exactly the Users
 * holding it.
 */
class InMemoryUserPatchIndexProperties {

    private static final String BADGE = "urn:example:params:scim:schemas:extension:badge:2.0:User";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard().toBuilder()
            .addDeclaredExtensions(List.of(SchemaFiles.read(json("{\"id\":\"" + BADGE + "\",\"attributes\":["
                    + "{\"name\":\"badgeNumber\",\"type\":\"string\",\"uniqueness\":\"server\"}]}"), "badge.json")))
            .build();
    private static final ScimPrincipal CALLER = ScimPrincipal.client(TenantId.of("acme"), "test");
    private static final PatchEngine ENGINE = PatchEngine.defaults();
    private static final List<String> USER_NAMES = List.of("ann", "bob", "ANN", "cy");
    private static final List<String> EXTERNAL_IDS = List.of("e1", "E1", "e2");
    private static final List<String> DISPLAY_NAMES = List.of("Ann", "ann", "Bob");
    private static final List<String> BADGES = List.of("B-1", "b-1", "B-2");

    private static ObjectNode json(String text) {
        return ScimJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One request: which of the three Users, which attribute (or none indexed), which value, path-less or not. */
    record Step(int user, String attribute, String value, boolean pathLess) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String[]> change = Arbitraries.oneOf(
                Arbitraries.of(USER_NAMES).map(v -> new String[] {"userName", v}),
                Arbitraries.of(EXTERNAL_IDS).map(v -> new String[] {"externalId", v}),
                Arbitraries.of(DISPLAY_NAMES).map(v -> new String[] {"displayName", v}),
                Arbitraries.of(BADGES).map(v -> new String[] {"badgeNumber", v}),
                Arbitraries.of("true", "false").map(v -> new String[] {"active", v}),
                Arbitraries.of("Guard", "Chief").map(v -> new String[] {"title", v}));
        return Combinators.combine(Arbitraries.integers().between(0, 2), change, Arbitraries.of(true, false))
                .as((user, c, pathLess) -> new Step(user, c[0], c[1], pathLess))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 200)
    void lookupsAndUniquenessFollowEveryPatch(@ForAll("steps") List<Step> steps) {
        InMemoryStore store = InMemoryStore.builder(REGISTRY).unique("User", "externalId").build();
        ResourceRepository users = store.users();
        List<String> ids = new ArrayList<>();
        List<Map<String, String>> model = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, String> values = new HashMap<>(Map.of("userName", "u" + i, "externalId", "x" + i,
                    "displayName", "D" + i, "badgeNumber", "N" + i));
            ids.add(users.create(CALLER, json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + BADGE + "\"],"
                    + "\"userName\":\"u" + i + "\",\"externalId\":\"x" + i + "\",\"displayName\":\"D" + i + "\","
                    + "\"active\":true,\"" + BADGE + "\":{\"badgeNumber\":\"N" + i + "\"}}")).get("id").asText());
            model.add(values);
        }
        for (Step step : steps) {
            boolean conflict = takenByAnother(model, step);
            boolean refused;
            try {
                users.patch(CALLER, ids.get(step.user()), ENGINE.plan(REGISTRY.user(), ENGINE.parse(json(request(step)))),
                        Optional.empty(), Projection.DEFAULT);
                refused = false;
            } catch (ScimException e) {
                assertThat(e.status()).as(e.detail()).isEqualTo(409);
                refused = true;
            }
            assertThat(refused).as("refused as the model says: %s", step).isEqualTo(conflict);
            if (!refused && model.get(step.user()).containsKey(step.attribute())) {
                model.get(step.user()).put(step.attribute(), step.value());
            }
            for (int i = 0; i < 3; i++) {
                ObjectNode stored = users.get(CALLER.tenant(), ids.get(i), Projection.DEFAULT).orElseThrow();
                assertThat(stored.path("userName").asText()).isEqualTo(model.get(i).get("userName"));
                assertThat(stored.path("externalId").asText()).isEqualTo(model.get(i).get("externalId"));
                assertThat(stored.path(BADGE).path("badgeNumber").asText()).isEqualTo(model.get(i).get("badgeNumber"));
            }
            assertLookups(users, ids, model, "userName", USER_NAMES, false);
            assertLookups(users, ids, model, "externalId", EXTERNAL_IDS, true);
            assertLookups(users, ids, model, "displayName", DISPLAY_NAMES, false);
        }
    }

    private static boolean takenByAnother(List<Map<String, String>> model, Step step) {
        boolean caseExact = step.attribute().equals("externalId");
        if (!Set.of("userName", "externalId", "badgeNumber").contains(step.attribute())) {
            return false;
        }
        for (int i = 0; i < model.size(); i++) {
            String held = model.get(i).get(step.attribute());
            if (i != step.user() && (caseExact ? held.equals(step.value()) : held.equalsIgnoreCase(step.value()))) {
                return true;
            }
        }
        return false;
    }

    private static String request(Step step) {
        String value = step.attribute().equals("active") ? step.value() : "\"" + step.value() + "\"";
        String path = step.attribute().equals("badgeNumber") ? BADGE + ":badgeNumber" : step.attribute();
        String operation = step.pathLess()
                ? "{\"op\":\"replace\",\"value\":{\"" + path + "\":" + value + "}}"
                : "{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":" + value + "}";
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}";
    }

    /** Every value of {@code pool} and every User's own value is found on exactly the Users holding it. */
    private static void assertLookups(ResourceRepository users, List<String> ids, List<Map<String, String>> model,
                                      String attribute, List<String> pool, boolean caseExact) {
        Set<String> values = new HashSet<>(pool);
        model.forEach(m -> values.add(m.get(attribute)));
        for (String value : values) {
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                String held = model.get(i).get(attribute);
                if (caseExact ? held.equals(value) : held.equalsIgnoreCase(value)) {
                    expected.add(ids.get(i));
                }
            }
            Set<String> found = new HashSet<>();
            for (JsonNode r : users.search(CALLER.tenant(), new SearchQuery(Optional.of(Filters.parse(
                    attribute + " eq \"" + value + "\"")), Optional.empty(), 1, 100, Projection.DEFAULT)).resources()) {
                found.add(r.path("id").asText());
            }
            assertThat(found).as("%s eq \"%s\"", attribute, value).isEqualTo(expected);
        }
    }
}
