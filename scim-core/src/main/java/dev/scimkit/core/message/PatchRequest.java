package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaUrns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code PatchOp} message (RFC 7644 §3.5.2): a non-empty list of operations. Reading it checks
 * the message's shape; the meaning of each operation is the PATCH engine's business.
 *
 * @param operations the operations in request order
 */
public record PatchRequest(List<PatchOperation> operations) {

    public PatchRequest {
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw ScimException.invalidValue("A PATCH request needs at least one operation");
        }
    }

    /**
     * Reads a PatchOp body. {@code Operations} and each operation's members are matched without regard
     * to case; the {@code schemas} URN is required unless {@code requireSchema} is false.
     *
     * @param maxOperations the most operations accepted (a larger request is a 400 {@code tooMany})
     */
    public static PatchRequest fromJson(JsonNode body, boolean requireSchema, int maxOperations) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A PATCH body must be a JSON object");
        }
        if (requireSchema && !hasPatchSchema(body)) {
            throw ScimException.invalidSyntax("A PATCH body must list \"" + SchemaUrns.PATCH_OP + "\" in schemas");
        }
        JsonNode ops = ScimJson.getIgnoreCase(body, "Operations");
        if (ops == null || !ops.isArray()) {
            throw ScimException.invalidSyntax("A PATCH body needs an \"Operations\" array, found "
                    + ScimJson.describe(ops));
        }
        if (ops.isEmpty()) {
            // RFC 7644 §3.5.2: "an array of one or more PATCH operations"; the message itself is malformed
            throw ScimException.invalidSyntax("A PATCH body's \"Operations\" array needs at least one operation");
        }
        if (ops.size() > maxOperations) {
            throw ScimException.tooMany("A PATCH request may carry at most " + maxOperations
                    + " operations; this one has " + ops.size());
        }
        List<PatchOperation> out = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            out.add(readOperation(ops.get(i), i));
        }
        return new PatchRequest(out);
    }

    /** Writes the message in RFC form (lower-case ops). */
    public ObjectNode toJson() {
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.PATCH_OP);
        ArrayNode ops = out.putArray("Operations");
        for (PatchOperation op : operations) {
            ObjectNode o = ops.addObject();
            o.put("op", op.op().wireName());
            op.path().ifPresent(p -> o.put("path", p));
            op.value().ifPresent(v -> o.set("value", v));
        }
        return out;
    }

    private static boolean hasPatchSchema(JsonNode body) {
        JsonNode schemas = ScimJson.getIgnoreCase(body, "schemas");
        if (schemas == null || !schemas.isArray()) {
            return false;
        }
        for (JsonNode s : schemas) {
            if (s.isTextual() && s.asText().equalsIgnoreCase(SchemaUrns.PATCH_OP)) {
                return true;
            }
        }
        return false;
    }

    private static PatchOperation readOperation(JsonNode node, int index) {
        if (!node.isObject()) {
            throw ScimException.invalidSyntax("Operation " + index + " must be a JSON object, not "
                    + ScimJson.describe(node));
        }
        JsonNode op = ScimJson.getIgnoreCase(node, "op");
        if (op == null || !op.isTextual()) {
            throw ScimException.invalidSyntax("Operation " + index + " needs an \"op\" string");
        }
        PatchOperationType type;
        try {
            type = PatchOperationType.fromWireName(op.asText());
        } catch (ScimException e) {
            throw ScimException.invalidSyntax("Operation " + index + ": " + e.detail());
        }
        JsonNode path = ScimJson.getIgnoreCase(node, "path");
        Optional<String> pathText;
        if (path == null || path.isNull()) {
            pathText = Optional.empty();
        } else if (path.isTextual()) {
            pathText = path.asText().isBlank() ? Optional.empty() : Optional.of(path.asText());
        } else {
            throw ScimException.invalidPath("Operation " + index + ": \"path\" must be a string");
        }
        return new PatchOperation(type, pathText, Optional.ofNullable(ScimJson.getIgnoreCase(node, "value")));
    }
}
