package dev.scimkit.core.schema;

import java.util.List;
import java.util.Objects;

/**
 * A resource type declared as data (RFC 7643 §6), with its core schema and extensions resolved from
 * the schema files beside it.
 *
 * @param type   the resource type, ready to register
 * @param source the file that declared it, for error messages
 */
public record DeclaredResourceType(ResourceTypeDefinition type, String source) {
    public DeclaredResourceType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }

    /** The schemas this type brings: its core schema, then its extensions. */
    public List<SchemaDefinition> schemas() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(type.schema()),
                type.extensions().stream().map(SchemaExtension::schema)).toList();
    }
}
