package dev.scimkit.core.message;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.Optional;

/**
 * One operation of a PATCH request as the client sent it: the op, the raw path text (parsed later by
 * the PATCH engine with the filter grammar) and the raw JSON value.
 *
 * @param op    add, replace or remove
 * @param path  the {@code path} member, absent for path-less operations
 * @param value the {@code value} member, absent when the client sent none
 */
public record PatchOperation(PatchOperationType op, Optional<String> path, Optional<JsonNode> value) {
    public PatchOperation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }

    public static PatchOperation of(PatchOperationType op, String path, JsonNode value) {
        return new PatchOperation(op, Optional.ofNullable(path), Optional.ofNullable(value));
    }
}
