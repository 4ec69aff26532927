package dev.scimkit.core.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema (RFC 7643 §7): a URN id, a name and its top-level attributes. Immutable.
 */
public final class SchemaDefinition {

    private final String id;
    private final String name;
    private final String description;
    private final List<AttributeDefinition> attributes;
    private final Map<String, AttributeDefinition> attributesByName;
    private final Map<String, AttributeDefinition> attributesByLowerName;

    public SchemaDefinition(String id, String name, String description, List<AttributeDefinition> attributes) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? "" : name;
        this.description = description == null ? "" : description;
        this.attributes = List.copyOf(attributes);
        Map<String, AttributeDefinition> byName = new HashMap<>();
        Map<String, AttributeDefinition> byLowerName = new LinkedHashMap<>();
        for (AttributeDefinition a : this.attributes) {
            byName.put(a.name(), a);
            byLowerName.put(a.name().toLowerCase(Locale.ROOT), a);
        }
        this.attributesByName = Collections.unmodifiableMap(byName);
        this.attributesByLowerName = Collections.unmodifiableMap(byLowerName);
    }

    /** The schema URN, such as {@code urn:ietf:params:scim:schemas:core:2.0:User}. */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<AttributeDefinition> attributes() {
        return attributes;
    }

    /** Finds a top-level attribute by name, ignoring case. */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        return Optional.ofNullable(find(attributeName));
    }

    /** {@link #attribute(String)} without the Optional: null when absent. Schema spelling needs no lower-casing. */
    AttributeDefinition find(String attributeName) {
        AttributeDefinition exact = attributesByName.get(attributeName);
        return exact != null ? exact : attributesByLowerName.get(attributeName.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "SchemaDefinition[" + id + "]";
    }
}
