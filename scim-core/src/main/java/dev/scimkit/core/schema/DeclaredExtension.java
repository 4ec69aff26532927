package dev.scimkit.core.schema;

import java.util.Objects;

/**
 * An extension schema declared as data, with the resource type it extends.
 *
 * @param resourceType the name of the resource type it extends, such as {@code User}
 * @param schema       the extension schema
 * @param required     whether every resource of the type must carry it (RFC 7643 §6 {@code required})
 * @param source       where it was declared (a file name), for error messages
 */
public record DeclaredExtension(String resourceType, SchemaDefinition schema, boolean required, String source) {
    public DeclaredExtension {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(source, "source");
    }
}
