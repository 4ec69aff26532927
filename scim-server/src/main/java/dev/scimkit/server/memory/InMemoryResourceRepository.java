package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;
import dev.scimkit.patch.MembershipDelta;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.patch.PatchResult;
import dev.scimkit.server.internal.ETags;
import dev.scimkit.server.internal.MemberReferences;
import dev.scimkit.server.query.FilterAttributes;
import dev.scimkit.server.query.KeysetOrdering;
import dev.scimkit.server.query.ResourceOrdering;
import dev.scimkit.server.spi.KeysetPage;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The in-memory {@link ResourceRepository} of one resource type; created by {@link InMemoryStore},
 * which it shares tenants, locks and memberships with. Lookups by {@code id}, {@code userName},
 * {@code externalId} and {@code displayName} (and any unique attribute) use hash indexes, so the
 * {@code userName eq "…"} that Entra ID and Okta send before every create costs O(1).
 *
 * <p>Stored values are never modified once stored: a write stores new values (copy on write), so a
 * read needs no deep copy. What the repository returns is a new top-level object whose values are
 * shared with the store: adding, replacing or removing its members is safe, but do not modify the
 * values inside it (copy them first, {@code deepCopy()}). The engine only reads them. The top level
 * of a stored body is never handed out (every read copies it) and is touched only under the
 * tenant's lock, so a change of members alone replaces its {@code meta} there.
 */
public final class InMemoryResourceRepository implements ResourceRepository {

    /** Room for 48 top-level members at the default load factor (see {@link #topLevelCopy}). */
    private static final int TOP_LEVEL_CAPACITY = 64;

    private static final List<String> INDEXED = List.of("userName", "externalId", "displayName");
    /** Where a member's {@code display} comes from, in order. */
    private static final List<String> NAME_ATTRIBUTES = List.of("displayName", "userName");

    private final InMemoryStore store;
    private final ResourceTypeDefinition type;
    private final String typeKey;
    private final boolean hasMembers;
    private final boolean hasGroups;
    private final boolean memberIdsCaseExact;
    private final Set<String> unique;
    /** The single-valued core attributes an {@code eq} filter is answered from an index for. */
    private final List<AttributeDefinition> indexed = new ArrayList<>();
    /** Every index the store keeps: {@link #indexed} and the unique attributes of extensions. */
    private final List<IndexedValue> indexedValues = new ArrayList<>();
    private final FilterEvaluator evaluator;
    /** {@code meta.resourceType} of every revision (a text node is immutable, so one serves all). */
    private final TextNode resourceTypeName;

    InMemoryResourceRepository(InMemoryStore store, ResourceTypeDefinition type) {
        this.store = store;
        this.type = type;
        this.typeKey = type.name().toLowerCase(Locale.ROOT);
        this.resourceTypeName = TextNode.valueOf(type.name());
        Optional<AttributeDefinition> members = type.schema().attribute("members");
        this.hasMembers = members.isPresent();
        this.memberIdsCaseExact = members.flatMap(m -> m.subAttribute("value")).map(AttributeDefinition::caseExact).orElse(true);
        this.hasGroups = type.schema().attribute("groups").isPresent();
        this.unique = store.uniqueAttributes(type);
        this.evaluator = new FilterEvaluator(type);
        Set<String> names = new LinkedHashSet<>(INDEXED);
        names.addAll(unique);
        for (String n : names) {
            type.resolve(n).filter(r -> !r.attribute().multiValued() && !r.attribute().isComplex())
                    .ifPresent(r -> indexed.add(r.attribute()));
        }
        for (AttributeDefinition a : indexed) {
            indexedValues.add(new IndexedValue(a.name(), a, unique.contains(a.name()), body -> topLevel(body, a)));
        }
        // A declared badge number of an extension: unique, indexed under its qualified name.
        type.uniqueAttributes().stream().filter(ResolvedAttribute::extension).forEach(r ->
                indexedValues.add(new IndexedValue(r.qualifiedName(), r.attribute(), true, r::valueIn)));
    }

