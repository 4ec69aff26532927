package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.resource.AttributeValues;
import dev.scimkit.core.schema.SchemaUrns;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A query's parameters (RFC 7644 §3.4.2 and the {@code SearchRequest} message of §3.4.3), from a
 * {@code POST .search} body or from query parameters. The filter stays text here: parsing it is the
 * filter module's job. Paging follows §3.4.2.4: a {@code startIndex} below 1 reads as 1 and a
 * negative {@code count} as 0.
 *
 * @param attributes         attribute paths to return (empty: the default set)
 * @param excludedAttributes attribute paths to leave out
 * @param filter             the filter expression, unparsed
 * @param sortBy             the attribute path to sort by
 * @param sortOrder          the sort order (the server's default when absent)
 * @param startIndex         the 1-based index of the first result
 * @param count              the page size wanted
 * @param cursor             RFC 9865: the cursor of a cursor-paged query, exactly as sent; present and
 *                           empty ({@code ?cursor}, {@code ?cursor=}, {@code "cursor": ""}) for the first page
 */
public record SearchRequest(List<String> attributes, List<String> excludedAttributes, Optional<String> filter,
                            Optional<String> sortBy, Optional<SortOrder> sortOrder, Optional<Integer> startIndex,
                            Optional<Integer> count, Optional<String> cursor) {

    public SearchRequest {
        attributes = List.copyOf(attributes);
        excludedAttributes = List.copyOf(excludedAttributes);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(sortOrder, "sortOrder");
        startIndex = Objects.requireNonNull(startIndex, "startIndex").map(i -> Math.max(1, i));
        count = Objects.requireNonNull(count, "count").map(c -> Math.max(0, c));
        Objects.requireNonNull(cursor, "cursor");
    }

    /** An index-paged (or unpaged) request: no cursor. */
    public SearchRequest(List<String> attributes, List<String> excludedAttributes, Optional<String> filter,
                         Optional<String> sortBy, Optional<SortOrder> sortOrder, Optional<Integer> startIndex,
                         Optional<Integer> count) {
        this(attributes, excludedAttributes, filter, sortBy, sortOrder, startIndex, count, Optional.empty());
    }

    /** A request with no parameters: everything, default order and page. */
    public static SearchRequest empty() {
        return new SearchRequest(List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * Reads a {@code SearchRequest} body. Member names are matched ignoring case; {@code attributes}
     * and {@code excludedAttributes} may be arrays or comma-separated strings.
     *
     * @param requireSchema whether {@code schemas} must list the SearchRequest URN (RFC 7644 §3.4.3)
     */
    public static SearchRequest fromJson(JsonNode body, boolean requireSchema) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A SearchRequest body must be a JSON object, not " + ScimJson.describe(body));
        }
        if (requireSchema && !Messages.listsSchema(body, SchemaUrns.SEARCH_REQUEST)) {
            throw ScimException.invalidSyntax("A SearchRequest must list \"" + SchemaUrns.SEARCH_REQUEST + "\" in schemas");
        }
        return new SearchRequest(
                paths(ScimJson.getIgnoreCase(body, "attributes"), "attributes"),
                paths(ScimJson.getIgnoreCase(body, "excludedAttributes"), "excludedAttributes"),
                text(ScimJson.getIgnoreCase(body, "filter"), "filter"),
                text(ScimJson.getIgnoreCase(body, "sortBy"), "sortBy"),
                text(ScimJson.getIgnoreCase(body, "sortOrder"), "sortOrder").map(SortOrder::fromWireName),
                integer(ScimJson.getIgnoreCase(body, "startIndex"), "startIndex"),
                integer(ScimJson.getIgnoreCase(body, "count"), "count"),
                cursor(ScimJson.getIgnoreCase(body, "cursor")));
    }

    /**
     * Reads the query parameters of {@code GET /Users?...} (names ignoring case; the first value of a
     * repeated parameter wins). Values are taken as already URL-decoded.
     */
    public static SearchRequest fromQueryParameters(Map<String, List<String>> parameters) {
        return new SearchRequest(
                split(param(parameters, "attributes")),
                split(param(parameters, "excludedAttributes")),
                param(parameters, "filter"),
                param(parameters, "sortBy"),
                param(parameters, "sortOrder").map(SortOrder::fromWireName),
                param(parameters, "startIndex").map(v -> parseInteger(v, "startIndex")),
                param(parameters, "count").map(v -> parseInteger(v, "count")),
                presentParam(parameters, "cursor"));
    }

    public ObjectNode toJson() {
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.SEARCH_REQUEST);
        if (!attributes.isEmpty()) {
            ArrayNode a = out.putArray("attributes");
            attributes.forEach(a::add);
        }
        if (!excludedAttributes.isEmpty()) {
            ArrayNode a = out.putArray("excludedAttributes");
            excludedAttributes.forEach(a::add);
        }
        filter.ifPresent(f -> out.put("filter", f));
        sortBy.ifPresent(s -> out.put("sortBy", s));
        sortOrder.ifPresent(s -> out.put("sortOrder", s.wireName()));
        startIndex.ifPresent(s -> out.put("startIndex", s));
        count.ifPresent(c -> out.put("count", c));
        cursor.ifPresent(c -> out.put("cursor", c));
        return out;
    }

    private static List<String> paths(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return split(Optional.of(value.asText()));
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue("\"" + name + "\" must be an array of attribute paths, not "
                    + ScimJson.describe(value));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode p = value.get(i);
            if (!p.isTextual()) {
                throw ScimException.invalidValue(name + "[" + i + "] must be an attribute path string, not "
                        + ScimJson.describe(p));
            }
            out.addAll(split(Optional.of(p.asText())));
        }
        return out;
    }

    private static List<String> split(Optional<String> commaSeparated) {
        List<String> out = new ArrayList<>();
        commaSeparated.ifPresent(s -> {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        });
        return out;
    }

    private static Optional<String> text(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ScimException.invalidValue("\"" + name + "\" must be a string, not " + ScimJson.describe(value));
        }
        return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<Integer> integer(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual()) {    // some clients quote numbers; the text must still be an integer
            return Optional.of(parseInteger(value.asText(), name));
        }
        if (value.isIntegralNumber()) {
            return Optional.of(clamp(value.bigIntegerValue()));
        }
        // 1e3 and 10.0 arrive as decimals (exact BigDecimal parsing) yet are integers.
        return Optional.of(clamp(value.isNumber() ? AttributeValues.integral(value.decimalValue()).orElseThrow(() ->
                ScimException.invalidValue("\"" + name + "\" must be an integer, without fractional digits"))
                : invalidInteger(name, value)));
    }

    private static BigInteger invalidInteger(String name, JsonNode value) {
        throw ScimException.invalidValue("\"" + name + "\" must be an integer, not " + ScimJson.describe(value));
    }

    private static Integer parseInteger(String text, String name) {
        String t = text.trim();
        if (!t.matches("[+-]?\\d{1,50}")) {
            throw ScimException.invalidValue("\"" + name + "\" must be an integer");
        }
        return clamp(new BigInteger(t));
    }

    /** Values beyond int range mean "as many as possible" or "before the first": saturate. */
    private static int clamp(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    }

    /** A body's cursor: a string, empty for the first page; {@code null} or absent means no cursor paging. */
    private static Optional<String> cursor(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ScimException.of(ScimErrorType.INVALID_CURSOR, "\"cursor\" must be a string (empty for the first page), not "
                    + ScimJson.describe(value));
        }
        return Optional.of(value.asText());
    }

    /** A parameter that counts when present at all, even without a value ({@code ?cursor}). */
    private static Optional<String> presentParam(Map<String, List<String>> parameters, String name) {
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                List<String> values = e.getValue();
                return Optional.of(values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> param(Map<String, List<String>> parameters, String name) {
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null
                    && !e.getValue().isEmpty() && e.getValue().get(0) != null && !e.getValue().get(0).isBlank()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}
