package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;
import dev.scimkit.filter.eval.FilterEvaluator;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.SortOrder;
import dev.scimkit.server.spi.SortSpec;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential properties of the in-memory repository: its search (with index shortcuts for
 * {@code userName}, {@code externalId} and {@code displayName} equality) returns exactly what
 * evaluating the filter in memory over every resource returns, in the same stable order, and pages
 * are slices of that order.
 */
class InMemorySearchProperties {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final ResourceTypeDefinition USER = REGISTRY.user();
    private static final TenantId TENANT = TenantId.of("p");
    private static final ScimPrincipal CALLER = ScimPrincipal.client(TENANT, "test-client");
    private static final List<String> NAMES = List.of("ann", "Ann", "ANNE", "bob", "Bob2", "cy", "dee", "Dee", "e1", "E1");
    private static final List<String> ATTRIBUTES = List.of("userName", "externalId", "displayName", "title");

    record UserSpec(String userName, String externalId, String displayName, String title, boolean active) {
    }

    @Provide
    Arbitrary<List<UserSpec>> users() {
        Arbitrary<String> value = Arbitraries.of(NAMES);
        Arbitrary<String> optional = Arbitraries.oneOf(value, Arbitraries.just(null));
        return Combinators.combine(value, optional, optional, optional, Arbitraries.of(true, false))
                .as(UserSpec::new).list().ofMaxSize(14);
    }

    @Provide
    Arbitrary<Filter> filters() {
        return filter(3);
    }

    private Arbitrary<Filter> filter(int depth) {
        Arbitrary<AttributePath> path = Arbitraries.of(ATTRIBUTES).map(AttributePath::of);
        Arbitrary<Filter> comparison = Combinators.combine(path,
                        Arbitraries.of(CompareOperator.EQ, CompareOperator.EQ, CompareOperator.NE, CompareOperator.SW,
                                CompareOperator.CO, CompareOperator.EW, CompareOperator.GT),
                        Arbitraries.of(NAMES))
                .as((p, op, v) -> new Filter.Comparison(p, op, new Literal.StringLiteral(v)));
        Arbitrary<Filter> present = path.map(Filter.Present::new);
        Arbitrary<Filter> activeEq = Arbitraries.of(true, false)
                .map(b -> new Filter.Comparison(AttributePath.of("active"), CompareOperator.EQ, new Literal.BooleanLiteral(b)));
        Arbitrary<Filter> leaf = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, comparison), net.jqwik.api.Tuple.of(1, present), net.jqwik.api.Tuple.of(1, activeEq));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Filter> sub = Arbitraries.lazy(() -> filter(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(Filter.And::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(Filter.Or::new)),
                net.jqwik.api.Tuple.of(1, sub.map(Filter.Not::new)));
    }

    private static ResourceRepository load(List<UserSpec> specs) {
        ResourceRepository repo = InMemoryStore.create(REGISTRY).users();
        for (UserSpec s : specs) {
            ObjectNode u = ScimJson.object();
            u.putArray("schemas").add(USER.schema().id());
            u.put("userName", s.userName());
            if (s.externalId() != null) {
                u.put("externalId", s.externalId());
            }
            if (s.displayName() != null) {
                u.put("displayName", s.displayName());
            }
            if (s.title() != null) {
                u.put("title", s.title());
            }
            u.put("active", s.active());
            try {
                repo.create(CALLER, u);
            } catch (ScimException e) {
                assertThat(e.status()).isEqualTo(409); // a userName that differs only in case
            }
        }
        return repo;
    }

    private static List<String> ids(SearchResult r) {
        List<String> out = new ArrayList<>();
        r.resources().forEach(n -> out.add(n.path("id").asText()));
        return out;
    }

    @Property(tries = 300)
    void searchEqualsInMemoryEvaluation(@ForAll("users") List<UserSpec> specs, @ForAll("filters") Filter filter) {
        ResourceRepository repo = load(specs);
        SearchResult all = repo.search(TENANT, SearchQuery.all(1_000));
        FilterEvaluator evaluator = new FilterEvaluator(USER);
        List<String> expected = new ArrayList<>();
        all.resources().stream().filter(r -> evaluator.matches(filter, r)).forEach(r -> expected.add(r.path("id").asText()));

        SearchResult actual = repo.search(TENANT, new SearchQuery(Optional.of(filter), Optional.empty(), 1, 1_000, Projection.DEFAULT));
        assertThat(ids(actual)).containsExactlyElementsOf(expected);
        assertThat(actual.totalResults()).isEqualTo(expected.size());
    }

    @Property(tries = 200)
    void pagesAreSlicesOfTheSortedResult(@ForAll("users") List<UserSpec> specs,
                                         @ForAll("filters") Filter filter,
                                         @ForAll("attributes") String sortBy,
                                         @ForAll boolean descending,
                                         @ForAll("pageStarts") int start,
                                         @ForAll("pageSizes") int count) {
        ResourceRepository repo = load(specs);
        Optional<SortSpec> sort = Optional.of(new SortSpec(AttributePath.of(sortBy), descending ? SortOrder.DESCENDING : SortOrder.ASCENDING));
        SearchResult full = repo.search(TENANT, new SearchQuery(Optional.of(filter), sort, 1, 1_000, Projection.DEFAULT));
        SearchResult page = repo.search(TENANT, new SearchQuery(Optional.of(filter), sort, start, count, Projection.DEFAULT));
        List<String> all = ids(full);
        int from = Math.min(start - 1, all.size());
        int to = Math.min(from + count, all.size());
        assertThat(ids(page)).containsExactlyElementsOf(all.subList(from, to));
        assertThat(page.totalResults()).isEqualTo(full.totalResults());
    }

    @Provide
    Arbitrary<String> attributes() {
        return Arbitraries.of(ATTRIBUTES);
    }

    @Provide
    Arbitrary<Integer> pageStarts() {
        return Arbitraries.integers().between(1, 16);
    }

    @Provide
    Arbitrary<Integer> pageSizes() {
        return Arbitraries.integers().between(0, 6);
    }
}
