package dev.scimkit.tracktik.scim;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.server.ScimServer;
import dev.scimkit.tracktik.mapping.DefaultGroupMapping;
import dev.scimkit.tracktik.port.EmployeeColumn;
import dev.scimkit.tracktik.mapping.DefaultUserMapping;
import dev.scimkit.tracktik.mapping.EmployeeTextField;
import dev.scimkit.tracktik.mapping.GroupMapping;
import dev.scimkit.tracktik.mapping.RegionRule;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.mapping.UserMapping;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.StoreQuery;
import dev.scimkit.tracktik.port.DeclaredTypeKeeper;
import dev.scimkit.tracktik.port.TrackTikStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Wires the TrackTik adapter into a {@link ScimServer}: Users and Groups repositories over one store
 * with the default (or given) mappings.
 *
 * <pre>{@code
 * TrackTikStore store = JdbcTrackTikStore.openOwning(JdbcDataSources.h2File(dataDir));
 * ScimServer server = TrackTikRepositories.builder(registry, store).build()
 *         .register(ScimServer.builder(registry)).authenticator(auth).build();
 * }</pre>
 */
public final class TrackTikRepositories {

    private final EmployeeUserRepository users;
    private final RoleGroupRepository groups;
    private final TrackTikStore store;
    private final RolePolicy rolePolicy;
    /** Built once: a second call must hand out the same repositories, not new ones over the same tables. */
    private final Map<String, ResourceRepository> repositories;

    private TrackTikRepositories(Builder b) {
        UserMapping userMapping = b.userMapping != null ? b.userMapping
                : new DefaultUserMapping(b.registry.user(), b.regionRule).withFieldsFrom(b.fieldSources);
        GroupMapping groupMapping = b.groupMapping != null ? b.groupMapping : new DefaultGroupMapping(b.registry.group());
        refuseUniquenessTheStoreCannotKeep(b.registry.user(), userMapping.filterColumns().columns());
        refuseUniquenessTheStoreCannotKeep(b.registry.group(), Map.of());
        this.users = new EmployeeUserRepository(b.store, userMapping, b.actors);
        this.groups = new RoleGroupRepository(b.store, groupMapping, b.actors, b.rolePolicy);
        this.store = b.store;
        this.rolePolicy = b.rolePolicy;
        Map<String, ResourceRepository> served = new LinkedHashMap<>();
        served.put("User", users);
        served.put("Group", groups);
        if (b.store instanceof DeclaredTypeKeeper keeper) {
            served.putAll(keeper.declaredTypeRepositories(b.registry));
        }
        this.repositories = Collections.unmodifiableMap(served);
    }

    public static Builder builder(SchemaRegistry registry, TrackTikStore store) {
        return new Builder(registry, store);
    }

    public EmployeeUserRepository users() {
        return users;
    }

    public RoleGroupRepository groups() {
        return groups;
    }

    public RolePolicy rolePolicy() {
        return rolePolicy;
    }

    /**
     * Decides the held role of every employee of the tenant again with this adapter's role policy, as
     * after a change of its configuration (otherwise an employee's role follows the new configuration
     * at the next membership change that touches it). Each change is recorded in the employee's
     * History as made by {@code actor}. Returns the SCIM ids of the employees whose role changed.
     */
    public List<String> recomputeRoles(TenantId tenant, Actor actor) {
        List<String> ids = new ArrayList<>();
        int pageSize = 500;
        for (long offset = 0; ; offset += pageSize) {
            Page<EmployeeRecord> page = store.searchEmployees(tenant, new StoreQuery(Optional.empty(), offset, pageSize));
            page.items().forEach(e -> ids.add(e.scimId()));
            if (page.items().size() < pageSize) {
                break;
            }
        }
        List<String> changed = new ArrayList<>();
        for (String id : ids) {
            EmployeeRecord before = store.findEmployee(tenant, id).orElse(null);
            if (before == null) {
                continue; // archived meanwhile
            }
            EmployeeRecord after = store.recomputeRole(tenant, id, rolePolicy, actor);
            if (!after.employee().heldRole().equals(before.employee().heldRole())) {
                changed.add(id);
            }
        }
        return changed;
    }

