package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.Returned;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.server.query.Projector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The representation of a resource for a request without {@code attributes} or
 * {@code excludedAttributes}, the one every GET by id and every {@code userName eq} lookup asks for,
 * built without walking or copying the values. What the {@code returned} rules take away in that
 * case is known from the schema before any request: whole attributes returned {@code never} or
 * {@code request} ({@code password}). So the attributes are classified once per resource type, and a
 * resource whose top-level members are all classified, in their schema spelling, is rendered by
 * keeping or dropping each member as a whole; the values are shared with the input, not copied.
 *
 * <p>Anything this cannot decide member by member (an attribute with hidden sub-attributes, a name
 * the schema does not know or spells differently, an empty value the {@link Projector} would drop) makes
 * {@link #render} answer {@code null}, and the caller falls back to the {@link Projector}. Both give
 * the same JSON (the tests hold them to it).
 */
final class DefaultRepresentation {

    /** What the default representation does with a top-level member. */
    private enum Rule {
        /** Returned by default or always, and no sub-attribute is hidden: the value as it is. */
        KEEP,
        /** Returned never or only on request: left out. */
        DROP,
        /** {@code meta}: rebuilt with {@code resourceType} and {@code location}. */
        META,
        /** An extension's object: each of its members classified in turn. */
        EXTENSION
    }

    private final ResourceTypeDefinition type;
    /** Schema-spelled top-level names (attributes of the core schema, common attributes, extension URNs). */
    private final Map<String, Rule> rules = new HashMap<>();
    /** Per extension URN (schema spelling): its attributes' rules; {@code EXTENSION}/{@code META} never occur. */
    private final Map<String, Map<String, Rule>> extensionRules = new HashMap<>();
    /** Whether the attribute of each KEEP name is complex (its array elements are checked for emptiness). */
    private final Map<String, Boolean> complex = new HashMap<>();

    DefaultRepresentation(ResourceTypeDefinition type) {
        this.type = type;
        // Common attributes last: they win over a core attribute of the same name, as in ResourceTypeDefinition.resolve.
        classify(type.schema().attributes(), rules, "");
        classify(CommonAttributes.ALL, rules, "");
        rules.put("meta", Rule.META);
        for (SchemaExtension extension : type.extensions()) {
            SchemaDefinition schema = extension.schema();
            Map<String, Rule> inner = new HashMap<>();
            classify(schema.attributes(), inner, schema.id() + ":");
            extensionRules.put(schema.id(), inner);
            rules.put(schema.id(), Rule.EXTENSION);
        }
    }

    private void classify(List<AttributeDefinition> attributes, Map<String, Rule> into, String prefix) {
        for (AttributeDefinition a : attributes) {
            Returned r = a.returned();
            into.remove(a.name());
            complex.remove(prefix + a.name());
            if (r == Returned.NEVER || r == Returned.REQUEST) {
                into.put(a.name(), Rule.DROP);
            } else if (a.subAttributes().stream().allMatch(s -> s.returned() == Returned.DEFAULT || s.returned() == Returned.ALWAYS)) {
                into.put(a.name(), Rule.KEEP);
                complex.put(prefix + a.name(), a.isComplex());
            }
            // Otherwise (a sub-attribute returned never or on request) the Projector decides.
        }
    }

    /**
     * The client's view of {@code stored} for the default projection: {@code schemas} first, then the
     * stored members in order, {@code meta} with {@code resourceType} and {@code location}, hidden
     * attributes left out. The result shares values with {@code stored} (neither is modified here;
     * treat the result as read-only). {@code null} when the {@link Projector} must decide.
     */
    ObjectNode render(ObjectNode stored, JsonNode schemas, String location) {
        ObjectNode out = ScimJson.object();
        out.set("schemas", schemas);
        boolean hasMeta = false;
        for (Map.Entry<String, JsonNode> field : stored.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("schemas")) {
                continue;
            }
            Rule rule = rules.get(name);
            if (rule == null) {
                return null;
            }
            switch (rule) {
                case DROP -> {
                }
                case KEEP -> {
                    if (!keepsWhole(name, value)) {
                        return null;
                    }
                    out.set(name, value);
                }
                case META -> {
                    out.set(name, meta(value, location));
                    hasMeta = true;
                }
                case EXTENSION -> {
                    if (!extensionKeptWhole(name, value)) {
                        return null;
                    }
                    out.set(name, value);
                }
                default -> throw new IllegalStateException("Unknown rule " + rule);
            }
        }
        if (!hasMeta) {
            out.set("meta", meta(null, location));
        }
        return out;
    }

    /** A new {@code meta}: the stored one's members plus the ones the engine owns. */
    ObjectNode meta(JsonNode stored, String location) {
        ObjectNode meta = ScimJson.object();
        if (stored instanceof ObjectNode o) {
            meta.setAll(o);
        }
        meta.put("resourceType", type.name());
        if (location != null) {
            meta.put("location", location);
        }
        return meta;
    }

    /** Whether the Projector would return this value as it is: no empty container it would drop. */
    private boolean keepsWhole(String qualifiedName, JsonNode value) {
        if (isEmptyContainer(value)) {
            return false;
        }
        if (value.isArray() && Boolean.TRUE.equals(complex.get(qualifiedName))) {
            for (JsonNode element : value) {
                if (isEmptyContainer(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether an extension's object is returned as it is: all its members are classified and kept. */
    private boolean extensionKeptWhole(String urn, JsonNode value) {
        if (!value.isObject() || value.isEmpty()) {
            return false;
        }
        Map<String, Rule> inner = extensionRules.get(urn);
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (inner.get(field.getKey()) != Rule.KEEP || !keepsWhole(urn + ":" + field.getKey(), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmptyContainer(JsonNode node) {
        return node.isContainerNode() && node.isEmpty();
    }
}
