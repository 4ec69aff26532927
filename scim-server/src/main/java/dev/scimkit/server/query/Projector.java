package dev.scimkit.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.Returned;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.server.spi.Projection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a {@link Projection} and the schema's {@code returned} characteristics to a resource
 * (RFC 7644 §3.4.2.5, RFC 7643 §2.2): {@code never} attributes never leave the server, {@code always}
 * ones ({@code id}) always do, {@code request} ones only when named in {@code attributes}, and
 * {@code default} ones unless {@code attributes} names others or {@code excludedAttributes} names them.
 * {@code schemas} is always returned, since clients (Entra ID, Okta) read it to interpret the body.
 * Thread-safe and stateless apart from its inputs.
 */
public final class Projector {

    private final ResourceTypeDefinition type;
    private final Projection projection;

    public Projector(ResourceTypeDefinition type, Projection projection) {
        this.type = type;
        this.projection = projection;
    }

    /** A new tree holding what the client may see of {@code resource}; the input is not changed. */
    public ObjectNode apply(ObjectNode resource) {
        ObjectNode out = ScimJson.object();
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("schemas")) {
                out.set(key, value.deepCopy());
                continue;
            }
            Optional<SchemaExtension> extension = type.extension(key);
            if (extension.isPresent()) {
                if (value.isObject()) {
                    ObjectNode ext = projectExtension(extension.get().schema(), (ObjectNode) value);
                    if (!ext.isEmpty()) {
                        out.set(key, ext);
                    }
                }
                continue;
            }
            AttributeDefinition def = type.resolve(key).map(r -> r.attribute()).orElse(null);
            project(type.schema(), false, key, def, value).ifPresent(v -> out.set(key, v));
        }
        return out;
    }

    private ObjectNode projectExtension(SchemaDefinition schema, ObjectNode extension) {
        ObjectNode out = ScimJson.object();
        for (Map.Entry<String, JsonNode> field : extension.properties()) {
            AttributeDefinition def = schema.attribute(field.getKey()).orElse(null);
            project(schema, true, field.getKey(), def, field.getValue()).ifPresent(v -> out.set(field.getKey(), v));
        }
        return out;
    }

    private Optional<JsonNode> project(SchemaDefinition schema, boolean extension, String name,
                                       AttributeDefinition def, JsonNode value) {
        Returned returned = def == null ? Returned.DEFAULT : def.returned();
        if (returned == Returned.NEVER) {
            return Optional.empty();
        }
        if (returned == Returned.ALWAYS) {
            return Optional.of(withoutHidden(def, value, List.of()));
        }
        if (!projection.attributes().isEmpty()) {
            boolean whole = projection.attributes().stream()
                    .anyMatch(p -> p.subAttribute().isEmpty() && names(p, schema, extension, name)
                            || namesWholeSchema(p, schema) && returned == Returned.DEFAULT);
            if (whole) {
                return Optional.of(withoutHidden(def, value, List.of()));
            }
            List<String> subs = projection.attributes().stream()
                    .filter(p -> p.subAttribute().isPresent() && names(p, schema, extension, name))
                    .map(p -> p.subAttribute().get())
                    .toList();
            if (subs.isEmpty()) {
                return Optional.empty();
            }
            return onlySubAttributes(def, value, subs);
        }
        if (returned == Returned.REQUEST) {
            return Optional.empty();
        }
        List<AttributePath> excluded = projection.excludedAttributes();
        boolean excludedWhole = excluded.stream()
                .anyMatch(p -> p.subAttribute().isEmpty() && names(p, schema, extension, name)
                        || namesWholeSchema(p, schema));
        if (excludedWhole) {
            return Optional.empty();
        }
        List<String> excludedSubs = excluded.stream()
                .filter(p -> p.subAttribute().isPresent() && names(p, schema, extension, name))
                .map(p -> p.subAttribute().get())
                .toList();
        JsonNode kept = withoutHidden(def, value, excludedSubs);
        return isEmptyComplex(kept) ? Optional.empty() : Optional.of(kept);
    }

    /** Whether a path names the attribute {@code name} of {@code schema}. */
    private boolean names(AttributePath p, SchemaDefinition schema, boolean extension, String name) {
        if (!p.attribute().equalsIgnoreCase(name)) {
            return false;
        }
        if (p.schemaUrn().isPresent()) {
            return p.schemaUrn().get().equalsIgnoreCase(schema.id());
        }
        // Unqualified names address the core schema; an extension attribute is matched unqualified
        // only when the core schema has no attribute of that name (a lenient reading clients rely on).
        return !extension || type.resolve(name).isEmpty();
    }

    /** Whether a path is a bare schema URN naming {@code schema} as a whole. */
    private static boolean namesWholeSchema(AttributePath p, SchemaDefinition schema) {
        if (p.subAttribute().isPresent()) {
            return false;
        }
        if (p.schemaUrn().isEmpty()) {
            return p.attribute().equalsIgnoreCase(schema.id());
        }
        return (p.schemaUrn().get() + ":" + p.attribute()).equalsIgnoreCase(schema.id());
    }

    /** Keeps the sub-attributes named in {@code subs} (and those returned always) of a complex value. */
    private static Optional<JsonNode> onlySubAttributes(AttributeDefinition def, JsonNode value, List<String> subs) {
        if (value.isArray()) {
            ArrayNode out = ScimJson.nodes().arrayNode();
            for (JsonNode element : value) {
                if (element.isObject()) {
                    ObjectNode kept = keepSubs(def, (ObjectNode) element, subs);
                    if (!kept.isEmpty()) {
                        out.add(kept);
                    }
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        }
        if (value.isObject()) {
            ObjectNode kept = keepSubs(def, (ObjectNode) value, subs);
            return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
        }
        return Optional.empty();
    }

    private static ObjectNode keepSubs(AttributeDefinition def, ObjectNode element, List<String> subs) {
        ObjectNode out = ScimJson.object();
        element.properties().forEach(f -> {
            Returned r = subReturned(def, f.getKey());
            boolean named = subs.stream().anyMatch(s -> s.equalsIgnoreCase(f.getKey()));
            if (r == Returned.ALWAYS || named && r != Returned.NEVER) {
                out.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        return out;
    }

    /** A copy without sub-attributes returned never or only on request, and without {@code excludedSubs}. */
    private static JsonNode withoutHidden(AttributeDefinition def, JsonNode value, List<String> excludedSubs) {
        if (def == null || !def.isComplex()) {
            return value.deepCopy();
        }
        if (value.isArray()) {
            ArrayNode out = ScimJson.nodes().arrayNode();
            for (JsonNode element : value) {
                JsonNode kept = element.isObject() ? dropSubs(def, (ObjectNode) element, excludedSubs) : element.deepCopy();
                if (!isEmptyComplex(kept)) {
                    out.add(kept);
                }
            }
            return out;
        }
        return value.isObject() ? dropSubs(def, (ObjectNode) value, excludedSubs) : value.deepCopy();
    }

    private static ObjectNode dropSubs(AttributeDefinition def, ObjectNode element, List<String> excludedSubs) {
        ObjectNode out = ScimJson.object();
        element.properties().forEach(f -> {
            Returned r = subReturned(def, f.getKey());
            boolean excluded = excludedSubs.stream().anyMatch(s -> s.equalsIgnoreCase(f.getKey()));
            if (r == Returned.ALWAYS || r == Returned.DEFAULT && !excluded) {
                out.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        return out;
    }

    private static Returned subReturned(AttributeDefinition def, String sub) {
        if (def == null) {
            return Returned.DEFAULT;
        }
        return def.subAttribute(sub).map(AttributeDefinition::returned).orElse(Returned.DEFAULT);
    }

    private static boolean isEmptyComplex(JsonNode node) {
        return node.isObject() && node.isEmpty() || node.isArray() && node.isEmpty();
    }
}
