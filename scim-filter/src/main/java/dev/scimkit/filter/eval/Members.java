package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Member lookup in a JSON object, the way RFC 7643 §2.1 names attributes: exact spelling first (a
 * hash lookup, and what every canonical resource has), then the first member whose name is equal
 * ignoring case. The same answer as {@code ScimJson.getIgnoreCase}, without its Optional and entry
 * allocations, because the evaluator calls it for every attribute of every resource it tests.
 */
final class Members {

    private Members() {
    }

    /** The member's value, or null when {@code object} is not an object or has no such member. */
    static JsonNode get(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
