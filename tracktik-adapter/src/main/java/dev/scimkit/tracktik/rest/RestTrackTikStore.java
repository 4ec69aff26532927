package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.Employee;
import dev.scimkit.tracktik.domain.EmployeeChanges;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HeldRole;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.Region;
import dev.scimkit.tracktik.domain.Role;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.mapping.RoleDecision;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.port.EmployeeColumn;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.EmployeeWrite;
import dev.scimkit.tracktik.port.FilterColumns;
import dev.scimkit.tracktik.port.FilterSplit;
import dev.scimkit.tracktik.port.Member;
import dev.scimkit.tracktik.port.MembershipChange;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.RoleColumn;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.RoleWrite;
import dev.scimkit.tracktik.port.ScimLink;
import dev.scimkit.tracktik.port.StoreQuery;
import dev.scimkit.tracktik.port.StoreUnavailableException;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.port.VersionConflictException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link TrackTikStore} on a TrackTik portal's REST API ({@code /rest/v1}): employees, roles,
 * user-roles and regions, with the SCIM link data and the adapter's History in the records' custom
 * fields (the module README's section "REST store: the TrackTik API we speak" lists every endpoint
 * and field, and which of them are our choice where TrackTik's documentation is silent).
 *
 * <p>One store serves one or more tenants, each with its own portal and token; a tenant without a
 * portal gets 403 for everything.
 *
 * <p><b>What REST cannot give</b>: the API has no transactions and no conditional writes. Versions are
 * compared and bumped under a lock per record inside this store, so writers in one process never lose
 * each other's change; writers in several processes on one portal can (the last PATCH wins). A write
 * and its History entry travel in one PATCH where they concern the same employee.
 *
 * <p><b>Roles</b>: the portal's user-roles hold the one role each employee holds (TrackTik's rule),
 * chosen by the {@link RolePolicy}; the group memberships the identity provider sent live in the
 * employee's custom field {@value GroupList#FIELD} ({@link GroupList}), written in the same PATCH as
 * the History entry and the held role's mirror ({@code scimRole}, {@code scimRoleName}). A membership
 * change therefore costs the employee's GET and one PATCH, plus a user-roles lookup, POST and DELETE
 * when the held role changes.
 */
public final class RestTrackTikStore implements TrackTikStore {

    private static final String EMPLOYEES = "/employees";
    private static final String ROLES = "/roles";
    private static final String USER_ROLES = "/user-roles";
    private static final String REGIONS = "/regions";
    private static final String LIVE = "ACTIVE,INACTIVE";
    private static final int STRIPES = 64;
    private static final int IN_CHUNK = 100;
    private static final java.time.Duration ROLE_CACHE_TTL = java.time.Duration.ofSeconds(60);
    private static final int ROLE_CACHE_SIZE = 10_000;
    private static final String HELD_ROLE = "scimRole";
    private static final String HELD_ROLE_NAME = "scimRoleName";

    private final Map<TenantId, Portal> portals;
    private final RestFilters filters = new RestFilters();

    private RestTrackTikStore(Map<TenantId, RestStoreConfig> configs) {
        Map<TenantId, Portal> map = new HashMap<>();
        configs.forEach((tenant, config) -> map.put(Objects.requireNonNull(tenant, "tenant"),
                new Portal(Objects.requireNonNull(config, "config"))));
        this.portals = Map.copyOf(map);
    }

    /** A store for one tenant's portal. */
    public static RestTrackTikStore open(TenantId tenant, RestStoreConfig config) {
        return new RestTrackTikStore(Map.of(tenant, config));
    }

