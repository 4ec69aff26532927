package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.ResourceTypeDefinition;

/**
 * Checks and normalises resources against their resource type's schemas (RFC 7643 §2, §7).
 * CONTRACT (implementation pending): see the method docs.
 */
public final class ResourceValidator {

    private final ResourceTypeDefinition type;

    public ResourceValidator(ResourceTypeDefinition type) {
        this.type = type;
    }

    public ResourceTypeDefinition type() {
        return type;
    }

    /**
     * Validates a client's create body and returns a new, normalised tree: attribute names in schema
     * spelling, extension attributes under their URN key with the URN in {@code schemas}, string
     * booleans coerced, readOnly input dropped, explicit nulls removed. Throws ScimException (400) for
     * wrong types, missing required attributes, bad canonical values, more than one primary.
     */
    public ObjectNode validateForCreate(JsonNode body) {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Validates a PUT body against the stored resource: like create, plus immutable attributes may not
     * change (400 mutability) and readOnly attributes are carried over from {@code existing}.
     */
    public ObjectNode validateForReplace(JsonNode body, ObjectNode existing) {
        throw new UnsupportedOperationException("pending");
    }

    /**
     * Checks that an already-normalised resource (a PATCH result) satisfies the schema: required
     * attributes, types, single vs multi-valued, canonical values, at most one primary.
     */
    public void checkSatisfiesSchema(ObjectNode resource) {
        throw new UnsupportedOperationException("pending");
    }
}
