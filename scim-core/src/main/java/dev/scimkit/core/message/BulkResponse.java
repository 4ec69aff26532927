package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaUrns;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code BulkResponse} message (RFC 7644 §3.7.3): one result per processed operation.
 *
 * @param operations the results in processing order
 */
public record BulkResponse(List<BulkOperationResult> operations) {

    public BulkResponse {
        operations = List.copyOf(operations);
    }

    public ObjectNode toJson() {
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.BULK_RESPONSE);
        ArrayNode ops = out.putArray("Operations");
        operations.forEach(op -> ops.add(op.toJson()));
        return out;
    }

    /** Reads a BulkResponse (a client's view). */
    public static BulkResponse fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A BulkResponse must be a JSON object");
        }
        JsonNode ops = ScimJson.getIgnoreCase(body, "Operations");
        if (ops == null || !ops.isArray()) {
            throw ScimException.invalidSyntax("A BulkResponse needs an \"Operations\" array");
        }
        List<BulkOperationResult> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            out.add(BulkOperationResult.fromJson(ops.get(i), i));
        }
        return new BulkResponse(out);
    }
}