    /** A store for several tenants, each with its own portal (and token). */
    public static RestTrackTikStore open(Map<TenantId, RestStoreConfig> configs) {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("At least one tenant's portal is needed");
        }
        return new RestTrackTikStore(configs);
    }

    @Override
    public String toString() {
        return "RestTrackTikStore" + portals.keySet().stream().map(TenantId::value).sorted().toList();
    }

    // ---- employees -------------------------------------------------------------------------------

    @Override
    public EmployeeRecord createEmployee(TenantId tenant, EmployeeWrite write, Actor actor) {
        Portal p = portal(tenant);
        ensureUserNameFree(p, write.userName());
        String scimId = UUID.randomUUID().toString();
        Instant now = now();
        ObjectNode body = EmployeeJson.employeeBody(write.profile(), p.regionId(write.profile().region()), write.userName());
        ObjectNode cf = EmployeeJson.linkFields(scimId, write.externalId(), write.resource(), 1, now, now);
        profileFields(cf, write.profile());
        // History travels with the create; the portal's id is not known yet and is filled in on read.
        cf.put(EmployeeJson.HISTORY, EmployeeJson.appendHistory(ScimJson.object(), now, actor, HistoryAction.CREATED,
                EmployeeChanges.created(write.profile(), write.derived())));
        body.set(EmployeeJson.CF, cf);
        // The SCIM id is the idempotency key: a create whose answer was lost is looked up by it first.
        PortalResponse r = p.http.create(EMPLOYEES, body, () -> p.employeeBySearch(scimId));
        JsonNode created = ok(r, "POST " + EMPLOYEES).data();
        p.employeeIds.put(scimId, EmployeeJson.id(created));
        return record(p, created);
    }

    @Override
    public Optional<EmployeeRecord> findEmployee(TenantId tenant, String scimId) {
        Portal p = portal(tenant);
        return p.employee(scimId).map(e -> recordWithRoles(p, e));
    }

    /**
     * Known from this store's own creates and reads (its SCIM id → TrackTik id cache, cleared by its
     * archives) without a request; else looked up. An employee archived through another adapter since
     * is refused by the membership write itself, which reads the employee under its lock.
     */
    @Override
    public boolean employeeExists(TenantId tenant, String scimId) {
        Portal p = portal(tenant);
        return p.employeeIds.containsKey(scimId.toLowerCase(Locale.ROOT)) || p.employee(scimId).isPresent();
    }

    @Override
    public Optional<String> scimIdOfEmployee(TenantId tenant, String employeeId) {
        if (!employeeId.chars().allMatch(Character::isDigit) || employeeId.isEmpty()) {
            return Optional.empty(); // the portal's ids are numbers; anything else is no path to send
        }
        PortalResponse r = portal(tenant).http.get(EMPLOYEES + "/" + employeeId, Map.of());
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw PortalErrors.toScim("GET " + EMPLOYEES + "/" + employeeId, r);
        }
        String scimId = scimIdOf(r.data());
        return scimId.isEmpty() ? Optional.empty() : Optional.of(scimId);
    }

    @Override
    public Optional<EmployeeRecord> findEmployeeByUserName(TenantId tenant, String userName) {
        Portal p = portal(tenant);
        return p.employeeByUserName(userName).map(e -> recordWithRoles(p, e));
    }

    @Override
    public Optional<EmployeeRecord> findEmployeeByExternalId(TenantId tenant, String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        if (externalId.isEmpty()) {
            return Optional.empty(); // an employee without an externalId does not have an empty one
        }
        Portal p = portal(tenant);
        return p.employeeByExternalId(externalId).map(e -> recordWithRoles(p, e));
    }

    @Override
    public EmployeeRecord updateEmployee(TenantId tenant, String scimId, long expectedVersion, EmployeeWrite write,
                                         Actor actor) {
        Portal p = portal(tenant);
        ReentrantLock lock = p.employeeLock(scimId);
        lock.lock();
        try {
            JsonNode raw = p.employee(scimId).orElseThrow(() -> notFound("User", scimId));
            EmployeeRecord current = recordWithRoles(p, raw);
            if (current.link().version() != expectedVersion) {
                throw new VersionConflictException("User", scimId, expectedVersion, current.link().version());
            }
            EmployeeProfile before = current.employee().profile();
            EmployeeProfile after = write.profile();
            List<FieldChange> changes = EmployeeChanges.diff(before, after, write.derived());
            boolean linkChanged = !current.link().name().equals(write.userName())
                    || !current.link().externalId().equals(write.externalId())
                    || !current.link().resource().equals(write.resource());
            if (changes.isEmpty() && !linkChanged) {
                return current;
            }
            if (!current.link().name().equalsIgnoreCase(write.userName())) {
                ensureUserNameFree(p, write.userName());
            }
            Instant now = now();
            ObjectNode body = EmployeeJson.employeeBody(after, p.regionId(after.region()), write.userName());
            ObjectNode cf = EmployeeJson.linkFields(scimId, write.externalId(), write.resource(),
                    current.link().version() + 1, current.link().created(), now);
            profileFields(cf, after);
            if (!changes.isEmpty()) {
                cf.put(EmployeeJson.HISTORY, EmployeeJson.appendHistory(raw, now, actor,
                        EmployeeChanges.actionOf(before, after), changes));
            }
            body.set(EmployeeJson.CF, cf);
            String path = EMPLOYEES + "/" + EmployeeJson.id(raw);
            JsonNode updated = ok(p.http.send("PATCH", path, body), "PATCH " + path).data();
            return record(p, updated);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void archiveEmployee(TenantId tenant, String scimId, Optional<Long> expectedVersion, Actor actor) {
        Portal p = portal(tenant);
        List<RoleRef> groups;
        ReentrantLock lock = p.employeeLock(scimId);
        lock.lock();
        try {
            JsonNode raw = p.employee(scimId).orElseThrow(() -> notFound("User", scimId));
            long version = checkedVersion(raw, "username", "User", scimId, expectedVersion);
            String id = EmployeeJson.id(raw);
            groups = p.memberships(raw);
            List<String> roleNames = groups.stream().map(RoleRef::name).toList();
            String archive = EMPLOYEES + "/" + id + "/actions/archive";
            ok(p.http.send("POST", archive, null), "POST " + archive);
            Instant now = now();
            List<FieldChange> changes = roleNames.isEmpty() ? List.of() : List.of(EmployeeChanges.roles(roleNames, List.of()));
            ObjectNode cf = versionFields(version + 1, now);
            // The memberships end; the held role stays with the terminated profile, as its other data does.
            cf.put(GroupList.FIELD, "");
            cf.put(EmployeeJson.HISTORY, EmployeeJson.appendHistory(raw, now, actor, HistoryAction.ARCHIVED, changes));
            p.patchCustomFields(EMPLOYEES + "/" + id, cf);
            p.employeeIds.remove(scimId.toLowerCase(Locale.ROOT));
        } finally {
            lock.unlock();
        }
        // The groups' member lists changed: their versions move (after the employee's lock, so the
        // lock order stays role → employee everywhere).
        for (RoleRef g : groups) {
            p.bumpRoleVersion(g.id(), g.scimId());
        }
    }

    @Override
    public FilterSplit splitEmployeeFilter(FilterColumns<EmployeeColumn> columns, Filter filter) {
        return filters.splitEmployees(columns, filter);
    }

    @Override
    public Page<EmployeeRecord> searchEmployees(TenantId tenant, StoreQuery query) {
        Portal p = portal(tenant);
        Map<String, String> params = pushedParams(query);
        if (!params.containsKey("status")) {
            params.put("status:in", LIVE);
        }
        params.put("sort", "id");
        // Only records the adapter created are SCIM Users, and the API cannot filter on "has a link",
        // so all matching pages are read and sliced here; pushed filters keep this small.
        List<JsonNode> linked = p.all(EMPLOYEES, params).stream()
                .filter(e -> EmployeeJson.link(e, "username").isPresent() && !EmployeeJson.archived(e))
                .toList();
        List<EmployeeRecord> items = new ArrayList<>();
        for (JsonNode e : slice(linked, query)) {
            items.add(record(p, e));
        }
        return new Page<>(linked.size(), items);
    }

    @Override
    public List<HistoryEntry> history(TenantId tenant, String employeeScimId) {
        Portal p = portal(tenant);
        Map<String, String> params = new LinkedHashMap<>();
        params.put(EmployeeJson.CF + "." + EmployeeJson.SCIM_ID, employeeScimId);
        return p.all(EMPLOYEES, params).stream()
                .filter(e -> hasScimId(e, employeeScimId))
                .findFirst().map(EmployeeJson::history).orElse(List.of());
    }

    // ---- roles -----------------------------------------------------------------------------------

    @Override
    public RoleRecord createRole(TenantId tenant, RoleWrite write, List<String> members, RolePolicy policy, Actor actor) {
        Portal p = portal(tenant);
        Optional<JsonNode> unlinked = ensureRoleNameFree(p, write.name(), true);
        // 400 before anything is written: the portal cannot take back a role it created.
        p.requireLiveEmployees(members);
        String scimId = UUID.randomUUID().toString();
        Instant now = now();
        ObjectNode body = ScimJson.object();
        body.put("name", write.name());
        body.set(EmployeeJson.CF, EmployeeJson.linkFields(scimId, write.externalId(), write.resource(), 1, now, now));
        JsonNode role;
        if (unlinked.isPresent()) {
            // A portal role of that name that no group links (made in the portal, or kept by employees
            // after its group was deleted): the group takes it over instead of meeting a 409.
            String path = ROLES + "/" + EmployeeJson.id(unlinked.get());
            role = ok(p.http.send("PATCH", path, body), "PATCH " + path).data();
        } else {
            role = ok(p.http.create(ROLES, body, () -> p.roleBySearch(scimId)), "POST " + ROLES).data();
        }
        p.roleIds.put(scimId, EmployeeJson.id(role));
        ReentrantLock lock = p.roleLock(scimId);
        lock.lock();
        try {
            p.applyMembership(role, new MembershipChange(false, Set.of(), members), policy, actor);
        } finally {
            lock.unlock();
        }
        return roleRecord(p, role);
    }

    @Override
    public Optional<RoleRecord> findRole(TenantId tenant, String scimId) {
        Portal p = portal(tenant);
        return p.role(scimId).map(r -> roleRecord(p, r));
    }

    @Override
    public RoleRecord updateRole(TenantId tenant, String scimId, long expectedVersion, RoleWrite write,
                                 MembershipChange members, RolePolicy policy, Actor actor) {
        Portal p = portal(tenant);
        ReentrantLock lock = p.roleLock(scimId);
        lock.lock();
        try {
            JsonNode raw = p.role(scimId).orElseThrow(() -> notFound("Group", scimId));
            // Found by its SCIM id, so it carries a link.
            ScimLink link = EmployeeJson.link(raw, "name").orElseThrow();
            if (link.version() != expectedVersion) {
                throw new VersionConflictException("Group", scimId, expectedVersion, link.version());
            }
            String oldName = EmployeeJson.text(raw, "name");
            boolean renamed = !oldName.equals(write.name());
            if (!oldName.equalsIgnoreCase(write.name())) {
                ensureRoleNameFree(p, write.name(), false);
            }
            // Members are resolved before anything is written: a missing member (400) must not leave
            // the rename behind, since the portal cannot roll it back.
            p.requireLiveEmployees(members.added());
            Instant now = now();
            ObjectNode body = ScimJson.object();
            body.put("name", write.name());
            body.set(EmployeeJson.CF, EmployeeJson.linkFields(scimId, write.externalId(), write.resource(),
                    link.version() + 1, link.created(), now));
            String path = ROLES + "/" + EmployeeJson.id(raw);
            JsonNode role = ok(p.http.send("PATCH", path, body), "PATCH " + path).data();
            p.roleCache.put(new RoleRef(EmployeeJson.id(role), write.name(), scimId));
            if (renamed) {
                p.recordRename(EmployeeJson.id(role), oldName, write.name(), policy, actor);
            }
            p.applyMembership(role, members, policy, actor);
            return roleRecord(p, role);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public RoleRecord changeMembers(TenantId tenant, String scimId, Optional<Long> expectedVersion,
                                    MembershipChange change, RolePolicy policy, Actor actor) {
        Portal p = portal(tenant);
        ReentrantLock lock = p.roleLock(scimId);
        lock.lock();
        try {
            JsonNode raw = p.role(scimId).orElseThrow(() -> notFound("Group", scimId));
            long version = checkedVersion(raw, "name", "Group", scimId, expectedVersion);
            if (!p.applyMembership(raw, change, policy, actor)) {
                return roleRecord(p, raw);
            }
            // Under the role's lock, the role read above is current: its version moves on from there,
            // and the PATCH's answer is the role afterwards.
            String path = ROLES + "/" + EmployeeJson.id(raw);
            ObjectNode body = ScimJson.object();
            body.set(EmployeeJson.CF, versionFields(version + 1, now()));
            return roleRecord(p, ok(p.http.send("PATCH", path, body), "PATCH " + path).data());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void deleteRole(TenantId tenant, String scimId, Optional<Long> expectedVersion, RolePolicy policy,
                           Actor actor) {
        Portal p = portal(tenant);
        ReentrantLock lock = p.roleLock(scimId);
        lock.lock();
        try {
            JsonNode raw = p.role(scimId).orElseThrow(() -> notFound("Group", scimId));
            checkedVersion(raw, "name", "Group", scimId, expectedVersion);
            String roleId = EmployeeJson.id(raw);
            p.applyMembership(raw, MembershipChange.exactly(List.of()), policy, actor);
            String path = ROLES + "/" + roleId;
            if (p.countOf(USER_ROLES, Map.of("role", roleId)) > 0) {
                // Employees still hold the role (they kept it when their last group went): deleting it
                // would leave them with none, which TrackTik does not allow. The role stays in the
                // portal, no longer a SCIM Group; a group of the same name takes it over again.
                p.patchCustomFields(path, Portal.unlinkFields());
            } else {
                PortalResponse r = p.http.send("DELETE", path, null);
                if (r.status() != 404) {
                    ok(r, "DELETE " + path);
                }
            }
            p.roleIds.remove(scimId);
            p.roleCache.invalidate(roleId);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public EmployeeRecord recomputeRole(TenantId tenant, String employeeScimId, RolePolicy policy, Actor actor) {
        Portal p = portal(tenant);
        ReentrantLock lock = p.employeeLock(employeeScimId);
        lock.lock();
        try {
            JsonNode e = p.employee(employeeScimId).orElseThrow(() -> notFound("User", employeeScimId));
            Optional<String> held = Portal.heldRole(e).map(HeldRole::name);
            RoleDecision decision = policy.decide(held, p.memberships(e));
            if (!decision.changes(held)) {
                return record(p, e);
            }
            ObjectNode cf = ScimJson.object();
            Optional<FieldChange> change = p.holdRole(e, decision, cf);
            if (change.isEmpty()) {
                return record(p, e);
            }
            cf.put(EmployeeJson.HISTORY, EmployeeJson.appendHistory(e, now(), actor, HistoryAction.UPDATED,
                    List.of(change.get())));
            String path = EMPLOYEES + "/" + EmployeeJson.id(e);
            ObjectNode body = ScimJson.object();
            body.set(EmployeeJson.CF, cf);
            return record(p, ok(p.http.send("PATCH", path, body), "PATCH " + path).data());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Page<Member> members(TenantId tenant, String roleScimId, long offset, int limit) {
        Portal p = portal(tenant);
        JsonNode role = p.role(roleScimId).orElseThrow(() -> notFound("Group", roleScimId));
        Map<String, String> params = Portal.membersOf(EmployeeJson.id(role));
        List<Member> out = new ArrayList<>();
        long at = offset;
        long total = -1;
        while (out.size() < limit) {
            int want = (int) Math.min(p.config.pageSize(), limit - (long) out.size());
            Portal.ListPage page = p.page(EMPLOYEES, params, at, want);
            total = page.count();
            for (JsonNode e : page.items()) {
                EmployeeJson.link(e, "username").ifPresent(link -> out.add(Member.ofUser(link.scimId(),
                        EmployeeJson.text(link.resource(), "displayName"), link.name())));
            }
            at += page.items().size();
            // The end: the portal's count reached, or an empty page (a count that promises more than it lists).
            if (page.items().isEmpty() || at >= total) {
                break;
            }
        }
        return new Page<>(total < 0 ? p.countOf(EMPLOYEES, params) : total, out);
    }

    @Override
    public FilterSplit splitRoleFilter(FilterColumns<RoleColumn> columns, Filter filter) {
        return filters.splitRoles(columns, filter);
    }

    @Override
    public Page<RoleRecord> searchRoles(TenantId tenant, StoreQuery query) {
        Portal p = portal(tenant);
        Map<String, String> params = pushedParams(query);
        params.put("sort", "id");
        List<JsonNode> linked = p.all(ROLES, params).stream()
                .filter(r -> EmployeeJson.link(r, "name").isPresent()).toList();
        List<RoleRecord> items = slice(linked, query).stream().map(r -> roleRecord(p, r)).toList();
        return new Page<>(linked.size(), items);
    }

    // ---- regions ---------------------------------------------------------------------------------

    @Override
    public List<Region> regions(TenantId tenant) {
        Portal p = portal(tenant);
        p.regionId(Region.HQ);
        List<Region> out = new ArrayList<>();
        for (JsonNode r : p.all(REGIONS, Map.of("sort", "id"))) {
            out.add(Portal.region(r));
        }
        out.sort(Comparator.comparing(Region::id));
        return out;
    }

    @Override
    public Region saveRegion(TenantId tenant, Region region) {
        Portal p = portal(tenant);
        long id = p.regionId(region);
        ObjectNode body = ScimJson.object().put("name", region.name());
        ok(p.http.send("PATCH", REGIONS + "/" + id, body), "PATCH " + REGIONS + "/" + id);
        return region;
    }

    @Override
    public void close() {
        // java.net.http.HttpClient of Java 17 has nothing to close; its threads end with the JVM's idle timeout.
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Portal portal(TenantId tenant) {
        Portal p = portals.get(tenant);
        if (p == null) {
            throw ScimException.status(403, "No TrackTik portal is configured for this tenant");
        }
        return p;
    }

    /**
     * Checks that no SCIM User has the userName (ignoring case). An update calls it only when its
     * userName changes beyond case, so the User found is never the one being updated.
     */
    private static void ensureUserNameFree(Portal p, String userName) {
        if (p.employeeByUserName(userName).isPresent()) {
            throw ScimException.uniqueness("A User with userName \"" + userName + "\" already exists (ignoring case)");
        }
    }

    /**
     * Checks that no portal role has the name (ignoring case), except one that no group links when a
     * new group may take it over: that one is returned. A rename calls it only when the name changes
     * beyond case, so the role found is never the group's own.
     */
    private static Optional<JsonNode> ensureRoleNameFree(Portal p, String name, boolean mayTakeOver) {
        Optional<JsonNode> unlinked = Optional.empty();
        for (JsonNode r : p.all(ROLES, Map.of("name", name))) {
            if (!EmployeeJson.text(r, "name").equalsIgnoreCase(name)) {
                continue;
            }
            if (mayTakeOver && scimIdOf(r).isEmpty()) {
                unlinked = Optional.of(r);
                continue;
            }
            throw ScimException.uniqueness("A TrackTik role named \"" + name + "\" already exists (ignoring case)");
        }
        return unlinked;
    }

    /**
     * The record's SCIM version (1 when it has no link yet), checked against an {@code If-Match} version.
     *
     * @param nameField the record's field the SCIM link is named by ({@code username} or {@code name})
     * @throws VersionConflictException when {@code expected} is present and differs
     */
    private static long checkedVersion(JsonNode raw, String nameField, String type, String scimId,
                                       Optional<Long> expected) {
        long version = EmployeeJson.link(raw, nameField).map(ScimLink::version).orElse(1L);
        VersionConflictException.check(type, scimId, expected, version);
        return version;
    }

    /** Custom fields that move a record's SCIM version on and stamp its last modification. */
    private static ObjectNode versionFields(long newVersion, Instant modified) {
        ObjectNode cf = ScimJson.object();
        cf.put(EmployeeJson.VERSION, Long.toString(newVersion));
        cf.put(EmployeeJson.MODIFIED, modified.toString());
        return cf;
    }

    private static void profileFields(ObjectNode cf, EmployeeProfile profile) {
        cf.put(EmployeeJson.DEPARTMENT, profile.department());
        cf.put(EmployeeJson.MANAGER, profile.managerId());
    }

    private static EmployeeRecord recordWithRoles(Portal p, JsonNode e) {
        return record(p, e);
    }

    /** The employee with its memberships (role names from the cache) and the held role it records. */
    private static EmployeeRecord record(Portal p, JsonNode e) {
        ScimLink link = EmployeeJson.link(e, "username").orElseThrow(() -> linkNotKept("employee", e));
        Region region = p.regionOf(e.path("region"));
        List<RoleRef> groups = new ArrayList<>(p.memberships(e));
        groups.sort(Comparator.comparing(RoleRef::name).thenComparing(RoleRef::id));
        return new EmployeeRecord(new Employee(EmployeeJson.id(e), EmployeeJson.profile(e, region), groups,
                Portal.heldRole(e)), link);
    }

    private static RoleRecord roleRecord(Portal p, JsonNode r) {
        ScimLink link = EmployeeJson.link(r, "name").orElseThrow(() -> linkNotKept("role", r));
        Role role = Role.staffPortalRole(EmployeeJson.id(r), EmployeeJson.text(r, "name"));
        p.roleCache.put(new RoleRef(role.id(), role.name(), link.scimId()));
        // Counted when asked: a Group PATCH answered with 204, or a role looked up to be changed, needs no count.
        return new RoleRecord(role, link, () -> p.countOf(EMPLOYEES, Portal.membersOf(role.id())));
    }

    /** The query parameters of the filter pushed to the portal (modifiable; empty when none was pushed). */
    private static Map<String, String> pushedParams(StoreQuery query) {
        if (query.seek().isPresent()) {
            // The portal sorts by its own id only (sort=id); the SCIM id lives in a custom field.
            throw new IllegalArgumentException("The portal API cannot seek by SCIM id; seeksByScimId() is false");
        }
        Map<String, String> params = new LinkedHashMap<>();
        RestFilters.query(query.filter()).ifPresent(q -> params.putAll(q.params()));
        return params;
    }

    private static <T> List<T> slice(List<T> all, StoreQuery q) {
        int from = (int) Math.min(all.size(), q.offset());
        int to = (int) Math.min(all.size(), from + (long) q.limit());
        return all.subList(from, to);
    }

    /** The SCIM id in a record's custom field ({@code ""} when the adapter did not create it). */
    static String scimIdOf(JsonNode record) {
        return EmployeeJson.text(record.path(EmployeeJson.CF), EmployeeJson.SCIM_ID);
    }

    /** Whether a record carries this SCIM id (ids compare without regard to case). */
    static boolean hasScimId(JsonNode record, String scimId) {
        return scimId.equalsIgnoreCase(scimIdOf(record));
    }

    static String userId(JsonNode userRole) {
        JsonNode u = userRole.path("user");
        return u.isObject() ? EmployeeJson.id(u) : u.asText();
    }

    private static PortalResponse ok(PortalResponse r, String call) {
        if (!r.ok()) {
            throw PortalErrors.toScim(call, r);
        }
        return r;
    }

    private static ScimException noSuchMember(String scimId) {
        return ScimException.invalidValue("members: no User with id \"" + scimId
                + "\" exists; only Users can be members of a TrackTik role");
    }

    /**
     * A record the store wrote its SCIM link into came back without it: a portal that does not keep
     * custom fields it has not defined. The operator can fix that; the client can only retry later.
     */
    private static StoreUnavailableException linkNotKept(String what, JsonNode record) {
        return new StoreUnavailableException("The TrackTik portal answered the " + what + " " + EmployeeJson.id(record)
                + " without its SCIM link (customFields." + EmployeeJson.SCIM_ID + "); define the adapter's custom"
                + " fields in the portal (see the tracktik-adapter README)", null);
    }

    private static ScimException notFound(String type, String scimId) {
        return ScimException.notFound("No " + type + " with id \"" + scimId + "\"");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- one portal ------------------------------------------------------------------------------

    /** One tenant's portal: its HTTP client, id caches and record locks. */
    private static final class Portal {
        final RestStoreConfig config;
        final PortalClient http;
        /** SCIM id → TrackTik id; a SCIM id never moves to another record, so the cache cannot lie for long. */
        final Map<String, String> employeeIds = new ConcurrentHashMap<>();
        final Map<String, String> roleIds = new ConcurrentHashMap<>();
        final Map<String, Long> regionIds = new ConcurrentHashMap<>();
        final Map<String, Region> regionsById = new ConcurrentHashMap<>();
        /** Role names and SCIM ids by TrackTik id, for memberships and held roles. */
        final RoleCache roleCache = new RoleCache(ROLE_CACHE_TTL, ROLE_CACHE_SIZE);
        private final ReentrantLock[] employeeLocks = locks();
        private final ReentrantLock[] roleLocks = locks();

        Portal(RestStoreConfig config) {
            this.config = config;
            this.http = new PortalClient(config);
            // A record without a region (TrackTik gives every employee one) is read as the headquarters'.
            regionsById.put("", Region.HQ);
        }

        private static ReentrantLock[] locks() {
            ReentrantLock[] out = new ReentrantLock[STRIPES];
            for (int i = 0; i < STRIPES; i++) {
                out[i] = new ReentrantLock();
            }
            return out;
        }

        ReentrantLock employeeLock(String scimId) {
            return employeeLocks[Math.floorMod(scimId.toLowerCase(Locale.ROOT).hashCode(), STRIPES)];
        }

        ReentrantLock roleLock(String scimId) {
            return roleLocks[Math.floorMod(scimId.toLowerCase(Locale.ROOT).hashCode(), STRIPES)];
        }

        // -- paging

        record ListPage(long count, List<JsonNode> items) {
        }

        ListPage page(String path, Map<String, String> params, long offset, int limit) {
            Map<String, String> q = new LinkedHashMap<>(params);
            q.put("limit", Integer.toString(limit));
            q.put("offset", Long.toString(offset));
            PortalResponse r = ok(http.get(path, q), "GET " + path);
            List<JsonNode> items = new ArrayList<>();
            r.body().path("data").forEach(items::add);
            JsonNode count = r.body().path("meta").path("count");
            return new ListPage(count.canConvertToLong() ? count.asLong() : offset + items.size(), items);
        }

        /** Every item of a list, page after page until the portal has no more. */
        List<JsonNode> all(String path, Map<String, String> params) {
            List<JsonNode> out = new ArrayList<>();
            long offset = 0;
            while (true) {
                ListPage page = page(path, params, offset, config.pageSize());
                out.addAll(page.items());
                offset += page.items().size();
                if (page.items().isEmpty() || page.items().size() < config.pageSize() || offset >= page.count()) {
                    return out;
                }
            }
        }

        long countOf(String path, Map<String, String> params) {
            return page(path, params, 0, 1).count();
        }

        // -- employees

        /** A live employee by SCIM id: by the cached TrackTik id, else by the custom field filter. */
        Optional<JsonNode> employee(String scimId) {
            return byScimId(EMPLOYEES, employeeIds, scimId,
                    e -> EmployeeJson.archived(e) ? Optional.empty() : Optional.of(e), this::employeeBySearch);
        }

        /**
         * A record by SCIM id: the one behind the cached TrackTik id while it still carries that SCIM id,
         * else what {@code search} finds (and the cache then remembers).
         *
         * @param onCacheHit what a cached record that still carries the SCIM id yields
         */
        private Optional<JsonNode> byScimId(String collection, Map<String, String> ids, String scimId,
                                            Function<JsonNode, Optional<JsonNode>> onCacheHit,
                                            Function<String, Optional<JsonNode>> search) {
            String key = scimId.toLowerCase(Locale.ROOT);
            String id = ids.get(key);
            if (id != null) {
                String path = collection + "/" + id;
                PortalResponse r = http.get(path, Map.of());
                if (r.ok() && hasScimId(r.data(), scimId)) {
                    return onCacheHit.apply(r.data());
                }
                if (!r.ok() && r.status() != 404) {
                    throw PortalErrors.toScim("GET " + path, r);
                }
                ids.remove(key);
            }
            Optional<JsonNode> found = search.apply(scimId);
            found.ifPresent(f -> ids.put(key, EmployeeJson.id(f)));
            return found;
        }

        Optional<JsonNode> employeeBySearch(String scimId) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put(EmployeeJson.CF + "." + EmployeeJson.SCIM_ID, scimId);
            q.put("status:in", LIVE);
            return all(EMPLOYEES, q).stream()
                    .filter(e -> hasScimId(e, scimId) && !EmployeeJson.archived(e))
                    .findFirst();
        }

        Optional<JsonNode> employeeByUserName(String userName) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("username", userName);
            q.put("status:in", LIVE);
            return all(EMPLOYEES, q).stream()
                    .filter(e -> EmployeeJson.text(e, "username").equalsIgnoreCase(userName))
                    .filter(e -> EmployeeJson.link(e, "username").isPresent())
                    .findFirst();
        }

        /**
         * The earliest created live SCIM User whose externalId is exactly {@code externalId}: the portal
         * filters its custom field without regard to case, so the exact comparison is made here.
         */
        Optional<JsonNode> employeeByExternalId(String externalId) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put(EmployeeJson.CF + "." + EmployeeJson.EXTERNAL_ID, externalId);
            q.put("status:in", LIVE);
            q.put("sort", "id");
            return all(EMPLOYEES, q).stream()
                    .filter(e -> externalId.equals(EmployeeJson.text(e.path(EmployeeJson.CF), EmployeeJson.EXTERNAL_ID)))
                    .filter(e -> EmployeeJson.link(e, "username").isPresent() && !EmployeeJson.archived(e))
                    .findFirst();
        }

        /** Checks that every id is a live employee's; 400 naming the first that is not, before anything is written. */
        void requireLiveEmployees(java.util.Collection<String> scimIds) {
            for (String id : scimIds) {
                employee(id).orElseThrow(() -> noSuchMember(id));
            }
        }

        // -- roles, memberships and the held role

        Optional<JsonNode> role(String scimId) {
            return byScimId(ROLES, roleIds, scimId, Optional::of, this::roleBySearch);
        }

        Optional<JsonNode> roleBySearch(String scimId) {
            return all(ROLES, Map.of(EmployeeJson.CF + "." + EmployeeJson.SCIM_ID, scimId)).stream()
                    .filter(r -> hasScimId(r, scimId))
                    .findFirst();
        }

        /**
         * Moves a role's SCIM version on; the caller does not hold the role's lock. The lock is the one
         * the role's writes take (by SCIM id); a role no group links shares the stripe of "", which
         * only serialises those rare bumps.
         */
        void bumpRoleVersion(String roleId, String scimId) {
            ReentrantLock lock = roleLock(scimId);
            lock.lock();
            try {
                PortalResponse r = http.get(ROLES + "/" + roleId, Map.of());
                if (r.status() == 404) {
                    return;
                }
                JsonNode role = ok(r, "GET " + ROLES + "/" + roleId).data();
                long version = EmployeeJson.link(role, "name").map(ScimLink::version).orElse(1L);
                patchCustomFields(ROLES + "/" + roleId, versionFields(version + 1, now()));
            } finally {
                lock.unlock();
            }
        }

        /** One PATCH that sets the given custom fields of a record (the others stay as they are). */
        void patchCustomFields(String path, ObjectNode cf) {
            ObjectNode body = ScimJson.object();
            body.set(EmployeeJson.CF, cf);
            ok(http.send("PATCH", path, body), "PATCH " + path);
        }

        /** Custom fields that make a role no SCIM Group any more (it stays a portal role). */
        static ObjectNode unlinkFields() {
            ObjectNode cf = ScimJson.object();
            for (String f : List.of(EmployeeJson.SCIM_ID, EmployeeJson.EXTERNAL_ID, EmployeeJson.VERSION,
                    EmployeeJson.RESOURCE, EmployeeJson.CREATED, EmployeeJson.MODIFIED)) {
                cf.put(f, "");
            }
            return cf;
        }

        /** The list query of a role's group members: live employees whose memberships name it. */
        static Map<String, String> membersOf(String roleId) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put(EmployeeJson.CF + "." + GroupList.FIELD + ":contains", GroupList.containing(roleId));
            q.put("status:in", LIVE);
            q.put("sort", "id");
            return q;
        }

        /** The roles of an employee record's groups, earliest assignment first (a role gone meanwhile is skipped). */
        List<RoleRef> memberships(JsonNode employee) {
            List<RoleRef> out = new ArrayList<>();
            for (String roleId : GroupList.of(employee)) {
                roleCache.get(roleId, this::fetchRole).ifPresent(out::add);
            }
            return out;
        }

        private Optional<RoleRef> fetchRole(String roleId) {
            PortalResponse r = http.get(ROLES + "/" + roleId, Map.of());
            if (r.status() == 404) {
                return Optional.empty();
            }
            JsonNode role = ok(r, "GET " + ROLES + "/" + roleId).data();
            return Optional.of(new RoleRef(roleId, EmployeeJson.text(role, "name"), scimIdOf(role)));
        }

        /** The held role an employee record carries in its custom fields (the mirror of its user-role). */
        static Optional<HeldRole> heldRole(JsonNode employee) {
            JsonNode cf = employee.path(EmployeeJson.CF);
            String name = EmployeeJson.text(cf, HELD_ROLE_NAME);
            return name.isEmpty() ? Optional.empty()
                    : Optional.of(new HeldRole(Optional.of(EmployeeJson.text(cf, HELD_ROLE)), name));
        }

        /**
         * Makes the decision's role the one the portal has the employee hold (its user-role; the others
         * go, after the new one exists, so the employee never holds none) and puts the mirror into
         * {@code cf}. Returns the History line, empty when the role cannot be found in the portal
         * (a default role the portal lacks: the employee keeps what it holds).
         */
        Optional<FieldChange> holdRole(JsonNode employee, RoleDecision decision, ObjectNode cf) {
            Optional<String> held = heldRole(employee).map(HeldRole::name);
            if (!decision.changes(held)) {
                return decision.historyChange(held);
            }
            String name = decision.role().orElseThrow();
            Optional<String> roleId = memberships(employee).stream().filter(r -> r.name().equals(name))
                    .map(RoleRef::id).findFirst();
            if (roleId.isEmpty()) {
                roleId = all(ROLES, Map.of("name", name)).stream()
                        .filter(r -> EmployeeJson.text(r, "name").equalsIgnoreCase(name)).map(EmployeeJson::id).findFirst();
            }
            if (roleId.isEmpty()) {
                return Optional.empty();
            }
            String employeeId = EmployeeJson.id(employee);
            String target = roleId.get();
            List<JsonNode> current = all(USER_ROLES, Map.of("user", employeeId, "sort", "id"));
            if (current.stream().noneMatch(ur -> roleIdOf(ur).equals(target))) {
                ObjectNode body = ScimJson.object();
                body.put("user", Long.parseLong(employeeId));
                body.put("role", Long.parseLong(target));
                // The (user, role) pair is the idempotency key of an assignment.
                ok(http.createUnique(USER_ROLES, body, () -> userRole(employeeId, target)), "POST " + USER_ROLES);
            }
            for (JsonNode ur : current) {
                if (!roleIdOf(ur).equals(target)) {
                    deleteUserRole(EmployeeJson.id(ur));
                }
            }
            cf.put(HELD_ROLE, target);
            cf.put(HELD_ROLE_NAME, name);
            return decision.historyChange(held);
        }

        /**
         * Adds or removes one employee's membership of a role (the caller holds the role's lock), decides
         * its held role again and writes memberships, held role and the History entry in one PATCH;
         * false when the employee is not live or the membership is already so.
         *
         * @throws ScimException 400 when an employee to add does not exist
         */
        boolean setMembership(JsonNode role, String scimId, boolean member, RolePolicy policy, Actor actor) {
            ReentrantLock lock = employeeLock(scimId);
            lock.lock();
            try {
                return setMembershipLocked(EmployeeJson.id(role), scimId, member, policy, actor);
            } finally {
                lock.unlock();
            }
        }

        /** {@link #setMembership} under the employee's lock. */
        private boolean setMembershipLocked(String roleId, String scimId, boolean member, RolePolicy policy, Actor actor) {
            Optional<JsonNode> found = employee(scimId);
            if (found.isEmpty()) {
                if (member) {
                    throw noSuchMember(scimId);
                }
                return false;
            }
            JsonNode e = found.get();
            List<String> groups = new ArrayList<>(GroupList.of(e));
            if (groups.contains(roleId) == member) {
                return false;
            }
            List<RoleRef> before = memberships(e);
            if (member) {
                groups.add(roleId);
            } else {
                groups.remove(roleId);
            }
            ObjectNode cf = ScimJson.object();
            cf.put(GroupList.FIELD, GroupList.format(groups));
            ObjectNode after = (ObjectNode) e.deepCopy();
            (after.get(EmployeeJson.CF) instanceof ObjectNode o ? o : after.putObject(EmployeeJson.CF))
                    .put(GroupList.FIELD, GroupList.format(groups));
            List<RoleRef> now = memberships(after);
            List<FieldChange> changes = new ArrayList<>();
            changes.add(EmployeeChanges.roles(before.stream().map(RoleRef::name).toList(),
                    now.stream().map(RoleRef::name).toList()));
            Optional<String> held = heldRole(e).map(HeldRole::name);
            holdRole(after, policy.decide(held, now), cf).ifPresent(changes::add);
            cf.put(EmployeeJson.HISTORY, EmployeeJson.appendHistory(e, now(), actor,
                    member ? HistoryAction.ROLE_ASSIGNED : HistoryAction.ROLE_UNASSIGNED, changes));
            patchCustomFields(EMPLOYEES + "/" + EmployeeJson.id(e), cf);
            return true;
        }

        /** Applies a membership change to a role (caller holds the role's lock); true when anything changed. */
        boolean applyMembership(JsonNode role, MembershipChange change, RolePolicy policy, Actor actor) {
            if (change.isEmpty()) {
                return false;
            }
            String roleId = EmployeeJson.id(role);
            roleCache.put(new RoleRef(roleId, EmployeeJson.text(role, "name"), scimIdOf(role)));
            boolean oneAdd = change.added().size() == 1 && change.removed().isEmpty() && !change.replaceAll();
            if (!oneAdd) {
                requireLiveEmployees(change.added()); // 400 naming a member that does not exist, before any write
            }
            Set<String> adding = new LinkedHashSet<>();
            change.added().forEach(id -> adding.add(id.toLowerCase(Locale.ROOT)));
            List<String> losing = new ArrayList<>();
            if (change.replaceAll()) {
                for (JsonNode e : all(EMPLOYEES, membersOf(roleId))) {
                    String scimId = scimIdOf(e);
                    if (!scimId.isEmpty() && !adding.contains(scimId.toLowerCase(Locale.ROOT))) {
                        employeeIds.put(scimId.toLowerCase(Locale.ROOT), EmployeeJson.id(e));
                        losing.add(scimId);
                    }
                }
            } else {
                change.removed().stream().filter(id -> !adding.contains(id.toLowerCase(Locale.ROOT))).forEach(losing::add);
            }
            boolean changed = false;
            for (String scimId : losing) {
                changed |= setMembership(role, scimId, false, policy, actor);
            }
            for (String scimId : change.added()) {
                changed |= setMembership(role, scimId, true, policy, actor);
            }
            return changed;
        }

        /**
         * A renamed role: each member's groups and each holder's held role show the new name, and a policy
         * that ranks roles by name decides each member's role again; one History entry per employee (with
         * the held role's mirror) in one PATCH.
         */
        void recordRename(String roleId, String oldName, String newName, RolePolicy policy, Actor actor) {
            Map<String, JsonNode> touched = new LinkedHashMap<>();
            for (JsonNode e : all(EMPLOYEES, membersOf(roleId))) {
                touched.put(EmployeeJson.id(e), e);
            }
            Set<String> holders = new LinkedHashSet<>();
            for (JsonNode ur : all(USER_ROLES, Map.of("role", roleId, "sort", "id"))) {
                holders.add(userId(ur));
            }
            Set<String> ids = new LinkedHashSet<>(touched.keySet());
            ids.addAll(holders);
            for (String employeeId : ids) {
                JsonNode known = touched.get(employeeId);
                String scimId = known != null ? scimIdOf(known) : scimIdOf(ok(http.get(EMPLOYEES + "/" + employeeId, Map.of()),
                        "GET " + EMPLOYEES + "/" + employeeId).data());
                // The lock the employee's writes take (by SCIM id); a holder made in the portal has none
                // and is skipped below, so its stripe (that of "") only serialises those reads.
                ReentrantLock lock = employeeLock(scimId);
                lock.lock();
                try {
                    // Read under the lock: another History append may have landed in between.
                    JsonNode e = ok(http.get(EMPLOYEES + "/" + employeeId, Map.of()), "GET " + EMPLOYEES + "/" + employeeId).data();
                    List<FieldChange> changes = new ArrayList<>();
                    ObjectNode cf = ScimJson.object();
                    if (GroupList.of(e).contains(roleId)) {
                        List<String> after = memberships(e).stream().map(RoleRef::name).toList();
                        Set<String> before = new TreeSet<>(after);
                        before.remove(newName);
                        before.add(oldName);
                        changes.add(EmployeeChanges.roles(before, after));
                    }
                    ObjectNode renamed = (ObjectNode) e.deepCopy();
                    if (holders.contains(employeeId) && EmployeeJson.text(e.path(EmployeeJson.CF), HELD_ROLE).equals(roleId)) {
                        changes.add(new FieldChange("role", oldName, newName, "role renamed"));
                        cf.put(HELD_ROLE_NAME, newName);
                        ((ObjectNode) renamed.get(EmployeeJson.CF)).put(HELD_ROLE_NAME, newName);
                    }
                    if (GroupList.of(e).contains(roleId)) {
                        Optional<String> held = heldRole(renamed).map(HeldRole::name);
                        holdRole(renamed, policy.decide(held, memberships(renamed)), cf).ifPresent(changes::add);
                    }
                    if (changes.isEmpty() || scimIdOf(e).isEmpty()) {
                        continue;
                    }
                    cf.put(EmployeeJson.HISTORY, EmployeeJson.appendHistory(e, now(), actor, HistoryAction.UPDATED, changes));
                    patchCustomFields(EMPLOYEES + "/" + employeeId, cf);
                } finally {
                    lock.unlock();
                }
            }
        }

        Optional<JsonNode> userRole(String employeeId, String roleId) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("user", employeeId);
            q.put("role", roleId);
            // The user and role filters are documented, and holdRole relies on them too.
            return all(USER_ROLES, q).stream().findFirst();
        }

        static String roleIdOf(JsonNode userRole) {
            JsonNode r = userRole.path("role");
            return r.isObject() ? EmployeeJson.id(r) : r.asText();
        }

        void deleteUserRole(String userRoleId) {
            PortalResponse r = http.send("DELETE", USER_ROLES + "/" + userRoleId, null);
            if (r.status() != 404) { // already gone: a retried DELETE whose first answer was lost
                ok(r, "DELETE " + USER_ROLES + "/" + userRoleId);
            }
        }

        // -- regions

        /** The portal's id of a region, by its key ({@code customId}); created when the portal lacks it. */
        long regionId(Region region) {
            Long cached = regionIds.get(region.id());
            if (cached != null) {
                return cached;
            }
            Supplier<Optional<JsonNode>> find = () -> all(REGIONS, Map.of("customId", region.id())).stream()
                    .filter(r -> EmployeeJson.text(r, "customId").equalsIgnoreCase(region.id())).findFirst();
            JsonNode r = find.get().orElseGet(() -> {
                ObjectNode body = ScimJson.object().put("customId", region.id()).put("name", region.name());
                return ok(http.create(REGIONS, body, find), "POST " + REGIONS).data();
            });
            long id = r.path("id").asLong();
            regionIds.put(region.id(), id);
            regionsById.put(Long.toString(id), region(r));
            return id;
        }

        /** The region an employee's {@code region} (the id the API sends; the store never asks to include it) names. */
        Region regionOf(JsonNode ref) {
            String id = ref.asText();
            Region known = regionsById.get(id);
            if (known != null) {
                return known;
            }
            Region r = region(ok(http.get(REGIONS + "/" + id, Map.of()), "GET " + REGIONS + "/" + id).data());
            regionsById.put(id, r);
            return r;
        }

        static Region region(JsonNode r) {
            String key = EmployeeJson.text(r, "customId");
            String name = EmployeeJson.text(r, "name");
            return new Region(key.isEmpty() ? EmployeeJson.id(r) : key, name.isEmpty() ? EmployeeJson.id(r) : name);
        }
    }
}
