package dev.scimkit.core.schema;

import dev.scimkit.core.json.ScimJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** Unqualified names (common + core) resolved once: exact spelling, then lower-cased. */
    private final NameTable unqualified;
    /** Per extension, in {@link #extensions} order. */
    private final List<NameTable> extensionTables;

    public ResourceTypeDefinition(String name, String endpoint, String description, SchemaDefinition schema,
                                  List<SchemaExtension> extensions) {
        this.name = Objects.requireNonNull(name, "name");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.description = description == null ? "" : description;
        this.schema = Objects.requireNonNull(schema, "schema");
        this.extensions = List.copyOf(extensions);
        List<ResolvedAttribute> core = new ArrayList<>();
        for (AttributeDefinition a : schema.attributes()) {
            core.add(new ResolvedAttribute(schema, a, false));
        }
        for (AttributeDefinition a : CommonAttributes.ALL) {
            core.add(new ResolvedAttribute(schema, a, false));    // last, so they win as resolve(name) says
        }
        this.unqualified = new NameTable(core);
        List<NameTable> tables = new ArrayList<>();
        for (SchemaExtension e : this.extensions) {
            List<ResolvedAttribute> attrs = new ArrayList<>();
            for (AttributeDefinition a : e.schema().attributes()) {
                attrs.add(new ResolvedAttribute(e.schema(), a, true));
            }
            tables.add(new NameTable(attrs));
        }
        this.extensionTables = List.copyOf(tables);
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
        int i = extensionIndex(urn);
        return i < 0 ? Optional.empty() : Optional.of(extensions.get(i));
    }

    private int extensionIndex(String urn) {
        for (int i = 0; i < extensions.size(); i++) {
            if (ScimJson.sameName(extensions.get(i).schema().id(), urn)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code urn} names the core schema or one of the extensions (ignoring case). */
    public boolean hasSchema(String urn) {
        return ScimJson.sameName(schema.id(), urn) || extension(urn).isPresent();
    }

    /**
     * Resolves a top-level attribute name that carries no schema URN: the common attributes, then the
     * core schema. Extension attributes are found only through {@link #resolve(String, String)} with
     * their URN, since their values live in the extension's own object.
     */
    public Optional<ResolvedAttribute> resolve(String attributeName) {
        return unqualified.find(attributeName);
    }

    /**
     * Resolves an attribute name qualified by a schema URN (null or empty means unqualified).
     */
    public Optional<ResolvedAttribute> resolve(String schemaUrn, String attributeName) {
        if (schemaUrn == null || schemaUrn.isEmpty() || schema.id().equalsIgnoreCase(schemaUrn)) {
            return resolve(attributeName);
        }
        int i = extensionIndex(schemaUrn);
        return i < 0 ? Optional.empty() : extensionTables.get(i).find(attributeName);
    }

    /**
     * The single-valued string attributes whose schema asks for unique values ({@code uniqueness}
     * server or global, RFC 7643 §2.1), in the core schema and in every extension: what a store keeps
     * unique per tenant.
     */
    public List<ResolvedAttribute> uniqueAttributes() {
        List<ResolvedAttribute> out = new ArrayList<>();
        for (AttributeDefinition a : schema.attributes()) {
            if (isUniqueString(a)) {
                out.add(new ResolvedAttribute(schema, a, false));
            }
        }
        for (SchemaExtension e : extensions) {
            for (AttributeDefinition a : e.schema().attributes()) {
                if (isUniqueString(a)) {
                    out.add(new ResolvedAttribute(e.schema(), a, true));
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean isUniqueString(AttributeDefinition a) {
        return a.uniqueness() != Uniqueness.NONE && a.type() == AttributeType.STRING && !a.multiValued();
    }

    @Override
    public String toString() {
        return "ResourceTypeDefinition[" + name + " at " + endpoint + "]";
    }

    /**
     * Attributes by name, resolved once when the type is built: lookups on every filter comparison,
     * PATCH path and validated member then allocate nothing (names usually come in schema spelling,
     * so the exact map answers before any lower-casing).
     */
    private static final class NameTable {
        private final Map<String, Optional<ResolvedAttribute>> byName = new HashMap<>();
        private final Map<String, Optional<ResolvedAttribute>> byLowerName = new HashMap<>();

        NameTable(List<ResolvedAttribute> attributes) {
            for (ResolvedAttribute r : attributes) {
                byLowerName.put(r.attribute().name().toLowerCase(Locale.ROOT), Optional.of(r));
            }
            for (ResolvedAttribute r : attributes) {
                Optional<ResolvedAttribute> winner = byLowerName.get(r.attribute().name().toLowerCase(Locale.ROOT));
                if (winner.get() == r) {
                    byName.put(r.attribute().name(), winner);
                }
            }
        }

        Optional<ResolvedAttribute> find(String name) {
            Optional<ResolvedAttribute> exact = byName.get(name);
            if (exact != null) {
                return exact;
            }
            Optional<ResolvedAttribute> lower = byLowerName.get(name.toLowerCase(Locale.ROOT));
            return lower != null ? lower : Optional.empty();
        }
    }
}
