package dev.scimkit.core.schema;

import java.util.Objects;

/**
 * A schema extension of a resource type (RFC 7643 §6, {@code schemaExtensions}).
 *
 * @param schema   the extension schema
 * @param required whether every resource of the type must carry the extension
 */
public record SchemaExtension(SchemaDefinition schema, boolean required) {
    public SchemaExtension {
        Objects.requireNonNull(schema, "schema");
    }
}
