package dev.scimkit.core.schema;

import java.util.Objects;

/**
 * An attribute found on a resource type, with the schema it belongs to. For {@code id},
 * {@code externalId} and {@code meta} the schema is the resource type's core schema.
 *
 * @param schema    the schema that defines the attribute
 * @param attribute the attribute
 * @param extension whether {@code schema} is an extension (its values live under the schema URN key)
 */
public record ResolvedAttribute(SchemaDefinition schema, AttributeDefinition attribute, boolean extension) {
    public ResolvedAttribute {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(attribute, "attribute");
    }
}
