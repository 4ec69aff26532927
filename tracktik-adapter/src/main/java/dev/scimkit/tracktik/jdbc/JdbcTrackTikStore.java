package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.sql.SqlFragment;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.server.toolkit.RecordRepositories;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.Address;
import dev.scimkit.tracktik.domain.Employee;
import dev.scimkit.tracktik.domain.EmployeeChanges;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.EmployeeStatus;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HeldRole;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.Region;
import dev.scimkit.tracktik.domain.Role;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.port.EmployeeColumn;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.EmployeeSearch;
import dev.scimkit.tracktik.port.EmployeeWrite;
import dev.scimkit.tracktik.port.FilterColumns;
import dev.scimkit.tracktik.port.FilterSplit;
import dev.scimkit.tracktik.port.Member;
import dev.scimkit.tracktik.port.MembershipChange;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.RoleColumn;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.RoleWrite;
import dev.scimkit.tracktik.port.ScimIdSeek;
import dev.scimkit.tracktik.port.ScimLink;
import dev.scimkit.tracktik.port.StoreQuery;
import dev.scimkit.tracktik.port.DeclaredTypeKeeper;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.port.VersionConflictException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TrackTikStore} on a relational database: H2 embedded by default, PostgreSQL to scale out
 * (several servers on one database stay correct: uniqueness, versions and membership are the
 * database's job). The tables are created and upgraded by Flyway from {@value JdbcStoreOptions#MIGRATIONS}
 * into their own history table, in the schema {@link JdbcStoreOptions} names (or by the user's own
 * tool, with migration turned off).
 *
 * <p>Whether {@link #close()} closes the data source is the caller's choice when opening:
 * {@link #open(DataSource, JdbcStoreOptions)} borrows it (an application's DataSource stays open), and
 * {@link #openOwning(DataSource, JdbcStoreOptions)} takes it over (a pool from {@link JdbcDataSources}
 * made for the store alone).
 *
 * <p>Every write is one transaction that also appends the History entries it causes. Versions are
 * checked with row locks ({@code SELECT … FOR UPDATE}) and bumped in the same transaction. A write
 * returns only once it is durable: on PostgreSQL its commit is (with the default
 * {@code synchronous_commit}); on an H2 file, commits are forced to disk in groups ({@link GroupSync}).
 */
public final class JdbcTrackTikStore implements TrackTikStore, DeclaredTypeKeeper {

    /** How many ids go into one {@code IN (…)} list. */
    private static final int IN_CHUNK = 500;

    private static final String EMPLOYEE_COLUMNS = "e.id, e.scim_id, e.custom_id, e.first_name, e.last_name, e.email,"
            + " e.primary_phone, e.secondary_phone, e.job_title, e.department, e.manager_id, e.status, e.region_id,"
            + " g.name AS region_name, e.addr_street, e.addr_city, e.addr_state, e.addr_postal_code, e.addr_country,"
            + " e.language, e.user_name, e.external_id, e.scim_json, e.version, e.created, e.last_modified,"
            + " e.held_role_id, e.held_role_name";
    private static final String EMPLOYEE_FROM = " FROM tt_employee e JOIN tt_region g ON g.tenant = e.tenant AND g.id = e.region_id";
    private static final String ROLE_COLUMNS = "r.id, r.scim_id, r.name, r.kind, r.external_id, r.scim_json, r.version,"
            + " r.created, r.last_modified, (SELECT COUNT(*) FROM tt_role_assignment a WHERE a.role_id = r.id) AS member_count";

    /** Closed by {@link #close()}; a no-op when the data source is borrowed. */
    private final AutoCloseable owned;
    private final Transactions tx;
    private final JdbcFilters filters = new JdbcFilters();
    /** Regions known to exist ({@code tenant \n id}); regions are never deleted. */
    private final Set<String> knownRegions = ConcurrentHashMap.newKeySet();

    private JdbcTrackTikStore(DataSource dataSource, JdbcStoreOptions options, AutoCloseable owned) {
        this.owned = owned;
        this.tx = new Transactions(dataSource, DurabilityProbe.detect(dataSource), options.schema());
    }

    /** Opens the store on a borrowed data source in its default schema, migrating the tables first. */
    public static JdbcTrackTikStore open(DataSource dataSource) {
        return open(dataSource, JdbcStoreOptions.defaults());
    }

    /**
     * Opens the store on a borrowed data source (the application's, say): {@link #close()} leaves it
     * open, and each connection goes back in the state it came in.
     */
    public static JdbcTrackTikStore open(DataSource dataSource, JdbcStoreOptions options) {
        return open(dataSource, options, () -> { });
    }

    /**
     * Opens the store on a data source it owns from now on, such as a pool from {@link JdbcDataSources}:
     * {@link #close()} closes it, and so does a failure to open.
     */
    public static <D extends DataSource & AutoCloseable> JdbcTrackTikStore openOwning(D dataSource,
                                                                                      JdbcStoreOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            return open(dataSource, options, dataSource);
        } catch (RuntimeException | Error e) {
            closeQuietly(dataSource, e);
            throw e;
        }
    }

    /** {@link #openOwning(DataSource, JdbcStoreOptions)} with the default options. */
    public static <D extends DataSource & AutoCloseable> JdbcTrackTikStore openOwning(D dataSource) {
        return openOwning(dataSource, JdbcStoreOptions.defaults());
    }

    private static JdbcTrackTikStore open(DataSource dataSource, JdbcStoreOptions options, AutoCloseable owned) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        StoreSchema.prepare(dataSource, options);
        return new JdbcTrackTikStore(dataSource, options, owned);
    }

    private static void closeQuietly(AutoCloseable closeable, Throwable failure) {
        try {
            closeable.close();
        } catch (Exception suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    /**
     * Repositories for the resource types of {@code registry} beyond User and Group, such as those a
     * schema directory declares ({@code SchemaRegistry.Builder#addSchemaDirectory}). TrackTik has nothing
     * to map them onto, so each resource is kept whole, as JSON, in this store's database (table
     * {@code tt_document}), per tenant; the repository toolkit ({@link RecordRepositories}) does ids,
     * {@code meta}, versions, uniqueness, PATCH, search and paging around it. Writes are durable like
     * the store's own and serialised per tenant and type across servers. Searches read the tenant's
     * resources of the type, which suits the thousands such a type holds, not millions.
     *
     * @return repositories by resource type name; empty when the registry declares no other type
     */
    @Override
    public Map<String, ResourceRepository> declaredTypeRepositories(SchemaRegistry registry) {
        Map<String, ResourceRepository> out = new LinkedHashMap<>();
        for (ResourceTypeDefinition type : registry.resourceTypes()) {
            if (type.name().equalsIgnoreCase("User") || type.name().equalsIgnoreCase("Group")) {
                continue;
            }
            DocumentTransactions transactions = new DocumentTransactions(tx, type.name());
            out.putAll(RecordRepositories.builder(registry)
                    .records(type.name(), new DocumentRecords(transactions, type.name()))
                    .transactions(transactions)
                    .build()
                    .repositories());
        }
        return Collections.unmodifiableMap(out);
    }

    // ---- employees -------------------------------------------------------------------------------

    /** The row of a new employee; {@link #bindNewEmployee} binds it, for one create or a batch of them. */
    private static final String INSERT_EMPLOYEE = "INSERT INTO tt_employee (tenant, scim_id, custom_id, first_name,"
            + " last_name, email, primary_phone, secondary_phone, job_title, department, manager_id, status, region_id,"
            + " addr_street, addr_city, addr_state, addr_postal_code, addr_country, language, custom_id_key, email_key,"
            + " user_name, user_name_key,"
            + " external_id, scim_json, version, created, last_modified)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";

    private static final String INSERT_HISTORY = "INSERT INTO tt_history (employee_id, at, actor_client, actor_tenant,"
            + " action, changes) VALUES (?, ?, ?, ?, ?, ?)";

    @Override
    public EmployeeRecord createEmployee(TenantId tenant, EmployeeWrite write, Actor actor) {
        ensureRegion(tenant, write.profile().region());
        return tx.inWriteTransaction(c -> {
            String scimId = UUID.randomUUID().toString();
            Instant now = now();
            try (PreparedStatement ps = c.prepareStatement(INSERT_EMPLOYEE)) {
                bindNewEmployee(ps, tenant, scimId, write, now);
                ps.executeUpdate();
            }
            long id = employeeDbId(c, tenant, scimId).orElseThrow();
            appendHistory(c, id, now, actor, HistoryAction.CREATED, EmployeeChanges.created(write.profile(), write.derived()));
            return loadEmployee(c, tenant, scimId, false).orElseThrow();
        });
    }

    /**
     * The rows {@link #createEmployee} writes, for all of {@code writes} in one transaction with batched
     * statements (the same INSERTs, bound the same way): an initial import, or a benchmark's directory of
     * a million users, at thousands of employees per second instead of one commit per employee. All or
     * nothing: a duplicate userName fails the whole call with 409.
     */
    @Override
    public List<String> createEmployees(TenantId tenant, List<EmployeeWrite> writes, Actor actor) {
        writes.stream().map(w -> w.profile().region()).distinct().forEach(region -> ensureRegion(tenant, region));
        if (writes.isEmpty()) {
            return List.of();
        }
        return tx.inWriteTransaction(c -> {
            Instant now = now();
            List<String> scimIds = new ArrayList<>(writes.size());
            List<Long> ids = new ArrayList<>(writes.size());
            // The database ids come back with the batch (RETURNING on PostgreSQL), not by a query per row.
            try (PreparedStatement ps = c.prepareStatement(INSERT_EMPLOYEE, new String[] {"id"})) {
                for (EmployeeWrite write : writes) {
                    String scimId = UUID.randomUUID().toString();
                    scimIds.add(scimId);
                    bindNewEmployee(ps, tenant, scimId, write, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            if (ids.size() != writes.size()) {
                throw new IllegalStateException("the database returned " + ids.size() + " ids for " + writes.size() + " rows");
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
                for (int k = 0; k < writes.size(); k++) {
                    EmployeeWrite write = writes.get(k);
                    ps.setLong(1, ids.get(k));
                    bindHistory(ps, 2, now, actor, HistoryAction.CREATED,
                            EmployeeChanges.created(write.profile(), write.derived()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return scimIds;
        });
    }

    private static void bindNewEmployee(PreparedStatement ps, TenantId tenant, String scimId, EmployeeWrite write,
                                        Instant now) throws SQLException {
        int i = 1;
        ps.setString(i++, tenant.value());
        ps.setString(i++, scimId);
        i = bindProfile(ps, i, write.profile());
        i = bindLink(ps, i, write.userName(), write.externalId(), write.resource());
        ps.setObject(i++, utc(now));
        ps.setObject(i, utc(now));
    }

    @Override
    public Optional<EmployeeRecord> findEmployee(TenantId tenant, String scimId) {
        return tx.inTransaction(c -> loadEmployee(c, tenant, scimId, false));
    }

    @Override
    public Optional<String> scimIdOfEmployee(TenantId tenant, String employeeId) {
        long id;
        try {
            id = Long.parseLong(employeeId);
        } catch (NumberFormatException e) {
            return Optional.empty(); // this store's employee ids are numbers
        }
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT scim_id FROM tt_employee WHERE tenant = ? AND id = ?")) {
                ps.setString(1, tenant.value());
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public Optional<EmployeeRecord> findEmployeeByUserName(TenantId tenant, String userName) {
        return tx.inTransaction(c -> {
            List<EmployeeRecord> found = queryEmployees(c, tenant, " AND e.user_name_key = ?",
                    List.of(Keys.fold(userName)), 0, 1);
            return found.stream().findFirst();
        });
    }

    @Override
    public Optional<EmployeeRecord> findEmployeeByExternalId(TenantId tenant, String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        if (externalId.isEmpty()) {
            return Optional.empty(); // an employee without an externalId does not have an empty one
        }
        // ix_employee_external_id (tenant, external_id); creation order picks the earliest of several.
        return tx.inTransaction(c -> queryEmployees(c, tenant, " AND e.external_id = ?", List.of(externalId), 0, 1)
                .stream().findFirst());
    }

    @Override
    public EmployeeRecord updateEmployee(TenantId tenant, String scimId, long expectedVersion, EmployeeWrite write,
                                         Actor actor) {
        ensureRegion(tenant, write.profile().region());
        return tx.inWriteTransaction(c -> {
            EmployeeRecord current = loadEmployee(c, tenant, scimId, true).orElseThrow(() -> notFound("User", scimId));
            if (current.link().version() != expectedVersion) {
                throw new VersionConflictException("User", scimId, expectedVersion, current.link().version());
            }
            EmployeeProfile before = current.employee().profile();
            EmployeeProfile after = write.profile();
            boolean linkChanged = !current.link().name().equals(write.userName())
                    || !current.link().externalId().equals(write.externalId())
                    || !current.link().resource().equals(write.resource());
            List<FieldChange> changes = EmployeeChanges.diff(before, after, write.derived());
            if (changes.isEmpty() && !linkChanged) {
                return current;
            }
            Instant now = now();
            // The version was checked on the row locked above; no writer can move it before this UPDATE.
            try (PreparedStatement ps = c.prepareStatement("UPDATE tt_employee SET custom_id = ?, first_name = ?, last_name = ?,"
                    + " email = ?, primary_phone = ?, secondary_phone = ?, job_title = ?, department = ?, manager_id = ?,"
                    + " status = ?, region_id = ?, addr_street = ?, addr_city = ?, addr_state = ?, addr_postal_code = ?,"
                    + " addr_country = ?, language = ?, custom_id_key = ?, email_key = ?, user_name = ?, user_name_key = ?,"
                    + " external_id = ?, scim_json = ?,"
                    + " version = version + 1, last_modified = ? WHERE tenant = ? AND scim_id = ?")) {
                int i = bindProfile(ps, 1, after);
                i = bindLink(ps, i, write.userName(), write.externalId(), write.resource());
                ps.setObject(i++, utc(now));
                ps.setString(i++, tenant.value());
                ps.setString(i, current.scimId());
                ps.executeUpdate();
            }
            if (!changes.isEmpty()) {
                appendHistory(c, Long.parseLong(current.employee().id()), now, actor,
                        EmployeeChanges.actionOf(before, after), changes);
            }
            return loadEmployee(c, tenant, scimId, false).orElseThrow();
        });
    }

    @Override
    public void archiveEmployee(TenantId tenant, String scimId, Optional<Long> expectedVersion, Actor actor) {
        tx.inWriteTransaction(c -> {
            EmployeeRecord current = loadEmployee(c, tenant, scimId, true).orElseThrow(() -> notFound("User", scimId));
            VersionConflictException.check("User", scimId, expectedVersion, current.link().version());
            long id = Long.parseLong(current.employee().id());
            Instant now = now();
            List<String> roleNames = current.employee().roles().stream().map(RoleRef::name).toList();
            // The roles' versions move too: their member lists change.
            update(c, "UPDATE tt_role SET version = version + 1, last_modified = ?"
                    + " WHERE id IN (SELECT a.role_id FROM tt_role_assignment a WHERE a.employee_id = ?)", utc(now), id);
            update(c, "DELETE FROM tt_role_assignment WHERE employee_id = ?", id);
            // An archived employee keeps its values but frees them for a new employee (a user re-created
            // after a SCIM DELETE), as TrackTik frees a terminated profile's sign-in name.
            update(c, "UPDATE tt_employee SET archived_at = ?, user_name_key = NULL, custom_id_key = NULL, email_key = NULL,"
                    + " version = version + 1, last_modified = ? WHERE id = ?", utc(now), utc(now), id);
            List<FieldChange> changes = new ArrayList<>();
            if (!roleNames.isEmpty()) {
                changes.add(EmployeeChanges.roles(roleNames, List.of()));
            }
            appendHistory(c, id, now, actor, HistoryAction.ARCHIVED, changes);
            return null;
        });
    }

    @Override
    public FilterSplit splitEmployeeFilter(FilterColumns<EmployeeColumn> columns, Filter filter) {
        return filters.splitEmployees(columns, filter);
    }

    @Override
    public Page<EmployeeRecord> searchEmployees(TenantId tenant, StoreQuery query) {
        SqlFragment pushed = JdbcFilters.andWhere(query.filter());
        return tx.inTransaction(c -> {
            long total = count(c, "SELECT COUNT(*) FROM tt_employee e WHERE e.tenant = ? AND e.archived_at IS NULL"
                    + pushed.sql(), tenant, pushed.parameters());
            if (query.limit() == 0 || query.offset() >= total) {
                return new Page<>(total, List.of());
            }
            if (query.seek().isPresent()) {
                Seek seek = Seek.of(query.seek().get(), "e.scim_id", pushed);
                List<EmployeeRecord> items = new ArrayList<>(queryEmployees(c, tenant, seek.where, seek.parameters,
                        seek.orderBy, 0, query.limit()));
                return new Page<>(total, seek.ascending(items));
            }
            return new Page<>(total, queryEmployees(c, tenant, pushed.sql(), pushed.parameters(), query.offset(), query.limit()));
        });
    }

    /** One query with the search's conditions (see {@link EmployeeSearchSql}), in creation order. */
    @Override
    public Page<EmployeeRecord> findEmployees(TenantId tenant, EmployeeSearch search) {
        SqlFragment where = EmployeeSearchSql.of(search);
        return tx.inTransaction(c -> {
            long total = count(c, "SELECT COUNT(*) FROM tt_employee e WHERE e.tenant = ? AND e.archived_at IS NULL"
                    + where.sql(), tenant, where.parameters());
            if (search.limit() == 0 || search.offset() >= total) {
                return new Page<>(total, List.of());
            }
            return new Page<>(total, queryEmployees(c, tenant, where.sql(), where.parameters(), search.offset(),
                    search.limit()));
        });
    }

    @Override
    public boolean seeksByScimId() {
        return true;
    }

    /**
     * The SQL of a keyset seek over SCIM ids: {@code uq_employee_scim_id} / {@code uq_role_scim_id}
     * (tenant, scim_id) serve the range and the order. SCIM ids are lower-case UUIDs, whose order is the
     * same under every collation (hyphens at fixed places, hex digits) and equal to Java's.
     */
    private record Seek(String where, List<Object> parameters, String orderBy, boolean backward) {
        static Seek of(ScimIdSeek seek, String column, SqlFragment pushed) {
            List<Object> params = new ArrayList<>(pushed.parameters());
            String where = pushed.sql();
            if (seek.boundary().isPresent()) {
                where += " AND " + column + (seek.backward() ? " < ?" : " > ?");
                params.add(seek.boundary().get());
            }
            return new Seek(where, params, " ORDER BY " + column + (seek.backward() ? " DESC" : ""), seek.backward());
        }

        /** The rows in ascending SCIM id order (a backward seek reads them descending). */
        <T> List<T> ascending(List<T> rows) {
            if (backward) {
                java.util.Collections.reverse(rows);
            }
            return rows;
        }
    }

    @Override
    public List<HistoryEntry> history(TenantId tenant, String employeeScimId) {
        return tx.inTransaction(c -> {
            List<HistoryEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT h.employee_id, h.at, h.actor_client, h.actor_tenant,"
                    + " h.action, h.changes FROM tt_history h JOIN tt_employee e ON e.id = h.employee_id"
                    + " WHERE e.tenant = ? AND e.scim_id = ? ORDER BY h.id")) {
                ps.setString(1, tenant.value());
                ps.setString(2, Keys.fold(employeeScimId));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistoryEntry(String.valueOf(rs.getLong(1)), instant(rs, 2),
                                new Actor(rs.getString(3), rs.getString(4)), HistoryAction.valueOf(rs.getString(5)),
                                readChanges(rs.getString(6))));
                    }
                }
            }
            return out;
        });
    }

    // ---- roles -----------------------------------------------------------------------------------

    @Override
    public RoleRecord createRole(TenantId tenant, RoleWrite write, List<String> members, RolePolicy policy, Actor actor) {
        return tx.inWriteTransaction(c -> {
            String scimId = UUID.randomUUID().toString();
            Instant now = now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tt_role (tenant, scim_id, name, name_key, kind,"
                    + " external_id, scim_json, version, created, last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
                ps.setString(1, tenant.value());
                ps.setString(2, scimId);
                ps.setString(3, write.name());
                ps.setString(4, Keys.fold(write.name()));
                ps.setString(5, dev.scimkit.tracktik.domain.RoleKind.STAFF_PORTAL_ROLE.name());
                ps.setString(6, write.externalId().orElse(null));
                ps.setString(7, json(write.resource()));
                ps.setObject(8, utc(now));
                ps.setObject(9, utc(now));
                ps.executeUpdate();
            }
            LockedRole role = lockRole(c, tenant, scimId).orElseThrow();
            applyMembership(c, tenant, role.id, role.name, MembershipChange.exactly(members), policy, actor, now);
            return loadRole(c, tenant, scimId).orElseThrow();
        });
    }

    @Override
    public Optional<RoleRecord> findRole(TenantId tenant, String scimId) {
        return tx.inTransaction(c -> loadRole(c, tenant, scimId));
    }

    @Override
    public RoleRecord updateRole(TenantId tenant, String scimId, long expectedVersion, RoleWrite write,
                                 MembershipChange members, RolePolicy policy, Actor actor) {
        return tx.inWriteTransaction(c -> {
            LockedRole role = lockRole(c, tenant, scimId).orElseThrow(() -> notFound("Group", scimId));
            if (role.version != expectedVersion) {
                throw new VersionConflictException("Group", scimId, expectedVersion, role.version);
            }
            Instant now = now();
            boolean renamed = !role.name.equals(write.name());
            try (PreparedStatement ps = c.prepareStatement("UPDATE tt_role SET name = ?, name_key = ?, external_id = ?,"
                    + " scim_json = ?, version = version + 1, last_modified = ? WHERE id = ?")) {
                ps.setString(1, write.name());
                ps.setString(2, Keys.fold(write.name()));
                ps.setString(3, write.externalId().orElse(null));
                ps.setString(4, json(write.resource()));
                ps.setObject(5, utc(now));
                ps.setLong(6, role.id);
                ps.executeUpdate();
            }
            if (renamed) {
                recordRename(c, tenant, role, write.name(), policy, actor, now);
            }
            applyMembership(c, tenant, role.id, write.name(), members, policy, actor, now);
            return loadRole(c, tenant, scimId).orElseThrow();
        });
    }

    @Override
    public RoleRecord changeMembers(TenantId tenant, String scimId, Optional<Long> expectedVersion,
                                    MembershipChange change, RolePolicy policy, Actor actor) {
        return tx.inWriteTransaction(c -> {
            LockedRole role = lockRole(c, tenant, scimId).orElseThrow(() -> notFound("Group", scimId));
            VersionConflictException.check("Group", scimId, expectedVersion, role.version);
            Instant now = now();
            if (applyMembership(c, tenant, role.id, role.name, change, policy, actor, now)) {
                update(c, "UPDATE tt_role SET version = version + 1, last_modified = ? WHERE id = ?", utc(now), role.id);
            }
            return loadRole(c, tenant, scimId).orElseThrow();
        });
    }

    @Override
    public void deleteRole(TenantId tenant, String scimId, Optional<Long> expectedVersion, RolePolicy policy,
                           Actor actor) {
        tx.inWriteTransaction(c -> {
            LockedRole role = lockRole(c, tenant, scimId).orElseThrow(() -> notFound("Group", scimId));
            VersionConflictException.check("Group", scimId, expectedVersion, role.version);
            applyMembership(c, tenant, role.id, role.name, MembershipChange.exactly(List.of()), policy, actor, now());
            HeldRoles.deleted(c, role.id);
            update(c, "DELETE FROM tt_role WHERE id = ?", role.id);
            return null;
        });
    }

    @Override
    public EmployeeRecord recomputeRole(TenantId tenant, String employeeScimId, RolePolicy policy, Actor actor) {
        return tx.inWriteTransaction(c -> {
            EmployeeRecord current = loadEmployee(c, tenant, employeeScimId, true)
                    .orElseThrow(() -> notFound("User", employeeScimId));
            long id = Long.parseLong(current.employee().id());
            Optional<FieldChange> change = HeldRoles.decide(c, tenant, id, policy);
            if (change.isEmpty() || current.employee().heldRole().map(HeldRole::name).equals(
                    Optional.of(change.get().newValue()))) {
                return current; // nothing new to record: a recompute that keeps the role says nothing
            }
            appendHistory(c, id, now(), actor, HistoryAction.UPDATED, List.of(change.get()));
            return loadEmployee(c, tenant, employeeScimId, false).orElseThrow();
        });
    }

    @Override
    public Page<Member> members(TenantId tenant, String roleScimId, long offset, int limit) {
        return tx.inTransaction(c -> {
            Optional<RoleRecord> role = loadRole(c, tenant, roleScimId);
            if (role.isEmpty()) {
                throw notFound("Group", roleScimId);
            }
            List<Member> out = new ArrayList<>();
            if (limit > 0) {
                try (PreparedStatement ps = c.prepareStatement("SELECT e.scim_id, e.user_name, e.scim_json"
                        + " FROM tt_role_assignment a JOIN tt_role r ON r.id = a.role_id"
                        + " JOIN tt_employee e ON e.id = a.employee_id WHERE r.tenant = ? AND r.scim_id = ?"
                        + " ORDER BY a.seq LIMIT ? OFFSET ?")) {
                    ps.setString(1, tenant.value());
                    ps.setString(2, role.get().scimId());
                    ps.setInt(3, limit);
                    ps.setLong(4, offset);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(Member.ofUser(rs.getString(1), StoredJson.topLevelText(rs.getString(3), "displayName"),
                                    rs.getString(2)));
                        }
                    }
                }
            }
            return new Page<>(role.get().memberCount(), out);
        });
    }

    @Override
    public FilterSplit splitRoleFilter(FilterColumns<RoleColumn> columns, Filter filter) {
        return filters.splitRoles(columns, filter);
    }

    @Override
    public Page<RoleRecord> searchRoles(TenantId tenant, StoreQuery query) {
        SqlFragment pushed = JdbcFilters.andWhere(query.filter());
        return tx.inTransaction(c -> {
            long total = count(c, "SELECT COUNT(*) FROM tt_role r WHERE r.tenant = ?" + pushed.sql(), tenant,
                    pushed.parameters());
            List<RoleRecord> items = new ArrayList<>();
            Optional<Seek> seek = query.seek().map(s -> Seek.of(s, "r.scim_id", pushed));
            if (query.limit() > 0 && query.offset() < total) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + ROLE_COLUMNS + " FROM tt_role r WHERE r.tenant = ?"
                        + seek.map(Seek::where).orElse(pushed.sql())
                        + seek.map(Seek::orderBy).orElse(" ORDER BY r.created, r.id") + " LIMIT ? OFFSET ?")) {
                    int i = bind(ps, tenant, seek.map(Seek::parameters).orElse(pushed.parameters()));
                    ps.setInt(i++, query.limit());
                    ps.setLong(i, query.offset());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(role(rs));
                        }
                    }
                }
            }
            return new Page<>(total, seek.map(s -> s.ascending(items)).orElse(items));
        });
    }

    // ---- regions ---------------------------------------------------------------------------------

    @Override
    public List<Region> regions(TenantId tenant) {
        ensureRegion(tenant, Region.HQ);
        return tx.inTransaction(c -> {
            List<Region> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM tt_region WHERE tenant = ? ORDER BY id")) {
                ps.setString(1, tenant.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Region(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Region saveRegion(TenantId tenant, Region region) {
        ensureRegion(tenant, region);
        return tx.inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tt_region SET name = ? WHERE tenant = ? AND id = ?")) {
                ps.setString(1, region.name());
                ps.setString(2, tenant.value());
                ps.setString(3, region.id());
                ps.executeUpdate();
            }
            return region;
        });
    }

    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not close the TrackTik data source", e);
        }
    }

    // ---- membership ------------------------------------------------------------------------------

    private record LockedRole(long id, String scimId, String name, long version) {
    }

    private Optional<LockedRole> lockRole(Connection c, TenantId tenant, String scimId) throws SQLException {
        // The row lock serialises membership changes of one role across servers, so the
        // "assign unless held" below cannot race another server's identical assignment.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, scim_id, name, version FROM tt_role WHERE tenant = ? AND scim_id = ? FOR UPDATE")) {
            ps.setString(1, tenant.value());
            ps.setString(2, Keys.fold(scimId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LockedRole(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                        : Optional.empty();
            }
        }
    }

    /** Applies a change to a locked role, known by its new name; true when any assignment changed. */
    private boolean applyMembership(Connection c, TenantId tenant, long roleId, String roleName, MembershipChange change,
                                    RolePolicy policy, Actor actor, Instant now) throws SQLException {
        if (change.isEmpty()) {
            return false;
        }
        Map<String, Long> added = resolveLiveEmployees(c, tenant, change.added());
        for (String id : change.added()) {
            if (!added.containsKey(Keys.fold(id))) {
                throw noSuchMember(id);
            }
        }
        Set<Long> lost = new LinkedHashSet<>();
        if (change.replaceAll()) {
            lost.addAll(holders(c, roleId));
        } else if (!change.removed().isEmpty()) {
            Map<String, Long> removed = resolveLiveEmployees(c, tenant, change.removed());
            for (Long employeeId : removed.values()) {
                if (holds(c, roleId, employeeId)) {
                    lost.add(employeeId);
                }
            }
        }
        Map<Long, String> gained = new LinkedHashMap<>(); // employee id -> the SCIM id the change named (folded)
        for (Map.Entry<String, Long> member : added.entrySet()) {
            Long employeeId = member.getValue();
            if (!lost.remove(employeeId) && !holds(c, roleId, employeeId)) {
                gained.put(employeeId, member.getKey());
            }
        }
        for (Long employeeId : lost) {
            if (!HeldRoles.lockEmployee(c, employeeId)) {
                continue; // deleted meanwhile: its delete took it out of every role and said so in History
            }
            Set<String> before = roleNames(c, employeeId);
            update(c, "DELETE FROM tt_role_assignment WHERE role_id = ? AND employee_id = ?", roleId, employeeId);
            Set<String> after = roleNames(c, employeeId);
            appendHistory(c, employeeId, now, actor, HistoryAction.ROLE_UNASSIGNED,
                    withHeldRole(EmployeeChanges.roles(before, after), HeldRoles.decide(c, tenant, employeeId, policy)));
        }
        for (Map.Entry<Long, String> member : gained.entrySet()) {
            Long employeeId = member.getKey();
            if (!HeldRoles.lockEmployee(c, employeeId)) {
                // deleted after it was found live: as if the delete had come first
                throw noSuchMember(member.getValue());
            }
            Set<String> before = roleNames(c, employeeId);
            update(c, "INSERT INTO tt_role_assignment (role_id, employee_id) VALUES (?, ?)", roleId, employeeId);
            Set<String> after = new TreeSet<>(before);
            after.add(roleName);
            appendHistory(c, employeeId, now, actor, HistoryAction.ROLE_ASSIGNED,
                    withHeldRole(EmployeeChanges.roles(before, after), HeldRoles.decide(c, tenant, employeeId, policy)));
        }
        return !lost.isEmpty() || !gained.isEmpty();
    }

    private static ScimException noSuchMember(String scimId) {
        return ScimException.invalidValue("members: no User with id \"" + scimId + "\" exists; only Users can be"
                + " members of a TrackTik role");
    }

    /**
     * A renamed role changes the roles field of each member and the held role of each employee holding
     * it (members or not); a policy that ranks roles by name decides each member's role again. One
     * History entry per employee shows it all.
     */
    private void recordRename(Connection c, TenantId tenant, LockedRole role, String newName, RolePolicy policy,
                              Actor actor, Instant now) throws SQLException {
        List<Long> members = holders(c, role.id);
        Set<Long> holding = new LinkedHashSet<>(HeldRoles.holdersOf(c, role.id));
        Set<Long> touched = new LinkedHashSet<>(members);
        touched.addAll(holding);
        HeldRoles.renamed(c, role.id, newName);
        for (Long employeeId : touched) {
            HeldRoles.lockEmployee(c, employeeId);
            List<FieldChange> changes = new ArrayList<>();
            if (holding.contains(employeeId)) {
                changes.add(new FieldChange("role", role.name, newName, "role renamed"));
            }
            if (members.contains(employeeId)) {
                Set<String> after = roleNames(c, employeeId);
                Set<String> before = new TreeSet<>(after);
                before.remove(newName);
                before.add(role.name);
                changes.add(0, EmployeeChanges.roles(before, after));
                HeldRoles.decide(c, tenant, employeeId, policy).ifPresent(changes::add);
            }
            appendHistory(c, employeeId, now, actor, HistoryAction.UPDATED, changes);
        }
    }

    private static List<FieldChange> withHeldRole(FieldChange membership, Optional<FieldChange> heldRole) {
        List<FieldChange> out = new ArrayList<>();
        out.add(membership);
        heldRole.ifPresent(out::add);
        return out;
    }

    /** The database ids of the employees holding a role. */
    private static List<Long> holders(Connection c, long roleId) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT employee_id FROM tt_role_assignment WHERE role_id = ?")) {
            ps.setLong(1, roleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static boolean holds(Connection c, long roleId, long employeeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tt_role_assignment WHERE role_id = ? AND employee_id = ?")) {
            ps.setLong(1, roleId);
            ps.setLong(2, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Set<String> roleNames(Connection c, long employeeId) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.name FROM tt_role_assignment a JOIN tt_role r ON r.id = a.role_id"
                + " WHERE a.employee_id = ?")) {
            ps.setLong(1, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** Live employees by SCIM id (lower-cased key) → database id. */
    private static Map<String, Long> resolveLiveEmployees(Connection c, TenantId tenant, Collection<String> scimIds)
            throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        List<String> ids = scimIds.stream().map(Keys::fold).distinct().toList();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT scim_id, id FROM tt_employee WHERE tenant = ?"
                    + " AND archived_at IS NULL AND scim_id IN (" + marks + ")")) {
                ps.setString(1, tenant.value());
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    // ---- reading ---------------------------------------------------------------------------------

    private Optional<EmployeeRecord> loadEmployee(Connection c, TenantId tenant, String scimId, boolean forUpdate)
            throws SQLException {
        if (forUpdate) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tt_employee WHERE tenant = ? AND scim_id = ?"
                    + " AND archived_at IS NULL FOR UPDATE")) {
                ps.setString(1, tenant.value());
                ps.setString(2, Keys.fold(scimId));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
        }
        return queryEmployees(c, tenant, " AND e.scim_id = ?", List.of(Keys.fold(scimId)), 0, 1)
                .stream().findFirst();
    }

    private List<EmployeeRecord> queryEmployees(Connection c, TenantId tenant, String where, List<Object> params,
                                                long offset, int limit) throws SQLException {
        return queryEmployees(c, tenant, where, params, " ORDER BY e.created, e.id", offset, limit);
    }

    private List<EmployeeRecord> queryEmployees(Connection c, TenantId tenant, String where, List<Object> params,
                                                String orderBy, long offset, int limit) throws SQLException {
        List<EmployeeRecord> rows = new ArrayList<>();
        Map<Long, List<RoleRef>> roles = new HashMap<>();
        List<Object[]> raw = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EMPLOYEE_COLUMNS + EMPLOYEE_FROM
                + " WHERE e.tenant = ? AND e.archived_at IS NULL" + where + orderBy + " LIMIT ? OFFSET ?")) {
            int i = bind(ps, tenant, params);
            ps.setInt(i++, limit);
            ps.setLong(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    raw.add(new Object[] {rs.getLong("id"), employeeProfile(rs), link(rs, "user_name"), heldRole(rs)});
                }
            }
        }
        List<Long> ids = raw.stream().map(r -> (Long) r[0]).toList();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT a.employee_id, r.id, r.name, r.scim_id"
                    + " FROM tt_role_assignment a JOIN tt_role r ON r.id = a.role_id WHERE a.employee_id IN (" + marks + ")"
                    + " ORDER BY r.name, r.id")) {
                for (int k = 0; k < chunk.size(); k++) {
                    ps.setLong(k + 1, chunk.get(k));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        roles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new RoleRef(String.valueOf(rs.getLong(2)), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        for (Object[] r : raw) {
            long id = (Long) r[0];
            @SuppressWarnings("unchecked")
            Optional<HeldRole> held = (Optional<HeldRole>) r[3];
            rows.add(new EmployeeRecord(new Employee(String.valueOf(id), (EmployeeProfile) r[1],
                    roles.getOrDefault(id, List.of()), held), (ScimLink) r[2]));
        }
        return rows;
    }

    private Optional<RoleRecord> loadRole(Connection c, TenantId tenant, String scimId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ROLE_COLUMNS + " FROM tt_role r WHERE r.tenant = ? AND r.scim_id = ?")) {
            ps.setString(1, tenant.value());
            ps.setString(2, Keys.fold(scimId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(role(rs)) : Optional.empty();
            }
        }
    }

    private static RoleRecord role(ResultSet rs) throws SQLException {
        Role role = new Role(String.valueOf(rs.getLong("id")), rs.getString("name"),
                dev.scimkit.tracktik.domain.RoleKind.valueOf(rs.getString("kind")));
        return new RoleRecord(role, link(rs, "name"), rs.getLong("member_count"));
    }

    private static EmployeeProfile employeeProfile(ResultSet rs) throws SQLException {
        return EmployeeProfile.builder()
                .customId(rs.getString("custom_id"))
                .firstName(rs.getString("first_name"))
                .lastName(rs.getString("last_name"))
                .email(rs.getString("email"))
                .primaryPhone(rs.getString("primary_phone"))
                .secondaryPhone(rs.getString("secondary_phone"))
                .jobTitle(rs.getString("job_title"))
                .department(rs.getString("department"))
                .managerId(rs.getString("manager_id"))
                .status(EmployeeStatus.valueOf(rs.getString("status")))
                .region(new Region(rs.getString("region_id"), rs.getString("region_name")))
                .address(new Address(rs.getString("addr_street"), rs.getString("addr_city"), rs.getString("addr_state"),
                        rs.getString("addr_postal_code"), rs.getString("addr_country")))
                .language(rs.getString("language"))
                .build();
    }

    private static Optional<HeldRole> heldRole(ResultSet rs) throws SQLException {
        String name = rs.getString("held_role_name");
        if (name == null) {
            return Optional.empty();
        }
        long id = rs.getLong("held_role_id");
        return Optional.of(new HeldRole(rs.wasNull() ? Optional.empty() : Optional.of(Long.toString(id)), name));
    }

    private static ScimLink link(ResultSet rs, String nameColumn) throws SQLException {
        return new ScimLink(rs.getString("scim_id"), Optional.ofNullable(rs.getString("external_id")),
                rs.getString(nameColumn), readObject(rs.getString("scim_json")), rs.getLong("version"),
                instant(rs, "created"), instant(rs, "last_modified"));
    }

    // ---- writing helpers -------------------------------------------------------------------------

    private static int bindProfile(PreparedStatement ps, int i, EmployeeProfile p) throws SQLException {
        ps.setString(i++, blankToNull(p.customId()));
        ps.setString(i++, p.firstName());
        ps.setString(i++, p.lastName());
        ps.setString(i++, blankToNull(p.email()));
        ps.setString(i++, blankToNull(p.primaryPhone()));
        ps.setString(i++, blankToNull(p.secondaryPhone()));
        ps.setString(i++, blankToNull(p.jobTitle()));
        ps.setString(i++, blankToNull(p.department()));
        ps.setString(i++, blankToNull(p.managerId()));
        ps.setString(i++, p.status().name());
        ps.setString(i++, p.region().id());
        Address a = p.address();
        ps.setString(i++, blankToNull(a.street()));
        ps.setString(i++, blankToNull(a.city()));
        ps.setString(i++, blankToNull(a.state()));
        ps.setString(i++, blankToNull(a.postalCode()));
        ps.setString(i++, blankToNull(a.country()));
        ps.setString(i++, blankToNull(p.language()));
        // TrackTik keeps Employee ID and email unique in a portal, without regard to case.
        ps.setString(i++, blankToNull(Keys.fold(p.customId())));
        ps.setString(i++, blankToNull(Keys.fold(p.email())));
        return i;
    }

    private static int bindLink(PreparedStatement ps, int i, String userName, Optional<String> externalId,
                                ObjectNode resource) throws SQLException {
        ps.setString(i++, userName);
        ps.setString(i++, Keys.fold(userName));
        ps.setString(i++, externalId.orElse(null));
        ps.setString(i++, json(resource));
        return i;
    }

    /**
     * Makes sure the region exists, in a transaction of its own: the first creates of a fresh tenant
     * arrive in parallel (an IdP's initial cycle), and inside theirs, one would win the insert and the
     * others fail with a unique violation, answered as a 409 for users that do not exist.
     */
    private void ensureRegion(TenantId tenant, Region region) {
        String key = tenant.value() + '\n' + region.id();
        if (knownRegions.contains(key)) {
            return;
        }
        try {
            tx.inWriteTransaction(c -> {
                insertRegionIfAbsent(c, tenant, region);
                return null;
            });
        } catch (ScimException e) {
            if (e.scimType().filter(ScimErrorType.UNIQUENESS::equals).isEmpty()) {
                throw e;
            }
            // A concurrent request inserted it first: it exists, which is all this asked.
        }
        knownRegions.add(key);
    }

    private static void insertRegionIfAbsent(Connection c, TenantId tenant, Region region) throws SQLException {
        // Checked first so that a region that exists costs no write (and no aborted PostgreSQL transaction).
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tt_region WHERE tenant = ? AND id = ?")) {
            ps.setString(1, tenant.value());
            ps.setString(2, region.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tt_region (tenant, id, name) SELECT ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM tt_region WHERE tenant = ? AND id = ?)")) {
            ps.setString(1, tenant.value());
            ps.setString(2, region.id());
            ps.setString(3, region.name());
            ps.setString(4, tenant.value());
            ps.setString(5, region.id());
            ps.executeUpdate();
        }
    }

    private static void appendHistory(Connection c, long employeeId, Instant at, Actor actor, HistoryAction action,
                                      List<FieldChange> changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
            ps.setLong(1, employeeId);
            bindHistory(ps, 2, at, actor, action, changes);
            ps.executeUpdate();
        }
    }

    /** A History entry's values after its employee: at, actor_client, actor_tenant, action, changes. */
    private static void bindHistory(PreparedStatement ps, int i, Instant at, Actor actor, HistoryAction action,
                                    List<FieldChange> changes) throws SQLException {
        ps.setObject(i++, utc(at));
        ps.setString(i++, actor.client());
        ps.setString(i++, actor.tenant());
        ps.setString(i++, action.name());
        ps.setString(i, writeChanges(changes));
    }

    private static Optional<Long> employeeDbId(Connection c, TenantId tenant, String scimId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tt_employee WHERE tenant = ? AND scim_id = ?")) {
            ps.setString(1, tenant.value());
            ps.setString(2, scimId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long count(Connection c, String sql, TenantId tenant, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, tenant, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int bind(PreparedStatement ps, TenantId tenant, List<Object> params) throws SQLException {
        int i = 1;
        ps.setString(i++, tenant.value());
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    /** Runs one INSERT, UPDATE or DELETE with the parameters bound in order. */
    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String writeChanges(List<FieldChange> changes) {
        ArrayNode array = ScimJson.mapper().createArrayNode();
        for (FieldChange ch : changes) {
            ObjectNode change = array.addObject().put("field", ch.field()).put("old", ch.oldValue()).put("new", ch.newValue());
            if (!ch.note().isEmpty()) {
                change.put("note", ch.note());
            }
        }
        return array.toString();
    }

    private static List<FieldChange> readChanges(String json) {
        List<FieldChange> out = new ArrayList<>();
        for (JsonNode n : readTree(json)) {
            out.add(new FieldChange(n.path("field").asText(), n.path("old").asText(), n.path("new").asText(),
                    n.path("note").asText()));
        }
        return out;
    }

    private static String json(ObjectNode node) {
        try {
            return ScimJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a resource", e);
        }
    }

    private static ObjectNode readObject(String json) {
        JsonNode node = readTree(json);
        return node instanceof ObjectNode o ? o : ScimJson.object();
    }

    private static JsonNode readTree(String json) {
        try {
            return ScimJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt JSON in the TrackTik store", e);
        }
    }

    private static String blankToNull(String s) {
        // Absent values are NULL, so SQL "pr" and "eq" agree with the in-memory evaluator.
        return s == null || s.isEmpty() ? null : s;
    }

    private static Instant now() {
        // Milliseconds: what meta.created shows, so SQL and in-memory timestamp comparisons agree.
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static ScimException notFound(String type, String scimId) {
        return ScimException.notFound("No " + type + " with id \"" + scimId + "\"");
    }
}
