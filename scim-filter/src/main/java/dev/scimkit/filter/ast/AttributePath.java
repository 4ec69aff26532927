package dev.scimkit.filter.ast;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribute path of RFC 7644 §3.10: an optional schema URN, an attribute name and an optional
 * sub-attribute name ({@code urn:…:User:manager.value}, {@code name.givenName}, {@code userName}).
 *
 * <p>Names keep the spelling the client used; {@link #equals} ignores case because attribute names
 * are case-insensitive (RFC 7643 §2.1).
 */
public final class AttributePath {

    private final String schemaUrn;
    private final String attribute;
    private final String subAttribute;

    private AttributePath(String schemaUrn, String attribute, String subAttribute) {
        this.schemaUrn = schemaUrn == null || schemaUrn.isEmpty() ? null : schemaUrn;
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.subAttribute = subAttribute == null || subAttribute.isEmpty() ? null : subAttribute;
    }

    public static AttributePath of(String attribute) {
        return new AttributePath(null, attribute, null);
    }

    public static AttributePath of(String attribute, String subAttribute) {
        return new AttributePath(null, attribute, subAttribute);
    }

    /** A path with an optional URN and sub-attribute (null or empty means absent). */
    public static AttributePath of(String schemaUrn, String attribute, String subAttribute) {
        return new AttributePath(schemaUrn, attribute, subAttribute);
    }

    public Optional<String> schemaUrn() {
        return Optional.ofNullable(schemaUrn);
    }

    public String attribute() {
        return attribute;
    }

    public Optional<String> subAttribute() {
        return Optional.ofNullable(subAttribute);
    }

    /** The same path with another sub-attribute. */
    public AttributePath withSubAttribute(String sub) {
        return new AttributePath(schemaUrn, attribute, sub);
    }

    /** The same path without its sub-attribute. */
    public AttributePath parent() {
        return new AttributePath(schemaUrn, attribute, null);
    }

    /** Canonical text: {@code urn:attr.sub}, the form the filter printer writes. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (schemaUrn != null) {
            sb.append(schemaUrn).append(':');
        }
        sb.append(attribute);
        if (subAttribute != null) {
            sb.append('.').append(subAttribute);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttributePath other)) {
            return false;
        }
        return equalsIgnoreCase(schemaUrn, other.schemaUrn)
                && attribute.equalsIgnoreCase(other.attribute)
                && equalsIgnoreCase(subAttribute, other.subAttribute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lower(schemaUrn), lower(attribute), lower(subAttribute));
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
