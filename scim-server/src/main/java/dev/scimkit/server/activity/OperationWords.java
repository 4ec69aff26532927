package dev.scimkit.server.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.scimkit.core.json.ScimJson;

import java.util.Locale;

/**
 * Names what a request did the way an administrator says it: {@code created user},
 * {@code disabled user}, {@code added 3 members to}, {@code lookup}. Only the method, the path's shape
 * and the body's shape count; the answer's status is shown beside it, not folded in.
 */
final class OperationWords {

    private OperationWords() {
    }

    /**
     * @param method  the HTTP method
     * @param noun    the resource's noun ({@code user}, {@code group}), or empty for non-resource paths
     * @param byId    whether the path names one resource
     * @param hasFilter whether a list request carries a filter
     * @param body    the parsed request body ({@code MissingNode} when absent or not JSON)
     */
    static String describe(String method, String noun, boolean byId, boolean hasFilter, JsonNode body) {
        return switch (method) {
            case "POST" -> "created " + noun;
            case "GET" -> byId ? "read " + noun : hasFilter ? "lookup" : "listed " + noun + "s";
            case "DELETE" -> "deleted " + noun;
            case "PUT" -> activeOf(body).map(active -> active ? "replaced " + noun : "disabled " + noun)
                    .orElse("replaced " + noun);
            case "PATCH" -> patch(noun, body);
            default -> method.toLowerCase(Locale.ROOT) + " " + noun;
        };
    }

    private static String patch(String noun, JsonNode body) {
        JsonNode operations = field(body, "Operations");
        int added = 0;
        int removed = 0;
        boolean removedAll = false;
        boolean replacedMembers = false;
        Boolean active = null;
        boolean renamed = false;
        boolean other = false;
        for (JsonNode op : operations) {
            String kind = field(op, "op").asText("").toLowerCase(Locale.ROOT);
            String path = field(op, "path").asText("");
            String pathLower = path.toLowerCase(Locale.ROOT);
            JsonNode value = field(op, "value");
            if (pathLower.startsWith("members")) {
                int n = value.isArray() ? value.size() : pathLower.contains("[") || value.isObject() ? 1 : 0;
                switch (kind) {
                    case "add" -> added += n;
                    case "remove" -> {
                        if (n == 0) {
                            removedAll = true;
                        }
                        removed += n;
                    }
                    default -> replacedMembers = true;
                }
            } else if (pathLower.equals("active")) {
                active = truth(value);
            } else if (pathLower.equals("displayname")) {
                renamed = true;
            } else if (path.isEmpty() && value.isObject()) {
                JsonNode members = field(value, "members");
                if (members.isArray()) {
                    if (kind.equals("add")) {
                        added += members.size();
                    } else {
                        replacedMembers = true;
                    }
                }
                JsonNode activeValue = field(value, "active");
                if (!activeValue.isMissingNode()) {
                    active = truth(activeValue);
                }
                boolean names = !field(value, "displayName").isMissingNode();
                renamed |= names;
                // Okta renames with {"id": ..., "displayName": ...}: the id it echoes changes nothing.
                int understood = (members.isArray() ? 1 : 0) + (activeValue.isMissingNode() ? 0 : 1) + (names ? 1 : 0)
                        + (field(value, "id").isMissingNode() ? 0 : 1);
                other |= value.size() > understood;
            } else {
                other = true;
            }
        }
        if (Boolean.FALSE.equals(active)) {
            return "disabled " + noun;
        }
        if (Boolean.TRUE.equals(active) && !other) {
            return "enabled " + noun;
        }
        if (added > 0 && removed == 0 && !removedAll && !replacedMembers) {
            return "added " + members(added) + " to";
        }
        if (removed > 0 && added == 0 && !replacedMembers) {
            return "removed " + members(removed) + " from";
        }
        if (removedAll && added == 0) {
            return "removed all members from";
        }
        if (added > 0 || removed > 0 || replacedMembers) {
            return "changed the members of";
        }
        if (renamed && !other) {
            return "renamed " + noun;
        }
        return "updated " + noun;
    }

    private static String members(int n) {
        return n == 1 ? "1 member" : n + " members";
    }

    /** Entra ID sends {@code "False"} as a string; anything unreadable counts as not a change to false. */
    private static Boolean truth(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String t = value.asText().trim();
            if (t.equalsIgnoreCase("true")) {
                return true;
            }
            if (t.equalsIgnoreCase("false")) {
                return false;
            }
        }
        return null;
    }

    private static java.util.Optional<Boolean> activeOf(JsonNode body) {
        return java.util.Optional.ofNullable(truth(field(body, "active")));
    }

    /** A member found ignoring case, or a missing node: never null. */
    static JsonNode field(JsonNode object, String name) {
        // Every body and answer is a node, a missing one when absent: a null here is a describer's bug.
        JsonNode value = ScimJson.getIgnoreCase(java.util.Objects.requireNonNull(object, "object"), name);
        return value == null ? MissingNode.getInstance() : value;
    }
}
