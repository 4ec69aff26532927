package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;

import java.util.Optional;

/** Small reads and writes on SCIM JSON, ignoring the case of attribute names as SCIM requires. */
final class ScimNodes {

    private ScimNodes() {
    }

    /** The text of {@code node.name}, or "" when absent, null or not a string. */
    static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : ScimJson.getIgnoreCase(node, name);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    /** A sub-object, if present. */
    static Optional<ObjectNode> object(JsonNode node, String name) {
        JsonNode v = node == null ? null : ScimJson.getIgnoreCase(node, name);
        return v instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }

    /** The sub-object, created when absent (under the existing spelling of its name if any). */
    static ObjectNode objectFor(ObjectNode node, String name) {
        Optional<ObjectNode> existing = object(node, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        ScimJson.findField(node, name).ifPresent(e -> node.remove(e.getKey()));
        return node.putObject(name);
    }

    /** Sets {@code node.name} to a text, or removes it for "" (keeping the client's spelling). */
    static void setText(ObjectNode node, String name, String value) {
        String key = ScimJson.findField(node, name).map(e -> e.getKey()).orElse(name);
        if (value.isEmpty()) {
            node.remove(key);
        } else {
            node.put(key, value);
        }
    }

    /**
     * The element of a multi-valued attribute to read or write for a type: the one of that type, else
     * (when {@code fallback}) the primary one, else the first.
     */
    static Optional<ObjectNode> element(JsonNode resource, String attribute, String type, boolean fallback) {
        JsonNode array = resource == null ? null : ScimJson.getIgnoreCase(resource, attribute);
        if (!(array instanceof ArrayNode a) || a.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode e : a) {
            if (e instanceof ObjectNode o && text(o, "type").equalsIgnoreCase(type)) {
                return Optional.of(o);
            }
        }
        if (!fallback) {
            return Optional.empty();
        }
        for (JsonNode e : a) {
            JsonNode primary = e instanceof ObjectNode o ? ScimJson.getIgnoreCase(o, "primary") : null;
            if (primary != null && (primary.asBoolean(false) || "true".equalsIgnoreCase(primary.asText()))) {
                return Optional.of((ObjectNode) e);
            }
        }
        return a.get(0) instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }

    /** The array of a multi-valued attribute, created when absent. */
    static ArrayNode arrayFor(ObjectNode node, String name) {
        JsonNode v = ScimJson.getIgnoreCase(node, name);
        if (v instanceof ArrayNode a) {
            return a;
        }
        ScimJson.findField(node, name).ifPresent(e -> node.remove(e.getKey()));
        return node.putArray(name);
    }

    /** Removes one element (by identity) from a multi-valued attribute. */
    static void removeElement(ObjectNode node, String attribute, ObjectNode element) {
        JsonNode v = ScimJson.getIgnoreCase(node, attribute);
        if (v instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) == element) {
                    a.remove(i);
                    break;
                }
            }
            if (a.isEmpty()) {
                ScimJson.findField(node, attribute).ifPresent(e -> node.remove(e.getKey()));
            }
        }
    }
}
