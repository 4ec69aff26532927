package dev.scimkit.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.AttributePath;

import java.util.Optional;

/**
 * Finds the value an attribute path addresses in a resource tree: core attributes at the top level,
 * extension attributes under their URN key, names matched without regard to case.
 */
public final class AttributeValues {

    private AttributeValues() {
    }

    /** The attribute's definition on the type, if the type has it. */
    public static Optional<AttributeDefinition> definition(ResourceTypeDefinition type, AttributePath path) {
        Optional<ResolvedAttribute> top = type.resolve(path.schemaUrn().orElse(null), path.attribute());
        if (top.isEmpty() && path.schemaUrn().isEmpty()) {
            // An unqualified extension attribute: accepted when exactly one extension defines it.
            for (var e : type.extensions()) {
                Optional<AttributeDefinition> a = e.schema().attribute(path.attribute());
                if (a.isPresent()) {
                    top = Optional.of(new ResolvedAttribute(e.schema(), a.get(), true));
                    break;
                }
            }
        }
        if (top.isEmpty()) {
            return Optional.empty();
        }
        AttributeDefinition def = top.get().attribute();
        if (path.subAttribute().isPresent()) {
            return def.subAttribute(path.subAttribute().get());
        }
        return Optional.of(def);
    }

    /**
     * The single value a sort uses (RFC 7644 §3.4.2.3): for a multi-valued attribute the primary
     * value, else the first; for a complex value without a sub-attribute, its {@code value}. Null when absent.
     */
    public static JsonNode sortValue(ResourceTypeDefinition type, ObjectNode resource, AttributePath path) {
        JsonNode top = topLevel(type, resource, path);
        if (top == null || top.isNull()) {
            return null;
        }
        if (top.isArray()) {
            JsonNode chosen = null;
            for (JsonNode element : top) {
                if (chosen == null) {
                    chosen = element;
                }
                JsonNode primary = ScimJson.getIgnoreCase(element, "primary");
                if (primary != null && (primary.asBoolean(false) || "true".equalsIgnoreCase(primary.asText()))) {
                    chosen = element;
                    break;
                }
            }
            top = chosen;
            if (top == null) {
                return null;
            }
        }
        String sub = path.subAttribute().orElse(top.isObject() ? "value" : null);
        if (sub != null) {
            JsonNode v = ScimJson.getIgnoreCase(top, sub);
            return v == null || v.isNull() ? null : v;
        }
        return top;
    }

    /** The value of the path's attribute (without its sub-attribute), or null. */
    public static JsonNode topLevel(ResourceTypeDefinition type, ObjectNode resource, AttributePath path) {
        String urn = path.schemaUrn().orElse(null);
        if (urn == null || type.schema().id().equalsIgnoreCase(urn)) {
            JsonNode v = ScimJson.getIgnoreCase(resource, path.attribute());
            if (v != null || urn != null) {
                return v;
            }
            for (var e : type.extensions()) {
                if (e.schema().attribute(path.attribute()).isPresent()) {
                    JsonNode ext = ScimJson.getIgnoreCase(resource, e.schema().id());
                    JsonNode found = ScimJson.getIgnoreCase(ext, path.attribute());
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        JsonNode ext = ScimJson.getIgnoreCase(resource, urn);
        return ScimJson.getIgnoreCase(ext, path.attribute());
    }
}
