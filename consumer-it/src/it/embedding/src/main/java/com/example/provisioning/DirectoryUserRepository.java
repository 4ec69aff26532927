package com.example.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.eval.FilterEvaluator;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.server.query.ResourceOrdering;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.TenantId;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A repository of one's own: SCIM Users kept in a directory the embedding service owns (here a map;
 * in a real service its own tables or API). It shows what the {@link ResourceRepository} contract asks:
 * ids and {@code meta} assigned here, versions compared atomically with the write, {@code userName}
 * unique per tenant without regard to case, every tenant's data apart, thread-safe (here simply
 * synchronized). The engine has already
 * validated bodies, parsed filters and planned PATCHes (client dialects included) when it calls.
 */
public final class DirectoryUserRepository implements ResourceRepository {

    private final ResourceTypeDefinition type;
    private final FilterEvaluator evaluator;
    /** Per tenant, in creation order: the stable default order a search must page through. */
    private final Map<TenantId, Map<String, ObjectNode>> tenants = new HashMap<>();
    private long lastVersion;

    /** A repository of {@code type}, usually {@code SchemaRegistry.standard().user()}. */
    public DirectoryUserRepository(ResourceTypeDefinition type) {
        this.type = type;
        this.evaluator = new FilterEvaluator(type);
    }

    @Override
    public synchronized ObjectNode create(ScimPrincipal caller, ObjectNode resource) {
        Map<String, ObjectNode> users = users(caller.tenant());
        requireUniqueUserName(users, resource, null);
        String id = UUID.randomUUID().toString();
        ObjectNode stored = stamp(resource.deepCopy(), id, Instant.now().toString());
        users.put(id, stored);
        return stored.deepCopy();
    }

    @Override
    public synchronized Optional<ObjectNode> get(TenantId tenant, String id, Projection projection) {
        // The projection is a hint; the engine applies it to whatever is returned.
        return Optional.ofNullable(users(tenant).get(id)).map(ObjectNode::deepCopy);
    }

    @Override
    public synchronized ObjectNode replace(ScimPrincipal caller, String id, ObjectNode resource,
                                           Optional<String> expectedVersion) {
        Map<String, ObjectNode> users = users(caller.tenant());
        ObjectNode current = existing(users, id, expectedVersion);
        requireUniqueUserName(users, resource, id);
        ObjectNode stored = stamp(resource.deepCopy(), id, current.path("meta").path("created").asText());
        users.put(id, stored);
        return stored.deepCopy();
    }

    @Override
    public synchronized ObjectNode patch(ScimPrincipal caller, String id, PatchPlan plan,
                                         Optional<String> expectedVersion, Projection projection) {
        Map<String, ObjectNode> users = users(caller.tenant());
        ObjectNode current = existing(users, id, expectedVersion);
        // apply() is atomic and checks the schema; it never modifies current.
        ObjectNode patched = plan.apply(current).resource().deepCopy();
        requireUniqueUserName(users, patched, id);
        ObjectNode stored = stamp(patched, id, current.path("meta").path("created").asText());
        users.put(id, stored);
        return stored.deepCopy();
    }

    @Override
    public synchronized void delete(ScimPrincipal caller, String id, Optional<String> expectedVersion) {
        Map<String, ObjectNode> users = users(caller.tenant());
        existing(users, id, expectedVersion);
        users.remove(id);
    }

    @Override
    public synchronized SearchResult search(TenantId tenant, SearchQuery query) {
        // No store to push the filter down to: evaluate it in memory, as a store would for the part
        // of a filter it cannot translate.
        Predicate<JsonNode> matches = query.filter().map(evaluator::predicate).orElse(resource -> true);
        List<ObjectNode> all = users(tenant).values().stream().filter(matches::test).toList();
        if (query.sort().isPresent()) {
            // The RFC 7644 sort order (typed, case-aware, multi-valued attributes by their primary value).
            Comparator<ObjectNode> order = ResourceOrdering.comparator(type, query.sort().get());
            all = all.stream().sorted(order).toList();
        }
        List<ObjectNode> page = all.stream()
                .skip(query.startIndex() - 1L)
                .limit(query.count())
                .map(ObjectNode::deepCopy)
                .toList();
        return new SearchResult(all.size(), page);
    }

    private Map<String, ObjectNode> users(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
    }

    private ObjectNode existing(Map<String, ObjectNode> users, String id, Optional<String> expectedVersion) {
        ObjectNode current = users.get(id);
        if (current == null) {
            throw ScimException.notFound("User " + id + " not found");
        }
        String version = current.path("meta").path("version").asText();
        // The engine hands If-Match over as a weak tag (W/"7"), the form this repository stores,
        // so the weak comparison the contract asks for is plain equality here.
        if (expectedVersion.isPresent() && !expectedVersion.get().equals(version)) {
            throw ScimException.status(412, "User " + id + " has changed: its version is " + version);
        }
        return current;
    }

    private static void requireUniqueUserName(Map<String, ObjectNode> users, ObjectNode resource, String self) {
        String userName = resource.path("userName").asText().toLowerCase(Locale.ROOT);
        boolean taken = users.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(self)
                        && e.getValue().path("userName").asText().toLowerCase(Locale.ROOT).equals(userName));
        if (taken) {
            throw ScimException.uniqueness("userName " + resource.path("userName").asText() + " is already taken");
        }
    }

    private ObjectNode stamp(ObjectNode resource, String id, String created) {
        resource.put("id", id);
        ObjectNode meta = resource.putObject("meta");
        meta.put("created", created);
        meta.put("lastModified", Instant.now().toString());
        meta.put("version", "W/\"" + (++lastVersion) + "\"");
        return resource;
    }
}