    /**
     * A value the store keeps an index of: the index's name, the attribute that says how its values
     * compare, whether it must be unique, and where a body holds it.
     */
    private record IndexedValue(String name, AttributeDefinition attribute, boolean unique,
                                Function<ObjectNode, JsonNode> reader) {

        /** The index key of {@code body}'s value, or null when it has none. */
        String keyIn(ObjectNode body) {
            JsonNode v = reader.apply(body);
            return v == null || !v.isValueNode() || v.isNull() ? null : normalise(attribute, v.asText());
        }
    }

    /** The resource type this repository stores. */
    public ResourceTypeDefinition type() {
        return type;
    }

    @Override
    public ObjectNode create(ScimPrincipal caller, ObjectNode resource) {
        TenantData data = store.tenant(caller.tenant());
        return data.write(() -> {
            TenantData.TypeTable table = data.table(typeKey);
            ObjectNode body = stripDerived(resource.deepCopy());
            checkUnique(table, body, null);
            String id = UUID.randomUUID().toString();
            stamp(body, id, Optional.empty());
            TenantData.Stored stored = new TenantData.Stored(body, hasMembers, table.nextSequence());
            if (hasMembers) {
                setMembers(data, id, stored, resource.get("members"));
            }
            table.byId.put(id, stored);
            data.typeOfId.put(id, typeKey);
            for (IndexedValue v : indexedValues) {
                index(table, v.name(), id, v.keyIn(body));
            }
            return materialize(data, stored, true);
        });
    }

    @Override
    public Optional<ObjectNode> get(TenantId tenant, String id, Projection projection) {
        Optional<TenantData> data = store.existingTenant(tenant);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        // A member check asks for the id alone: neither members nor the derived groups are built then.
        boolean withMembers = !projection.mayOmit("members");
        boolean withGroups = !projection.mayOmit("groups");
        return data.get().read(() -> Optional.ofNullable(data.get().table(typeKey).byId.get(id))
                .map(stored -> materialize(data.get(), stored, withMembers, withGroups)));
    }

    @Override
    public ObjectNode replace(ScimPrincipal caller, String id, ObjectNode resource, Optional<String> expectedVersion) {
        TenantData data = store.tenant(caller.tenant());
        return data.write(() -> {
            TenantData.TypeTable table = data.table(typeKey);
            TenantData.Stored stored = current(table, id, expectedVersion);
            ObjectNode body = stripDerived(resource.deepCopy());
            checkUnique(table, body, id);
            if (hasMembers) {
                checkMembersExist(data, MemberReferences.ids(resource.get("members")));
            }
            storeRevision(table, id, stored, body);
            if (hasMembers) {
                setMembers(data, id, stored, resource.get("members"));
            }
            return materialize(data, stored, true);
        });
    }

    @Override
    public ObjectNode patch(ScimPrincipal caller, String id, PatchPlan plan, Optional<String> expectedVersion,
                            Projection projection) {
        TenantData data = store.tenant(caller.tenant());
        boolean withMembers = !projection.mayOmit("members");
        return data.write(() -> {
            TenantData.TypeTable table = data.table(typeKey);
            TenantData.Stored stored = current(table, id, expectedVersion);
            PatchResult result;
            if (hasMembers && plan.membershipDelta().isPresent()) {
                // Members never leave their map: the plan sees the group without them and hands the
                // membership change back as a delta, applied below in O(changed members).
                // The plan never modifies its input, and stored trees are never modified: no copy.
                result = plan.applyWithoutMembers(stored.body);
            } else if (!hasMembers && !plan.targetsCoreAttribute("groups")) {
                // A plan that never targets the derived groups sees nothing of them: the stored body is
                // the whole resource for it (apply never modifies its input), no view is built. (A plan
                // can name groups only where the schema has them.)
                result = plan.apply(stored.body);
            } else {
                // The plan needs the current members (members[display eq "x"]) or a User's groups (an
                // echo of them): apply it to the whole resource; the result's delta is then the
                // effective change.
                result = plan.apply(materialize(data, stored, true));
            }
            MembershipDelta delta = hasMembers ? result.membershipDelta() : MembershipDelta.empty();
            List<String> addedIds = delta.addedIds();
            // Every check before the first write: a failed patch leaves nothing half-applied.
            checkMembersExist(data, addedIds);
            if (!result.changed() && delta.isEmpty()) {
                return materialize(data, stored, withMembers);
            }
            if (!delta.isEmpty() && onlyMembersTouched(result)) {
                // Only the membership changed (Entra's and Okta's member adds and removes): the engine
                // changed no other attribute, so no index or uniqueness changed either.
                storeMembershipRevision(id, stored);
            } else {
                // result.resource() has a top level of its own, which becomes the next revision; its
                // values the PATCH did not write are the stored revision's, never modified by anyone.
                ObjectNode body = stripDerived(result.resource());
                if (mayChangeIndexedValue(result)) {
                    checkUnique(table, body, id);
                    storeRevision(table, id, stored, body);
                } else {
                    // Okta's deactivate, most of Entra's updates: the engine changed no indexed or
                    // unique value, so every index key and uniqueness check is the stored revision's.
                    stamp(body, id, Optional.ofNullable(stored.body.path("meta").get("created")));
                    stored.body = body;
                }
            }
            if (hasMembers) {
                applyDelta(data, id, stored, delta, addedIds);
            }
            return materialize(data, stored, withMembers);
        });
    }

