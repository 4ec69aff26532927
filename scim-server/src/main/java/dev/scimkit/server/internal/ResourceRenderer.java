package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.server.query.Projector;
import dev.scimkit.server.spi.Projection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a stored resource into what the client receives: {@code meta.resourceType} and
 * {@code meta.location} filled in, {@code schemas} listing the core schema and each extension present,
 * then the projection and {@code returned} rules applied.
 */
public final class ResourceRenderer {

    private ResourceRenderer() {
    }

    /** The absolute URL of a resource. */
    public static String location(String baseUrl, ResourceTypeDefinition type, String id) {
        String endpoint = type.endpoint().startsWith("/") ? type.endpoint() : "/" + type.endpoint();
        return baseUrl + endpoint + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The resource's version ({@code meta.version}), if it has one. */
    public static Optional<String> version(ObjectNode resource) {
        JsonNode v = resource.path("meta").path("version");
        return v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** The client's view of a resource. */
    public static ObjectNode render(ResourceTypeDefinition type, ObjectNode stored, Projection projection, String baseUrl) {
        ObjectNode full = stored.deepCopy();
        completeSchemas(type, full);
        JsonNode id = full.get("id");
        JsonNode meta = full.get("meta");
        ObjectNode m = meta instanceof ObjectNode o ? o : full.putObject("meta");
        m.put("resourceType", type.name());
        if (id != null && id.isTextual()) {
            m.put("location", location(baseUrl, type, id.asText()));
        }
        return new Projector(type, projection).apply(full);
    }

    private static void completeSchemas(ResourceTypeDefinition type, ObjectNode resource) {
        ArrayNode schemas = ScimJson.nodes().arrayNode();
        schemas.add(type.schema().id());
        for (SchemaExtension e : type.extensions()) {
            JsonNode ext = ScimJson.getIgnoreCase(resource, e.schema().id());
            if (ext != null && ext.isObject() && !ext.isEmpty()) {
                schemas.add(e.schema().id());
            }
        }
        resource.remove("schemas");
        // schemas first, as every RFC example and most clients' logs show it.
        ObjectNode ordered = ScimJson.object();
        ordered.set("schemas", schemas);
        ordered.setAll(resource);
        resource.removeAll();
        resource.setAll(ordered);
    }
}