    /**
     * Every repository this adapter serves, by resource type name: User and Group, and, when the store
     * keeps declared types ({@link DeclaredTypeKeeper}, as the JDBC store does), each other type of the
     * registry, kept whole in the same database. A type the store cannot keep is absent: ask
     * {@link ScimServer.Builder#unservedResourceTypes()} to refuse it rather than hide it.
     */
    public Map<String, ResourceRepository> repositories() {
        return repositories;
    }

    /** Registers the Users and Groups repositories on a server builder and returns it. */
    public ScimServer.Builder register(ScimServer.Builder server) {
        return server.repository("User", users).repository("Group", groups);
    }

    /**
     * TrackTik keeps a few values unique per portal (userName, the Employee ID, role names); an
     * extension's attribute declared unique can only be kept unique if it feeds one of those. Any other
     * would be advertised unique in {@code /Schemas} and not be: refuse it, saying what to do.
     */
    private static <C> void refuseUniquenessTheStoreCannotKeep(ResourceTypeDefinition type, Map<String, C> columns) {
        for (ResolvedAttribute unique : type.uniqueAttributes()) {
            if (!unique.extension()) {
                continue;
            }
            C column = columns.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(unique.qualifiedName()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (column != EmployeeColumn.CUSTOM_ID && column != EmployeeColumn.USER_NAME) {
                throw new IllegalStateException(unique.qualifiedName() + " is declared with uniqueness "
                        + unique.attribute().uniqueness().wireName() + ", which the TrackTik stores cannot keep for a "
                        + type.name() + " extension: declare it with uniqueness none"
                        + (type.name().equals("User") ? ", or make it the Employee ID (--tracktik-field employee-id=..."
                        + " or TrackTikRepositories.Builder.employeeIdFrom), which TrackTik keeps unique per portal" : ""));
            }
        }
    }

    /** Options of the adapter; everything but the registry and the store has a default. */
    public static final class Builder {
        private final SchemaRegistry registry;
        private final TrackTikStore store;
        private UserMapping userMapping;
        private GroupMapping groupMapping;
        private RegionRule regionRule = RegionRule.hq();
        private ActorResolver actors = ActorResolver.fromCredential();
        private final Map<EmployeeTextField, String> fieldSources = new EnumMap<>(EmployeeTextField.class);
        private RolePolicy rolePolicy = RolePolicy.trackTikDefault();

        private Builder(SchemaRegistry registry, TrackTikStore store) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.store = Objects.requireNonNull(store, "store");
        }

        /** Replaces the default User mapping (then {@link #regionRule} is the mapping's business). */
        public Builder userMapping(UserMapping mapping) {
            this.userMapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        public Builder groupMapping(GroupMapping mapping) {
            this.groupMapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /** The region rule of the default User mapping (HQ by default). */
        public Builder regionRule(RegionRule rule) {
            this.regionRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * The attribute the default User mapping takes the Employee ID from, instead of the enterprise
         * employeeNumber (see {@link DefaultUserMapping#withEmployeeIdFrom}); checked by {@link #build}.
         */
        public Builder employeeIdFrom(String attributePath) {
            return fieldFrom(EmployeeTextField.EMPLOYEE_ID, attributePath);
        }

        /**
         * The attribute the default User mapping takes {@code field} from, instead of its standard
         * source (see {@link DefaultUserMapping#withFieldFrom}); checked by {@link #build}.
         */
        public Builder fieldFrom(EmployeeTextField field, String attributePath) {
            fieldSources.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(attributePath, "attributePath"));
            return this;
        }

        /** Who History names as the actor (default: {@link ActorResolver#fromCredential()}, the token's name and tenant). */
        public Builder actors(ActorResolver resolver) {
            this.actors = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Which one role each employee holds, among the roles of its groups (default:
         * {@link RolePolicy#trackTikDefault()}, the earliest group's, kept after the last group goes).
         */
        public Builder rolePolicy(RolePolicy policy) {
            this.rolePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public TrackTikRepositories build() {
            return new TrackTikRepositories(this);
        }
    }
}
