package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.query.Projector;
import dev.scimkit.server.spi.Projection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stored resource into what the client receives: {@code meta.resourceType} and
 * {@code meta.location} filled in, {@code schemas} listing the core schema and each extension present,
 * each member's {@code $ref} (types with {@code members}), then the projection and {@code returned}
 * rules applied. One per resource type; thread-safe.
 *
 * <p>The stored resource is never modified. For the default projection the result shares its values
 * with it (see {@link DefaultRepresentation}): it is meant to be serialised, not changed.
 */
public final class ResourceRenderer {

    private final ResourceTypeDefinition type;
    private final String endpointPrefix;
    private final DefaultRepresentation defaults;
    /** Null for a type without {@code members}. */
    private final MemberLinks memberLinks;

    /** @param registry the resource types members may be of, whose endpoints their {@code $ref}s name */
    public ResourceRenderer(ResourceTypeDefinition type, SchemaRegistry registry) {
        this.type = type;
        this.endpointPrefix = type.endpoint().startsWith("/") ? type.endpoint() + "/" : "/" + type.endpoint() + "/";
        this.defaults = new DefaultRepresentation(type);
        this.memberLinks = type.schema().attribute("members").isPresent() ? new MemberLinks(registry) : null;
    }

    /** The absolute URL of a resource. */
    public static String location(String baseUrl, ResourceTypeDefinition type, String id) {
        String endpoint = type.endpoint().startsWith("/") ? type.endpoint() : "/" + type.endpoint();
        return baseUrl + endpoint + "/" + encode(id);
    }

    private static String encode(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            // UUIDs and most ids need no escaping; URLEncoder's allocation is then avoidable.
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            }
        }
        return id;
    }

    /** The resource's version ({@code meta.version}), if it has one. */
    public static Optional<String> version(ObjectNode resource) {
        JsonNode v = resource.path("meta").path("version");
        return v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** The client's view of a stored resource; {@code resource} is not modified. */
    public ObjectNode render(ObjectNode resource, Projection projection, String baseUrl) {
        ObjectNode stored = withMemberLinks(resource, baseUrl);
        JsonNode id = stored.get("id");
        String location = id != null && id.isTextual() ? baseUrl + endpointPrefix + encode(id.asText()) : null;
        ArrayNode schemas = schemas(stored);
        if (projection.isDefault()) {
            ObjectNode fast = defaults.render(stored, schemas, location);
            if (fast != null) {
                return fast;
            }
        }
        return new Projector(type, projection).apply(complete(stored, schemas, location));
    }

    /** The view through the {@link Projector} alone, without the default-projection shortcut (for tests). */
    ObjectNode renderWithProjector(ObjectNode resource, Projection projection, String baseUrl) {
        ObjectNode stored = withMemberLinks(resource, baseUrl);
        JsonNode id = stored.get("id");
        String location = id != null && id.isTextual() ? location(baseUrl, type, id.asText()) : null;
        return new Projector(type, projection).apply(complete(stored, schemas(stored), location));
    }

    private ObjectNode withMemberLinks(ObjectNode resource, String baseUrl) {
        return memberLinks == null ? resource : memberLinks.withLinks(resource, baseUrl);
    }

    /** {@code stored} with {@code schemas} first and the engine's {@code meta} members, in a new top-level object. */
    private ObjectNode complete(ObjectNode stored, ArrayNode schemas, String location) {
        ObjectNode full = ScimJson.object();
        // schemas first, as every RFC example and most clients' logs show it.
        full.set("schemas", schemas);
        for (Map.Entry<String, JsonNode> field : stored.properties()) {
            if (!field.getKey().equals("schemas")) {
                full.set(field.getKey(), field.getValue());
            }
        }
        full.set("meta", defaults.meta(stored.get("meta"), location));
        return full;
    }

    private ArrayNode schemas(ObjectNode resource) {
        ArrayNode schemas = ScimJson.nodes().arrayNode();
        schemas.add(type.schema().id());
        for (SchemaExtension e : type.extensions()) {
            JsonNode ext = resource.get(e.schema().id());
            if (ext == null) {
                ext = ScimJson.getIgnoreCase(resource, e.schema().id());
            }
            if (ext != null && ext.isObject() && !ext.isEmpty()) {
                schemas.add(e.schema().id());
            }
        }
        // An extension no schema declares is only stored when the operator chose to keep it as sent
        // (UndeclaredExtensionPolicy.KEEP); its URN is listed so clients can read it as they sent it.
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            String key = field.getKey();
            if (key.regionMatches(true, 0, "urn:", 0, 4) && type.extension(key).isEmpty()
                    && field.getValue().isObject() && !field.getValue().isEmpty()) {
                schemas.add(key);
            }
        }
        return schemas;
    }
}
