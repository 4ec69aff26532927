package dev.scimkit.tracktik.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.filter.Filters;
import dev.scimkit.patch.MembershipDelta;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.patch.PatchResult;
import dev.scimkit.server.spi.KeysetPage;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.mapping.GroupMapping;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.port.Member;
import dev.scimkit.tracktik.port.MembershipChange;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.RoleWrite;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.port.VersionConflictException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * SCIM Groups as TrackTik Staff Portal Roles. A Group's {@code members} are what the identity provider
 * sent; which one role each member actually holds is the {@link RolePolicy}'s decision. Membership
 * PATCHes reach the store as deltas, so adding one member to a huge group never loads the others, and
 * concurrent deltas (even through several servers on one database) never lose each other.
 */
public final class RoleGroupRepository implements ResourceRepository {

    private static final int MEMBER_PAGE = 1000;

    private final TrackTikStore store;
    private final GroupMapping mapping;
    private final ActorResolver actors;
    private final RolePolicy policy;

    /** A repository with TrackTik's default role policy ({@link RolePolicy#trackTikDefault()}). */
    public RoleGroupRepository(TrackTikStore store, GroupMapping mapping, ActorResolver actors) {
        this(store, mapping, actors, RolePolicy.trackTikDefault());
    }

    public RoleGroupRepository(TrackTikStore store, GroupMapping mapping, ActorResolver actors, RolePolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.actors = Objects.requireNonNull(actors, "actors");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public ObjectNode create(ScimPrincipal caller, ObjectNode resource) {
        TenantId tenant = caller.tenant();
        Actor actor = actors.actorFor(caller);
        RoleRecord role = store.createRole(tenant, write(resource), memberIds(resource), policy, actor);
        return render(tenant, role, true);
    }

    @Override
    public Optional<ObjectNode> get(TenantId tenant, String id, Projection projection) {
        return store.findRole(tenant, id).map(r -> render(tenant, r, !projection.mayOmit("members")));
    }

    @Override
    public ObjectNode replace(ScimPrincipal caller, String id, ObjectNode resource, Optional<String> expectedVersion) {
        TenantId tenant = caller.tenant();
        Actor actor = actors.actorFor(caller);
        Optional<Long> expected = Versions.expected(expectedVersion, "Group", id);
        RoleWrite write = write(resource);
        MembershipChange members = MembershipChange.exactly(memberIds(resource));
        return OptimisticWrites.retry(expected, () -> {
            RoleRecord current = current(tenant, id, expected);
            return render(tenant, store.updateRole(tenant, current.scimId(), current.link().version(), write, members,
                    policy, actor), true);
        });
    }

    @Override
    public ObjectNode patch(ScimPrincipal caller, String id, PatchPlan plan, Optional<String> expectedVersion,
                            Projection projection) {
        TenantId tenant = caller.tenant();
        Actor actor = actors.actorFor(caller);
        Optional<Long> expected = Versions.expected(expectedVersion, "Group", id);
        boolean withMembers = !projection.mayOmit("members");
        Optional<MembershipChange> onlyMembers = onlyMembers(plan, expected);
        if (onlyMembers.isPresent()) {
            // Nothing but members, no If-Match: the store applies the delta to whatever the role is now,
            // so reading it first (a request on the portal's API) would tell nothing.
            return render(tenant, store.changeMembers(tenant, id, Optional.empty(), onlyMembers.get(), policy, actor),
                    withMembers);
        }
        return OptimisticWrites.retry(expected, () -> {
            RoleRecord current = current(tenant, id, expected);
            PatchResult result;
            if (plan.membershipDelta().isPresent()) {
                // Members stay in the store: the plan sees the group without them and hands back a delta.
                result = plan.applyWithoutMembers(mapping.toGroup(current, Optional.empty()));
            } else {
                result = plan.apply(render(tenant, current, true));
            }
            MembershipChange change = change(result.membershipDelta());
            ObjectNode body = ResourceBodies.asSent(result.resource());
            boolean bodyChanged = !body.equals(ResourceBodies.asSent(mapping.toGroup(current, Optional.empty())));
            if (!bodyChanged && change.isEmpty()) {
                return render(tenant, current, withMembers);
            }
            RoleRecord after = bodyChanged
                    ? store.updateRole(tenant, current.scimId(), current.link().version(), write(body), change,
                            policy, actor)
                    // A pure membership delta needs no version unless the client asked for one:
                    // the store applies it atomically to whatever the members are now.
                    : store.changeMembers(tenant, current.scimId(), expected, change, policy, actor);
            return render(tenant, after, withMembers);
        });
    }

    @Override
    public void delete(ScimPrincipal caller, String id, Optional<String> expectedVersion) {
        store.deleteRole(caller.tenant(), id, Versions.expected(expectedVersion, "Group", id), policy,
                actors.actorFor(caller));
    }

    @Override
    public SearchResult search(TenantId tenant, SearchQuery query) {
        boolean withMembers = membersNeeded(query);
        return SearchPaging.search(mapping.filterColumns().type(), query,
                f -> store.splitRoleFilter(mapping.filterColumns(), f),
                q -> store.searchRoles(tenant, q),
                r -> render(tenant, r, withMembers));
    }

    @Override
    public Optional<SearchResult> searchKeyset(TenantId tenant, SearchQuery query, KeysetPage page) {
        boolean withMembers = membersNeeded(query);
        return Optional.of(SearchPaging.searchKeyset(mapping.filterColumns().type(), query, page, store.seeksByScimId(),
                f -> store.splitRoleFilter(mapping.filterColumns(), f),
                q -> store.searchRoles(tenant, q),
                r -> render(tenant, r, withMembers)));
    }

    /** Members are loaded when the client will see them or the filter reads them. */
    private static boolean membersNeeded(SearchQuery query) {
        boolean membersInFilter = query.filter()
                .map(f -> Filters.print(f).toLowerCase(Locale.ROOT).contains("members")).orElse(false);
        return !query.projection().mayOmit("members") || membersInFilter;
    }

    private ObjectNode render(TenantId tenant, RoleRecord role, boolean withMembers) {
        if (!withMembers) {
            return mapping.toGroup(role, Optional.empty());
        }
        List<Member> members = new ArrayList<>();
        long offset = 0;
        while (true) {
            Page<Member> page = store.members(tenant, role.scimId(), offset, MEMBER_PAGE);
            members.addAll(page.items());
            offset += page.items().size();
            if (page.items().size() < MEMBER_PAGE) {
                break;
            }
        }
        return mapping.toGroup(role, Optional.of(members));
    }

    private RoleWrite write(ObjectNode resource) {
        ObjectNode body = ResourceBodies.asSent(resource);
        return new RoleWrite(mapping.roleName(body), ResourceBodies.externalId(body), body);
    }

    private static List<String> memberIds(ObjectNode resource) {
        List<String> ids = new ArrayList<>();
        JsonNode members = ScimJson.getIgnoreCase(resource, "members");
        if (members != null && members.isArray()) {
            for (JsonNode m : members) {
                JsonNode value = ScimJson.getIgnoreCase(m, "value");
                if (value == null || !value.isTextual()) {
                    throw ScimException.invalidValue("members: every member needs a value, the id of a User");
                }
                ids.add(value.asText());
            }
        }
        return ids;
    }

    /** The plan's membership delta when the plan changes members only and names no version. */
    private static Optional<MembershipChange> onlyMembers(PatchPlan plan, Optional<Long> expected) {
        if (expected.isPresent() || !plan.operationsChangingNothing().isEmpty()
                || !plan.targetedAttributes().equals(java.util.Set.of("members"))) {
            return Optional.empty();
        }
        // Never an empty delta here: the requests that make one (an add or a remove of an empty list) change nothing.
        return plan.membershipDelta().map(RoleGroupRepository::change);
    }

    private static MembershipChange change(MembershipDelta delta) {
        return new MembershipChange(delta.replaceAll(), delta.removedIds(), delta.addedIds());
    }

    /** The role as it is now, checked against {@code If-Match}. */
    private RoleRecord current(TenantId tenant, String id, Optional<Long> expected) {
        RoleRecord current = store.findRole(tenant, id)
                .orElseThrow(() -> ScimException.notFound("No Group with id \"" + id + "\""));
        VersionConflictException.check("Group", current.scimId(), expected, current.link().version());
        return current;
    }
}
