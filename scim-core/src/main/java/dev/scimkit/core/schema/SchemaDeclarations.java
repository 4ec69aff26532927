package dev.scimkit.core.schema;

import java.util.List;

/**
 * What a schema directory declares (see {@link SchemaFiles#readDirectory}): resource types of its own,
 * and extensions, each placed on the resource type it names (a standard one or one declared here).
 *
 * @param resourceTypes the declared resource types, in file name order
 * @param extensions    the declared extensions that are not part of a declared resource type's file
 */
public record SchemaDeclarations(List<DeclaredResourceType> resourceTypes, List<DeclaredExtension> extensions) {
    public SchemaDeclarations {
        resourceTypes = List.copyOf(resourceTypes);
        extensions = List.copyOf(extensions);
    }

    /** Nothing declared. */
    public static SchemaDeclarations none() {
        return new SchemaDeclarations(List.of(), List.of());
    }
}
