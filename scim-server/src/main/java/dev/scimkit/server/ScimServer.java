package dev.scimkit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.message.ListResponse;
import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.resource.ValidationOptions;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.server.activity.ActivityRecorder;
import dev.scimkit.server.activity.ScimExchange;
import dev.scimkit.server.internal.AccessGate;
import dev.scimkit.server.internal.BulkEndpoint;
import dev.scimkit.server.internal.Details;
import dev.scimkit.server.internal.DiscoveryEndpoints;
import dev.scimkit.server.internal.EngineConfig;
import dev.scimkit.server.internal.RequestBodies;
import dev.scimkit.server.internal.RequestContext;
import dev.scimkit.server.internal.ResourceEndpoint;
import dev.scimkit.server.internal.CursorPaging;
import dev.scimkit.server.internal.SearchQueries;
import dev.scimkit.server.limits.FailedAuthenticationGuard;
import dev.scimkit.server.limits.RequestRateLimiter;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The SCIM 2.0 protocol engine (RFC 7644), independent of any HTTP library: {@link #handle} takes a
 * {@link ScimRequest} and returns a {@link ScimResponse}. Bindings such as
 * {@link dev.scimkit.server.servlet.ScimServlet} only translate. Immutable and thread-safe; build one
 * with {@link #builder(SchemaRegistry)}.
 *
 * <p>Routes (below the base URL; endpoint names ignore case, a trailing slash is tolerated):
 * {@code /{endpoint}} GET and POST, {@code /{endpoint}/{id}} GET, PUT, PATCH, DELETE,
 * {@code /{endpoint}/.search} and {@code /.search} POST, {@code /Bulk} POST,
 * {@code /ServiceProviderConfig}, {@code /ResourceTypes[/{name}]}, {@code /Schemas[/{urn}]},
 * {@code /Me[...]} (for a principal with a User id, else 501).
 *
 * <p>Every failure is an RFC 7644 §3.12 error body; bad input never produces a 500.
 */
public final class ScimServer {

    private static final Logger LOG = LoggerFactory.getLogger(ScimServer.class);
    /** For {@link #handle(ScimRequest)}: no host asks who was admitted. */
    private static final Consumer<ScimPrincipal> NOBODY_ASKS = principal -> { };

    private final EngineConfig config;
    private final AccessGate gate;
    private final BaseUrlResolver baseUrlResolver;
    private final Map<String, ResourceEndpoint> endpointsByPath;
    private final DiscoveryEndpoints discovery;
    private final BulkEndpoint bulk;
    private final SearchQueries searchQueries;
    private final CursorPaging rootCursors;
    private final ActivityRecorder activity;

    private ScimServer(Builder b) {
        Map<String, ResourceValidator> validators = new LinkedHashMap<>();
        Map<String, ResourceRepository> repositories = new LinkedHashMap<>();
        for (ResourceTypeDefinition type : b.registry.resourceTypes()) {
            String key = type.name().toLowerCase(Locale.ROOT);
            ResourceRepository repository = b.repositories.get(key);
            if (repository != null) {
                repositories.put(key, repository);
                validators.put(key, new ResourceValidator(type, b.validation));
            }
        }
        for (String name : b.repositories.keySet()) {
            if (b.registry.resourceType(name).isEmpty()) {
                throw new IllegalStateException("A repository is registered for " + name + ", which the registry does not know");
            }
        }
        if (repositories.isEmpty()) {
            throw new IllegalStateException("A SCIM server needs at least one repository");
        }
        this.config = new EngineConfig(b.registry, Map.copyOf(repositories), Map.copyOf(validators), b.patchEngine,
                b.limits, Set.copyOf(b.patchNoContent), b.cursors);
        this.gate = new AccessGate(Objects.requireNonNull(b.authenticator, "An Authenticator is required"),
                Optional.ofNullable(b.failedAuthentications), Optional.ofNullable(b.rateLimiter));
        this.baseUrlResolver = b.baseUrlResolver;
        Map<String, ResourceEndpoint> endpoints = new LinkedHashMap<>();
        for (ResourceTypeDefinition type : b.registry.resourceTypes()) {
            ResourceRepository repository = repositories.get(type.name().toLowerCase(Locale.ROOT));
            if (repository != null) {
                endpoints.put(endpointKey(type.endpoint()), new ResourceEndpoint(config, type, repository));
            }
        }
        this.endpointsByPath = endpoints;
        this.discovery = new DiscoveryEndpoints(config);
        this.bulk = new BulkEndpoint(config, this::dispatchSafely);
        this.searchQueries = new SearchQueries(b.registry, b.limits);
        this.activity = b.activity;
        this.rootCursors = new CursorPaging("/.search", endpoints.values().stream()
                .map(e -> new CursorPaging.Segment(e.type(), e.repository())).toList(), b.cursors);
    }

    /** A builder over a schema registry (usually {@link SchemaRegistry#standard()} or an extension of it). */
    public static Builder builder(SchemaRegistry registry) {
        return new Builder(registry);
    }

    /** The limits this server enforces and advertises. */
    public ServerLimits limits() {
        return config.limits();
    }

    public SchemaRegistry registry() {
        return config.registry();
    }

    /** Answers one request. Never throws: every failure becomes an error response. */
    public ScimResponse handle(ScimRequest request) {
        return handle(request, NOBODY_ASKS);
    }

    /**
     * As {@link #handle(ScimRequest)}, and tells {@code admitted} who the request was admitted as,
     * before it is answered; a refused request (401, 413, 429) calls nothing. For hosts that log or
     * meter by tenant and client: they learn the principal without authenticating the request a second
     * time (a hash of the token, or a JWT's signature check, per request). Only an exception thrown by
     * {@code admitted} itself leaves this method.
     */
    public ScimResponse handle(ScimRequest request, Consumer<? super ScimPrincipal> admitted) {
        Objects.requireNonNull(admitted, "admitted");
        long startNanos = System.nanoTime();
        Optional<ScimPrincipal> principal;
        try {
            if (request.bodyLength() > config.limits().maxPayloadBytes()) {
                return ScimResponse.error(413, "The request body exceeds " + config.limits().maxPayloadBytes() + " bytes");
            }
            AccessGate.Admission admission = gate.admit(request);
            if (admission.refusal().isPresent()) {
                return admission.refusal().get();
            }
            principal = admission.principal();
        } catch (ScimException e) {
            return ScimResponse.error(e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Unexpected failure answering {}", request, e);
            return ScimResponse.error(500, "The server could not process the request");
        }
        admitted.accept(principal.get());
        return answer(principal.get(), request, startNanos);
    }

    /**
     * Answers one request for a caller the host has authenticated itself, without asking the
     * {@link Authenticator}: for in-process callers such as a console's connection test, which acts
     * for a tenant without holding its token. Recorded as activity like any other request. Never
     * expose it to unauthenticated input.
     */
    public ScimResponse handleAuthenticated(ScimPrincipal principal, ScimRequest request) {
        Objects.requireNonNull(principal, "principal");
        if (request.bodyLength() > config.limits().maxPayloadBytes()) {
            return ScimResponse.error(413, "The request body exceeds " + config.limits().maxPayloadBytes() + " bytes");
        }
        return answer(principal, request, System.nanoTime());
    }

    private ScimResponse answer(ScimPrincipal principal, ScimRequest request, long startNanos) {
        Instant started = activity == ActivityRecorder.NONE ? Instant.EPOCH : Instant.now();
        ScimResponse response;
        try {
            RequestContext ctx = new RequestContext(request, principal, baseUrlResolver.baseUrl(request));
            response = dispatch(ctx);
        } catch (ScimException e) {
            response = ScimResponse.error(e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Unexpected failure answering {}", request, e);
            response = ScimResponse.error(500, "The server could not process the request");
        }
        if (activity != ActivityRecorder.NONE) {
            try {
                activity.record(new ScimExchange(started, System.nanoTime() - startNanos, principal, request, response));
            } catch (RuntimeException e) {
                // Recording never fails a request; the recorder reports its own troubles.
                LOG.debug("The activity recorder failed", e);
            }
        }
        return response;
    }

    private ScimResponse dispatchSafely(RequestContext ctx) {
        try {
            return dispatch(ctx);
        } catch (ScimException e) {
            return ScimResponse.error(e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure answering bulk operation {}", ctx.request(), e);
            return ScimResponse.error(500, "The server could not process the operation");
        }
    }

    private ScimResponse dispatch(RequestContext ctx) {
        ScimRequest request = ctx.request();
        List<String> segments = segments(request.path());
        String method = request.method();
        if (segments.isEmpty()) {
            throw ScimException.notFound("No SCIM endpoint at the base URL; try /Users, /Groups or /ServiceProviderConfig");
        }
        String first = segments.get(0).toLowerCase(Locale.ROOT);
        switch (first) {
            case "serviceproviderconfig":
                requireSegments(segments, 1);
                requireMethod(method, "GET");
                return discovery.serviceProviderConfig(ctx);
            case "resourcetypes":
                requireMethod(method, "GET");
                return segments.size() == 1 ? discovery.resourceTypes(ctx) : discovery.resourceType(ctx, rest(segments));
            case "schemas":
                requireMethod(method, "GET");
                return segments.size() == 1 ? discovery.schemas(ctx) : discovery.schema(ctx, rest(segments));
            case "bulk":
                requireSegments(segments, 1);
                requireMethod(method, "POST");
                return bulk.handle(ctx);
            case ".search":
                requireSegments(segments, 1);
                requireMethod(method, "POST");
                return searchAll(ctx);
            case "me":
                return me(ctx, segments);
            default:
                break;
        }
        ResourceEndpoint endpoint = endpointsByPath.get(first);
        if (endpoint == null) {
            throw ScimException.notFound("No SCIM endpoint /" + Details.abbreviate(segments.get(0)));
        }
        if (segments.size() == 1) {
            return switch (method) {
                case "GET" -> endpoint.list(ctx);
                case "POST" -> endpoint.create(ctx);
                default -> throw notAllowed(method, "GET, POST");
            };
        }
        if (segments.size() != 2) {
            throw ScimException.notFound("No SCIM endpoint " + Details.abbreviate(request.path()));
        }
        String id = segments.get(1);
        if (id.equals(".search")) {
            requireMethod(method, "POST");
            return endpoint.searchPost(ctx);
        }
        return switch (method) {
            case "GET" -> endpoint.get(ctx, id);
            case "PUT" -> endpoint.replace(ctx, id);
            case "PATCH" -> endpoint.patch(ctx, id);
            case "DELETE" -> endpoint.delete(ctx, id);
            default -> throw notAllowed(method, "GET, PUT, PATCH, DELETE");
        };
    }

    /**
     * {@code /Me} (RFC 7644 §3.11): answered as the principal's own User when the authenticator knows
     * it, otherwise 501, which the RFC allows.
     */
    private ScimResponse me(RequestContext ctx, List<String> segments) {
        Optional<String> userId = ctx.principal().userId();
        Optional<ResourceTypeDefinition> userType = config.registry().resourceType("User");
        if (userId.isEmpty() || userType.isEmpty() || segments.size() > 1 || ctx.request().method().equals("POST")) {
            throw ScimException.status(501, "/Me is not supported for this credential");
        }
        String path = userType.get().endpoint() + "/" + userId.get();
        ScimRequest request = ctx.request();
        ScimRequest rerouted = ScimRequest.builder(request.method(), path)
                .queryParameters(request.queryParameters())
                .headers(request.headers())
                .body(request.body())
                .baseUrl(request.baseUrl())
                .build();
        return dispatch(ctx.with(rerouted));
    }

    /**
     * {@code POST /.search} (RFC 7644 §3.4.3): the filter is applied to every resource type, and the
     * results are paged as one list, type after type in registry order (by index, or by RFC 9865
     * cursor in the keyset order of each type).
     */
    private ScimResponse searchAll(RequestContext ctx) {
        SearchQueries.ListQuery list = searchQueries.listFromBody(RequestBodies.json(ctx.request()));
        SearchQuery query = list.query();
        if (list.cursor().isPresent()) {
            CursorPaging.Page page = rootCursors.page(ctx.tenant(), query, list.cursor().get());
            List<ResourceEndpoint> endpoints = List.copyOf(endpointsByPath.values());
            List<ObjectNode> rendered = new ArrayList<>();
            for (CursorPaging.Item item : page.items()) {
                rendered.addAll(endpoints.get(item.segment()).render(ctx, List.of(item.resource()), query.projection()));
            }
            return ScimResponse.json(200, ListResponse.ofCursorPage(page.totalResults(), rendered, page.cursors()).toJson());
        }
        long total = 0;
        List<ObjectNode> page = new ArrayList<>();
        long skip = query.startIndex() - 1L;
        for (ResourceEndpoint endpoint : endpointsByPath.values()) {
            SearchResult counted = endpoint.repository().search(ctx.tenant(), query.withPage(1, 0));
            long n = counted.totalResults();
            total += n;
            if (page.size() < query.count() && skip < n) {
                int want = query.count() - page.size();
                SearchResult part = endpoint.repository().search(ctx.tenant(),
                        query.withPage((int) skip + 1, want));
                page.addAll(endpoint.render(ctx, part.resources(), query.projection()));
            }
            skip = Math.max(0, skip - n);
        }
        return ScimResponse.json(200, ListResponse.of(total, query.startIndex(), page).toJson());
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The rest of the path after the first segment, so schema URNs with slashes stay whole. */
    private static String rest(List<String> segments) {
        return String.join("/", segments.subList(1, segments.size()));
    }

    private static void requireSegments(List<String> segments, int n) {
        if (segments.size() != n) {
            throw ScimException.notFound("No SCIM endpoint /" + Details.abbreviate(String.join("/", segments)));
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw notAllowed(method, allowed);
        }
    }

    private static ScimException notAllowed(String method, String allowed) {
        return ScimException.status(405, "Method " + Details.abbreviate(method) + " is not allowed here; use " + allowed);
    }

    private static String endpointKey(String endpoint) {
        String e = endpoint.startsWith("/") ? endpoint.substring(1) : endpoint;
        return e.toLowerCase(Locale.ROOT);
    }

    /** Configures a {@link ScimServer}. */
    public static final class Builder {
        private final SchemaRegistry registry;
        private final Map<String, ResourceRepository> repositories = new LinkedHashMap<>();
        private Authenticator authenticator;
        private PatchEngine patchEngine = PatchEngine.defaults();
        private ServerLimits limits = ServerLimits.DEFAULT;
        private BaseUrlResolver baseUrlResolver = BaseUrlResolver.fromRequest();
        private final Set<String> patchNoContent = new LinkedHashSet<>(Set.of("group"));
        private CursorSettings cursors;
        private ValidationOptions validation = ValidationOptions.lenient();
        private RequestRateLimiter rateLimiter;
        private FailedAuthenticationGuard failedAuthentications;
        private ActivityRecorder activity = ActivityRecorder.NONE;

        private Builder(SchemaRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** Serves a resource type (by name, such as {@code User}) from a repository. */
        public Builder repository(String resourceTypeName, ResourceRepository repository) {
            repositories.put(resourceTypeName.toLowerCase(Locale.ROOT), Objects.requireNonNull(repository));
            return this;
        }

        /**
         * The registry's resource types that no repository serves yet, by name, in registry order. The
         * server built now would leave them out of discovery and answer 404 on their endpoints, which is
         * right for a registry shared by servers of different stores; a server whose types come from an
         * operator's configuration should refuse to start instead, naming them.
         */
        public List<String> unservedResourceTypes() {
            List<String> unserved = new ArrayList<>();
            for (ResourceTypeDefinition type : registry.resourceTypes()) {
                if (!repositories.containsKey(type.name().toLowerCase(Locale.ROOT))) {
                    unserved.add(type.name());
                }
            }
            return List.copyOf(unserved);
        }

        /** Serves several resource types, keyed by type name (as {@code InMemoryStore#repositories()} gives). */
        public Builder repositories(Map<String, ? extends ResourceRepository> byTypeName) {
            byTypeName.forEach(this::repository);
            return this;
        }

        public Builder authenticator(Authenticator value) {
            this.authenticator = Objects.requireNonNull(value);
            return this;
        }

        public Builder patchEngine(PatchEngine value) {
            this.patchEngine = Objects.requireNonNull(value);
            return this;
        }

        public Builder limits(ServerLimits value) {
            this.limits = Objects.requireNonNull(value);
            return this;
        }

        public Builder baseUrlResolver(BaseUrlResolver value) {
            this.baseUrlResolver = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Whether a PATCH of the resource type answers 204 No Content (unless the request has
         * {@code attributes}). Default: Groups yes (as Entra ID expects), everything else 200 with the
         * resource.
         */
        public Builder patchAnswersNoContent(String resourceTypeName, boolean noContent) {
            String key = resourceTypeName.toLowerCase(Locale.ROOT);
            if (noContent) {
                patchNoContent.add(key);
            } else {
                patchNoContent.remove(key);
            }
            return this;
        }

        /**
         * How RFC 9865 cursors are authenticated and how long they live; by default a random key per
         * server instance and {@link CursorSettings#DEFAULT_TIMEOUT}. Instances behind one load
         * balancer need {@link CursorSettings#withKey} with one shared secret.
         */
        public Builder cursors(CursorSettings value) {
            this.cursors = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How request bodies are validated on create and replace; default
         * {@link ValidationOptions#lenient()}, which accepts Entra ID's and Okta's dialects and refuses
         * extensions the registry does not declare
         * ({@link ValidationOptions#withUndeclaredExtensions} keeps them as sent instead).
         */
        public Builder validation(ValidationOptions value) {
            this.validation = Objects.requireNonNull(value);
            return this;
        }

        /** Request rates per tenant and per credential; over them a 429 with {@code Retry-After}. None by default. */
        public Builder rateLimiter(RequestRateLimiter value) {
            this.rateLimiter = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Slows down and then refuses an address with repeated failed authentications (429 with
         * {@code Retry-After}); needs a binding that knows the remote address, as {@code ScimServlet}
         * does. None by default.
         */
        public Builder failedAuthentications(FailedAuthenticationGuard value) {
            this.failedAuthentications = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Where every authenticated request is reported once answered (for an activity log or a
         * console); default {@link ActivityRecorder#NONE}. The recorder must not block: use
         * {@link dev.scimkit.server.activity.QueuedActivityRecorder}.
         */
        public Builder activity(ActivityRecorder value) {
            this.activity = Objects.requireNonNull(value);
            return this;
        }

        public ScimServer build() {
            if (cursors == null) {
                cursors = CursorSettings.withRandomKey();
            }
            return new ScimServer(this);
        }
    }
}
