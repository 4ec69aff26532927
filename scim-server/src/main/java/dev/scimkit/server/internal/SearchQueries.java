package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.SearchRequest;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.core.schema.SchemaUrns;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ServerLimits;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SortOrder;
import dev.scimkit.server.spi.SortSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the search and projection parameters of a request into the parsed {@link SearchQuery} the
 * repositories receive. scim-core's {@link SearchRequest} reads the parameters (from the query string
 * of a GET, RFC 7644 §3.4.2, or a {@code SearchRequest} body of a POST {@code .search}, §3.4.3) and
 * bounds the paging; this class parses the filter, the sort key and the attribute paths with the
 * filter module's grammar and applies the server's page sizes. Every malformed value is a 400 with
 * the scimType the RFC names.
 */
public final class SearchQueries {

    private static final List<String> PROJECTION_PARAMETERS = List.of("attributes", "excludedAttributes");

    private final SchemaRegistry registry;
    private final ServerLimits limits;

    public SearchQueries(SchemaRegistry registry, ServerLimits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    /**
     * The projection of a request's {@code attributes} / {@code excludedAttributes} query parameters.
     * Only those two are read, so a stray {@code count=abc} on a single-resource request stays harmless.
     */
    public Projection projection(ScimRequest request) {
        if (request.queryParameters().isEmpty()) {
            return Projection.DEFAULT;
        }
        Map<String, List<String>> only = new LinkedHashMap<>();
        request.queryParameters().forEach((name, values) -> {
            if (PROJECTION_PARAMETERS.stream().anyMatch(name::equalsIgnoreCase)) {
                only.put(name, values);
            }
        });
        return projection(SearchRequest.fromQueryParameters(only));
    }

    /**
     * A list request of one resource type: the parsed search and, for RFC 9865 cursor paging, the
     * cursor as sent (empty text for the first page).
     *
     * @param query  the search
     * @param cursor the cursor; absent for index paging
     */
    public record ListQuery(SearchQuery query, Optional<String> cursor) {
    }

    /** The search of a GET list request. */
    public SearchQuery fromQuery(ScimRequest request) {
        return toQuery(SearchRequest.fromQueryParameters(request.queryParameters()));
    }

    /** The list request of a GET, with its cursor. */
    public ListQuery listFromQuery(ScimRequest request) {
        return toListQuery(SearchRequest.fromQueryParameters(request.queryParameters()));
    }

    /** The list request of a POST {@code .search} body, with its cursor. */
    public ListQuery listFromBody(JsonNode body) {
        checkSchemas(body);
        return toListQuery(SearchRequest.fromJson(body, false));
    }

    private ListQuery toListQuery(SearchRequest request) {
        if (request.cursor().isPresent() && request.startIndex().isPresent()) {
            throw ScimException.invalidValue("startIndex and cursor cannot be combined: "
                    + "page by index (startIndex) or by cursor (RFC 9865), not both");
        }
        SearchQuery query = toQuery(request);
        if (request.cursor().isPresent() && request.count().isEmpty() && query.count() == 0) {
            query = query.withPage(1, limits.maxPageSize()); // a cursor page is never empty by default
        }
        return new ListQuery(query, request.cursor());
    }

    /**
     * The search of a POST {@code .search} body. {@code schemas} may be left out (several clients do),
     * but when given it must list the SearchRequest URN: a body meant as something else is a 400.
     */
    public SearchQuery fromBody(JsonNode body) {
        checkSchemas(body);
        return toQuery(SearchRequest.fromJson(body, false));
    }

    /** The lenient schemas check of a search body; SearchRequest's own would require the member. */
    private static void checkSchemas(JsonNode body) {
        JsonNode schemas = body.isObject() ? ScimJson.getIgnoreCase(body, "schemas") : null;
        if (schemas != null && schemas.isArray() && !schemas.isEmpty() && !lists(schemas, SchemaUrns.SEARCH_REQUEST)) {
            throw ScimException.invalidValue("A search body must list \"" + SchemaUrns.SEARCH_REQUEST + "\" in schemas");
        }
    }

    private SearchQuery toQuery(SearchRequest request) {
        Optional<Filter> filter = request.filter().map(Filters::parse);
        Optional<SortSpec> sort = request.sortBy().map(by -> new SortSpec(parsePath(by.trim()),
                request.sortOrder().map(o -> SortOrder.valueOf(o.name())).orElse(SortOrder.ASCENDING)));
        int start = request.startIndex().orElse(1);
        int count = Math.min(limits.maxPageSize(), request.count().orElse(limits.defaultPageSize()));
        return new SearchQuery(filter, sort, start, count, projection(request));
    }

    private Projection projection(SearchRequest request) {
        if (!request.attributes().isEmpty() && !request.excludedAttributes().isEmpty()) {
            throw ScimException.invalidValue("attributes and excludedAttributes may not be given together");
        }
        return new Projection(request.attributes().stream().map(this::parsePath).toList(),
                request.excludedAttributes().stream().map(this::parsePath).toList());
    }

    /** An attribute path, or a bare schema URN kept whole (see {@link Projection}). */
    private AttributePath parsePath(String text) {
        if (registry.schema(text).isPresent()) {
            return AttributePath.of(text);
        }
        return Filters.parseAttributePath(text);
    }

    private static boolean lists(JsonNode schemas, String urn) {
        for (JsonNode s : schemas) {
            if (s.isTextual() && s.asText().equalsIgnoreCase(urn)) {
                return true;
            }
        }
        return false;
    }
}
