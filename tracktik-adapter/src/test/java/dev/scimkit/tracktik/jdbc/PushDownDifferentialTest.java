package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.server.query.KeysetOrdering;
import dev.scimkit.server.spi.KeysetPage;
import dev.scimkit.server.spi.PagePosition;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.SortOrder;
import dev.scimkit.server.spi.SortSpec;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL push-down ≡ in-memory evaluation: for random filters over the mapped (and unmapped) attributes,
 * value paths with a sub-attribute test among them, the repository's search on H2 returns exactly the
 * users the in-memory evaluator selects from all of them. {@code userName eq}/{@code ne} go through the case-folded key column, the other operators
 * through the scim-filter translator.
 */
class PushDownDifferentialTest {

    private static final TenantId TENANT = TenantId.of("diff");
    private static final ScimPrincipal CALLER = ScimPrincipal.client(TENANT, "differential");
    private static JdbcTrackTikStore store;
    private static TrackTikRepositories repos;
    private static List<ObjectNode> all;

    @BeforeContainer
    static void seed() {
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.h2InMemory("diff" + System.nanoTime()));
        repos = TrackTikRepositories.builder(SchemaRegistry.standard(), store).build();
        String[] given = {"Ada", "ada", "Alan", "Grace", "Édith", "O'Neil"};
        String[] family = {"Lovelace", "Turing", "Hopper", "Piaf", "Smith_x", "100%"};
        String[] titles = {"Guard", "guard", "Site Supervisor", "", "Manager"};
        for (int i = 0; i < 30; i++) {
            StringBuilder body = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],")
                    .append("\"userName\":\"User").append(i).append("@Example.com\",")
                    .append("\"active\":").append(i % 3 != 0).append(',')
                    .append("\"name\":{\"givenName\":\"").append(given[i % given.length])
                    .append("\",\"familyName\":\"").append(family[(i / 2) % family.length]).append("\"}");
            if (!titles[i % titles.length].isEmpty()) {
                body.append(",\"title\":\"").append(titles[i % titles.length]).append('"');
            }
            if (i % 4 == 0) {
                body.append(",\"externalId\":\"ext-").append(i).append('"');
            }
            if (i % 5 == 0) {
                body.append(",\"nickName\":\"nick").append(i).append('"');
            }
            body.append(",\"emails\":[");
            if (i % 2 == 0) {
                body.append("{\"type\":\"work\",\"value\":\"user").append(i).append("@contoso.com\"},");
            }
            if (i % 7 == 1) {
                // no employee field can hold it, so only the SCIM resource has it
                body.append("{\"type\":\"work\",\"value\":\"emailName").append(i).append("\"},");
            }
            // Shared home addresses only where a work address is the employee's email: TrackTik keeps an
            // employee's email unique, and without a work address the home one becomes it.
            body.append("{\"type\":\"home\",\"value\":\"").append(i % 2 == 0 ? "home" + (i % 6) : "solo" + i)
                    .append("@example.org\"}]");
            if (i % 3 == 1) {
                body.append(",\"phoneNumbers\":[{\"type\":\"mobile\",\"value\":\"+1 555 0").append(i % 4).append("\"}]");
            }
            if (i % 2 == 1) {
                body.append(",\"addresses\":[{\"type\":\"work\",\"postalCode\":\"H0H ").append(i % 4).append("\"}]");
            }
            body.append('}');
            repos.users().create(CALLER, (ObjectNode) dev.scimkit.core.json.ScimJson.parse(body.toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        // Capital dotted I folds to two chars ("i" + U+0307) in Locale.ROOT: the key column and the
        // evaluator fold alike, so userName eq finds it through user_name_key.
        repos.users().create(CALLER, (ObjectNode) dev.scimkit.core.json.ScimJson.parse(("{\"schemas\":"
                + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"\u0130lker@Example.com\","
                + "\"name\":{\"givenName\":\"\u0130lker\",\"familyName\":\"Kaya\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        all = repos.users().search(TENANT, SearchQuery.all(1000)).resources();
    }

    @AfterContainer
    static void close() {
        store.close();
    }

    @Property(tries = 200)
    void pushDownAndInMemoryAgree(@ForAll("filters") String filterText) {
        Filter filter = Filters.parse(filterText);
        FilterEvaluator evaluator = new FilterEvaluator(SchemaRegistry.standard().user());
        List<String> expected = new ArrayList<>();
        for (ObjectNode u : all) {
            if (evaluator.matches(filter, u)) {
                expected.add(u.path("id").asText());
            }
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode u : repos.users().search(TENANT, new SearchQuery(Optional.of(filter), Optional.empty(), 1, 1000,
                Projection.DEFAULT)).resources()) {
            actual.add(u.path("id").asText());
        }
        assertThat(actual).as(filterText).containsExactlyElementsOf(expected);
    }

    @Example
    void entraIdsEmailMatchingQueryFindsTheOneUserWithThatWorkAddress() {
        Filter filter = Filters.parse("emails[type eq \"work\"].value eq \"USER2@contoso.com\"");
        List<ObjectNode> found = repos.users().search(TENANT, new SearchQuery(Optional.of(filter), Optional.empty(), 1, 1000,
                Projection.DEFAULT)).resources();
        assertThat(found).extracting(u -> u.path("userName").asText()).containsExactly("User2@Example.com");
        // home2@example.org is several users' home address, nobody's work address
        Filter home = Filters.parse("emails[type eq \"work\"].value eq \"home2@example.org\"");
        assertThat(repos.users().search(TENANT, new SearchQuery(Optional.of(home), Optional.empty(), 1, 1000,
                Projection.DEFAULT)).resources()).isEmpty();
    }

    /**
     * Walking cursor (keyset) pages through the repository, forward and backward, yields exactly the
     * users the evaluator selects, in the keyset order (sort key, then id), whether the store seeks
     * in SQL (no sort, filter wholly pushed) or the adapter pages in memory.
     */
    @Property(tries = 100)
    void cursorWalksMatchTheEvaluatorInKeysetOrder(@ForAll("filters") String filterText,
                                                    @ForAll("sorts") String sortText,
                                                    @ForAll @IntRange(min = 1, max = 7) int count) {
        Filter filter = Filters.parse(filterText);
        ResourceTypeDefinition user = SchemaRegistry.standard().user();
        Optional<SortSpec> sort = sortText.isEmpty() ? Optional.empty() : Optional.of(new SortSpec(
                Filters.parseAttributePath(sortText.split(" ")[0]),
                sortText.endsWith(" desc") ? SortOrder.DESCENDING : SortOrder.ASCENDING));
        FilterEvaluator evaluator = new FilterEvaluator(user);
        KeysetOrdering order = KeysetOrdering.of(user, sort);
        List<ObjectNode> matching = new ArrayList<>(all.stream().filter(u -> evaluator.matches(filter, u)).toList());
        matching.sort((a, b) -> order.compare(order.positionOf(a), order.positionOf(b)));
        List<String> expected = matching.stream().map(u -> u.path("id").asText()).toList();

        SearchQuery query = new SearchQuery(Optional.of(filter), sort, 1, count, Projection.DEFAULT);
        List<String> forward = new ArrayList<>();
        Optional<PagePosition> boundary = Optional.empty();
        while (true) {
            SearchResult page = repos.users().searchKeyset(TENANT, query, new KeysetPage(boundary, false, count)).orElseThrow();
            assertThat(page.totalResults()).isEqualTo(expected.size());
            page.resources().forEach(u -> forward.add(u.path("id").asText()));
            if (page.resources().size() < count) {
                break;
            }
            boundary = Optional.of(order.positionOf(page.resources().get(page.resources().size() - 1)));
        }
        assertThat(forward).as(filterText + " / " + sortText).isEqualTo(expected);

        List<String> backward = new ArrayList<>();
        boundary = Optional.empty();
        while (true) {
            SearchResult page = repos.users().searchKeyset(TENANT, query, new KeysetPage(boundary, true, count)).orElseThrow();
            List<String> ids = page.resources().stream().map(u -> u.path("id").asText()).toList();
            backward.addAll(0, ids);
            if (ids.size() < count) {
                break;
            }
            boundary = Optional.of(order.positionOf(page.resources().get(0)));
        }
        assertThat(backward).as(filterText + " / " + sortText + " backward").isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> sorts() {
        return Arbitraries.of("", "", "title", "userName desc", "name.givenName");
    }

    @Provide
    Arbitrary<String> filters() {
        Arbitrary<String> leaf = Combinators.combine(
                Arbitraries.of("userName", "name.givenName", "name.familyName", "title", "externalId", "nickName"),
                Arbitraries.of("eq", "ne", "co", "sw", "ew"),
                Arbitraries.of("ada", "Ada", "user1", "@example.com", "guard", "Site", "", "_x", "100%", "ext-4", "nick10", "É",
                        "USER1@example.com", "user12@EXAMPLE.COM", "\u0130LKER@example.com", "i\u0307lker@Example.com"))
                .as((a, op, v) -> a + " " + op + " \"" + v + "\"");
        Arbitrary<String> special = Arbitraries.of("active eq true", "active eq false", "title pr", "externalId pr",
                "nickName pr", "meta.created gt \"2000-01-01T00:00:00Z\"", "title lt \"M\"");
        // attr[valFilter].subAttr op value, as Entra ID sends it for a matching attribute
        Arbitrary<String> valuePathTests = Combinators.combine(
                Arbitraries.of("emails[type eq \"work\"].value", "emails[type eq \"home\"].value",
                        "phoneNumbers[type eq \"mobile\"].value", "addresses[type eq \"work\"].postalCode"),
                Arbitraries.of("eq \"user2@contoso.com\"", "eq \"USER4@Contoso.com\"", "eq \"home2@example.org\"",
                        "eq \"emailName8\"", "co \"contoso\"", "sw \"home1\"", "eq \"+1 555 01\"", "eq \"h0h 3\"",
                        "ne \"H0H 1\"", "pr"))
                .as((path, test) -> path + " " + test);
        Arbitrary<String> atom = Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(2, special), Tuple.of(2, valuePathTests));
        return Arbitraries.oneOf(atom,
                Combinators.combine(atom, atom).as((a, b) -> a + " and " + b),
                Combinators.combine(atom, atom).as((a, b) -> "(" + a + " or " + b + ")"),
                atom.map(a -> "not (" + a + ")"),
                Combinators.combine(atom, atom, atom).as((a, b, c) -> "not (" + a + " or " + b + ") and " + c));
    }
}
