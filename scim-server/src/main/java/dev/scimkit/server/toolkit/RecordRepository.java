package dev.scimkit.server.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;
import dev.scimkit.filter.eval.FilterEvaluator;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.patch.PatchResult;
import dev.scimkit.server.internal.ETags;
import dev.scimkit.server.query.FilterAttributes;
import dev.scimkit.server.query.ResourceOrdering;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/** The contract's duties for one resource type, around the {@link ResourceRecords} that store it. */
final class RecordRepository implements ResourceRepository {

    private static final List<String> LOOKUP_ATTRIBUTES = List.of("userName", "externalId", "displayName");

    private final RecordRepositories all;
    private final ResourceTypeDefinition type;
    private final ResourceRecords records;
    private final Set<String> unique;
    private final Set<String> lookups;
    private final boolean hasMembers;
    private final boolean hasGroups;
    private final FilterEvaluator evaluator;
    /** Unique attributes of extensions (a declared badge number). */
    private final List<ResolvedAttribute> uniqueInExtensions;

    RecordRepository(RecordRepositories all, ResourceTypeDefinition type, ResourceRecords records, Set<String> unique) {
        this.all = all;
        this.type = type;
        this.records = records;
        this.unique = unique;
        this.lookups = new HashSet<>();
        LOOKUP_ATTRIBUTES.forEach(a -> lookups.add(a.toLowerCase(Locale.ROOT)));
        unique.forEach(a -> lookups.add(a.toLowerCase(Locale.ROOT)));
        this.hasMembers = type.schema().attribute("members").isPresent();
        this.hasGroups = type.schema().attribute("groups").isPresent();
        this.evaluator = new FilterEvaluator(type);
        this.uniqueInExtensions = type.uniqueAttributes().stream().filter(ResolvedAttribute::extension).toList();
    }

    private static boolean sameValue(ResolvedAttribute r, String a, String b) {
        return r.attribute().caseExact() ? a.equals(b) : a.equalsIgnoreCase(b);
    }

    ResourceTypeDefinition type() {
        return type;
    }

    ResourceRecords records() {
        return records;
    }

    boolean hasMembers() {
        return hasMembers;
    }

    @Override
    public ObjectNode create(ScimPrincipal caller, ObjectNode resource) {
        TenantId tenant = caller.tenant();
        return all.transactions().inTransaction(tenant, () -> {
            ObjectNode body = withoutDerived(resource.deepCopy());
            requireMembersExist(tenant, Members.ids(body), Set.of());
            requireUnique(tenant, body, Optional.empty());
            String now = now();
            stamp(body, UUID.randomUUID().toString(), now, now);
            records.insert(tenant, body.deepCopy());
            return view(tenant, body, true);
        });
    }

    @Override
    public Optional<ObjectNode> get(TenantId tenant, String id, Projection projection) {
        return records.find(tenant, id).map(r -> view(tenant, r, !projection.mayOmit("groups")));
    }

    @Override
    public ObjectNode replace(ScimPrincipal caller, String id, ObjectNode resource, Optional<String> expectedVersion) {
        TenantId tenant = caller.tenant();
        return all.transactions().inTransaction(tenant, () -> {
            ObjectNode current = existing(tenant, id, expectedVersion);
            ObjectNode body = withoutDerived(resource.deepCopy());
            return store(tenant, current, body);
        });
    }

    @Override
    public ObjectNode patch(ScimPrincipal caller, String id, PatchPlan plan, Optional<String> expectedVersion,
                            Projection projection) {
        TenantId tenant = caller.tenant();
        return all.transactions().inTransaction(tenant, () -> {
            ObjectNode current = existing(tenant, id, expectedVersion);
            // Applied to what the client sees (members[display eq "…"] selects by the member's current name).
            // The view is a deep copy made for this request alone, so the plan may patch it in place
            // (restored if it fails) and the result, that same tree, is this request's to store.
            PatchResult result = plan.applyInPlace(view(tenant, current, false));
            if (!result.changed()) {
                return view(tenant, current, !projection.mayOmit("groups"));
            }
            return store(tenant, current, withoutDerived(result.resource()));
        });
    }

    @Override
    public void delete(ScimPrincipal caller, String id, Optional<String> expectedVersion) {
        TenantId tenant = caller.tenant();
        all.transactions().inTransaction(tenant, () -> {
            existing(tenant, id, expectedVersion);
            records.delete(tenant, id);
            for (RecordRepository groups : all.groupTypes()) {
                groups.dropMember(tenant, id);
            }
            return null;
        });
    }

