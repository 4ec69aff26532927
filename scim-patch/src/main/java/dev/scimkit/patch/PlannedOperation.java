package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.message.PatchOperationType;

import java.util.Objects;
import java.util.Optional;

/**
 * One RFC 7644 operation ready to apply: a resolved target and a value already checked and coerced to
 * its schema type. Dialect rewriting has happened before; nothing here is client-specific.
 *
 * @param index           index of the request operation this came from (for error details)
 * @param op              add, replace or remove
 * @param target          where it acts
 * @param value           the conformed value; for remove empty, or the values to take out of a simple
 *                        multi-valued attribute (Entra ID's remove by value)
 * @param expectUnchanged the operation only asserts that a readOnly attribute keeps its value
 *                        (a no-op when equal, 400 mutability otherwise)
 * @param seedWhenNoMatch for a filtered add/replace: the element to create when the filter matches
 *                        nothing; empty means 400 noTarget (RFC 7644 §3.5.2.3)
 */
record PlannedOperation(int index, PatchOperationType op, Target target, Optional<JsonNode> value,
                        boolean expectUnchanged, Optional<ObjectNode> seedWhenNoMatch) {
    PlannedOperation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(seedWhenNoMatch, "seedWhenNoMatch");
    }

    /** For error details: {@code replace emails[type eq "work"].value}. */
    String describe() {
        return op.wireName() + " " + target.text();
    }
}
