package dev.scimkit.patch;

import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.filter.ast.Filter;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one operation acts, resolved against the schema: a top-level attribute (core or extension),
 * optionally narrowed by a value filter, optionally down to one sub-attribute.
 *
 * @param attribute the top-level attribute and the schema that defines it
 * @param filter    the value-selection filter of {@code attr[filter]}
 * @param sub       the sub-attribute of {@code attr.sub} or {@code attr[filter].sub}
 * @param text      the path for error details, as the client wrote it
 */
record Target(ResolvedAttribute attribute, Optional<Filter> filter, Optional<AttributeDefinition> sub, String text) {

    Target {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sub, "sub");
        Objects.requireNonNull(text, "text");
    }

    AttributeDefinition def() {
        return attribute.attribute();
    }

    /** The extension URN whose object holds the attribute; empty for core and common attributes. */
    Optional<String> extensionUrn() {
        return attribute.extension() ? Optional.of(attribute.schema().id()) : Optional.empty();
    }

    boolean whole() {
        return filter.isEmpty() && sub.isEmpty();
    }

    /** The canonical attribute path without filter, for touched-attribute reporting. */
    String canonicalAttribute() {
        return extensionUrn().map(u -> u + ":").orElse("") + def().name();
    }

    /** Whether this is the group's {@code members} attribute, whose changes can travel as a delta. */
    boolean isMembers() {
        return !attribute.extension() && def().name().equalsIgnoreCase("members")
                && def().isComplex() && def().multiValued();
    }
}
