package dev.scimkit.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource type (RFC 7643 §6): a name, an endpoint, a core schema and its extensions. Resolves
 * attribute names against them, ignoring case as RFC 7643 §2.1 asks.
 */
public final class ResourceTypeDefinition {

    private final String name;
    private final String endpoint;
    private final String description;
    private final SchemaDefinition schema;
    private final List<SchemaExtension> extensions;

    public ResourceTypeDefinition(String name, String endpoint, String description, SchemaDefinition schema,
                                  List<SchemaExtension> extensions) {
        this.name = Objects.requireNonNull(name, "name");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.description = description == null ? "" : description;
        this.schema = Objects.requireNonNull(schema, "schema");
        this.extensions = List.copyOf(extensions);
    }

    /** The resource type name, such as {@code User}. */
    public String name() {
        return name;
    }

    /** The endpoint relative to the base URL, such as {@code /Users}. */
    public String endpoint() {
        return endpoint;
    }

    public String description() {
        return description;
    }

    /** The core schema. */
    public SchemaDefinition schema() {
        return schema;
    }

    public List<SchemaExtension> extensions() {
        return extensions;
    }

    /** Finds an extension by its schema URN, ignoring case. */
    public Optional<SchemaExtension> extension(String urn) {
        for (SchemaExtension e : extensions) {
            if (e.schema().id().equalsIgnoreCase(urn)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code urn} names the core schema or one of the extensions (ignoring case). */
    public boolean hasSchema(String urn) {
        return schema.id().equalsIgnoreCase(urn) || extension(urn).isPresent();
    }

    /**
     * Resolves a top-level attribute name that carries no schema URN: the common attributes, then the
     * core schema. Extension attributes are found only through {@link #resolve(String, String)} with
     * their URN, since their values live in the extension's own object.
     */
    public Optional<ResolvedAttribute> resolve(String attributeName) {
        Optional<AttributeDefinition> common = CommonAttributes.find(attributeName);
        if (common.isPresent()) {
            return Optional.of(new ResolvedAttribute(schema, common.get(), false));
        }
        return schema.attribute(attributeName).map(a -> new ResolvedAttribute(schema, a, false));
    }

    /**
     * Resolves an attribute name qualified by a schema URN (null or empty means unqualified).
     */
    public Optional<ResolvedAttribute> resolve(String schemaUrn, String attributeName) {
        if (schemaUrn == null || schemaUrn.isEmpty() || schema.id().equalsIgnoreCase(schemaUrn)) {
            return resolve(attributeName);
        }
        return extension(schemaUrn)
                .flatMap(e -> e.schema().attribute(attributeName)
                        .map(a -> new ResolvedAttribute(e.schema(), a, true)));
    }

    @Override
    public String toString() {
        return "ResourceTypeDefinition[" + name + " at " + endpoint + "]";
    }
}
