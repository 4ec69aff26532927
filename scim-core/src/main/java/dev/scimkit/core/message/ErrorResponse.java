package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaUrns;

import java.util.Objects;
import java.util.Optional;

/**
 * The error body of RFC 7644 §3.12:
 * {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidFilter","detail":"..."}}.
 * {@code status} travels as a string, as the RFC's examples and Okta's and Microsoft's validators expect.
 *
 * @param status   the HTTP status
 * @param scimType the scimType, absent for statuses that have none
 * @param detail   the human-readable detail
 */
public record ErrorResponse(int status, Optional<ScimErrorType> scimType, String detail) {

    public ErrorResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        Objects.requireNonNull(scimType, "scimType");
        Objects.requireNonNull(detail, "detail");
    }

    public static ErrorResponse from(ScimException e) {
        return new ErrorResponse(e.status(), e.scimType(), e.detail());
    }

    public ObjectNode toJson() {
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.ERROR);
        out.put("status", Integer.toString(status));
        scimType.ifPresent(t -> out.put("scimType", t.wireName()));
        out.put("detail", detail);
        return out;
    }

    /** Reads an error body (a client's view); {@code status} may be a string or a number. */
    public static ErrorResponse fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("An error body must be a JSON object");
        }
        JsonNode status = ScimJson.getIgnoreCase(body, "status");
        int code;
        try {
            code = status == null ? -1 : status.isNumber() ? status.intValue() : Integer.parseInt(status.asText().trim());
        } catch (NumberFormatException e) {
            code = -1;
        }
        if (code < 100 || code > 599) {
            throw ScimException.invalidValue("An error body needs an HTTP \"status\", found " + ScimJson.describe(status));
        }
        JsonNode type = ScimJson.getIgnoreCase(body, "scimType");
        JsonNode detail = ScimJson.getIgnoreCase(body, "detail");
        return new ErrorResponse(code,
                type != null && type.isTextual() ? ScimErrorType.fromWireName(type.asText()) : Optional.empty(),
                detail != null && detail.isValueNode() && !detail.isNull() ? detail.asText() : "");
    }

    /** The exception this body describes. */
    public ScimException toException() {
        return new ScimException(status, scimType.orElse(null), detail);
    }
}
