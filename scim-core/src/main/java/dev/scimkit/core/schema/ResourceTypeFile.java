package dev.scimkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One resource-type file as written (RFC 7643 §6): its name, endpoint and the URNs of the schemas it
 * names, checked for shape. {@link SchemaFiles} resolves the URNs against the schema files beside it.
 */
record ResourceTypeFile(String name, String endpoint, String description, String schemaUrn,
                        List<ExtensionReference> extensions, String source) {

    /** A {@code schemaExtensions} entry: the extension's URN and whether it is required. */
    record ExtensionReference(String schemaUrn, boolean required) {
    }

    /** A resource type's name, and the one path segment of its endpoint (RFC 7643 §6). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Set<String> MEMBERS =
            Set.of("schemas", "id", "name", "endpoint", "description", "schema", "schemaExtensions", "meta");
    private static final Set<String> EXTENSION_MEMBERS = Set.of("schema", "required");
    /**
     * Endpoints RFC 7644 §3 gives a meaning of their own (and {@code .search} at the root, §3.4.3);
     * a resource type there would never be reached.
     */
    private static final Set<String> RESERVED_ENDPOINTS =
            Set.of("schemas", "resourcetypes", "serviceproviderconfig", "bulk", "me", ".search");

    /**
     * Whether a JSON file declares a resource type rather than a schema: its {@code schemas} names the
     * ResourceType schema, or it has an {@code endpoint}, which only a resource type has.
     */
    static boolean declaresResourceType(JsonNode root) {
        if (!root.isObject()) {
            return false;
        }
        if (root.has("endpoint")) {
            return true;
        }
        for (JsonNode urn : root.path("schemas")) {
            if (urn.isTextual() && urn.asText().equalsIgnoreCase(SchemaUrns.RESOURCE_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /** Checks the shape of a resource-type file; see the class comment. */
    static ResourceTypeFile read(JsonNode root, String source) {
        unknownMembers(root, MEMBERS, source, "resource type member");
        String name = text(root, "name", source).orElseThrow(() -> missing(source, "name"));
        if (!NAME.matcher(name).matches()) {
            throw new InvalidSchemaException(source, null, "the resource type name '" + name
                    + "' must start with a letter and hold only letters, digits, '-' and '_' (64 at most)");
        }
        text(root, "id", source).filter(id -> !id.equals(name)).ifPresent(id -> {
            throw new InvalidSchemaException(source, null, "\"id\" is '" + id + "' but \"name\" is '" + name
                    + "'; a resource type's id is its name (RFC 7643 §6)");
        });
        String endpoint = text(root, "endpoint", source).orElseThrow(() -> missing(source, "endpoint"));
        String segment = endpoint.startsWith("/") ? endpoint.substring(1) : "";
        if (!NAME.matcher(segment).matches()) {
            throw new InvalidSchemaException(source, null, "the endpoint '" + endpoint
                    + "' must be one path segment below the base URL, such as /Devices");
        }
        if (RESERVED_ENDPOINTS.contains(segment.toLowerCase(Locale.ROOT))) {
            throw new InvalidSchemaException(source, null, "the endpoint '" + endpoint
                    + "' is one RFC 7644 reserves for the protocol itself");
        }
        String description = text(root, "description", source).orElse("");
        String schema = text(root, "schema", source).orElseThrow(() -> missing(source, "schema"));
        List<ExtensionReference> extensions = new ArrayList<>();
        JsonNode listed = root.get("schemaExtensions");
        if (listed != null && !listed.isNull()) {
            if (!listed.isArray()) {
                throw new InvalidSchemaException(source, null, "\"schemaExtensions\" must be an array, not "
                        + ScimJson.describe(listed));
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode e : listed) {
                if (!e.isObject()) {
                    throw new InvalidSchemaException(source, null, "each of \"schemaExtensions\" must be an object"
                            + " with \"schema\" and \"required\", not " + ScimJson.describe(e));
                }
                unknownMembers(e, EXTENSION_MEMBERS, source, "schemaExtensions member");
                String urn = text(e, "schema", source).orElseThrow(() -> missing(source, "schemaExtensions[].schema"));
                JsonNode required = e.get("required");
                if (required != null && !required.isBoolean()) {
                    throw new InvalidSchemaException(source, null, "\"required\" of the extension " + urn
                            + " must be true or false, not " + ScimJson.describe(required));
                }
                if (!seen.add(urn.toLowerCase(Locale.ROOT)) || urn.equalsIgnoreCase(schema)) {
                    throw new InvalidSchemaException(source, null, "the schema " + urn + " is listed twice");
                }
                extensions.add(new ExtensionReference(urn, required != null && required.asBoolean()));
            }
        }
        return new ResourceTypeFile(name, endpoint, description, schema, List.copyOf(extensions), source);
    }

    private static InvalidSchemaException missing(String source, String member) {
        return new InvalidSchemaException(source, null, "the resource type's \"" + member + "\" is missing");
    }

    private static Optional<String> text(JsonNode object, String member, String source) {
        JsonNode v = object.get(member);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new InvalidSchemaException(source, null, "\"" + member + "\" must be a non-empty string, not "
                    + ScimJson.describe(v));
        }
        return Optional.of(v.asText());
    }

    private static void unknownMembers(JsonNode object, Set<String> allowed, String source, String what) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String member = it.next();
            if (!allowed.contains(member)) {
                throw new InvalidSchemaException(source, null, "unknown " + what + " '" + member + "'");
            }
        }
    }
}
