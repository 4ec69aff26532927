package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaExtension;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a patch changed, found by comparing the resource before and after: the touched attribute
 * paths and the effective membership change. Also keeps {@code schemas} in step with the extension
 * objects present (RFC 7643 §3: every extension in use is listed).
 */
final class ResourceChanges {

    private ResourceChanges() {
    }

    /**
     * Adds the URN of every extension object present to {@code schemas}, and drops the others. Returns
     * whether {@code schemas} was written.
     */
    static boolean syncSchemas(ResourceTypeDefinition type, ObjectNode resource) {
        return !alreadyInStep(type, resource) && fullSync(type, resource);
    }

    /**
     * The sync itself, for any {@code schemas}: other spellings, unknown URNs, duplicates, non-text
     * entries. Returns whether {@code schemas} was written.
     */
    static boolean fullSync(ResourceTypeDefinition type, ObjectNode resource) {
        JsonNode schemas = JsonValues.get(resource, "schemas");
        List<String> urns = new ArrayList<>();
        if (schemas != null && schemas.isArray()) {
            schemas.forEach(s -> urns.add(s.asText()));
        }
        List<String> wanted = new ArrayList<>();
        for (String urn : urns) {
            boolean isExtension = type.extension(urn).isPresent();
            if (!isExtension || hasObject(resource, urn)) {
                wanted.add(urn);
            }
        }
        for (SchemaExtension e : type.extensions()) {
            String urn = e.schema().id();
            if (hasObject(resource, urn) && wanted.stream().noneMatch(u -> u.equalsIgnoreCase(urn))) {
                if (wanted.isEmpty()) {
                    wanted.add(type.schema().id());
                }
                wanted.add(urn);
            }
        }
        if (!wanted.equals(urns)) {
            ArrayNode out = ScimJson.mapper().createArrayNode();
            wanted.forEach(out::add);
            JsonValues.put(resource, "schemas", out);
            return true;
        }
        return false;
    }

    /**
     * The usual case, decided without building lists: {@code schemas} (spelled so) lists each URN
     * exactly as the schema spells it and at most once, every listed extension has its object, and
     * every extension object present is listed. Then {@link #fullSync} would change nothing. Anything
     * unusual (another spelling, an unknown URN, a duplicate, a missing object) answers false.
     */
    static boolean alreadyInStep(ResourceTypeDefinition type, ObjectNode resource) {
        JsonNode schemas = resource.get("schemas");
        List<SchemaExtension> extensions = type.extensions();
        if (schemas == null || !schemas.isArray() || extensions.size() > Long.SIZE) {
            return false;
        }
        String core = type.schema().id();
        long listed = 0;   // bit i: extension i is listed
        for (JsonNode entry : schemas) {
            String urn = entry.textValue();
            if (urn == null) {
                return false;
            }
            if (urn.equals(core)) {
                continue;
            }
            int i = exactExtension(extensions, urn);
            if (i < 0 || (listed & (1L << i)) != 0 || !hasObject(resource, urn)) {
                return false;
            }
            listed |= 1L << i;
        }
        for (int i = 0; i < extensions.size(); i++) {
            if ((listed & (1L << i)) == 0 && hasObject(resource, extensions.get(i).schema().id())) {
                return false;
            }
        }
        return true;
    }

    private static int exactExtension(List<SchemaExtension> extensions, String urn) {
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).schema().id().equals(urn)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasObject(ObjectNode resource, String urn) {
        JsonNode n = JsonValues.get(resource, urn);
        return n != null && n.isObject() && !n.isEmpty();
    }