    @Override
    public SearchResult search(TenantId tenant, SearchQuery query) {
        // Validated against the schema (400 invalidFilter) before anything is read.
        Predicate<JsonNode> matches = query.filter().map(evaluator::predicate).orElse(r -> true);
        // Derived values (a User's groups, members' display) are what a client sees, so a filter or sort
        // that reads them sees them too.
        Set<String> read = new HashSet<>();
        query.filter().ifPresent(f -> read.addAll(FilterAttributes.readBy(type, f)));
        query.sort().flatMap(sort -> FilterAttributes.topLevel(type, sort.path())).ifPresent(read::add);
        boolean derivedRead = hasGroups && read.contains("groups") || hasMembers && read.contains("members");
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode r : candidates(tenant, query.filter())) {
            ObjectNode seen = derivedRead ? view(tenant, r, true) : r;
            if (matches.test(seen)) {
                found.add(seen);
            }
        }
        if (query.sort().isPresent()) {
            found.sort(ResourceOrdering.comparator(type, query.sort().get())); // stable: ties keep the records' order
        }
        boolean withGroups = !query.projection().mayOmit("groups");
        List<ObjectNode> page = new ArrayList<>();
        for (long i = query.startIndex() - 1L; i < found.size() && page.size() < query.count(); i++) {
            page.add(view(tenant, found.get((int) i), withGroups));
        }
        return new SearchResult(found.size(), page);
    }

    /** Removes {@code memberId} from every resource of this type that lists it, each a new revision. */
    private void dropMember(TenantId tenant, String memberId) {
        for (ObjectNode group : records.withMember(tenant, memberId)) {
            ObjectNode next = group.deepCopy();
            if (Members.remove(next, memberId)) {
                JsonNode meta = group.path("meta");
                stamp(next, group.path("id").asText(), meta.path("created").asText(), now());
                records.update(tenant, next);
            }
        }
    }

    /** Writes {@code body} (the caller's own copy) as the next revision of {@code current}. */
    private ObjectNode store(TenantId tenant, ObjectNode current, ObjectNode body) {
        String id = current.path("id").asText();
        Set<String> before = Members.ids(current);
        Set<String> added = new HashSet<>(Members.ids(body));
        added.removeAll(before);
        requireMembersExist(tenant, added, Set.of(id));
        requireUnique(tenant, body, Optional.of(id));
        stamp(body, id, current.path("meta").path("created").asText(), now());
        records.update(tenant, body.deepCopy());
        return view(tenant, body, true);
    }

    /** The records a filter may match: the {@code eq} lookup IdPs send answered by {@link ResourceRecords#findBy}. */
    private List<ObjectNode> candidates(TenantId tenant, Optional<Filter> filter) {
        Optional<Filter.Comparison> lookup = filter.flatMap(this::lookup);
        if (lookup.isPresent()) {
            Filter.Comparison eq = lookup.get();
            String attribute = lookupAttribute(eq.path().attribute()).orElseThrow().name();
            return records.findBy(tenant, attribute, ((Literal.StringLiteral) eq.value()).value());
        }
        return records.list(tenant);
    }

    private Optional<Filter.Comparison> lookup(Filter filter) {
        if (filter instanceof Filter.And and) {
            return lookup(and.left()).or(() -> lookup(and.right()));
        }
        if (filter instanceof Filter.Comparison c && c.operator() == CompareOperator.EQ
                && c.value() instanceof Literal.StringLiteral
                && c.path().subAttribute().isEmpty()
                && (c.path().schemaUrn().isEmpty() || c.path().schemaUrn().get().equalsIgnoreCase(type.schema().id()))
                && lookups.contains(c.path().attribute().toLowerCase(Locale.ROOT))
                && lookupAttribute(c.path().attribute()).filter(a -> !a.multiValued()).isPresent()) {
            return Optional.of(c);
        }
        return Optional.empty();
    }

    /** A lookup attribute's definition, resolved as the type resolves any unqualified name (externalId included). */
    private Optional<AttributeDefinition> lookupAttribute(String name) {
        return type.resolve(name).map(ResolvedAttribute::attribute);
    }

    private ObjectNode existing(TenantId tenant, String id, Optional<String> expectedVersion) {
        ObjectNode current = records.find(tenant, id).orElseThrow(
                () -> ScimException.notFound("No " + type.name() + " with id \"" + id + "\""));
        String version = current.path("meta").path("version").asText();
        if (expectedVersion.isPresent() && !ETags.matches(expectedVersion.get(), version)) {
            throw ScimException.status(412, "The " + type.name() + " has changed: its version is " + version
                    + ", not " + expectedVersion.get());
        }
        return current;
    }

    private void requireUnique(TenantId tenant, ObjectNode body, Optional<String> self) {
        for (String attribute : unique) {
            JsonNode value = ScimJson.getIgnoreCase(body, attribute);
            if (value == null || !value.isTextual()) {
                continue;
            }
            boolean taken = records.findBy(tenant, attribute, value.asText()).stream()
                    .anyMatch(other -> self.isEmpty() || !self.get().equals(other.path("id").asText()));
            if (taken) {
                throw ScimException.uniqueness("A " + type.name() + " with " + attribute + " \"" + value.asText()
                        + "\" already exists");
            }
        }
        for (ResolvedAttribute r : uniqueInExtensions) {
            JsonNode value = r.valueIn(body);
            if (value == null || !value.isTextual()) {
                continue;
            }
            // An extension's values live inside its object, which findBy does not reach: scan.
            boolean taken = records.list(tenant).stream()
                    .filter(other -> self.isEmpty() || !self.get().equals(other.path("id").asText()))
                    .map(r::valueIn)
                    .anyMatch(v -> v != null && v.isTextual() && sameValue(r, v.asText(), value.asText()));
            if (taken) {
                throw ScimException.uniqueness("A " + type.name() + " with " + r.qualifiedName() + " \""
                        + value.asText() + "\" already exists");
            }
        }
    }

    private void requireMembersExist(TenantId tenant, Set<String> ids, Set<String> refused) {
        for (String id : ids) {
            if (refused.contains(id) || all.locate(tenant, id).isEmpty()) {
                throw ScimException.invalidValue("The member \"" + id + "\" is not an existing resource of this tenant"
                        + (refused.contains(id) ? " other than the group itself" : ""));
            }
        }
    }

    /**
     * A new tree for the caller: {@code stored}'s values, each member's {@code display} its name as it is
     * now, and a User's derived {@code groups} when asked.
     */
    private ObjectNode view(TenantId tenant, ObjectNode stored, boolean withGroups) {
        ObjectNode out = stored.deepCopy();
        if (hasMembers && out.get("members") instanceof ArrayNode members) {
            for (JsonNode member : members) {
                if (member instanceof ObjectNode m && m.path("value").isTextual()) {
                    Optional<RecordRepositories.Located> found = all.locate(tenant, m.get("value").asText());
                    found.ifPresent(f -> m.put("type", f.type().name())); // its $ref is made from it
                    found.flatMap(f -> nameOf(f.resource())).ifPresentOrElse(
                            name -> m.put("display", name), () -> m.remove("display"));
                }
            }
        }
        if (withGroups && hasGroups) {
            ArrayNode groups = ScimJson.nodes().arrayNode();
            String id = stored.path("id").asText();
            for (RecordRepository groupType : all.groupTypes()) {
                for (ObjectNode group : groupType.records.withMember(tenant, id)) {
                    ObjectNode ref = groups.addObject();
                    ref.put("value", group.path("id").asText());
                    JsonNode name = group.get("displayName");
                    if (name != null && name.isTextual()) {
                        ref.put("display", name.asText());
                    }
                    ref.put("type", "direct");
                }
            }
            if (!groups.isEmpty()) {
                out.set("groups", groups);
            }
        }
        return out;
    }

    /**
     * A member's name for others' lists: its {@code displayName}, else its {@code userName}. Looked up when
     * read rather than stored, so a rename shows in every group at once, and a client's {@code display}
     * (which may be stale or wrong) is never what others see.
     */
    private static Optional<String> nameOf(ObjectNode member) {
        for (String attribute : List.of("displayName", "userName")) {
            JsonNode name = member.get(attribute);
            if (name != null && name.isTextual() && !name.asText().isBlank()) {
                return Optional.of(name.asText());
            }
        }
        return Optional.empty();
    }

    private static ObjectNode withoutDerived(ObjectNode body) {
        body.remove("id");
        body.remove("meta");
        body.remove("groups");
        return body;
    }

    private void stamp(ObjectNode body, String id, String created, String lastModified) {
        body.put("id", id);
        ObjectNode meta = body.putObject("meta");
        meta.put("resourceType", type.name());
        meta.put("created", created);
        meta.put("lastModified", lastModified);
        // Random rather than counted, so a version never comes back after a restart of a durable store.
        meta.put("version", ETags.weak(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE)));
    }

    private String now() {
        return Instant.now(all.clock()).toString();
    }
}
