package dev.scimkit.server.spi;

import dev.scimkit.filter.ast.AttributePath;

import java.util.List;
import java.util.Objects;

/**
 * The {@code attributes} and {@code excludedAttributes} of a request (RFC 7644 §3.4.2.5), parsed.
 * At most one of the two lists is non-empty. A bare schema URN ({@code attributes=urn:…:enterprise:2.0:User})
 * appears as a path whose {@link AttributePath#attribute()} is the URN itself.
 *
 * <p>A repository may use the projection to avoid loading what will not be returned (the members of
 * a large group); it may also ignore it, because the engine applies the projection, together with
 * the schema's {@code returned} characteristics, to whatever the repository answers.
 *
 * @param attributes         the attributes to return (plus those returned always); empty means the defaults
 * @param excludedAttributes the attributes to leave out of the defaults
 */
public record Projection(List<AttributePath> attributes, List<AttributePath> excludedAttributes) {

    /** The default representation: every attribute whose {@code returned} is always or default. */
    public static final Projection DEFAULT = new Projection(List.of(), List.of());

    public Projection {
        attributes = List.copyOf(attributes);
        excludedAttributes = List.copyOf(excludedAttributes);
        if (!attributes.isEmpty() && !excludedAttributes.isEmpty()) {
            throw new IllegalArgumentException("attributes and excludedAttributes are mutually exclusive");
        }
    }

    public static Projection attributes(List<AttributePath> attributes) {
        return new Projection(attributes, List.of());
    }

    public static Projection excluding(List<AttributePath> excluded) {
        return new Projection(List.of(), excluded);
    }

    public boolean isDefault() {
        return attributes.isEmpty() && excludedAttributes.isEmpty();
    }

    /**
     * Whether the engine will drop the top-level attribute {@code name} of the core schema (ignoring
     * case), so a repository need not load it: it is excluded as a whole, or {@code attributes} is
     * given and names neither it nor one of its sub-attributes.
     */
    public boolean mayOmit(String name) {
        Objects.requireNonNull(name, "name");
        // Loops, not streams: every PATCH of a group asks this (a stream pipeline showed in its profile).
        if (!attributes.isEmpty()) {
            for (AttributePath p : attributes) {
                if (p.attribute().equalsIgnoreCase(name)) {
                    return false;
                }
            }
            return true;
        }
        for (AttributePath p : excludedAttributes) {
            if (p.attribute().equalsIgnoreCase(name) && p.subAttribute().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
