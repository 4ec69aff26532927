package dev.scimkit.filter.eval;

import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.AttributePath;

import java.util.Optional;

/**
 * Where the attribute paths of a filter are resolved: at the top of a resource, or inside one value of
 * a complex attribute (the filter between {@code [} and {@code ]}).
 */
interface PathScope {

    Optional<ResolvedPath> resolve(AttributePath path);

    /** The scope of a value filter on {@code parent}. */
    static PathScope within(AttributeDefinition parent) {
        return path -> ResolvedPath.resolveWithin(parent, path);
    }

    static PathScope of(ResourceTypeDefinition type) {
        return path -> ResolvedPath.resolve(type, path);
    }

    /** Inside a value filter on an attribute the schema does not know: nothing resolves. */
    PathScope UNKNOWN = path -> Optional.empty();
}
