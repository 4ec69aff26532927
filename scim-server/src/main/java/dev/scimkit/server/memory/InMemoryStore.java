package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.core.schema.Uniqueness;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.TenantId;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory reference store: one {@link InMemoryResourceRepository} per resource type of a
 * registry, all sharing per-tenant data so memberships span Users and Groups (a User's
 * {@code groups} is derived from them, and deleting a resource removes it from every group).
 *
 * <p>Thread-safe: each tenant has one read/write lock over all its resources; reads run in
 * parallel, writes of one tenant run one at a time, so uniqueness and version checks are atomic with
 * the write and no update is lost. Different tenants never contend.
 *
 * <p>Uniqueness: every top-level core attribute of type string with {@code uniqueness} server or
 * global (User {@code userName}), plus the attributes passed to {@link Builder#unique}; by default
 * also Group {@code displayName}, which Entra ID and Okta treat as a key. Values compare ignoring
 * case unless the attribute is {@code caseExact}.
 */
public final class InMemoryStore {

    private final SchemaRegistry registry;
    private final Map<String, Set<String>> uniqueByType;
    private final Map<String, InMemoryResourceRepository> repositories = new LinkedHashMap<>();
    private final ConcurrentHashMap<TenantId, TenantData> tenants = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();
    /** Lower-case type name → the type's name as a text node, for members' {@code type} (no lookup per add). */
    private final Map<String, TextNode> typeNames = new HashMap<>();

    private InMemoryStore(Builder b) {
        this.registry = b.registry;
        Map<String, Set<String>> unique = new LinkedHashMap<>();
        for (ResourceTypeDefinition type : registry.resourceTypes()) {
            typeNames.put(type.name().toLowerCase(Locale.ROOT), TextNode.valueOf(type.name()));
            Set<String> names = new LinkedHashSet<>();
            for (AttributeDefinition a : type.schema().attributes()) {
                if (a.uniqueness() != Uniqueness.NONE && a.type() == AttributeType.STRING && !a.multiValued()) {
                    names.add(a.name());
                }
            }
            for (String extra : b.unique.getOrDefault(type.name().toLowerCase(Locale.ROOT), Set.of())) {
                // the common attributes too: externalId is what an identity provider keys its users by
                names.add(type.resolve(extra).map(r -> r.attribute().name())
                        .orElseThrow(() -> new IllegalArgumentException(type.name() + " has no attribute " + extra)));
            }
            unique.put(type.name().toLowerCase(Locale.ROOT), names);
        }
        this.uniqueByType = unique;
        for (ResourceTypeDefinition type : registry.resourceTypes()) {
            repositories.put(type.name().toLowerCase(Locale.ROOT), new InMemoryResourceRepository(this, type));
        }
    }

    /** A store for every resource type of {@code registry}, with the default unique attributes. */
    public static InMemoryStore create(SchemaRegistry registry) {
        return builder(registry).build();
    }

    public static Builder builder(SchemaRegistry registry) {
        return new Builder(registry);
    }

    /** The repository of a resource type (by name, any case). */
    public ResourceRepository repository(String resourceTypeName) {
        InMemoryResourceRepository r = repositories.get(resourceTypeName.toLowerCase(Locale.ROOT));
        if (r == null) {
            throw new IllegalArgumentException("No resource type " + resourceTypeName);
        }
        return r;
    }

    /** Every repository by resource type name, for {@code ScimServer.Builder#repositories}. */
    public Map<String, ResourceRepository> repositories() {
        Map<String, ResourceRepository> out = new LinkedHashMap<>();
        repositories.values().forEach(r -> out.put(r.type().name(), r));
        return out;
    }

    public ResourceRepository users() {
        return repository("User");
    }

    public ResourceRepository groups() {
        return repository("Group");
    }

    Set<String> uniqueAttributes(ResourceTypeDefinition type) {
        return uniqueByType.getOrDefault(type.name().toLowerCase(Locale.ROOT), Set.of());
    }

    TenantData tenant(TenantId tenant) {
        return tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new TenantData());
    }

    Optional<TenantData> existingTenant(TenantId tenant) {
        return Optional.ofNullable(tenants.get(tenant));
    }

    /**
     * A member's {@code type}: the resource type's name for its lower-case key (as {@code typeOfId}
     * holds it), or the key itself for a type the registry does not know.
     */
    TextNode typeName(String typeKey) {
        TextNode name = typeNames.get(typeKey);
        return name != null ? name : TextNode.valueOf(typeKey);
    }

    String nextVersion() {
        return "W/\"" + versions.incrementAndGet() + "\"";
    }

    static ScimException missingMember(String id) {
        return ScimException.invalidValue("The member \"" + id + "\" is not an existing User or Group of this tenant");
    }

    /** Configures an {@link InMemoryStore}. */
    public static final class Builder {
        private final SchemaRegistry registry;
        private final Map<String, Set<String>> unique = new LinkedHashMap<>();

        private Builder(SchemaRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            if (registry.resourceType("Group").isPresent()) {
                unique("Group", "displayName");
            }
        }

        /**
         * Declares a top-level string attribute of a resource type, or a common one such as
         * {@code externalId}, unique per tenant.
         */
        public Builder unique(String resourceTypeName, String attributeName) {
            unique.computeIfAbsent(resourceTypeName.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(attributeName);
            return this;
        }

        /** Lets Group {@code displayName} repeat within a tenant (RFC 7643 leaves it non-unique). */
        public Builder allowDuplicateGroupNames() {
            Set<String> names = unique.get("group");
            if (names != null) {
                names.removeIf(n -> n.equalsIgnoreCase("displayName"));
            }
            return this;
        }

        public InMemoryStore build() {
            return new InMemoryStore(this);
        }
    }
}
