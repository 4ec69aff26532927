package dev.scimkit.core.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a schema with every characteristic of RFC 7643 §2.2 and §7. Immutable; build one
 * with {@link #builder(String, AttributeType)}.
 *
 * <p>Sub-attributes are looked up without regard to case, as RFC 7643 §2.1 requires of attribute names.
 */
public final class AttributeDefinition {

    private final String name;
    private final AttributeType type;
    private final boolean multiValued;
    private final String description;
    private final boolean required;
    private final boolean caseExact;
    private final Mutability mutability;
    private final Returned returned;
    private final Uniqueness uniqueness;
    private final List<String> canonicalValues;
    private final boolean canonicalValuesClosed;
    private final List<String> referenceTypes;
    private final List<AttributeDefinition> subAttributes;
    private final Map<String, AttributeDefinition> subAttributesByName;
    private final Map<String, AttributeDefinition> subAttributesByLowerName;

    private AttributeDefinition(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.multiValued = b.multiValued;
        this.description = b.description;
        this.required = b.required;
        this.caseExact = b.caseExact;
        this.mutability = b.mutability;
        this.returned = b.returned;
        this.uniqueness = b.uniqueness;
        this.canonicalValues = List.copyOf(b.canonicalValues);
        this.canonicalValuesClosed = b.canonicalValuesClosed;
        this.referenceTypes = List.copyOf(b.referenceTypes);
        this.subAttributes = List.copyOf(b.subAttributes);
        Map<String, AttributeDefinition> byName = new HashMap<>();
        Map<String, AttributeDefinition> byLowerName = new LinkedHashMap<>();
        for (AttributeDefinition sub : subAttributes) {
            byName.put(sub.name, sub);
            byLowerName.put(sub.name.toLowerCase(Locale.ROOT), sub);
        }
        this.subAttributesByName = Collections.unmodifiableMap(byName);
        this.subAttributesByLowerName = Collections.unmodifiableMap(byLowerName);
    }

    public static Builder builder(String name, AttributeType type) {
        return new Builder(name, type);
    }

    /** A builder that starts as a copy of this definition. */
    public Builder toBuilder() {
        Builder b = new Builder(name, type);
        b.multiValued = multiValued;
        b.description = description;
        b.required = required;
        b.caseExact = caseExact;
        b.mutability = mutability;
        b.returned = returned;
        b.uniqueness = uniqueness;
        b.canonicalValues.addAll(canonicalValues);
        b.canonicalValuesClosed = canonicalValuesClosed;
        b.referenceTypes.addAll(referenceTypes);
        b.subAttributes.addAll(subAttributes);
        return b;
    }

    public String name() {
        return name;
    }

    public AttributeType type() {
        return type;
    }

    public boolean multiValued() {
        return multiValued;
    }

    public String description() {
        return description;
    }

    public boolean required() {
        return required;
    }

    public boolean caseExact() {
        return caseExact;
    }

    public Mutability mutability() {
        return mutability;
    }

    public Returned returned() {
        return returned;
    }

    public Uniqueness uniqueness() {
        return uniqueness;
    }

    /** Canonical values; empty when the schema does not restrict them. */
    public List<String> canonicalValues() {
        return canonicalValues;
    }

    /**
     * Whether {@link #canonicalValues()} is a closed set that values must come from. RFC 7643 §7 calls
     * canonical values "suggested" values that "MAY be used", and real clients send others (Entra ID
     * sends {@code emails.type} values such as {@code "mail"}), so the RFC schemas leave every list
     * open; a service provider flags a list closed when its backend only understands those values.
     */
    public boolean canonicalValuesClosed() {
        return canonicalValuesClosed;
    }

    public List<String> referenceTypes() {
        return referenceTypes;
    }

    /** Sub-attributes in schema order; empty unless the type is {@link AttributeType#COMPLEX}. */
    public List<AttributeDefinition> subAttributes() {
        return subAttributes;
    }

    /** Finds a sub-attribute by name, ignoring case. */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        // Names usually arrive in schema spelling: try that before lower-casing (which allocates).
        AttributeDefinition exact = subAttributesByName.get(subName);
        return Optional.ofNullable(exact != null ? exact
                : subAttributesByLowerName.get(subName.toLowerCase(Locale.ROOT)));
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    @Override
    public String toString() {
        return "AttributeDefinition[" + name + ", " + type.wireName() + (multiValued ? "[]" : "") + "]";
    }

    /** Builds an {@link AttributeDefinition}; defaults follow RFC 7643 §2.2. */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean multiValued;
        private String description = "";
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private final List<String> canonicalValues = new ArrayList<>();
        private boolean canonicalValuesClosed;
        private final List<String> referenceTypes = new ArrayList<>();
        private final List<AttributeDefinition> subAttributes = new ArrayList<>();

        private Builder(String name, AttributeType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder multiValued(boolean value) {
            this.multiValued = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value == null ? "" : value;
            return this;
        }

        public Builder required(boolean value) {
            this.required = value;
            return this;
        }

        public Builder caseExact(boolean value) {
            this.caseExact = value;
            return this;
        }

        public Builder mutability(Mutability value) {
            this.mutability = Objects.requireNonNull(value);
            return this;
        }

        public Builder returned(Returned value) {
            this.returned = Objects.requireNonNull(value);
            return this;
        }

        public Builder uniqueness(Uniqueness value) {
            this.uniqueness = Objects.requireNonNull(value);
            return this;
        }

        public Builder canonicalValues(List<String> values) {
            this.canonicalValues.clear();
            this.canonicalValues.addAll(values);
            return this;
        }

        /** Makes the canonical values a closed set (see {@link AttributeDefinition#canonicalValuesClosed()}). */
        public Builder canonicalValuesClosed(boolean value) {
            this.canonicalValuesClosed = value;
            return this;
        }

        public Builder referenceTypes(List<String> values) {
            this.referenceTypes.clear();
            this.referenceTypes.addAll(values);
            return this;
        }

        public Builder subAttributes(List<AttributeDefinition> values) {
            this.subAttributes.clear();
            this.subAttributes.addAll(values);
            return this;
        }

        public Builder addSubAttribute(AttributeDefinition value) {
            this.subAttributes.add(Objects.requireNonNull(value));
            return this;
        }

        public AttributeDefinition build() {
            if (!subAttributes.isEmpty() && type != AttributeType.COMPLEX) {
                throw new IllegalStateException("Only complex attributes have sub-attributes: " + name);
            }
            if (canonicalValuesClosed && canonicalValues.isEmpty()) {
                throw new IllegalStateException("A closed canonical value set needs values: " + name);
            }
            return new AttributeDefinition(this);
        }
    }
}
