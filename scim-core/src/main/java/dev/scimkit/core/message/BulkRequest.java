package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaUrns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code BulkRequest} message (RFC 7644 §3.7).
 *
 * @param failOnErrors stop after this many errors (absent: process every operation)
 * @param operations   the operations in request order; {@code bulkId}s are unique
 */
public record BulkRequest(Optional<Integer> failOnErrors, List<BulkOperation> operations) {

    public BulkRequest {
        Objects.requireNonNull(failOnErrors, "failOnErrors");
        operations = List.copyOf(operations);
        if (failOnErrors.isPresent() && failOnErrors.get() < 1) {
            throw ScimException.invalidValue("failOnErrors must be a positive integer, not " + failOnErrors.get());
        }
        if (operations.isEmpty()) {
            throw ScimException.invalidValue("A BulkRequest needs at least one operation");
        }
        Set<String> seen = new HashSet<>();
        for (BulkOperation op : operations) {
            if (op.bulkId().isPresent() && !seen.add(op.bulkId().get())) {
                throw ScimException.invalidValue("bulkId '" + Messages.abbreviate(op.bulkId().get())
                        + "' is used by more than one operation");
            }
        }
    }

    /**
     * Reads a BulkRequest body.
     *
     * @param maxOperations the {@code bulk.maxOperations} the server advertises; more is a 413
     * @param requireSchema whether {@code schemas} must list the BulkRequest URN
     */
    public static BulkRequest fromJson(JsonNode body, int maxOperations, boolean requireSchema) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A BulkRequest body must be a JSON object, not " + ScimJson.describe(body));
        }
        if (requireSchema && !Messages.listsSchema(body, SchemaUrns.BULK_REQUEST)) {
            throw ScimException.invalidSyntax("A BulkRequest must list \"" + SchemaUrns.BULK_REQUEST + "\" in schemas");
        }
        JsonNode ops = ScimJson.getIgnoreCase(body, "Operations");
        if (ops == null || !ops.isArray()) {
            throw ScimException.invalidSyntax("A BulkRequest needs an \"Operations\" array, found " + ScimJson.describe(ops));
        }
        if (ops.size() > maxOperations) {
            // RFC 7644 §3.7.4: exceeding maxOperations is 413 Payload Too Large.
            throw ScimException.status(413, "A BulkRequest may carry at most " + maxOperations
                    + " operations; this one has " + ops.size());
        }
        JsonNode fail = ScimJson.getIgnoreCase(body, "failOnErrors");
        Optional<Integer> failOnErrors = Optional.empty();
        if (fail != null && !fail.isNull()) {
            if (!fail.isIntegralNumber() || !fail.canConvertToInt()) {
                throw ScimException.invalidValue("failOnErrors must be a positive integer, not " + ScimJson.describe(fail));
            }
            failOnErrors = Optional.of(fail.intValue());
        }
        List<BulkOperation> operations = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            operations.add(BulkOperation.fromJson(ops.get(i), i));
        }
        return new BulkRequest(failOnErrors, operations);
    }

    public ObjectNode toJson() {
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.BULK_REQUEST);
        failOnErrors.ifPresent(f -> out.put("failOnErrors", f));
        ArrayNode ops = out.putArray("Operations");
        operations.forEach(op -> ops.add(op.toJson()));
        return out;
    }
}
