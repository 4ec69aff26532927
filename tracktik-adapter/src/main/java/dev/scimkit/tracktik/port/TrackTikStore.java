package dev.scimkit.tracktik.port;

import dev.scimkit.filter.ast.Filter;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.Region;
import dev.scimkit.tracktik.mapping.RolePolicy;

import java.util.List;
import java.util.Optional;

/**
 * The port between SCIM and TrackTik: employees, roles, role assignments, History and regions of a
 * tenant (one portal), with the SCIM link data. Implemented by a JDBC store (H2, PostgreSQL) and by
 * the portal's REST API.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenancy</b>: everything is per tenant; another tenant's records do not exist.</li>
 *   <li><b>Archived employees</b> (SCIM DELETE) are gone for every method here except
 *       {@link #history}; they keep their History.</li>
 *   <li><b>One transaction per write</b>: a write and the History entries it causes commit together
 *       or not at all.</li>
 *   <li><b>Versions</b>: every update names the version it was computed from; when the record has
 *       moved on, the write fails with {@link VersionConflictException} and changes nothing.</li>
 *   <li><b>Uniqueness</b>: userName (ignoring case) per tenant among live employees and role names
 *       (ignoring case) per tenant are enforced by the store atomically with the write:
 *       ScimException 409 {@code uniqueness}.</li>
 *   <li><b>Roles</b>: a role assignment is a group membership as the identity provider sent it
 *       ({@link #members}, {@code Employee.roles()}); the one role the employee holds
 *       ({@code Employee.heldRole()}) is chosen by the {@link RolePolicy} each membership write passes,
 *       recomputed for every employee whose memberships the write changes, and each change of it is in
 *       the same History entry as the membership change that caused it, with the policy's reason.</li>
 *   <li><b>Errors</b>: an unknown SCIM id is ScimException 404; a store that cannot be reached is
 *       {@link StoreUnavailableException} (503).</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface TrackTikStore extends AutoCloseable {

    // ---- employees -------------------------------------------------------------------------------

    /** Creates an employee (id and SCIM id assigned here), appending a CREATED History entry. */
    EmployeeRecord createEmployee(TenantId tenant, EmployeeWrite write, Actor actor);

    /**
     * Creates many employees as {@link #createEmployee} creates each (a CREATED History entry apiece)
     * and returns their SCIM ids in the order of {@code writes}: an initial import. A store may write
     * them in one transaction (all or nothing); by default they are created one by one.
     */
    default List<String> createEmployees(TenantId tenant, List<EmployeeWrite> writes, Actor actor) {
        return writes.stream().map(w -> createEmployee(tenant, w, actor).scimId()).toList();
    }

    /** A live (not archived) employee by SCIM id. */
    Optional<EmployeeRecord> findEmployee(TenantId tenant, String scimId);

    /**
     * The SCIM id of the employee whose TrackTik id ({@code Employee.id()}, what the portal and the admin
     * views list) is {@code employeeId}, archived employees included (their History stays readable);
     * empty for an employee that provisioning did not create.
     */
    Optional<String> scimIdOfEmployee(TenantId tenant, String employeeId);

    /**
     * Whether a live employee has this SCIM id, as the engine asks for each member a Group write names.
     * A store may answer from the employees it created or read itself (a request saved on the portal's
     * API), since every membership write checks its members again (400 naming a missing one).
     */
    default boolean employeeExists(TenantId tenant, String scimId) {
        return findEmployee(tenant, scimId).isPresent();
    }

    /** A live employee by userName, ignoring case. */
    Optional<EmployeeRecord> findEmployeeByUserName(TenantId tenant, String userName);

    /**
     * A live employee by the provisioning client's {@code externalId}, compared exactly (the attribute
     * is case-exact). SCIM does not make {@code externalId} unique, so when several live employees
     * carry it, the earliest created is returned. Answered from an index (JDBC) or a filtered list
     * request (REST), never by reading every employee.
     */
    Optional<EmployeeRecord> findEmployeeByExternalId(TenantId tenant, String externalId);

    /**
     * Replaces the employee's profile and link data if its version is still {@code expectedVersion},
     * appending one History entry with the changed fields (none when nothing changed: then the record
     * is returned unchanged, version included).
     */
    EmployeeRecord updateEmployee(TenantId tenant, String scimId, long expectedVersion, EmployeeWrite write, Actor actor);

    /**
     * Archives the employee: gone for SCIM, kept with its History; it loses its roles (History
     * records that too). {@code expectedVersion} empty archives whatever the version.
     */
    void archiveEmployee(TenantId tenant, String scimId, Optional<Long> expectedVersion, Actor actor);

    /** Splits a User filter into what this store evaluates and the rest. */
    FilterSplit splitEmployeeFilter(FilterColumns<EmployeeColumn> columns, Filter filter);

    /** A page of live employees matching the query, in creation order (SCIM id order with a seek). */
    Page<EmployeeRecord> searchEmployees(TenantId tenant, StoreQuery query);

    /**
     * A page of live employees matching an administrator's search (the console's employee list), in
     * the store's stable order. By default every live employee is read and filtered with
     * {@link EmployeeSearch#matches}, which suits a store that cannot filter on regions or held roles
     * itself (the portal's REST API); the JDBC store answers it with one indexed query.
     */
    default Page<EmployeeRecord> findEmployees(TenantId tenant, EmployeeSearch search) {
        List<EmployeeRecord> matching = searchEmployees(tenant, StoreQuery.all(Optional.empty())).items().stream()
                .filter(search::matches).toList();
        int from = (int) Math.min(search.offset(), matching.size());
        int to = (int) Math.min((long) from + search.limit(), matching.size());
        return new Page<>(matching.size(), matching.subList(from, to));
    }

    /**
     * Whether {@link #searchEmployees} and {@link #searchRoles} accept a {@link ScimIdSeek} (an index
     * on the SCIM id makes a cursor page cost one page). False by default: the adapter then pages
     * cursor searches over all candidates in memory.
     */
    default boolean seeksByScimId() {
        return false;
    }

    /** The History of an employee (archived ones included), oldest first; empty for an unknown id. */
    List<HistoryEntry> history(TenantId tenant, String employeeScimId);

    // ---- roles -----------------------------------------------------------------------------------

    /** Creates a Staff Portal Role whose group has {@code members} (employee SCIM ids, each must exist). */
    RoleRecord createRole(TenantId tenant, RoleWrite write, List<String> members, RolePolicy policy, Actor actor);

    Optional<RoleRecord> findRole(TenantId tenant, String scimId);

    /** Replaces name and link data (and applies {@code members}) if the version is still {@code expectedVersion}. */
    RoleRecord updateRole(TenantId tenant, String scimId, long expectedVersion, RoleWrite write,
                          MembershipChange members, RolePolicy policy, Actor actor);

    /**
     * Applies a membership change without loading the current holders; each employee whose roles
     * change gets a History entry. {@code expectedVersion} empty applies it whatever the version
     * (concurrent deltas never lose each other). Every added id must be a live employee (400
     * invalidValue naming it). Returns the role afterwards (new version when anything changed).
     */
    RoleRecord changeMembers(TenantId tenant, String scimId, Optional<Long> expectedVersion,
                             MembershipChange change, RolePolicy policy, Actor actor);

    /**
     * Deletes the group: its members lose the membership and get their held role decided again (with
     * History). An employee that keeps the role after its last group went keeps holding it by name.
     */
    void deleteRole(TenantId tenant, String scimId, Optional<Long> expectedVersion, RolePolicy policy, Actor actor);

    /**
     * Decides the employee's held role again from its current memberships, as after a change of the
     * policy's configuration (a new priority list); records a change in History with the policy's
     * reason. Returns the employee afterwards (unchanged when the decision keeps its role).
     */
    EmployeeRecord recomputeRole(TenantId tenant, String employeeScimId, RolePolicy policy, Actor actor);

    /** A page of the role's holders, ordered by when they got the role. */
    Page<Member> members(TenantId tenant, String roleScimId, long offset, int limit);

    /** Splits a Group filter into what this store evaluates and the rest. */
    FilterSplit splitRoleFilter(FilterColumns<RoleColumn> columns, Filter filter);

    /** A page of roles matching the query, in creation order (SCIM id order with a seek). */
    Page<RoleRecord> searchRoles(TenantId tenant, StoreQuery query);

    // ---- regions ---------------------------------------------------------------------------------

    /** The tenant's regions; always includes {@link Region#HQ}. */
    List<Region> regions(TenantId tenant);

    /** Adds or renames a region. */
    Region saveRegion(TenantId tenant, Region region);

    /** Releases pools and connections. */
    @Override
    void close();
}
