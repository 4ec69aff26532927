package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
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

    /** Adds the URN of every extension object present to {@code schemas}, and drops the others. */
    static void syncSchemas(ResourceTypeDefinition type, ObjectNode resource) {
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
        }
    }

    private static boolean hasObject(ObjectNode resource, String urn) {
        JsonNode n = JsonValues.get(resource, urn);
        return n != null && n.isObject() && !n.isEmpty();
    }

    /** Canonical paths of changed attributes; see {@link PatchResult#touchedAttributes()}. */
    static Set<String> touched(ResourceTypeDefinition type, ObjectNode before, ObjectNode after) {
        Set<String> out = new LinkedHashSet<>();
        diffSchema(type, type.schema(), "", before, after, true, out);
        for (SchemaExtension e : type.extensions()) {
            String urn = e.schema().id();
            diffSchema(type, e.schema(), urn + ":", JsonValues.get(before, urn), JsonValues.get(after, urn), false, out);
        }
        return out;
    }

    private static void diffSchema(ResourceTypeDefinition type, SchemaDefinition schema, String prefix,
                                   JsonNode before, JsonNode after, boolean core, Set<String> out) {
        Map<String, AttributeDefinition> names = new LinkedHashMap<>();
        for (JsonNode side : new JsonNode[]{before, after}) {
            if (side == null || !side.isObject()) {
                continue;
            }
            for (Iterator<String> it = side.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (core && (name.equalsIgnoreCase("schemas") || type.extension(name).isPresent())) {
                    continue;
                }
                AttributeDefinition def = core
                        ? type.resolve(name).map(r -> r.attribute()).orElse(null)
                        : schema.attribute(name).orElse(null);
                if (def != null) {
                    names.putIfAbsent(def.name().toLowerCase(Locale.ROOT), def);
                }
            }
        }
        for (Map.Entry<String, AttributeDefinition> e : names.entrySet()) {
            AttributeDefinition def = e.getValue();
            JsonNode b = JsonValues.get(before, def.name());
            JsonNode a = JsonValues.get(after, def.name());
            if (def.isComplex() && !def.multiValued()) {
                for (AttributeDefinition sub : def.subAttributes()) {
                    if (!sameNode(JsonValues.get(b, sub.name()), JsonValues.get(a, sub.name()))) {
                        out.add(prefix + def.name() + "." + sub.name());
                    }
                }
            } else if (!sameNode(b, a)) {
                out.add(prefix + def.name());
            }
        }
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
