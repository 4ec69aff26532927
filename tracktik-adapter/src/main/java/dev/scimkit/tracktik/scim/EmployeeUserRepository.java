package dev.scimkit.tracktik.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.patch.PatchResult;
import dev.scimkit.server.spi.KeysetPage;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.DerivedFields;
import dev.scimkit.tracktik.domain.DomainValidator;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.mapping.UserMapping;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.EmployeeWrite;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.port.VersionConflictException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SCIM Users as TrackTik employees: a {@link ResourceRepository} over a {@link TrackTikStore} and a
 * {@link UserMapping}. {@code active=false} deactivates (never deletes); DELETE archives. What the
 * mapping derives (names of a User that sends none) is passed to the store with the write, so the
 * employee's History notes each derived value and the real value that later replaces it.
 *
 * <p>Writes without {@code If-Match} are still optimistic: the repository computes the new state from
 * the version it read and, when another writer got there first, reads again and re-applies (a PATCH
 * plan is reusable), so concurrent writers never lose each other's change.
 */
public final class EmployeeUserRepository implements ResourceRepository {

    private final TrackTikStore store;
    private final UserMapping mapping;
    private final ActorResolver actors;
    private final DomainValidator validator = new DomainValidator();

    public EmployeeUserRepository(TrackTikStore store, UserMapping mapping, ActorResolver actors) {
        this.store = Objects.requireNonNull(store, "store");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.actors = Objects.requireNonNull(actors, "actors");
    }

    @Override
    public ObjectNode create(ScimPrincipal caller, ObjectNode resource) {
        EmployeeWrite write = write(resource);
        return mapping.toUser(store.createEmployee(caller.tenant(), write, actors.actorFor(caller)));
    }

    /**
     * Creates many Users at once, an initial import: each mapped and checked as {@link #create} does,
     * then written by {@link TrackTikStore#createEmployees} (on the JDBC store, one transaction of
     * batched statements). The resources must be validated already, as the engine validates a create
     * body ({@code ResourceValidator#validateForCreate}). Returns the new ids, in order.
     */
    public List<String> createAll(ScimPrincipal caller, List<ObjectNode> resources) {
        List<EmployeeWrite> writes = resources.stream().map(this::write).toList();
        return store.createEmployees(caller.tenant(), writes, actors.actorFor(caller));
    }

    @Override
    public Optional<ObjectNode> get(TenantId tenant, String id, Projection projection) {
        return store.findEmployee(tenant, id).map(mapping::toUser);
    }

    @Override
    public boolean exists(TenantId tenant, String id) {
        return store.employeeExists(tenant, id);
    }

    @Override
    public ObjectNode replace(ScimPrincipal caller, String id, ObjectNode resource, Optional<String> expectedVersion) {
        Optional<Long> expected = Versions.expected(expectedVersion, "User", id);
        EmployeeWrite write = write(resource);
        return OptimisticWrites.retry(expected, () -> update(caller, current(caller.tenant(), id, expected), write));
    }

    @Override
    public ObjectNode patch(ScimPrincipal caller, String id, PatchPlan plan, Optional<String> expectedVersion,
                            Projection projection) {
        Optional<Long> expected = Versions.expected(expectedVersion, "User", id);
        return OptimisticWrites.retry(expected, () -> {
            EmployeeRecord current = current(caller.tenant(), id, expected);
            ObjectNode view = mapping.toUser(current);
            PatchResult result = plan.apply(view);
            return result.changed() ? update(caller, current, write(result.resource())) : view;
        });
    }

    @Override
    public void delete(ScimPrincipal caller, String id, Optional<String> expectedVersion) {
        store.archiveEmployee(caller.tenant(), id, Versions.expected(expectedVersion, "User", id),
                actors.actorFor(caller));
    }

    @Override
    public SearchResult search(TenantId tenant, SearchQuery query) {
        return SearchPaging.search(mapping.filterColumns().type(), query,
                f -> store.splitEmployeeFilter(mapping.filterColumns(), f),
                q -> store.searchEmployees(tenant, q),
                mapping::toUser);
    }

    @Override
    public Optional<SearchResult> searchKeyset(TenantId tenant, SearchQuery query, KeysetPage page) {
        return Optional.of(SearchPaging.searchKeyset(mapping.filterColumns().type(), query, page, store.seeksByScimId(),
                f -> store.splitEmployeeFilter(mapping.filterColumns(), f),
                q -> store.searchEmployees(tenant, q),
                mapping::toUser));
    }

    /** The store write for a User as sent: mapped, constraint-checked, with the link data. */
    private EmployeeWrite write(ObjectNode resource) {
        ObjectNode body = ResourceBodies.asSent(resource);
        var userName = ScimJson.getIgnoreCase(body, "userName");
        if (userName == null || !userName.isTextual() || userName.asText().isBlank()) {
            throw ScimException.invalidValue("userName is required: it identifies the TrackTik employee's sign-in");
        }
        EmployeeProfile profile = validator.check("employee", mapping.toProfile(body));
        return new EmployeeWrite(profile, userName.asText(), ResourceBodies.externalId(body), body,
                DerivedFields.of(mapping.derivedFields(body)));
    }

    /** The employee as it is now, checked against {@code If-Match}. */
    private EmployeeRecord current(TenantId tenant, String id, Optional<Long> expected) {
        EmployeeRecord current = store.findEmployee(tenant, id)
                .orElseThrow(() -> ScimException.notFound("No User with id \"" + id + "\""));
        VersionConflictException.check("User", current.scimId(), expected, current.link().version());
        return current;
    }

    /** Writes {@code write} over {@code current}, if the employee is still at the version read. */
    private ObjectNode update(ScimPrincipal caller, EmployeeRecord current, EmployeeWrite write) {
        EmployeeWrite overCurrent = write.over(mapping.derivedFields(current.link().resource()));
        return mapping.toUser(store.updateEmployee(caller.tenant(), current.scimId(), current.link().version(),
                overCurrent, actors.actorFor(caller)));
    }
}