    @Override
    public void delete(ScimPrincipal caller, String id, Optional<String> expectedVersion) {
        Optional<TenantData> existing = store.existingTenant(caller.tenant());
        if (existing.isEmpty()) {
            throw notFound(id);
        }
        TenantData data = existing.get();
        data.write(() -> {
            TenantData.TypeTable table = data.table(typeKey);
            TenantData.Stored stored = current(table, id, expectedVersion);
            table.byId.remove(id);
            for (IndexedValue v : indexedValues) {
                unindex(table, v.name(), id, v.keyIn(stored.body));
            }
            data.typeOfId.remove(id);
            if (stored.members != null) {
                dropAllMembers(data, new TenantData.GroupRef(typeKey, id), stored);
            }
            removeFromAllGroups(data, id);
            return null;
        });
    }

    @Override
    public SearchResult search(TenantId tenant, SearchQuery query) {
        Optional<TenantData> existing = store.existingTenant(tenant);
        if (existing.isEmpty()) {
            return SearchResult.empty();
        }
        return withMatches(existing.get(), query, (data, matches, views) -> {
            List<Integer> order = new ArrayList<>(matches.size());
            for (int i = 0; i < matches.size(); i++) {
                order.add(i);
            }
            query.sort().ifPresent(sort -> {
                var cmp = ResourceOrdering.comparator(type, sort);
                order.sort((a, b) -> cmp.compare(views.get(a), views.get(b))); // stable: ties keep creation order
            });
            List<ObjectNode> page = new ArrayList<>();
            boolean withMembers = !query.projection().mayOmit("members");
            long from = query.startIndex() - 1L;
            for (long i = from; i < order.size() && page.size() < query.count(); i++) {
                page.add(materialize(data, matches.get(order.get((int) i)), withMembers));
            }
            return new SearchResult(matches.size(), page);
        });
    }

    /** Keyset pages over the same matches as {@link #search}; only the page's resources are materialised. */
    @Override
    public Optional<SearchResult> searchKeyset(TenantId tenant, SearchQuery query, KeysetPage page) {
        Optional<TenantData> existing = store.existingTenant(tenant);
        if (existing.isEmpty()) {
            return Optional.of(SearchResult.empty());
        }
        return Optional.of(withMatches(existing.get(), query, (data, matches, views) -> {
            Map<ObjectNode, TenantData.Stored> storedOf = new IdentityHashMap<>();
            for (int i = 0; i < views.size(); i++) {
                storedOf.put(views.get(i), matches.get(i));
            }
            SearchResult keyed = KeysetOrdering.of(type, query.sort()).page(views, page);
            boolean withMembers = !query.projection().mayOmit("members");
            List<ObjectNode> out = new ArrayList<>();
            for (ObjectNode view : keyed.resources()) {
                out.add(materialize(data, storedOf.get(view), withMembers));
            }
            return new SearchResult(keyed.totalResults(), out);
        }));
    }

