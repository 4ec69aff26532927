package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.ListResponse;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.core.schema.SchemaJsonReader;
import dev.scimkit.core.schema.SchemaUrns;
import dev.scimkit.server.ScimResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /ServiceProviderConfig}, {@code /ResourceTypes} and {@code /Schemas} (RFC 7644 §4),
 * generated from the registry and the limits, so custom schemas and changed limits appear as they are.
 */
public final class DiscoveryEndpoints {

    private final EngineConfig config;

    public DiscoveryEndpoints(EngineConfig config) {
        this.config = config;
    }

    public ScimResponse serviceProviderConfig(RequestContext ctx) {
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.SERVICE_PROVIDER_CONFIG);
        out.put("documentationUri", "https://datatracker.ietf.org/doc/html/rfc7644");
        out.putObject("patch").put("supported", true);
        ObjectNode bulk = out.putObject("bulk");
        bulk.put("supported", true);
        bulk.put("maxOperations", config.limits().bulkMaxOperations());
        bulk.put("maxPayloadSize", config.limits().maxPayloadBytes());
        ObjectNode filter = out.putObject("filter");
        filter.put("supported", true);
        filter.put("maxResults", config.limits().maxPageSize());
        out.putObject("changePassword").put("supported", false);
        out.putObject("sort").put("supported", true);
        out.putObject("etag").put("supported", true);
        // RFC 9865 §4: both methods; index stays the default, so clients that never heard of cursors see no change.
        ObjectNode pagination = out.putObject("pagination");
        pagination.put("cursor", true);
        pagination.put("index", true);
        pagination.put("defaultPaginationMethod", "index");
        if (config.limits().defaultPageSize() > 0) { // the RFC's value is a positive integer
            pagination.put("defaultPageSize", config.limits().defaultPageSize());
        }
        pagination.put("maxPageSize", config.limits().maxPageSize());
        pagination.put("cursorTimeout", config.cursors().timeout().getSeconds());
        ArrayNode schemes = out.putArray("authenticationSchemes");
        ObjectNode bearer = schemes.addObject();
        bearer.put("type", "oauthbearertoken");
        bearer.put("name", "OAuth Bearer Token");
        bearer.put("description", "Authentication with a bearer token (RFC 6750) issued per tenant");
        bearer.put("specUri", "https://www.rfc-editor.org/info/rfc6750");
        bearer.put("primary", true);
        ObjectNode meta = out.putObject("meta");
        meta.put("resourceType", "ServiceProviderConfig");
        meta.put("location", ctx.baseUrl() + "/ServiceProviderConfig");
        return ScimResponse.json(200, out);
    }

    /** The resource types this server serves (a repository is registered), not every type the registry knows. */
    public ScimResponse resourceTypes(RequestContext ctx) {
        return listAll(ctx, served(), t -> resourceType(ctx, t));
    }

    public ScimResponse resourceType(RequestContext ctx, String name) {
        ResourceTypeDefinition type = config.registry().resourceType(name)
                .filter(t -> config.repository(t).isPresent())
                .orElseThrow(() -> ScimException.notFound("No resource type \"" + Details.abbreviate(name) + "\""));
        return ScimResponse.json(200, resourceType(ctx, type));
    }

    private List<ResourceTypeDefinition> served() {
        return config.registry().resourceTypes().stream().filter(t -> config.repository(t).isPresent()).toList();
    }

    /** The schemas of the served resource types (core and extensions), in the registry's order. */
    public ScimResponse schemas(RequestContext ctx) {
        return listAll(ctx, servedSchemas(), s -> schema(ctx, s));
    }

    public ScimResponse schema(RequestContext ctx, String urn) {
        SchemaDefinition schema = config.registry().schema(urn)
                .filter(servedSchemas()::contains)
                .orElseThrow(() -> ScimException.notFound("No schema \"" + Details.abbreviate(urn) + "\""));
        return ScimResponse.json(200, schema(ctx, schema));
    }

    /**
     * A schema no served type uses would invite a client to send it (Entra ID reads {@code /Schemas} to
     * offer attributes for mapping), so only the schemas of served types are listed.
     */
    private List<SchemaDefinition> servedSchemas() {
        Set<String> used = new HashSet<>();
        for (ResourceTypeDefinition type : served()) {
            used.add(type.schema().id());
            type.extensions().forEach(e -> used.add(e.schema().id()));
        }
        return config.registry().schemas().stream().filter(s -> used.contains(s.id())).toList();
    }

    private ObjectNode resourceType(RequestContext ctx, ResourceTypeDefinition type) {
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.RESOURCE_TYPE);
        out.put("id", type.name());
        out.put("name", type.name());
        out.put("endpoint", type.endpoint());
        out.put("description", type.description());
        out.put("schema", type.schema().id());
        ArrayNode extensions = out.putArray("schemaExtensions");
        for (SchemaExtension e : type.extensions()) {
            ObjectNode x = extensions.addObject();
            x.put("schema", e.schema().id());
            x.put("required", e.required());
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("resourceType", "ResourceType");
        meta.put("location", ctx.baseUrl() + "/ResourceTypes/" + encode(type.name()));
        return out;
    }

    private ObjectNode schema(RequestContext ctx, SchemaDefinition schema) {
        ObjectNode body = SchemaJsonReader.write(schema);
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.SCHEMA);
        out.setAll(body);
        ObjectNode meta = out.putObject("meta");
        meta.put("resourceType", "Schema");
        meta.put("location", ctx.baseUrl() + "/Schemas/" + schema.id());
        return out;
    }

    /** Every item as one unpaged ListResponse; RFC 7644 §4: these endpoints do not filter, a filter is a 403. */
    private static <T> ScimResponse listAll(RequestContext ctx, Collection<T> items, Function<T, ObjectNode> render) {
        rejectFilter(ctx);
        List<ObjectNode> all = items.stream().map(render).toList();
        return ScimResponse.json(200, ListResponse.of(all.size(), 1, all).toJson());
    }

    /** RFC 7644 §4: these endpoints do not filter; a filter is a 403. */
    private static void rejectFilter(RequestContext ctx) {
        if (ctx.request().queryParameter("filter").isPresent()) {
            throw ScimException.status(403, "Filtering is not supported on discovery endpoints");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
