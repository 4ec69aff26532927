package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
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

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the search and projection parameters of a request: from the query string of a GET
 * (RFC 7644 §3.4.2) or from a {@code SearchRequest} body of a POST {@code .search} (§3.4.3).
 * Every malformed value is a 400 with the scimType the RFC names.
 */
public final class SearchParameters {

    private final SchemaRegistry registry;
    private final ServerLimits limits;

    public SearchParameters(SchemaRegistry registry, ServerLimits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    /** The projection of a request's {@code attributes} / {@code excludedAttributes} query parameters. */
    public Projection projection(ScimRequest request) {
        return projection(request.queryParameter("attributes").orElse(null),
                request.queryParameter("excludedAttributes").orElse(null));
    }

    /** The search of a GET list request. */
    public SearchQuery fromQuery(ScimRequest request) {
        return build(request.queryParameter("filter").orElse(null),
                request.queryParameter("sortBy").orElse(null),
                request.queryParameter("sortOrder").orElse(null),
                request.queryParameter("startIndex").orElse(null),
                request.queryParameter("count").orElse(null),
                projection(request));
    }

    /** The search of a POST {@code .search} body. */
    public SearchQuery fromBody(JsonNode body) {
        if (!body.isObject()) {
            throw ScimException.invalidSyntax("A SearchRequest must be a JSON object");
        }
        JsonNode schemas = ScimJson.getIgnoreCase(body, "schemas");
        if (schemas != null && schemas.isArray() && schemas.size() > 0) {
            boolean ok = false;
            for (JsonNode s : schemas) {
                ok |= s.isTextual() && s.asText().equalsIgnoreCase(SchemaUrns.SEARCH_REQUEST);
            }
            if (!ok) {
                throw ScimException.invalidValue("A search body must list \"" + SchemaUrns.SEARCH_REQUEST + "\" in schemas");
            }
        }
        return build(text(body, "filter"), text(body, "sortBy"), text(body, "sortOrder"),
                scalar(body, "startIndex"), scalar(body, "count"),
                projection(list(body, "attributes"), list(body, "excludedAttributes")));
    }

    private SearchQuery build(String filterText, String sortBy, String sortOrder, String startIndex, String count,
                              Projection projection) {
        Optional<Filter> filter = filterText == null || filterText.isBlank()
                ? Optional.empty()
                : Optional.of(Filters.parse(filterText));
        Optional<SortSpec> sort = Optional.empty();
        if (sortBy != null && !sortBy.isBlank()) {
            AttributePath path = parsePath(sortBy.trim());
            SortOrder order = sortOrder == null || sortOrder.isBlank() ? SortOrder.ASCENDING : SortOrder.fromWireName(sortOrder.trim());
            sort = Optional.of(new SortSpec(path, order));
        } else if (sortOrder != null && !sortOrder.isBlank()) {
            SortOrder.fromWireName(sortOrder.trim()); // still reject nonsense, though it has no effect
        }
        int start = (int) Math.max(1, Math.min(Integer.MAX_VALUE, integer("startIndex", startIndex, 1)));
        long requested = integer("count", count, limits.defaultPageSize());
        int pageSize = (int) Math.max(0, Math.min(limits.maxPageSize(), requested));
        return new SearchQuery(filter, sort, start, pageSize, projection);
    }

    private Projection projection(String attributes, String excluded) {
        List<AttributePath> include = paths(attributes);
        List<AttributePath> exclude = paths(excluded);
        if (!include.isEmpty() && !exclude.isEmpty()) {
            throw ScimException.invalidValue("attributes and excludedAttributes may not be given together");
        }
        return new Projection(include, exclude);
    }

    private List<AttributePath> paths(String list) {
        List<AttributePath> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (String part : list.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(parsePath(p));
            }
        }
        return out;
    }

    /** An attribute path, or a bare schema URN kept whole (see {@link Projection}). */
    private AttributePath parsePath(String text) {
        if (registry.schema(text).isPresent()) {
            return AttributePath.of(text);
        }
        return Filters.parseAttributePath(text);
    }

    private static long integer(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            BigInteger n = new BigInteger(value.trim());
            if (n.bitLength() > 62) {
                return n.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
            }
            return n.longValueExact();
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be an integer, not \"" + abbreviate(value) + "\"");
        }
    }

    private static String text(JsonNode body, String name) {
        JsonNode v = ScimJson.getIgnoreCase(body, name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ScimException.invalidValue(name + " must be a string, not " + ScimJson.describe(v));
        }
        return v.asText();
    }

    private static String scalar(JsonNode body, String name) {
        JsonNode v = ScimJson.getIgnoreCase(body, name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() || v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0) {
            return v.decimalValue().toBigInteger().toString();
        }
        throw ScimException.invalidValue(name + " must be an integer, not " + ScimJson.describe(v));
    }

    private static String list(JsonNode body, String name) {
        JsonNode v = ScimJson.getIgnoreCase(body, name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (!v.isArray()) {
            throw ScimException.invalidValue(name + " must be an array of strings, not " + ScimJson.describe(v));
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw ScimException.invalidValue(name + " must hold strings only");
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.asText());
        }
        return sb.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
