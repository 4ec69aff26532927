package dev.scimkit.core.schema;

import java.util.Objects;

/**
 * An attribute found on a resource type, with the schema it belongs to. For {@code id},
 * {@code externalId} and {@code meta} the schema is the resource type's core schema.
 *
 * @param schema    the schema that defines the attribute
 * @param attribute the attribute
 * @param extension whether {@code schema} is an extension (its values live under the schema URN key)
 */
public record ResolvedAttribute(SchemaDefinition schema, AttributeDefinition attribute, boolean extension) {
    public ResolvedAttribute {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(attribute, "attribute");
    }

    /** The name a filter or PATCH path uses: qualified by the schema URN for an extension's attribute. */
    public String qualifiedName() {
        return extension ? schema.id() + ":" + attribute.name() : attribute.name();
    }

    /**
     * The attribute's value in {@code resource} (names compared without regard to case, an
     * extension's attribute inside the extension's object), or null when absent.
     */
    public com.fasterxml.jackson.databind.JsonNode valueIn(com.fasterxml.jackson.databind.JsonNode resource) {
        com.fasterxml.jackson.databind.JsonNode holder = extension
                ? dev.scimkit.core.json.ScimJson.getIgnoreCase(resource, schema.id()) : resource;
        return holder == null || !holder.isObject() ? null
                : dev.scimkit.core.json.ScimJson.getIgnoreCase(holder, attribute.name());
    }
}