    /**
     * Canonical paths of changed attributes (see {@link PatchResult#touchedAttributes()}), looking only
     * at the plan's targets: a patch writes nothing else (besides {@code schemas}, never listed), so the
     * rest of the resource needs no comparing. Adds each changed top-level attribute to {@code changed}
     * (the ones to validate). The order is the order of the whole-resource comparison this replaces:
     * core attributes as they appear in {@code before}, then new ones of {@code after}, then each
     * extension's the same way, in the type's extension order. {@code before} is the undo log's
     * put-aside members; the paths come precomputed from {@code footprint}. Empty (and immutable) when
     * nothing changed, which allocates nothing.
     */
    static Set<String> touched(ResourceTypeDefinition type, UndoLog before, ObjectNode after, Footprint footprint,
                               List<ResolvedAttribute> changed) {
        List<ResolvedAttribute> targeted = footprint.targets();
        Set<String> out = Set.of();
        if (targeted.isEmpty()) {
            return out;
        }
        out = diffContainer(type, null, before, null, after, footprint, out, changed);
        for (SchemaExtension e : type.extensions()) {
            SchemaDefinition schema = e.schema();
            if (targets(targeted, schema)) {
                String urn = schema.id();
                out = diffContainer(type, schema, null, before.before(urn), JsonValues.get(after, urn), footprint,
                        out, changed);
            }
        }
        return out;
    }

