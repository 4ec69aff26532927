package dev.scimkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.server.query.ResourceOrdering;
import dev.scimkit.server.spi.SortOrder;
import dev.scimkit.server.spi.SortSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking every page with cursors, forward from the first page and backward from the last, yields
 * exactly the filtered result, in the sort order with {@code id} breaking ties.
 */
class CursorPagingProperties {

    private static final List<String> FILTERS = List.of("", "title eq \"x\"", "title pr", "not (title eq \"y\")",
            "userName sw \"u1\"");
    private static final List<String> SORTS = List.of("", "title", "userName", "title descending", "userName descending");

    @Provide
    Arbitrary<List<String>> titles() {
        return Arbitraries.of("x", "y", "X", "z", "").list().ofMaxSize(14);
    }

    @Property(tries = 150)
    void cursorWalksYieldExactlyTheFilteredSortedResult(@ForAll("titles") List<String> titles,
                                                        @ForAll("indexes") int filterIndex,
                                                        @ForAll("indexes") int sortIndex,
                                                        @ForAll @IntRange(min = 1, max = 5) int count) {
        EngineFixture f = new EngineFixture();
        for (int i = 0; i < titles.size(); i++) {
            f.createUser("u" + i, titles.get(i).isEmpty() ? null : "\"title\":\"" + titles.get(i) + "\"");
        }
        String filter = FILTERS.get(filterIndex);
        String[] sort = SORTS.get(sortIndex).split(" ");
        String params = (filter.isEmpty() ? "" : "&filter=" + filter)
                + (sort[0].isEmpty() ? "" : "&sortBy=" + sort[0] + (sort.length > 1 ? "&sortOrder=" + sort[1] : ""));

        List<String> expected = expected(f, params, sort);

        List<String> forward = new ArrayList<>();
        String cursor = "";
        String lastPrevious = null;
        int pages = 0;
        while (cursor != null) {
            JsonNode page = f.json("GET", "/Users?cursor=" + cursor + "&count=" + count + params, null);
            assertThat(page.path("Resources").size()).isLessThanOrEqualTo(count);
            assertThat(page.path("totalResults").asInt()).isEqualTo(expected.size());
            page.path("Resources").forEach(r -> forward.add(r.path("id").asText()));
            cursor = page.path("nextCursor").asText(null);
            lastPrevious = page.path("previousCursor").asText(null);
            assertThat(++pages).isLessThanOrEqualTo(expected.size() + 1);
        }
        assertThat(forward).isEqualTo(expected);

        List<String> backward = new ArrayList<>();
        int onLastPage = expected.isEmpty() ? 0 : (expected.size() - 1) % count + 1;
        backward.addAll(expected.subList(expected.size() - onLastPage, expected.size()));
        cursor = lastPrevious;
        while (cursor != null) {
            JsonNode page = f.json("GET", "/Users?cursor=" + cursor + "&count=" + count + params, null);
            List<String> ids = new ArrayList<>();
            page.path("Resources").forEach(r -> ids.add(r.path("id").asText()));
            backward.addAll(0, ids);
            cursor = page.path("previousCursor").asText(null);
        }
        assertThat(backward).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, FILTERS.size() - 1);
    }

    /** Index paging's matches (one page of all), ordered by the sort key and then by id. */
    private static List<String> expected(EngineFixture f, String params, String[] sort) {
        List<ObjectNode> all = new ArrayList<>();
        f.json("GET", "/Users?startIndex=1&count=1000" + params, null).path("Resources")
                .forEach(r -> all.add((ObjectNode) r));
        Comparator<ObjectNode> byId = Comparator.comparing(r -> r.path("id").asText());
        Comparator<ObjectNode> order = sort[0].isEmpty() ? byId
                : ResourceOrdering.comparator(SchemaRegistry.standard().user(), new SortSpec(Filters.parseAttributePath(sort[0]),
                sort.length > 1 ? SortOrder.DESCENDING : SortOrder.ASCENDING)).thenComparing(byId);
        all.sort(order);
        return all.stream().map(r -> r.path("id").asText()).toList();
    }

}
