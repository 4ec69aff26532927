package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one Bulk operation (RFC 7644 §3.7.3). {@code status} is the HTTP status as a
 * string ({@code "201"}), as the RFC writes it.
 *
 * @param method   the operation's method
 * @param bulkId   the operation's bulkId
 * @param version  the resulting resource version
 * @param location the resulting resource URI
 * @param status   the HTTP status, as a string
 * @param response the response body (an error body on failure)
 */
public record BulkOperationResult(BulkMethod method, Optional<String> bulkId, Optional<String> version,
                                  Optional<String> location, String status, Optional<JsonNode> response) {

    public BulkOperationResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(bulkId, "bulkId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(response, "response");
        if (status == null || !status.matches("[1-5]\\d\\d")) {
            throw new IllegalArgumentException("status must be a three-digit HTTP status: " + status);
        }
    }

    /** A failed operation whose response is the error body of {@code error}. */
    public static BulkOperationResult failure(BulkOperation op, ScimException error) {
        return new BulkOperationResult(op.method(), op.bulkId(), Optional.empty(), Optional.empty(),
                Integer.toString(error.status()), Optional.of(ErrorResponse.from(error).toJson()));
    }

    public int statusCode() {
        return Integer.parseInt(status);
    }

    public boolean isSuccess() {
        return statusCode() < 400;
    }

    public ObjectNode toJson() {
        ObjectNode out = ScimJson.object();
        out.put("method", method.wireName());
        bulkId.ifPresent(b -> out.put("bulkId", b));
        version.ifPresent(v -> out.put("version", v));
        location.ifPresent(l -> out.put("location", l));
        out.put("status", status);
        response.ifPresent(r -> out.set("response", r));
        return out;
    }

    static BulkOperationResult fromJson(JsonNode node, int index) {
        if (node == null || !node.isObject()) {
            throw ScimException.invalidSyntax("Operations[" + index + "] must be an object");
        }
        JsonNode status = ScimJson.getIgnoreCase(node, "status");
        String statusText = status == null ? "" : status.isNumber() ? Integer.toString(status.intValue()) : status.asText();
        if (!statusText.matches("[1-5]\\d\\d")) {
            throw ScimException.invalidValue("Operations[" + index + "].status must be an HTTP status");
        }
        JsonNode response = ScimJson.getIgnoreCase(node, "response");
        return new BulkOperationResult(BulkMethod.fromWireName(text(node, "method").orElse("")),
                text(node, "bulkId"), text(node, "version"), text(node, "location"), statusText,
                Optional.ofNullable(response == null || response.isNull() ? null : response));
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode v = ScimJson.getIgnoreCase(node, name);
        return v == null || !v.isTextual() ? Optional.empty() : Optional.of(v.asText());
    }
}