    private static boolean targets(List<ResolvedAttribute> targeted, SchemaDefinition extension) {
        for (ResolvedAttribute r : targeted) {
            if (r.extension() && r.schema() == extension) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares the targeted attributes of one object: the core ({@code extension} null, its before side
     * {@code coreBefore}) or an extension's (its before side the original object {@code extensionBefore}).
     * Returns {@code out}, or a new mutable set holding it and the paths added.
     */
    private static Set<String> diffContainer(ResourceTypeDefinition type, SchemaDefinition extension,
                                             UndoLog coreBefore, JsonNode extensionBefore, JsonNode after,
                                             Footprint footprint, Set<String> out, List<ResolvedAttribute> changed) {
        List<ResolvedAttribute> targeted = footprint.targets();
        ResolvedAttribute only = onlyTargetIn(extension, targeted);
        ResolvedAttribute[] present;
        int count = 0;
        if (only != null) {
            // one target here (Okta's deactivate, a member add): no order to keep, so no walk over
            // every member; any spelling resolves as the canonical name does (the lookup ignores case)
            // (a target was resolved from the type, so its own spelling resolves to it: no lookup)
            String name = only.attribute().name();
            present = new ResolvedAttribute[1];
            if (before(coreBefore, extensionBefore, name) != null || JsonValues.get(after, name) != null) {
                present[count++] = only;
            }
        } else {
            present = new ResolvedAttribute[targeted.size()];
            if (coreBefore != null) {
                for (int i = 0; i < coreBefore.asideCount(); i++) {
                    count = collectPresent(type, null, coreBefore.asideKey(i), targeted, present, count);
                }
            } else {
                count = collectPresent(type, extension, extensionBefore, footprint, present, count);
            }
            count = collectPresent(type, extension, after, footprint, present, count);
        }
        for (int k = 0; k < count; k++) {
            ResolvedAttribute r = present[k];
            AttributeDefinition def = r.attribute();
            JsonNode b = before(coreBefore, extensionBefore, def.name());
            JsonNode a = JsonValues.get(after, def.name());
            if (sameNode(b, a)) {
                continue;
            }
            changed.add(r);
            int index = footprint.indexOf(r);
            if (out.isEmpty()) {
                out = new LinkedHashSet<>();
            }
            if (def.isComplex() && !def.multiValued()) {
                List<AttributeDefinition> subs = def.subAttributes();
                for (int s = 0; s < subs.size(); s++) {
                    AttributeDefinition sub = subs.get(s);
                    if (!sameNode(JsonValues.get(b, sub.name()), JsonValues.get(a, sub.name()))) {
                        out.add(footprint.subPath(index, s));
                    }
                }
            } else {
                out.add(footprint.wholePath(index));
            }
        }
        return out;
    }

    private static JsonNode before(UndoLog coreBefore, JsonNode extensionBefore, String name) {
        return coreBefore != null ? coreBefore.before(name) : JsonValues.get(extensionBefore, name);
    }

    /** The one targeted attribute of this container (core when {@code extension} is null), or null if not one. */
    private static ResolvedAttribute onlyTargetIn(SchemaDefinition extension, List<ResolvedAttribute> targeted) {
        ResolvedAttribute only = null;
        for (ResolvedAttribute r : targeted) {
            if (r.extension() == (extension != null) && (extension == null || r.schema() == extension)) {
                if (only != null && !only.equals(r)) {
                    return null;
                }
                only = r;
            }
        }
        return only;
    }

    /** Adds, in member order, the targeted attributes of this container that {@code object} has. */
    private static int collectPresent(ResourceTypeDefinition type, SchemaDefinition extension, JsonNode object,
                                      Footprint footprint, ResolvedAttribute[] present, int count) {
        List<ResolvedAttribute> targeted = footprint.targets();
        if (object == null || !object.isObject()) {
            return count;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (extension != null || footprint.classify(name) == Footprint.Kind.CORE) {
                count = collectPresent(type, extension, name, targeted, present, count);
            }
        }
        return count;
    }

    /** Adds the targeted attributes of this container that the member {@code name} names, if not there yet. */
    private static int collectPresent(ResourceTypeDefinition type, SchemaDefinition extension, String name,
                                      List<ResolvedAttribute> targeted, ResolvedAttribute[] present, int count) {
        for (ResolvedAttribute r : targeted) {
            if (r.extension() == (extension != null) && (extension == null || r.schema() == extension)
                    && ScimJson.sameName(name, r.attribute().name()) && !contains(present, count, r)
                    && (name.equals(r.attribute().name()) || resolvesTo(type, extension, name, r))) {
                // a target was resolved from the type, so its own spelling resolves to it: no lookup
                present[count++] = r;
            }
        }
        return count;
    }

    private static boolean contains(ResolvedAttribute[] present, int count, ResolvedAttribute r) {
        for (int i = 0; i < count; i++) {
            if (present[i] == r || present[i].equals(r)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} names {@code r} as the schema's case-insensitive lookup sees it. */
    private static boolean resolvesTo(ResourceTypeDefinition type, SchemaDefinition extension, String name,
                                      ResolvedAttribute r) {
        AttributeDefinition def = extension == null
                ? type.resolve(name).map(ResolvedAttribute::attribute).orElse(null)
                : extension.attribute(name).orElse(null);
        return def == r.attribute();
    }
    private static boolean sameNode(JsonNode a, JsonNode b) {
        if (JsonValues.isAbsent(a) || JsonValues.isAbsent(b)) {
            return JsonValues.isAbsent(a) && JsonValues.isAbsent(b);
        }
        return a.equals(b);
    }

    /** The effective membership change between two versions of a group (never replaceAll). */
    static MembershipDelta membership(ObjectNode before, ObjectNode after, boolean caseExact) {
        Map<String, JsonNode> was = members(before, caseExact);
        Map<String, JsonNode> now = members(after, caseExact);
        Set<String> removed = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : was.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                removed.add(e.getValue().path("value").asText());
            }
        }
        List<ObjectNode> added = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : now.entrySet()) {
            if (!was.containsKey(e.getKey()) && e.getValue().isObject()) {
                added.add((ObjectNode) e.getValue());
            }
        }
        if (removed.isEmpty() && added.isEmpty()) {
            return MembershipDelta.empty();
        }
        return MembershipDelta.of(false, removed, added, caseExact);
    }

    private static Map<String, JsonNode> members(ObjectNode group, boolean caseExact) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode members = JsonValues.get(group, "members");
        if (members != null && members.isArray()) {
            for (JsonNode m : members) {
                JsonNode v = m.path("value");
                if (v.isTextual()) {
                    out.putIfAbsent(caseExact ? v.asText() : v.asText().toLowerCase(Locale.ROOT), m);
                }
            }
        }
        return out;
    }
}
