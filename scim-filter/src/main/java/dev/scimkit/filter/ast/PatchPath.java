package dev.scimkit.filter.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code path} of a PATCH operation (RFC 7644 §3.5.2, {@code PATH = attrPath / valuePath [subAttr]}):
 * an attribute path, optionally narrowed by a value filter, optionally followed by a sub-attribute of
 * the selected values ({@code emails[type eq "work"].value}).
 *
 * <p>When {@code valueFilter} is absent, {@code attribute} may itself carry a sub-attribute
 * ({@code name.givenName}); when it is present, the sub-attribute after {@code ]} is
 * {@code valueSubAttribute}.
 */
public record PatchPath(AttributePath attribute, Optional<Filter> valueFilter, Optional<String> valueSubAttribute) {
    public PatchPath {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(valueFilter, "valueFilter");
        Objects.requireNonNull(valueSubAttribute, "valueSubAttribute");
        if (valueFilter.isEmpty() && valueSubAttribute.isPresent()) {
            throw new IllegalArgumentException("A sub-attribute after ']' needs a value filter");
        }
    }

    public static PatchPath of(AttributePath attribute) {
        return new PatchPath(attribute, Optional.empty(), Optional.empty());
    }

    /** Canonical text: {@code attr[filter].sub}, which {@code Filters.parsePatchPath} reads back. */
    @Override
    public String toString() {
        return attribute + valueFilter.map(f -> "[" + FilterPrinter.print(f) + "]").orElse("")
                + valueSubAttribute.map(s -> "." + s).orElse("");
    }
}
