package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;

import java.util.Map;

/**
 * Gives every element of a resource's {@code members} its {@code $ref}, the member's absolute URL
 * (RFC 7643 §4.2): the request's base URL, the endpoint of the member's {@code type} and its
 * {@code value}. Stores keep ids and types; only the engine knows the URL a client reached it under,
 * so the link is made when the resource is rendered, for every store alike, and a {@code $ref} a
 * store holds is replaced by the current one. Thread-safe.
 */
final class MemberLinks {

    private final SchemaRegistry registry;

    MemberLinks(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * {@code stored} with a linked copy of its {@code members}; {@code stored} itself when it has no
     * members. {@code stored} is not modified and the other values are shared with it.
     */
    ObjectNode withLinks(ObjectNode stored, String baseUrl) {
        if (!(stored.get("members") instanceof ArrayNode members) || members.isEmpty()) {
            return stored;
        }
        ArrayNode linked = ScimJson.nodes().arrayNode(members.size());
        for (JsonNode member : members) {
            linked.add(member instanceof ObjectNode m ? link(m, baseUrl) : member);
        }
        ObjectNode out = ScimJson.object();
        out.setAll(stored);
        out.set("members", linked); // replaces the stored array in its place
        return out;
    }

    /** The member with {@code $ref} after {@code value}; unchanged when its id or type is unknown. */
    private JsonNode link(ObjectNode member, String baseUrl) {
        JsonNode value = member.get("value");
        JsonNode type = member.get("type");
        if (value == null || !value.isTextual() || type == null || !type.isTextual()) {
            return member;
        }
        return registry.resourceType(type.asText())
                .<JsonNode>map(memberType -> {
                    ObjectNode out = ScimJson.object();
                    for (Map.Entry<String, JsonNode> field : member.properties()) {
                        if (field.getKey().equalsIgnoreCase("$ref")) {
                            continue;
                        }
                        out.set(field.getKey(), field.getValue());
                        if (field.getKey().equals("value")) {
                            out.put("$ref", ResourceRenderer.location(baseUrl, memberType, value.asText()));
                        }
                    }
                    return out;
                })
                .orElse(member);
    }
}
