package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.DefaultSubAttributes;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Schema-aware equality of attribute values (RFC 7643 §2.2 caseExact, numbers by numeric value), and
 * case-insensitive member access on resource objects whose keys should already be canonical.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** Whether two values of {@code def} are equal (whole attribute: arrays compare in order). */
    static boolean same(AttributeDefinition def, JsonNode a, JsonNode b) {
        if (isAbsent(a) || isAbsent(b)) {
            return isAbsent(a) && isAbsent(b);
        }
        if (def.multiValued() && a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameSingle(def, a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return sameSingle(def, a, b);
    }

    /** Whether two single values (one element of a multi-valued attribute) are equal in full. */
    static boolean sameSingle(AttributeDefinition def, JsonNode a, JsonNode b) {
        if (def.isComplex()) {
            if (!a.isObject() || !b.isObject() || a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = get(b, e.getKey());
                if (other == null) {
                    return false;
                }
                Optional<AttributeDefinition> sub = DefaultSubAttributes.find(def, e.getKey());
                boolean equal = sub.isPresent() ? same(sub.get(), e.getValue(), other) : e.getValue().equals(other);
                if (!equal) {
                    return false;
                }
            }
            return true;
        }
        return sameScalar(def, a, b);
    }

    /**
     * Whether a new element duplicates an existing one of a multi-valued attribute: complex values
     * with a {@code value} compare that sub-attribute, others compare in full.
     */
    static boolean sameElement(AttributeDefinition def, JsonNode a, JsonNode b) {
        if (def.isComplex()) {
            JsonNode va = get(a, "value");
            JsonNode vb = get(b, "value");
            Optional<AttributeDefinition> valueDef = DefaultSubAttributes.find(def, "value");
            if (!isAbsent(va) && !isAbsent(vb) && valueDef.isPresent()) {
                return sameScalar(valueDef.get(), va, vb);
            }
        }
        return sameSingle(def, a, b);
    }

    static boolean sameScalar(AttributeDefinition def, JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return def.caseExact() || !def.type().isTextual()
                    ? a.asText().equals(b.asText())
                    : a.asText().equalsIgnoreCase(b.asText());
        }
        return a.equals(b);
    }

    /**
     * Whether a write would change nothing: exact JSON equality (a client that replaces "abc" with
     * "ABC" wants the new spelling even where comparisons ignore case).
     */
    static boolean identical(JsonNode a, JsonNode b) {
        if (isAbsent(a) || isAbsent(b)) {
            return isAbsent(a) && isAbsent(b);
        }
        return a.equals(b);
    }

    /** Null, JSON null, missing or an empty array (RFC 7643 §2.5: unassigned). One virtual call, not four. */
    static boolean isAbsent(JsonNode n) {
        if (n == null) {
            return true;
        }
        return switch (n.getNodeType()) {
            case NULL, MISSING -> true;
            case ARRAY -> n.isEmpty();
            default -> false;
        };
    }

    /** A member by name, ignoring case; null when absent. */
    static JsonNode get(JsonNode object, String name) {
        return ScimJson.getIgnoreCase(object, name);
    }

    /** Sets a member under its canonical name, dropping any differently-spelled duplicate. */
    static void put(ObjectNode object, String canonicalName, JsonNode value) {
        removeAllSpellings(object, canonicalName);
        object.set(canonicalName, value);
    }

    /** Removes a member whatever its spelling; returns whether something was there. */
    static boolean remove(ObjectNode object, String name) {
        return removeAllSpellings(object, name);
    }

    private static boolean removeAllSpellings(ObjectNode object, String name) {
        boolean removed = false;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            if (ScimJson.sameName(it.next(), name)) {
                it.remove();
                removed = true;
            }
        }
        return removed;
    }
}