    /** What a search does with the matches of its filter, under the tenant's read lock. */
    @FunctionalInterface
    private interface MatchesReader {
        SearchResult read(TenantData data, List<TenantData.Stored> matches, List<ObjectNode> views);
    }

    /**
     * The resources matching the query's filter (stored and as the filter saw them, in creation order),
     * handed to {@code reader} under the tenant's read lock.
     */
    private SearchResult withMatches(TenantData data, SearchQuery query, MatchesReader reader) {
        // Validated against the schema (400 invalidFilter) before any data is read. The evaluator
        // caches by filter instance, so the count and page searches of one request validate it once.
        Predicate<JsonNode> matcher = query.filter().map(evaluator::predicate).orElse(r -> true);
        return data.read(() -> {
            TenantData.TypeTable table = data.table(typeKey);
            Set<String> read = new HashSet<>();
            query.filter().ifPresent(f -> read.addAll(FilterAttributes.readBy(type, f)));
            query.sort().flatMap(s -> FilterAttributes.topLevel(type, s.path())).ifPresent(read::add);
            boolean membersNeeded = hasMembers && read.contains("members");
            boolean groupsNeeded = hasGroups && read.contains("groups");
            List<TenantData.Stored> matches = new ArrayList<>();
            List<ObjectNode> views = new ArrayList<>();
            for (TenantData.Stored s : candidates(table, query.filter())) {
                ObjectNode view = membersNeeded || groupsNeeded ? materialize(data, s, membersNeeded, groupsNeeded) : s.body;
                if (matcher.test(view)) {
                    matches.add(s);
                    views.add(view);
                }
            }
            return reader.read(data, matches, views);
        });
    }

