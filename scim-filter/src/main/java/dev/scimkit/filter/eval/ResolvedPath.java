package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.AttributePath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribute path resolved against a schema: the attribute, its optional sub-attribute, and the
 * extension URN whose object holds the value (for extension attributes). Knows how to pick the
 * path's values out of a resource, matching member names without regard to case (RFC 7643 §2.1).
 */
public final class ResolvedPath {

    /**
     * The {@code schemas} member every resource carries (RFC 7643 §3) but no schema lists; RFC 7644
     * §3.4.2.2 filters on it ({@code schemas eq "urn:…:enterprise:2.0:User"}). Schema URIs compare
     * without regard to case.
     */
    static final AttributeDefinition SCHEMAS = AttributeDefinition.builder("schemas", AttributeType.REFERENCE)
            .multiValued(true)
            .caseExact(false)
            .referenceTypes(java.util.List.of("uri"))
            .build();

    private final String extensionUrn;
    private final AttributeDefinition attribute;
    private final AttributeDefinition subAttribute;

    private ResolvedPath(String extensionUrn, AttributeDefinition attribute, AttributeDefinition subAttribute) {
        this.extensionUrn = extensionUrn;
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.subAttribute = subAttribute;
    }

    /**
     * Resolves a path of a resource; empty when the schema does not know the attribute or
     * sub-attribute (or the path names a sub-attribute of a simple attribute).
     */
    public static Optional<ResolvedPath> resolve(ResourceTypeDefinition type, AttributePath path) {
        if (path.schemaUrn().isEmpty() && path.subAttribute().isEmpty()
                && path.attribute().equalsIgnoreCase(SCHEMAS.name())) {
            return Optional.of(new ResolvedPath(null, SCHEMAS, null));
        }
        Optional<ResolvedAttribute> resolved = type.resolve(path.schemaUrn().orElse(null), path.attribute());
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        ResolvedAttribute r = resolved.get();
        String urn = r.extension() ? r.schema().id() : null;
        return withSub(urn, r.attribute(), path.subAttribute());
    }

    /**
     * Resolves a path inside a value filter ({@code emails[type eq "work"]}): names are sub-attributes
     * of {@code parent}; a URN or a further sub-attribute leaves the path unresolved.
     */
    public static Optional<ResolvedPath> resolveWithin(AttributeDefinition parent, AttributePath path) {
        if (path.schemaUrn().isPresent() || path.subAttribute().isPresent()) {
            return Optional.empty();
        }
        return parent.subAttribute(path.attribute()).map(sub -> new ResolvedPath(null, sub, null));
    }

    private static Optional<ResolvedPath> withSub(String urn, AttributeDefinition attribute, Optional<String> subName) {
        if (subName.isEmpty()) {
            return Optional.of(new ResolvedPath(urn, attribute, null));
        }
        return attribute.subAttribute(subName.get()).map(sub -> new ResolvedPath(urn, attribute, sub));
    }

    /** The extension URN under whose key the attribute lives; empty for core and common attributes. */
    public Optional<String> extensionUrn() {
        return Optional.ofNullable(extensionUrn);
    }

    public AttributeDefinition attribute() {
        return attribute;
    }

    public Optional<AttributeDefinition> subAttribute() {
        return Optional.ofNullable(subAttribute);
    }

    /** The definition of the values the path selects: the sub-attribute if any, else the attribute. */
    public AttributeDefinition leaf() {
        return subAttribute != null ? subAttribute : attribute;
    }

    /** Whether the path can select more than one value (the attribute or sub-attribute is multi-valued). */
    public boolean multiValued() {
        return attribute.multiValued() || (subAttribute != null && subAttribute.multiValued());
    }

    /** A canonical, case-folded key for the path, equal for every spelling of the same attribute. */
    public String canonicalKey() {
        StringBuilder sb = new StringBuilder();
        if (extensionUrn != null) {
            sb.append(extensionUrn).append(':');
        }
        sb.append(attribute.name());
        if (subAttribute != null) {
            sb.append('.').append(subAttribute.name());
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The non-null values the path selects in {@code container} (a resource, or one element of a
     * multi-valued complex attribute for paths from {@link #resolveWithin}); arrays are flattened.
     */
    public List<JsonNode> select(JsonNode container) {
        JsonNode holder = extensionUrn == null ? container : ScimJson.getIgnoreCase(container, extensionUrn);
        List<JsonNode> values = new ArrayList<>();
        JsonNode top = ScimJson.getIgnoreCase(holder, attribute.name());
        if (subAttribute == null) {
            flattenInto(top, values);
            return values;
        }
        List<JsonNode> parents = new ArrayList<>();
        flattenInto(top, parents);
        for (JsonNode parent : parents) {
            flattenInto(ScimJson.getIgnoreCase(parent, subAttribute.name()), values);
        }
        return values;
    }

    static void flattenInto(JsonNode node, List<JsonNode> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (element != null && !element.isNull()) {
                    out.add(element);
                }
            }
        } else {
            out.add(node);
        }
    }

    @Override
    public String toString() {
        return canonicalKey();
    }
}
