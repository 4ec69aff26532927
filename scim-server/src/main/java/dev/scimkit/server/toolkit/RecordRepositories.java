package dev.scimkit.server.toolkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.core.schema.Uniqueness;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.TenantId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ResourceRepository ResourceRepositories} over {@link ResourceRecords} of your own: you write
 * the mapping to your tables, the toolkit keeps the contract. Build one for all the resource types you
 * serve, so that memberships span them (a group's members must exist; a User's {@code groups} is
 * derived from the groups that list it; deleting a resource removes it from every group):
 *
 * <pre>{@code
 * RecordRepositories repositories = RecordRepositories.builder(SchemaRegistry.standard())
 *         .records("User", new EmployeeRecords(dataSource))
 *         .records("Group", new TeamRecords(dataSource))
 *         .transactions(myDatabaseTransactions)
 *         .build();
 * ScimServer server = ScimServer.builder(registry).repositories(repositories.repositories())...
 * }</pre>
 *
 * <p>What the toolkit does for each type: assigns {@code id} (a random UUID) and {@code meta}
 * ({@code created}, {@code lastModified}, a new weak {@code version} on every change); compares
 * {@code If-Match} versions (412) and checks uniqueness (409 {@code uniqueness}; every string attribute
 * the schema marks unique, {@code userName} among them, plus Group {@code displayName} and what
 * {@link Builder#unique} adds, ignoring case) in the same {@link WriteTransactions transaction} as the
 * write; refuses members that do not exist (400 {@code invalidValue}); applies PATCH plans; searches,
 * sorts and pages in memory over {@link ResourceRecords#list} (or {@link ResourceRecords#findBy} for
 * the {@code eq} lookups IdPs send); and returns copies. A PATCH that changes nothing writes nothing.
 *
 * <p>The toolkit suits directories of thousands of resources. A store of millions pushes filters down
 * to its database instead, implementing {@link ResourceRepository} itself as scimkit's TrackTik store
 * does; {@code ResourceRepositoryContract} (scim-server's test-jar) checks either kind.
 */
public final class RecordRepositories {

    private final Map<String, RecordRepository> byType = new LinkedHashMap<>();
    private final WriteTransactions transactions;
    private final Clock clock;

    private RecordRepositories(Builder b) {
        this.transactions = b.transactions;
        this.clock = b.clock;
        for (Map.Entry<String, ResourceRecords> e : b.records.entrySet()) {
            ResourceTypeDefinition type = b.registry.resourceType(e.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("The registry has no resource type " + e.getKey()));
            Set<String> unique = uniqueAttributes(type, b.unique.getOrDefault(key(type.name()), Set.of()));
            byType.put(key(type.name()), new RecordRepository(this, type, e.getValue(), unique));
        }
    }

    /** A builder over {@code registry}, which defines the resource types and their schemas. */
    public static Builder builder(SchemaRegistry registry) {
        return new Builder(registry);
    }

    /** Every repository by resource type name, for {@code ScimServer.Builder#repositories}. */
    public Map<String, ResourceRepository> repositories() {
        Map<String, ResourceRepository> out = new LinkedHashMap<>();
        byType.values().forEach(r -> out.put(r.type().name(), r));
        return Collections.unmodifiableMap(out);
    }

    /** The repository of a resource type (by name, any case). */
    public ResourceRepository repository(String resourceTypeName) {
        RecordRepository r = byType.get(key(resourceTypeName));
        if (r == null) {
            throw new IllegalArgumentException("No records were given for the resource type " + resourceTypeName);
        }
        return r;
    }

    WriteTransactions transactions() {
        return transactions;
    }

    Clock clock() {
        return clock;
    }

    /** The resource with {@code id} among every type's records, and its type: a member's existence, name and type. */
    Optional<Located> locate(TenantId tenant, String id) {
        for (RecordRepository r : byType.values()) {
            Optional<ObjectNode> found = r.records().find(tenant, id);
            if (found.isPresent()) {
                return Optional.of(new Located(r.type(), found.get()));
            }
        }
        return Optional.empty();
    }

    /** A resource found by {@link #locate}, with its type. */
    record Located(ResourceTypeDefinition type, ObjectNode resource) {
    }

    /** The repositories whose resources have {@code members}. */
    List<RecordRepository> groupTypes() {
        List<RecordRepository> out = new ArrayList<>();
        byType.values().stream().filter(RecordRepository::hasMembers).forEach(out::add);
        return out;
    }

    private static Set<String> uniqueAttributes(ResourceTypeDefinition type, Set<String> extra) {
        Set<String> names = new LinkedHashSet<>();
        for (AttributeDefinition a : type.schema().attributes()) {
            if (a.uniqueness() != Uniqueness.NONE && a.type() == AttributeType.STRING && !a.multiValued()) {
                names.add(a.name());
            }
        }
        for (String name : extra) {
            AttributeDefinition a = type.schema().attribute(name)
                    .orElseThrow(() -> new IllegalArgumentException(type.name() + " has no attribute " + name));
            if (a.type() != AttributeType.STRING || a.multiValued()) {
                throw new IllegalArgumentException(type.name() + "." + a.name()
                        + " is not a single-valued string attribute; only those can be declared unique");
            }
            names.add(a.name());
        }
        return names;
    }

    private static String key(String typeName) {
        return typeName.toLowerCase(Locale.ROOT);
    }

    /** Configures {@link RecordRepositories}. */
    public static final class Builder {
        private final SchemaRegistry registry;
        private final Map<String, ResourceRecords> records = new LinkedHashMap<>();
        private final Map<String, Set<String>> unique = new LinkedHashMap<>();
        private WriteTransactions transactions = WriteTransactions.perTenantLock();
        private Clock clock = Clock.systemUTC();

        private Builder(SchemaRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            if (registry.resourceType("Group").isPresent()) {
                // Entra ID and Okta match groups by displayName: two with one name cannot be told apart.
                unique("Group", "displayName");
            }
        }

        /** Serves {@code resourceTypeName} (as the registry names it) from {@code records}. */
        public Builder records(String resourceTypeName, ResourceRecords records) {
            this.records.put(Objects.requireNonNull(resourceTypeName, "resourceTypeName"),
                    Objects.requireNonNull(records, "records"));
            return this;
        }

        /** Declares a top-level, single-valued string attribute unique per tenant, ignoring case. */
        public Builder unique(String resourceTypeName, String attributeName) {
            unique.computeIfAbsent(key(resourceTypeName), k -> new LinkedHashSet<>()).add(attributeName);
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

        /** How writes are made atomic; {@link WriteTransactions#perTenantLock()} unless set. */
        public Builder transactions(WriteTransactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /** The clock of {@code meta.created} and {@code meta.lastModified}; the system's UTC clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The repositories; fails when a named type is not in the registry. */
        public RecordRepositories build() {
            if (records.isEmpty()) {
                throw new IllegalStateException("No records given: call records(\"User\", …) for each type to serve");
            }
            return new RecordRepositories(this);
        }
    }
}
