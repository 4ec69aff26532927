package dev.scimkit.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.eval.ResolvedPath;

import java.util.List;
import java.util.Optional;

/**
 * The value a resource is sorted by (RFC 7644 §3.4.2.3). The path is resolved once against the schema
 * with the filter module's {@link ResolvedPath}, so sorting finds values exactly where filtering does.
 */
final class SortKey {

    private final Optional<ResolvedPath> attribute;
    private final Optional<AttributeDefinition> subAttribute;

    private SortKey(Optional<ResolvedPath> attribute, Optional<AttributeDefinition> subAttribute) {
        this.attribute = attribute;
        this.subAttribute = subAttribute;
    }

    /**
     * The key for {@code path} on {@code type}. An unqualified name that only an extension defines is
     * accepted as that extension's attribute (a lenient reading clients rely on). An attribute the
     * schema does not know gives every resource the same, absent value, as a filter treats it as unassigned.
     */
    static SortKey of(ResourceTypeDefinition type, AttributePath path) {
        Optional<ResolvedPath> full = resolve(type, path);
        Optional<ResolvedPath> top = full.flatMap(r -> resolve(type, path.parent()));
        return new SortKey(top, full.flatMap(ResolvedPath::subAttribute));
    }

    private static Optional<ResolvedPath> resolve(ResourceTypeDefinition type, AttributePath path) {
        Optional<ResolvedPath> resolved = ResolvedPath.resolve(type, path);
        if (resolved.isPresent() || path.schemaUrn().isPresent()) {
            return resolved;
        }
        for (SchemaExtension e : type.extensions()) {
            String sub = path.subAttribute().orElse(null);
            Optional<ResolvedPath> inExtension = ResolvedPath.resolve(type, AttributePath.of(e.schema().id(), path.attribute(), sub));
            if (inExtension.isPresent()) {
                return inExtension;
            }
        }
        return Optional.empty();
    }

    /** The definition of the sorted values (the sub-attribute's, else the attribute's). */
    Optional<AttributeDefinition> definition() {
        return subAttribute.or(() -> attribute.map(ResolvedPath::attribute));
    }

    /**
     * The single value {@code resource} sorts by: of a multi-valued attribute the primary value, else
     * the first; of a complex value without a sub-attribute in the path, its {@code value}.
     */
    Optional<JsonNode> valueOf(JsonNode resource) {
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> values = attribute.get().select(resource);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        JsonNode chosen = values.stream().filter(SortKey::isPrimary).findFirst().orElse(values.get(0));
        String sub = subAttribute.map(AttributeDefinition::name).orElse(chosen.isObject() ? "value" : null);
        if (sub == null) {
            return Optional.of(chosen);
        }
        JsonNode v = ScimJson.getIgnoreCase(chosen, sub);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    private static boolean isPrimary(JsonNode element) {
        JsonNode primary = ScimJson.getIgnoreCase(element, "primary");
        return primary != null && (primary.asBoolean(false) || "true".equalsIgnoreCase(primary.asText()));
    }
}
