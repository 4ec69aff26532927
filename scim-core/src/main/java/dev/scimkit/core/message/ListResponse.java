package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaUrns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ListResponse} message (RFC 7644 §3.4.2): one page of query results.
 *
 * @param totalResults all matches, not only this page's
 * @param startIndex   1-based index of the first result on this page
 * @param itemsPerPage the number of resources on this page
 * @param resources    the page's resources (copied; treat them as read-only)
 * @param cursors      RFC 9865: present for a cursor-paged page, which then has no {@code startIndex}
 */
public record ListResponse(long totalResults, int startIndex, int itemsPerPage, List<JsonNode> resources,
                           Optional<Cursors> cursors) {

    /**
     * The cursors of a cursor-paged page (RFC 9865 §2): {@code nextCursor} is absent only on the last
     * page; {@code previousCursor} is optional.
     *
     * @param next     the cursor of the next page, absent on the last page
     * @param previous the cursor of the previous page, if any
     */
    public record Cursors(Optional<String> next, Optional<String> previous) {
        public Cursors {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(previous, "previous");
        }
    }

    public ListResponse {
        if (totalResults < 0) {
            throw new IllegalArgumentException("totalResults must not be negative: " + totalResults);
        }
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex is 1-based: " + startIndex);
        }
        if (itemsPerPage < 0) {
            throw new IllegalArgumentException("itemsPerPage must not be negative: " + itemsPerPage);
        }
        resources = List.copyOf(resources);
        Objects.requireNonNull(cursors, "cursors");
    }

    /** An index-paged page. */
    public ListResponse(long totalResults, int startIndex, int itemsPerPage, List<JsonNode> resources) {
        this(totalResults, startIndex, itemsPerPage, resources, Optional.empty());
    }

    /** A cursor-paged page whose {@code itemsPerPage} is the number of resources on it. */
    public static ListResponse ofCursorPage(long totalResults, List<? extends JsonNode> resources, Cursors cursors) {
        return new ListResponse(totalResults, 1, resources.size(), List.copyOf(resources), Optional.of(cursors));
    }

    /** A page whose {@code itemsPerPage} is the number of resources on it. */
    public static ListResponse of(long totalResults, int startIndex, List<? extends JsonNode> resources) {
        return new ListResponse(totalResults, startIndex, resources.size(), List.copyOf(resources));
    }

    public ObjectNode toJson() {
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.LIST_RESPONSE);
        out.put("totalResults", totalResults);
        if (cursors.isEmpty()) {
            out.put("startIndex", startIndex);
        }
        out.put("itemsPerPage", itemsPerPage);
        cursors.flatMap(Cursors::next).ifPresent(c -> out.put("nextCursor", c));
        cursors.flatMap(Cursors::previous).ifPresent(c -> out.put("previousCursor", c));
        ArrayNode array = out.putArray("Resources");
        resources.forEach(array::add);
        return out;
    }

    /** Reads a ListResponse (a client's view); {@code Resources} may be absent when nothing matched. */
    public static ListResponse fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A ListResponse must be a JSON object");
        }
        long total = nonNegative(body, "totalResults", -1);
        if (total < 0) {
            throw ScimException.invalidValue("A ListResponse needs a non-negative integer \"totalResults\"");
        }
        JsonNode array = ScimJson.getIgnoreCase(body, "Resources");
        List<JsonNode> resources = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(resources::add);
        } else if (array != null && !array.isNull()) {
            throw ScimException.invalidValue("\"Resources\" must be an array, not " + ScimJson.describe(array));
        }
        long start = nonNegative(body, "startIndex", 1);
        long perPage = nonNegative(body, "itemsPerPage", resources.size());
        if (start < 1 || start > Integer.MAX_VALUE || perPage > Integer.MAX_VALUE) {
            throw ScimException.invalidValue("\"startIndex\" and \"itemsPerPage\" must be positive integers");
        }
        Optional<String> next = cursorOf(body, "nextCursor");
        Optional<String> previous = cursorOf(body, "previousCursor");
        Optional<Cursors> cursors = next.isPresent() || previous.isPresent()
                ? Optional.of(new Cursors(next, previous)) : Optional.empty();
        return new ListResponse(total, (int) start, (int) perPage, resources, cursors);
    }

    private static Optional<String> cursorOf(JsonNode body, String name) {
        JsonNode v = ScimJson.getIgnoreCase(body, name);
        return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static long nonNegative(JsonNode body, String name, long fallback) {
        JsonNode v = ScimJson.getIgnoreCase(body, name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw ScimException.invalidValue("\"" + name + "\" must be a non-negative integer, not "
                    + ScimJson.describe(v));
        }
        return v.longValue();
    }
}
