package dev.scimkit.server.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.Set;

/** Reading a resource's {@code members}: the ids it lists. */
final class Members {

    private Members() {
    }

    static Set<String> ids(JsonNode resource) {
        Set<String> ids = new LinkedHashSet<>();
        if (resource != null && resource.get("members") instanceof ArrayNode members) {
            for (JsonNode m : members) {
                JsonNode value = m.get("value");
                if (value != null && value.isTextual()) {
                    ids.add(value.asText());
                }
            }
        }
        return ids;
    }

    static boolean contains(JsonNode resource, String memberId) {
        return ids(resource).contains(memberId);
    }

    /** {@code group} (the caller's own copy) without {@code memberId}; true when it was listed. */
    static boolean remove(ObjectNode group, String memberId) {
        if (!(group.get("members") instanceof ArrayNode members)) {
            return false;
        }
        boolean removed = false;
        for (int i = members.size() - 1; i >= 0; i--) {
            if (memberId.equals(members.get(i).path("value").asText(null))) {
                members.remove(i);
                removed = true;
            }
        }
        return removed;
    }
}
