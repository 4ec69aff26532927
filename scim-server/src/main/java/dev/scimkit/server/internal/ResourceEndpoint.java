package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.message.ListResponse;
import dev.scimkit.core.message.PatchRequest;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The endpoints of one resource type (RFC 7644 §3.2–§3.6): list and search, create, read,
 * replace, patch and delete, with ETags and conditional requests.
 */
public final class ResourceEndpoint {

    private static final Projection WITHOUT_MEMBERS = Projection.excluding(List.of(AttributePath.of("members")));

    private final EngineConfig config;
    private final ResourceTypeDefinition type;
    private final ResourceRepository repository;
    private final SearchQueries parameters;
    private final MemberReferences members;
    private final boolean hasMembers;
    private final ResourceRenderer renderer;
    private final CursorPaging cursors;

    public ResourceEndpoint(EngineConfig config, ResourceTypeDefinition type, ResourceRepository repository) {
        this.config = config;
        this.type = type;
        this.repository = repository;
        this.parameters = new SearchQueries(config.registry(), config.limits());
        this.members = new MemberReferences(config);
        this.hasMembers = type.schema().attribute("members").isPresent();
        this.renderer = new ResourceRenderer(type, config.registry());
        this.cursors = new CursorPaging(type.endpoint(), List.of(new CursorPaging.Segment(type, repository)),
                config.cursors());
    }

    public ResourceTypeDefinition type() {
        return type;
    }

    public ResourceRepository repository() {
        return repository;
    }

    /** {@code GET /Users?filter=…}. */
    public ScimResponse list(RequestContext ctx) {
        return search(ctx, parameters.listFromQuery(ctx.request()));
    }

    /** {@code POST /Users/.search}. */
    public ScimResponse searchPost(RequestContext ctx) {
        return search(ctx, parameters.listFromBody(RequestBodies.json(ctx.request())));
    }

    private ScimResponse search(RequestContext ctx, SearchQueries.ListQuery list) {
        if (list.cursor().isEmpty()) {
            return search(ctx, list.query());
        }
        SearchQuery query = list.query();
        CursorPaging.Page page = cursors.page(ctx.tenant(), query, list.cursor().get());
        List<ObjectNode> resources = page.items().stream().map(CursorPaging.Item::resource).toList();
        return ScimResponse.json(200, ListResponse.ofCursorPage(page.totalResults(),
                render(ctx, resources, query.projection()), page.cursors()).toJson());
    }

    /** One page of the type as a ListResponse. */
    public ScimResponse search(RequestContext ctx, SearchQuery query) {
        SearchResult result = repository.search(ctx.tenant(), query);
        return ScimResponse.json(200, ListResponse.of(result.totalResults(), query.startIndex(),
                render(ctx, result.resources(), query.projection())).toJson());
    }

    /** The client's views of resources of this type, in order. */
    public List<ObjectNode> render(RequestContext ctx, List<ObjectNode> resources, Projection projection) {
        List<ObjectNode> out = new ArrayList<>(resources.size());
        for (ObjectNode r : resources) {
            out.add(renderer.render(r, projection, ctx.baseUrl()));
        }
        return out;
    }

    /** {@code POST /Users}: 201 with {@code Location}, {@code ETag} and the resource. */
    public ScimResponse create(RequestContext ctx) {
        Projection projection = parameters.projection(ctx.request());
        ObjectNode body = RequestBodies.object(ctx.request());
        ObjectNode valid = config.validator(type).validateForCreate(body);
        if (hasMembers) {
            members.check(ctx, MemberReferences.ids(valid.get("members")));
        }
        ObjectNode created = repository.create(ctx.principal(), valid);
        ObjectNode rendered = renderer.render(created, projection, ctx.baseUrl());
        String id = created.path("id").asText();
        return withETag(ScimResponse.json(201, rendered), created)
                .withHeader("Location", ResourceRenderer.location(ctx.baseUrl(), type, id));
    }

    /** {@code GET /Users/{id}}, honouring {@code If-None-Match} (304). */
    public ScimResponse get(RequestContext ctx, String id) {
        Projection projection = parameters.projection(ctx.request());
        ObjectNode resource = repository.get(ctx.tenant(), id, projection).orElseThrow(() -> notFound(id));
        Optional<String> version = ResourceRenderer.version(resource);
        Optional<String> ifNoneMatch = ctx.request().headers().first("If-None-Match");
        if (version.isPresent() && ifNoneMatch.isPresent() && ETags.anyMatches(ifNoneMatch.get(), version.get())) {
            return ScimResponse.empty(304).withHeader("ETag", version.get());
        }
        return withETag(ScimResponse.json(200, renderer.render(resource, projection, ctx.baseUrl())), resource);
    }