    /**
     * Whether the PATCH may have changed a value an index is kept of: a touched path names an indexed
     * core attribute, or lies in an extension (where a declared unique attribute may be). The engine
     * lists every attribute whose JSON changed; one it does not list is exactly as stored.
     */
    private boolean mayChangeIndexedValue(PatchResult result) {
        for (String touched : result.touchedAttributes()) {
            if (touched.regionMatches(true, 0, "urn:", 0, 4)) {
                return true;
            }
            for (AttributeDefinition a : indexed) {
                if (touched.equalsIgnoreCase(a.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean onlyMembersTouched(PatchResult result) {
        for (String touched : result.touchedAttributes()) {
            if (!touched.equals("members")) {
                return false;
            }
        }
        return true;
    }

    /** Makes {@code body} the next revision of {@code stored}: same id and creation time, a new version, indexes updated. */
    private void storeRevision(TenantData.TypeTable table, String id, TenantData.Stored stored, ObjectNode body) {
        stamp(body, id, Optional.ofNullable(stored.body.path("meta").get("created")));
        for (IndexedValue v : indexedValues) {
            String before = v.keyIn(stored.body);
            String after = v.keyIn(body);
            if (!Objects.equals(before, after)) {
                unindex(table, v.name(), id, before);
                index(table, v.name(), id, after);
            }
        }
        stored.body = body;
    }

    /**
     * Makes the next revision of {@code stored} after a change of its members alone: the stored body
     * (which holds no members) with a new {@code meta}, whatever the group's size. Its indexed and
     * unique attributes are those of the stored revision, so there is nothing to check or re-index.
     * The new {@code meta} replaces the old in the stored top level, which no reader holds (each got
     * a copy of it, sharing the old {@code meta}, which is not modified).
     */
    private void storeMembershipRevision(String id, TenantData.Stored stored) {
        stamp(stored.body, id, Optional.ofNullable(stored.body.path("meta").get("created")));
    }

    /** Sets {@code id} and a fresh {@code meta}; {@code created} is kept from an earlier revision, else now. */
    private void stamp(ObjectNode body, String id, Optional<JsonNode> created) {
        String now = now();
        body.put("id", id);
        // A new object, not the stored one changed: readers may still hold the previous revision's meta.
        ObjectNode meta = body.putObject("meta");
        meta.set("resourceType", resourceTypeName);
        if (created.isPresent()) {
            meta.set("created", created.get());
        } else {
            meta.put("created", now);
        }
        meta.put("lastModified", now);
        meta.put("version", store.nextVersion());
    }

    // ---- candidates through indexes ------------------------------------------------------------

    /** The stored resources that may match: an index hit for {@code attr eq "v"}, else all. */
    private Collection<TenantData.Stored> candidates(TenantData.TypeTable table, Optional<Filter> filter) {
        Optional<Set<String>> ids = filter.flatMap(f -> indexedIds(table, f));
        if (ids.isEmpty()) {
            return table.byId.values();
        }
        List<TenantData.Stored> out = new ArrayList<>(ids.get().size());
        for (String id : ids.get()) {
            out.add(table.byId.get(id)); // an index names only stored ids: both change under the write lock
        }
        // An index hit comes in no particular order; searches answer in the store's creation order.
        out.sort(TenantData.Stored.CREATION_ORDER);
        return out;
    }

    private Optional<Set<String>> indexedIds(TenantData.TypeTable table, Filter filter) {
        if (filter instanceof Filter.And and) {
            Optional<Set<String>> left = indexedIds(table, and.left());
            return left.isPresent() ? left : indexedIds(table, and.right());
        }
        if (filter instanceof Filter.Comparison c
                && c.operator() == dev.scimkit.filter.ast.CompareOperator.EQ
                && c.value() instanceof dev.scimkit.filter.ast.Literal.StringLiteral s
                && c.path().subAttribute().isEmpty()
                && (c.path().schemaUrn().isEmpty() || c.path().schemaUrn().get().equalsIgnoreCase(type.schema().id()))) {
            for (AttributeDefinition a : indexed) {
                if (a.name().equalsIgnoreCase(c.path().attribute())) {
                    Set<String> ids = table.index(a.name()).get(normalise(a, s.value()));
                    return Optional.of(ids == null ? Set.of() : Set.copyOf(ids));
                }
            }
        }
        return Optional.empty();
    }

    // ---- bookkeeping ----------------------------------------------------------------------------

    private static void index(TenantData.TypeTable table, String indexName, String id, String key) {
        if (key != null) {
            table.index(indexName).computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        }
    }

    private static void unindex(TenantData.TypeTable table, String indexName, String id, String key) {
        if (key != null) {
            Map<String, Set<String>> index = table.index(indexName);
            Set<String> ids = index.get(key);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    index.remove(key);
                }
            }
        }
    }

    /** Throws 409 uniqueness when another resource than {@code selfId} (null for a new one) has one of {@code body}'s unique values. */
    private void checkUnique(TenantData.TypeTable table, ObjectNode body, String selfId) {
        for (IndexedValue v : indexedValues) {
            if (!v.unique()) {
                continue;
            }
            String key = v.keyIn(body);
            Set<String> ids = key == null ? null : table.index(v.name()).get(key);
            if (ids != null && ids.stream().anyMatch(other -> !other.equals(selfId))) {
                throw ScimException.uniqueness("A " + type.name() + " with " + v.name() + " \""
                        + v.reader().apply(body).asText() + "\" already exists");
            }
        }
    }

    private static JsonNode topLevel(ObjectNode body, AttributeDefinition a) {
        JsonNode v = body.get(a.name()); // stored bodies use the schema's spelling
        return v != null ? v : ScimJson.getIgnoreCase(body, a.name());
    }

    private static String normalise(AttributeDefinition a, String value) {
        return a.caseExact() ? value : value.toLowerCase(Locale.ROOT);
    }

    private String memberKey(String id) {
        return memberIdsCaseExact ? id : id.toLowerCase(Locale.ROOT);
    }

    /** Replaces all members of a group with the values of {@code members} (each must exist). */
    private void setMembers(TenantData data, String groupId, TenantData.Stored stored, JsonNode members) {
        List<String> ids = MemberReferences.ids(members);
        checkMembersExist(data, ids);
        TenantData.GroupRef self = new TenantData.GroupRef(typeKey, groupId);
        dropAllMembers(data, self, stored);
        for (String memberId : ids) {
            addMember(data, self, stored, memberId);
        }
    }

    /**
     * Applies a checked membership change. {@code addedIds} are {@code delta.addedIds()}: a stored
     * member keeps only its id and type, so the ids are all it needs (no copies of the added values).
     */
    private void applyDelta(TenantData data, String groupId, TenantData.Stored stored, MembershipDelta delta,
                            List<String> addedIds) {
        TenantData.GroupRef self = new TenantData.GroupRef(typeKey, groupId);
        if (delta.replaceAll()) {
            dropAllMembers(data, self, stored);
        }
        for (String removed : delta.removedIds()) {
            ObjectNode m = stored.members.remove(memberKey(removed));
            if (m != null) {
                data.removeMembership(m.get("value").asText(), self);
            }
        }
        for (String added : addedIds) {
            addMember(data, self, stored, added);
        }
    }

    private static void dropAllMembers(TenantData data, TenantData.GroupRef self, TenantData.Stored stored) {
        for (ObjectNode m : stored.members.values()) {
            data.removeMembership(m.get("value").asText(), self);
        }
        stored.members.clear();
    }

    /** Adds the member {@code id} (which exists) unless the group lists it already; ids compare as the schema says. */
    private void addMember(TenantData data, TenantData.GroupRef self, TenantData.Stored stored, String id) {
        String key = memberKey(id);
        if (stored.members.containsKey(key)) {
            return;
        }
        // present: checkMembersExist refused the whole change before its first write otherwise
        String storedId = storedId(data, id).orElseThrow();
        ObjectNode copy = ScimJson.object();
        copy.put("value", storedId);
        // display is readOnly: the member's own name, looked up when the group is read (see withDisplay)
        copy.set("type", store.typeName(data.typeOfId.get(storedId)));
        stored.members.put(key, copy);
        data.addMembership(storedId, self);
    }

    /** The stored spelling of a member id (ids compare without case when the schema says so), if it names a resource. */
    private Optional<String> storedId(TenantData data, String id) {
        if (data.typeOfId.containsKey(id)) {
            return Optional.of(id);
        }
        if (!memberIdsCaseExact) {
            for (String known : data.typeOfId.keySet()) {
                if (known.equalsIgnoreCase(id)) {
                    return Optional.of(known);
                }
            }
        }
        return Optional.empty();
    }

    private void checkMembersExist(TenantData data, List<String> ids) {
        for (String id : ids) {
            if (storedId(data, id).isEmpty()) {
                throw InMemoryStore.missingMember(id);
            }
        }
    }

    /** Removes a deleted resource from every group that lists it; those groups get a new version. */
    private void removeFromAllGroups(TenantData data, String memberId) {
        Set<TenantData.GroupRef> groups = data.groupsOfMember.remove(memberId);
        if (groups == null) {
            return;
        }
        for (TenantData.GroupRef g : groups) {
            TenantData.Stored group = data.table(g.type()).byId.get(g.id());
            if (group != null && group.members != null) {
                group.members.values().removeIf(m -> m.get("value").asText().equals(memberId));
                // Copy on write: readers may still hold the old body and meta.
                ObjectNode body = group.body.deepCopy();
                ObjectNode meta = body.get("meta") instanceof ObjectNode m ? m : body.putObject("meta");
                meta.put("lastModified", now());
                meta.put("version", store.nextVersion());
                group.body = body;
            }
        }
    }

    private ObjectNode materialize(TenantData data, TenantData.Stored stored, boolean withMembers) {
        return materialize(data, stored, withMembers, true);
    }

    /**
     * A stored resource with its members and derived groups, as clients see it: a new top-level object
     * whose values are shared with the store (which never modifies them).
     */
    private ObjectNode materialize(TenantData data, TenantData.Stored stored, boolean withMembers, boolean withGroups) {
        ObjectNode out = topLevelCopy(stored.body);
        if (withMembers && stored.members != null && !stored.members.isEmpty()) {
            ArrayNode members = out.putArray("members");
            for (ObjectNode member : stored.members.values()) {
                members.add(withDisplay(data, member));
            }
        }
        if (withGroups && hasGroups) {
            Set<TenantData.GroupRef> groups = data.groupsOfMember.get(stored.body.get("id").asText());
            if (groups != null && !groups.isEmpty()) {
                ArrayNode array = out.putArray("groups");
                for (TenantData.GroupRef g : groups) {
                    ObjectNode ref = array.addObject();
                    ref.put("value", g.id());
                    displayName(data.table(g.type()).byId.get(g.id())).ifPresent(d -> ref.put("display", d));
                    ref.put("type", "direct");
                }
            }
        }
        return out;
    }

    /**
     * A stored member as clients see it, with {@code display} the member's name as it is now. Looked
     * up at read time (O(1) per member, and reading a group is O(members) anyway) rather than stored,
     * so a rename shows in every group at once and a membership change stays O(1) whatever the size.
     * Like a User's derived {@code groups}, this does not change the group's version.
     */
    private static ObjectNode withDisplay(TenantData data, ObjectNode member) {
        String id = member.get("value").asText();
        String memberType = data.typeOfId.get(id);
        Optional<String> display = memberType == null ? Optional.empty() : displayName(data.table(memberType).byId.get(id));
        if (display.isEmpty()) {
            return member;
        }
        ObjectNode out = ScimJson.object();
        out.set("value", member.get("value"));
        out.put("display", display.get());
        member.properties().forEach(field -> out.putIfAbsent(field.getKey(), field.getValue()));
        return out;
    }

    /** A resource's name for others' lists: its {@code displayName}, else (a User without one) its {@code userName}. */
    private static Optional<String> displayName(TenantData.Stored resource) {
        if (resource == null) {
            return Optional.empty();
        }
        for (String attribute : NAME_ATTRIBUTES) {
            JsonNode name = resource.body.get(attribute);
            if (name != null && name.isTextual() && !name.asText().isBlank()) {
                return Optional.of(name.asText());
            }
        }
        return Optional.empty();
    }

    /**
     * A new top-level object holding {@code body}'s members (the values shared). Its table holds 48
     * members before it grows: a User has about 20 with its derived {@code groups}, and a default-sized
     * table grew twice on the way there.
     */
    private static ObjectNode topLevelCopy(ObjectNode body) {
        ObjectNode out = new ObjectNode(ScimJson.nodes(), new LinkedHashMap<>(TOP_LEVEL_CAPACITY));
        out.setAll(body);
        return out;
    }

    /** {@code body} without what the store derives or keeps apart; {@code body} must be the caller's own copy. */
    private static ObjectNode stripDerived(ObjectNode body) {
        body.remove("members");
        body.remove("groups");
        body.remove("id");
        body.remove("meta");
        return body;
    }

    /** The stored resource {@code id}, which must exist (404) and have the expected version, if one is given (412). */
    private TenantData.Stored current(TenantData.TypeTable table, String id, Optional<String> expectedVersion) {
        TenantData.Stored stored = table.byId.get(id);
        if (stored == null) {
            throw notFound(id);
        }
        checkVersion(stored, expectedVersion);
        return stored;
    }

    private void checkVersion(TenantData.Stored stored, Optional<String> expectedVersion) {
        if (expectedVersion.isPresent()) {
            String current = stored.body.path("meta").path("version").asText();
            if (!ETags.matches(expectedVersion.get(), current)) {
                throw ScimException.status(412, "The " + type.name() + " has changed: its version is " + current
                        + ", not " + expectedVersion.get());
            }
        }
    }

    private ScimException notFound(String id) {
        return ScimException.notFound("No " + type.name() + " with id \"" + id + "\"");
    }

    /** The last timestamp formatted, reused within the same millisecond (formatting an Instant is not cheap). */
    private static volatile Timestamp lastNow = new Timestamp(Long.MIN_VALUE, "");

    private static String now() {
        long millis = System.currentTimeMillis();
        Timestamp last = lastNow;
        if (last.millis == millis) {
            return last.text;
        }
        String text = Instant.ofEpochMilli(millis).toString();
        lastNow = new Timestamp(millis, text);
        return text;
    }

    private record Timestamp(long millis, String text) {
    }
}
