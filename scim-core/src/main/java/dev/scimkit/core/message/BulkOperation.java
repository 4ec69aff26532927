package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;

import java.util.Objects;
import java.util.Optional;

/**
 * One operation of a {@code BulkRequest} (RFC 7644 §3.7): POST needs a {@code bulkId} and
 * {@code data}, PUT and PATCH need {@code data}, and {@code path} is a resource endpoint
 * ({@code /Users}) or a resource ({@code /Users/2819c223...}).
 *
 * @param method  the HTTP method
 * @param bulkId  the client's transient id, which other operations reference as {@code bulkId:<id>}
 * @param version the resource version, for an {@code If-Match} precondition
 * @param path    the relative resource path, starting with {@code /}
 * @param data    the body of the operation
 */
public record BulkOperation(BulkMethod method, Optional<String> bulkId, Optional<String> version, String path,
                            Optional<JsonNode> data) {

    public BulkOperation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(bulkId, "bulkId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(data, "data");
        if (!path.startsWith("/")) {
            throw ScimException.invalidValue("A Bulk operation's path must start with '/', such as /Users: '"
                    + Messages.abbreviate(path) + "'");
        }
        if (method == BulkMethod.POST && bulkId.isEmpty()) {
            throw ScimException.invalidValue("A Bulk POST operation needs a bulkId");
        }
        if (method.needsData() && data.isEmpty()) {
            throw ScimException.invalidValue("A Bulk " + method + " operation needs data");
        }
    }

    /** Reads one operation; {@code index} names it in error details. */
    static BulkOperation fromJson(JsonNode node, int index) {
        String where = "Operations[" + index + "]";
        if (node == null || !node.isObject()) {
            throw ScimException.invalidSyntax(where + " must be an object, not " + ScimJson.describe(node));
        }
        try {
            JsonNode data = ScimJson.getIgnoreCase(node, "data");
            if (data != null && data.isNull()) {
                data = null;
            }
            if (data != null && !data.isObject()) {
                throw ScimException.invalidSyntax("data must be an object, not " + ScimJson.describe(data));
            }
            String method = text(node, "method").orElseThrow(() ->
                    ScimException.invalidValue("method is required"));
            String path = text(node, "path").orElseThrow(() -> ScimException.invalidValue("path is required"));
            return new BulkOperation(BulkMethod.fromWireName(method), text(node, "bulkId"), text(node, "version"),
                    path, Optional.ofNullable(data));
        } catch (ScimException e) {
            throw new ScimException(e.status(), e.scimType().orElse(null), where + ": " + e.detail(), e);
        }
    }

    public ObjectNode toJson() {
        ObjectNode out = ScimJson.object();
        out.put("method", method.wireName());
        bulkId.ifPresent(b -> out.put("bulkId", b));
        version.ifPresent(v -> out.put("version", v));
        out.put("path", path);
        data.ifPresent(d -> out.set("data", d));
        return out;
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode v = ScimJson.getIgnoreCase(node, name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw ScimException.invalidValue(name + " must be a string, not " + ScimJson.describe(v));
        }
        return v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }
}