    /** {@code PUT /Users/{id}}: readOnly input ignored, immutable attributes enforced. */
    public ScimResponse replace(RequestContext ctx, String id) {
        Projection projection = parameters.projection(ctx.request());
        ObjectNode body = RequestBodies.object(ctx.request());
        ObjectNode existing = repository.get(ctx.tenant(), id, Projection.DEFAULT).orElseThrow(() -> notFound(id));
        Optional<String> expected = expectedVersion(ctx.request(), existing);
        ObjectNode valid = config.validator(type).validateForReplace(body, existing);
        if (hasMembers) {
            members.check(ctx, MemberReferences.ids(valid.get("members")));
        }
        ObjectNode replaced = repository.replace(ctx.principal(), id, valid, expected);
        return withETag(ScimResponse.json(200, renderer.render(replaced, projection, ctx.baseUrl())), replaced);
    }

    /**
     * {@code PATCH /Users/{id}}: 200 with the resource, or 204 for the types configured so (Groups,
     * as Entra ID expects) unless the client asks for attributes or an operation changes nothing by
     * what it says (then the resource shows the client what it is). The body is checked (PatchOp
     * {@code schemas}, a non-empty {@code Operations} array, every operation planned) before the
     * resource is looked up, so a malformed request is a 400 whether or not the id exists.
     */
    public ScimResponse patch(RequestContext ctx, String id) {
        ScimRequest request = ctx.request();
        Projection projection = parameters.projection(request);
        JsonNode body = RequestBodies.object(request);
        PatchRequest patch = config.patchEngine().parse(body);
        PatchPlan plan = config.patchEngine().plan(type, patch);
        if (hasMembers && plan.membershipDelta().isPresent()) {
            // Otherwise the plan needs the current members and the repository checks what it adds.
            members.check(ctx, plan.membershipDelta().get().addedIds());
        }
        Optional<String> expected = expectedVersion(ctx, id);
        boolean noContent = config.patchAnswersNoContent(type)
                && plan.operationsChangingNothing().isEmpty()
                && request.queryParameter("attributes").isEmpty()
                && request.queryParameter("excludedAttributes").isEmpty();
        ObjectNode patched = repository.patch(ctx.principal(), id, plan, expected, noContent ? WITHOUT_MEMBERS : projection);
        if (noContent) {
            return withETag(ScimResponse.empty(204), patched);
        }
        return withETag(ScimResponse.json(200, renderer.render(patched, projection, ctx.baseUrl())), patched);
    }

    /** {@code DELETE /Users/{id}}: 204. */
    public ScimResponse delete(RequestContext ctx, String id) {
        Optional<String> expected = expectedVersion(ctx, id);
        repository.delete(ctx.principal(), id, expected);
        return ScimResponse.empty(204);
    }

    /**
     * The version a write is conditional on. A single {@code If-Match} tag goes to the repository,
     * which compares it atomically with the write; a list is resolved against the current version
     * first; {@code *} only requires the resource to exist.
     */
    private Optional<String> expectedVersion(RequestContext ctx, String id) {
        ScimRequest request = ctx.request();
        Optional<String> ifMatch = request.headers().first("If-Match");
        if (ifMatch.isEmpty() || ifMatch.get().isBlank()) {
            return Optional.empty();
        }
        if (!ETags.isWildcard(ifMatch.get()) && ETags.parseList(ifMatch.get()).size() == 1) {
            return ETags.expectedVersion(ifMatch.get());
        }
        ObjectNode existing = repository.get(ctx.tenant(), id, WITHOUT_MEMBERS).orElseThrow(() -> notFound(id));
        return expectedVersion(request, existing);
    }

    private Optional<String> expectedVersion(ScimRequest request, ObjectNode existing) {
        Optional<String> ifMatch = request.headers().first("If-Match");
        if (ifMatch.isEmpty() || ifMatch.get().isBlank()) {
            return Optional.empty();
        }
        Optional<String> current = ResourceRenderer.version(existing);
        if (ETags.isWildcard(ifMatch.get())) {
            return Optional.empty();
        }
        if (current.isEmpty() || !ETags.anyMatches(ifMatch.get(), current.get())) {
            throw ScimException.status(412, "If-Match " + Details.abbreviate(ifMatch.get())
                    + " does not match the current version" + current.map(v -> " " + v).orElse(""));
        }
        return current;
    }

    private static ScimResponse withETag(ScimResponse response, ObjectNode resource) {
        return ResourceRenderer.version(resource).map(v -> response.withHeader("ETag", v)).orElse(response);
    }

    private ScimException notFound(String id) {
        return ScimException.notFound("No " + type.name() + " with id \"" + Details.abbreviate(id) + "\"");
    }
}
