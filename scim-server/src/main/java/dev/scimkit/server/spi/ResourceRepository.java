package dev.scimkit.server.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.patch.PatchPlan;

import java.util.Optional;

/**
 * Stores the resources of one resource type for many tenants. The engine calls it with parsed,
 * validated input; the repository owns identity, versions, uniqueness and membership.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenancy</b>: every call carries the tenant; a resource of another tenant does not exist
 *       (404, never 403). A read names the tenant; a write names the {@link ScimPrincipal caller},
 *       whose {@link ScimPrincipal#tenant() tenant} it acts for and whose {@link ScimPrincipal#name()
 *       name} (the provisioning client's credential, never a secret) an audit trail may record.</li>
 *   <li><b>Identity and meta</b>: {@link #create} assigns {@code id} and {@code meta.created},
 *       {@code meta.lastModified}, {@code meta.version}; every write that changes a resource gives it a
 *       new {@code meta.version} (an entity tag such as {@code W/"7"}). The engine adds
 *       {@code meta.resourceType} and {@code meta.location}.</li>
 *   <li><b>Versions</b>: when {@code expectedVersion} is present and differs from the current
 *       version (weak comparison), the write fails with a 412
 *       ({@code ScimException.status(412, …)}), atomically with the write, so two writers never
 *       lose each other's changes.</li>
 *   <li><b>Uniqueness</b>: {@code userName} (ignoring case) and any attribute the deployment declares
 *       unique are unique per tenant; a violation is a 409 {@code uniqueness}, checked atomically
 *       with the write.</li>
 *   <li><b>Membership</b>: {@code members} must name existing resources of the tenant (400
 *       {@code invalidValue} naming the id); a User's {@code groups} is derived from memberships, and
 *       deleting a resource removes it from every group.</li>
 *   <li><b>Errors</b>: unknown ids are {@code ScimException.notFound}; anything else a client can cause
 *       is a {@code ScimException}, never another exception.</li>
 *   <li><b>Copies</b>: a node the repository returns is a new top-level object the caller may change
 *       (the engine adds {@code meta.location} and projects it) without changing what is stored; its
 *       nested values may be shared with the store and are read-only for both sides. The same holds
 *       for what the engine passes in: {@code PatchResult.resource()} of {@link #patch} shares the
 *       values the PATCH did not touch ({@code meta} included) with the node it was applied to, so a
 *       repository that keeps the node it is given must never modify it in place: copy, then change.
 *       {@code ResourceRepositoryContract} (scim-server's test-jar) checks this with the rest.</li>
 * </ul>
 * Implementations must be thread-safe.
 */
public interface ResourceRepository {

    /** Stores a new, validated resource (no {@code id}, no {@code meta}) and returns it as stored. */
    ObjectNode create(ScimPrincipal caller, ObjectNode resource);

    /** The resource, or empty when the tenant has none with that id. */
    Optional<ObjectNode> get(TenantId tenant, String id, Projection projection);

    /**
     * Whether the tenant has a resource with this id; the engine asks it for each member a write names
     * (400 {@code invalidValue} when none has it). The default reads the resource. A repository whose
     * reads cost a remote request may answer from what it read or wrote itself, provided the write that
     * follows checks its members again, so a member gone meanwhile is still refused.
     */
    default boolean exists(TenantId tenant, String id) {
        return get(tenant, id, Projection.attributes(java.util.List.of(
                dev.scimkit.filter.ast.AttributePath.of("id")))).isPresent();
    }

    /**
     * Replaces a resource with a validated one (readOnly attributes already carried over by the
     * engine) and returns it as stored.
     */
    ObjectNode replace(ScimPrincipal caller, String id, ObjectNode resource, Optional<String> expectedVersion);

    /**
     * Applies a checked PATCH plan atomically and returns the resource afterwards. A repository
     * applies {@link PatchPlan#membershipDelta()} to its store directly (see
     * {@code PatchPlan.applyWithoutMembers}), so one member added to a huge group stays cheap.
     *
     * @param projection what the caller will return; members may be left out when it omits them
     */
    ObjectNode patch(ScimPrincipal caller, String id, PatchPlan plan, Optional<String> expectedVersion,
                     Projection projection);

    /** Deletes a resource (and its memberships). */
    void delete(ScimPrincipal caller, String id, Optional<String> expectedVersion);

    /**
     * One page of the resources that match the query's filter, in the query's sort order or a stable
     * default order. A repository may evaluate the filter in its store or in memory; the results must
     * be the same.
     */
    SearchResult search(TenantId tenant, SearchQuery query);

    /**
     * One page of an RFC 9865 cursor search: the resources that match {@code query}'s filter, in the
     * keyset order {@link KeysetPage} defines (the query's sort key, then {@code id}), strictly after
     * (or, for a backward page, strictly before) {@code page.boundary()}, at most {@code page.limit()}
     * of them, <em>always in the forward keyset order</em>. {@code totalResults} counts every match of
     * the filter, not only those past the boundary. {@code query.startIndex()} and {@code query.count()}
     * are to be ignored.
     *
     * <p>Optional: the default returns empty, and the engine then pages itself over
     * {@link #search} results (all matches, sorted in memory), which is correct but reads every match
     * per page. A store that can seek (SQL {@code WHERE (key, id) > (?, ?) ORDER BY key, id LIMIT ?})
     * overrides it, and may still return empty for the queries it cannot seek (such as a sort key it
     * does not index). Since 0.1.0 (cursor pagination); existing repositories need no change.
     *
     * @return the page, or empty to let the engine page over {@link #search}
     */
    default Optional<SearchResult> searchKeyset(TenantId tenant, SearchQuery query, KeysetPage page) {
        return Optional.empty();
    }
}
