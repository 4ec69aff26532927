package dev.scimkit.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Forgiving reads over a JSON tree for the typed views: case-insensitive names, never a throw. */
final class TreeReader {

    private TreeReader() {
    }

    static JsonNode member(JsonNode object, String name) {
        JsonNode v = ScimJson.getIgnoreCase(object, name);
        return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
    }

    /** A scalar as text; empty for absent, null, objects and arrays. */
    static Optional<String> text(JsonNode object, String name) {
        JsonNode v = member(object, name);
        return v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** A boolean, also from the strings "true"/"false" that some clients store. */
    static Optional<Boolean> bool(JsonNode object, String name) {
        JsonNode v = member(object, name);
        if (v.isBoolean()) {
            return Optional.of(v.booleanValue());
        }
        return ClientLeniency.stringBoolean(v).map(JsonNode::booleanValue);
    }

    static <T> List<T> list(JsonNode object, String name, Function<JsonNode, T> reader) {
        JsonNode v = member(object, name);
        List<T> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode element : v) {
                if (element.isObject()) {
                    out.add(reader.apply(element));
                }
            }
        }
        return List.copyOf(out);
    }
}
