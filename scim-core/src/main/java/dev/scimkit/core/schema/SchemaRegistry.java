package dev.scimkit.core.schema;

import dev.scimkit.core.json.ScimJson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas and resource types a service provider knows, looked up without regard to case.
 * Immutable once built; {@link #standard()} holds RFC 7643's User (with the enterprise extension)
 * and Group, and {@link #toBuilder()} lets an embedding application add its own schemas,
 * extensions and resource types.
 */
public final class SchemaRegistry {

    private static final SchemaRegistry STANDARD = loadStandard();

    private final Map<String, SchemaDefinition> schemasByLowerId;
    private final Map<String, ResourceTypeDefinition> typesByLowerName;
    private final Map<String, ResourceTypeDefinition> typesByLowerEndpoint;

    private SchemaRegistry(Builder b) {
        this.schemasByLowerId = Collections.unmodifiableMap(new LinkedHashMap<>(b.schemas));
        this.typesByLowerName = Collections.unmodifiableMap(new LinkedHashMap<>(b.typesByName));
        Map<String, ResourceTypeDefinition> byEndpoint = new LinkedHashMap<>();
        for (ResourceTypeDefinition t : b.typesByName.values()) {
            byEndpoint.put(normaliseEndpoint(t.endpoint()), t);
        }
        this.typesByLowerEndpoint = Collections.unmodifiableMap(byEndpoint);
    }

    /** RFC 7643's schemas: User (+ enterprise extension), Group, and the three discovery schemas. */
    public static SchemaRegistry standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with everything this registry holds. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schemas.putAll(schemasByLowerId);
        b.typesByName.putAll(typesByLowerName);
        return b;
    }

    public Optional<SchemaDefinition> schema(String urn) {
        return Optional.ofNullable(schemasByLowerId.get(urn.toLowerCase(Locale.ROOT)));
    }

    public Collection<SchemaDefinition> schemas() {
        return schemasByLowerId.values();
    }

    public Optional<ResourceTypeDefinition> resourceType(String name) {
        return Optional.ofNullable(typesByLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Finds the resource type served at an endpoint ({@code /Users}, {@code Users}; any case). */
    public Optional<ResourceTypeDefinition> resourceTypeByEndpoint(String endpoint) {
        return Optional.ofNullable(typesByLowerEndpoint.get(normaliseEndpoint(endpoint)));
    }

    public Collection<ResourceTypeDefinition> resourceTypes() {
        return typesByLowerName.values();
    }

    /** The standard User resource type. */
    public ResourceTypeDefinition user() {
        return resourceType("User").orElseThrow();
    }

    /** The standard Group resource type. */
    public ResourceTypeDefinition group() {
        return resourceType("Group").orElseThrow();
    }

    private static String normaliseEndpoint(String endpoint) {
        String e = endpoint.startsWith("/") ? endpoint.substring(1) : endpoint;
        return e.toLowerCase(Locale.ROOT);
    }

    private static SchemaRegistry loadStandard() {
        SchemaDefinition user = load("User.json");
        SchemaDefinition group = load("Group.json");
        SchemaDefinition enterprise = load("EnterpriseUser.json");
        return builder()
                .addSchema(user)
                .addSchema(group)
                .addSchema(enterprise)
                .addSchema(load("ServiceProviderConfig.json"))
                .addSchema(load("ResourceType.json"))
                .addSchema(load("Schema.json"))
                .addResourceType(new ResourceTypeDefinition("User", "/Users", "User Account", user,
                        List.of(new SchemaExtension(enterprise, false))))
                .addResourceType(new ResourceTypeDefinition("Group", "/Groups", "Group", group, List.of()))
                .build();
    }

    private static SchemaDefinition load(String file) {
        return SchemaJsonReader.read(ScimJson.readResource(SchemaRegistry.class, file));
    }

    /** Builds a {@link SchemaRegistry}. */
    public static final class Builder {
        private final Map<String, SchemaDefinition> schemas = new LinkedHashMap<>();
        private final Map<String, ResourceTypeDefinition> typesByName = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds or replaces a schema. */
        public Builder addSchema(SchemaDefinition schema) {
            schemas.put(schema.id().toLowerCase(Locale.ROOT), schema);
            return this;
        }

        /** Adds or replaces a resource type; its schemas are registered too. */
        public Builder addResourceType(ResourceTypeDefinition type) {
            addSchema(type.schema());
            type.extensions().forEach(e -> addSchema(e.schema()));
            typesByName.put(type.name().toLowerCase(Locale.ROOT), type);
            return this;
        }

        /**
         * Adds an extension to an already registered resource type, as an embedding application does
         * for its own attributes.
         */
        public Builder addExtension(String resourceTypeName, SchemaDefinition extension, boolean required) {
            ResourceTypeDefinition type = typesByName.get(resourceTypeName.toLowerCase(Locale.ROOT));
            if (type == null) {
                throw new IllegalArgumentException("No resource type " + resourceTypeName);
            }
            List<SchemaExtension> extensions = new ArrayList<>(type.extensions());
            extensions.removeIf(e -> e.schema().id().equalsIgnoreCase(extension.id()));
            extensions.add(new SchemaExtension(extension, required));
            return addResourceType(new ResourceTypeDefinition(type.name(), type.endpoint(), type.description(),
                    type.schema(), extensions));
        }

        /**
         * Adds extension schemas declared as data (see {@link SchemaFiles}), each to the resource type
         * it names. A schema whose id is already registered, or that names an unknown resource type, is
         * refused: a declared file must not silently replace a standard schema.
         *
         * @throws InvalidSchemaException naming the file and the reason
         */
        public Builder addDeclaredExtensions(List<DeclaredExtension> declared) {
            for (DeclaredExtension d : declared) {
                if (!typesByName.containsKey(d.resourceType().toLowerCase(Locale.ROOT))) {
                    throw new InvalidSchemaException(d.source(), null, "\"" + SchemaFiles.RESOURCE_TYPE
                            + "\" names " + d.resourceType() + ", which is not a resource type here (one of "
                            + String.join(", ", typesByName.values().stream().map(ResourceTypeDefinition::name).toList())
                            + ")");
                }
                if (schemas.containsKey(d.schema().id().toLowerCase(Locale.ROOT))) {
                    throw new InvalidSchemaException(d.source(), null, "the schema " + d.schema().id()
                            + " is already registered; give the extension its own URN");
                }
                addExtension(d.resourceType(), d.schema(), d.required());
            }
            return this;
        }

        /**
         * Adds the resource types a schema directory declares, then its extensions (which may extend
         * those types). A resource type whose name or endpoint is taken is refused, as
         * {@link #addDeclaredExtensions} refuses a schema that is.
         *
         * @throws InvalidSchemaException naming the file and the reason
         */
        public Builder addDeclarations(SchemaDeclarations declarations) {
            for (DeclaredResourceType d : declarations.resourceTypes()) {
                ResourceTypeDefinition type = d.type();
                if (typesByName.containsKey(type.name().toLowerCase(Locale.ROOT))) {
                    throw new InvalidSchemaException(d.source(), null, "the resource type " + type.name()
                            + " is already registered; give yours another name");
                }
                for (ResourceTypeDefinition other : typesByName.values()) {
                    if (normaliseEndpoint(other.endpoint()).equals(normaliseEndpoint(type.endpoint()))) {
                        throw new InvalidSchemaException(d.source(), null, "the endpoint " + type.endpoint()
                                + " is already served by " + other.name());
                    }
                }
                for (SchemaDefinition schema : d.schemas()) {
                    if (schemas.containsKey(schema.id().toLowerCase(Locale.ROOT))) {
                        throw new InvalidSchemaException(d.source(), null, "the schema " + schema.id()
                                + " is already registered; give it its own URN");
                    }
                }
                addResourceType(type);
            }
            return addDeclaredExtensions(declarations.extensions());
        }

        /**
         * Reads every {@code *.json} file of {@code directory} ({@link SchemaFiles#readDirectory}): the
         * resource types and extension schemas it declares, added as {@link #addDeclarations} does.
         *
         * @throws InvalidSchemaException naming the file, the attribute and the reason
         */
        public Builder addSchemaDirectory(java.nio.file.Path directory) {
            return addDeclarations(SchemaFiles.readDirectory(directory));
        }

        /**
         * The name this method had when a directory could hold extensions only; it reads resource types
         * too now.
         *
         * @deprecated use {@link #addSchemaDirectory}, which does the same
         */
        @Deprecated
        public Builder addExtensionsFrom(java.nio.file.Path directory) {
            return addSchemaDirectory(directory);
        }

        public SchemaRegistry build() {
            return new SchemaRegistry(this);
        }
    }
}
