package dev.scimkit.tracktik.rest.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scimkit.core.json.ScimJson;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A local stand-in of a TrackTik portal's REST API ({@code /rest/v1}), as its public documentation
 * describes it and as the module README's table completes it: bearer authentication, the
 * {@code {"meta": {count, itemCount, limit, offset}, "data": …}} envelope, {@code limit} (default 100,
 * at most 1000) and {@code offset}, filters {@code field=value} (without regard to case, dotted keys
 * into objects) and {@code field:in=a,b}, {@code sort=id}, {@code include=user|role} on user-roles.
 * In-memory, on 127.0.0.1 with an ephemeral port. Faults are programmed per method and path pattern
 * and played by the next matching requests; every request is recorded with its arrival time.
 */
public final class TrackTikStandIn implements AutoCloseable {

    private static final String ROOT = "/rest/v1";

    static {
        // The JDK server writes a response's head and body in two segments; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK hold every answer about 40 ms on loopback. Read once,
        // when the first server starts, so it is set here, before any.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String token;
    private final StandInOAuth oauth;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tracktik-standin");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<Long, ObjectNode> employees = new TreeMap<>();
    private final Map<Long, ObjectNode> roles = new TreeMap<>();
    private final Map<Long, ObjectNode> userRoles = new TreeMap<>();
    private final Map<Long, ObjectNode> regions = new TreeMap<>();
    private final List<Planned> faults = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** Requests being handled: a request is logged after its answer went out, so a reader waits for them. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    private record Planned(String method, Pattern path, Pattern query, Deque<Fault> queue) {
    }

    private TrackTikStandIn(String token, StandInOAuth oauth) throws IOException {
        this.token = token;
        this.oauth = oauth;
        ObjectNode hq = ScimJson.object().put("id", 1).put("customId", "hq").put("name", "HQ");
        regions.put(1L, hq);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext(ROOT, this::handle);
        if (oauth != null) {
            server.createContext("/rest/oauth2/access_token", oauth::handle);
        }
        server.start();
    }

    /** Starts a stand-in that accepts {@code Authorization: Bearer token}. */
    public static TrackTikStandIn start(String token) {
        try {
            return new TrackTikStandIn(token, null);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the TrackTik stand-in", e);
        }
    }

    /**
     * Starts a stand-in whose API accepts only access tokens from its own token endpoint
     * ({@code /rest/oauth2/access_token}), issued to {@code account} and valid for {@code lifetime}.
     */
    public static TrackTikStandIn startWithOAuth(StandInOAuth.Account account, java.time.Duration lifetime) {
        try {
            return new TrackTikStandIn(null, new StandInOAuth(account, lifetime));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the TrackTik stand-in", e);
        }
    }

    /** The token endpoint, when started {@link #startWithOAuth with OAuth}. */
    public StandInOAuth oauth() {
        if (oauth == null) {
            throw new IllegalStateException("This stand-in was started with a fixed token");
        }
        return oauth;
    }

    /** The API root, e.g. {@code http://127.0.0.1:40123/rest/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + ROOT);
    }

    /** Plays {@code faults} on the next requests of {@code method} whose path matches {@code pathRegex}. */
    public void inject(String method, String pathRegex, Fault... planned) {
        injectWhere(method, pathRegex, "", planned);
    }

    /**
     * Plays {@code faults} on the next requests of {@code method} whose path matches {@code pathRegex} and
     * whose raw (encoded) query contains a match of {@code queryRegex}: one list request among several.
     */
    public void injectWhere(String method, String pathRegex, String queryRegex, Fault... planned) {
        faults.add(new Planned(method, Pattern.compile(pathRegex), Pattern.compile(queryRegex),
                new ArrayDeque<>(Arrays.asList(planned))));
    }

    /**
     * The requests received so far. A client can read an answer before the stand-in has logged the
     * request (it is logged after the answer, with the status it got), so this first waits for the
     * requests being handled.
     */
    public List<RecordedRequest> requests() {
        awaitRequestsInFlight();
        return List.copyOf(requests);
    }

    /** Forgets the requests so far, those still being answered included. */
    public void clearRequests() {
        awaitRequestsInFlight();
        requests.clear();
    }

    /** Waits, up to five seconds (a slow fault may hold one longer), until no request is being handled. */
    private void awaitRequestsInFlight() {
        awaitIdle(java.time.Duration.ofSeconds(5));
    }

    /** Waits up to {@code within} until no request is being handled; whether that happened. */
    public boolean awaitIdle(java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Employees as stored (every status), for assertions. */
    public List<ObjectNode> employees() {
        synchronized (lock) {
            return employees.values().stream().map(ObjectNode::deepCopy).toList();
        }
    }

    public List<ObjectNode> roles() {
        synchronized (lock) {
            return roles.values().stream().map(ObjectNode::deepCopy).toList();
        }
    }

    public List<ObjectNode> userRoles() {
        synchronized (lock) {
            return userRoles.values().stream().map(ObjectNode::deepCopy).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- dispatch --------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        inFlight.incrementAndGet();
        try {
            handleCounted(ex);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void handleCounted(HttpExchange ex) throws IOException {
        long received = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath().substring(ROOT.length());
        String query = Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("");
        byte[] body = ex.getRequestBody().readAllBytes();
        Fault fault = nextFault(method, path, query);
        int status = 0;
        try {
            if (fault instanceof Fault.TooManyRequests t) {
                if (t.retryAfter() != null) {
                    ex.getResponseHeaders().add("Retry-After", t.retryAfter());
                }
                status = send(ex, 429, error("Too Many Requests"));
                return;
            }
            if (fault instanceof Fault.Unavailable u) {
                if (u.retryAfter() != null) {
                    ex.getResponseHeaders().add("Retry-After", u.retryAfter());
                }
                status = send(ex, 503, error("Service Unavailable"));
                return;
            }
            if (fault instanceof Fault.Answer a) {
                byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", a.contentType());
                ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
                status = a.status();
                return;
            }
            if (fault instanceof Fault.Slow s && !pause(s.delay())) {
                return;
            }
            Response r;
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (!authorized(auth)) {
                r = new Response(401, error("Unauthorized: a valid access_token is required"));
            } else {
                JsonNode json = body.length == 0 ? ScimJson.object() : ScimJson.mapper().readTree(body);
                synchronized (lock) {
                    r = route(method, path, params(query), json);
                }
            }
            if (fault instanceof Fault.SlowAfterApply s && !pause(s.delay())) {
                return;
            }
            if (fault instanceof Fault.GatewayTimeoutAfterApply g) {
                if (pause(g.delay())) {
                    status = send(ex, 504, error("Gateway Timeout"));
                }
                return;
            }
            if (fault instanceof Fault.DropAfterApply) {
                // Applied, but the client never hears: the server closes the connection on an escaping exception.
                throw new IllegalStateException("stand-in drops the connection after applying " + method + " " + path);
            }
            try {
                status = send(ex, r.status, r.body);
            } catch (IOException clientGone) {
                status = 0; // the client timed out and closed the connection
            }
        } finally {
            requests.add(new RecordedRequest(method, path, query, received, status));
        }
    }

    private boolean authorized(String auth) {
        if (auth == null || !auth.startsWith("Bearer ")) {
            return false;
        }
        String presented = auth.substring("Bearer ".length());
        return oauth != null ? oauth.accepts(presented) : presented.equals(token);
    }

    /** Sleeps for a slow fault; false when the stand-in is closing (interrupted) and the request should end. */
    private static boolean pause(java.time.Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * From now on, each request that no planned fault claims gets one of {@code menu}, chosen by
     * {@code random}, with the given probability: faults at random, for long runs.
     */
    public void chaos(java.util.Random random, double probability, List<Fault> menu) {
        chaos = new Chaos(random, probability, List.copyOf(menu));
    }

    /**
     * From now on, list requests ignore filters on these keys (as written in the query, e.g.
     * {@code customFields.scimId} or {@code status:in}) and answer as if they had not been sent: a
     * portal that does not know a filter (a custom field not defined in it, a function it lacks)
     * gives the unfiltered list rather than an error. No key: every filter applies again.
     */
    public void ignoreFilters(String... keys) {
        ignoredFilters = List.of(keys);
    }

    private volatile List<String> ignoredFilters = List.of();

    /** Stops the random faults. */
    public void calm() {
        chaos = null;
    }

    private record Chaos(java.util.Random random, double probability, List<Fault> menu) {
        Fault next() {
            synchronized (random) {
                return random.nextDouble() < probability ? menu.get(random.nextInt(menu.size())) : null;
            }
        }
    }

    private volatile Chaos chaos;

    private Fault nextFault(String method, String path, String query) {
        for (Planned p : faults) {
            if (p.method.equalsIgnoreCase(method) && p.path.matcher(path).matches() && p.query.matcher(query).find()) {
                synchronized (p.queue) {
                    Fault f = p.queue.poll();
                    if (f != null) {
                        return f;
                    }
                }
            }
        }
        Chaos random = chaos;
        return random == null ? null : random.next();
    }


    private record Response(int status, JsonNode body) {
    }

    private Response route(String method, String path, Map<String, String> q, JsonNode body) {
        String[] seg = path.replaceAll("^/|/$", "").split("/");
        Map<Long, ObjectNode> table = switch (seg[0]) {
            case "employees" -> employees;
            case "roles" -> roles;
            case "user-roles" -> userRoles;
            case "regions" -> regions;
            default -> null;
        };
        if (table == null) {
            return new Response(404, error("No route " + path));
        }
        String resource = seg[0];
        if (seg.length == 1) {
            return switch (method) {
                case "GET" -> list(resource, table, q);
                case "POST" -> create(resource, table, body);
                default -> new Response(405, error("Method not allowed"));
            };
        }
        Long id = parseId(seg[1]);
        ObjectNode record = id == null ? null : table.get(id);
        if (record == null) {
            return new Response(404, error("cannot find entity " + seg[0] + "/" + seg[1]));
        }
        if (seg.length == 4 && resource.equals("employees") && seg[2].equals("actions") && seg[3].equals("archive")
                && method.equals("POST")) {
            record.put("status", "ARCHIVED");
            return single(resource, record);
        }
        if (seg.length > 2) {
            return new Response(404, error("No route " + path));
        }
        return switch (method) {
            case "GET" -> single(resource, expand(record, q.get("include")));
            case "PATCH" -> update(resource, table, record, body);
            case "DELETE" -> {
                table.remove(id);
                if (resource.equals("roles")) {
                    userRoles.values().removeIf(ur -> ur.path("role").asLong() == id);
                }
                yield new Response(204, null);
            }
            default -> new Response(405, error("Method not allowed"));
        };
    }

    // ---- resources -------------------------------------------------------------------------------

    private Response list(String resource, Map<Long, ObjectNode> table, Map<String, String> q) {
        int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
        long offset = Long.parseLong(q.getOrDefault("offset", "0"));
        if (limit < 0 || offset < 0) {
            return new Response(400, error("limit and offset must not be negative"));
        }
        limit = Math.min(limit, 1000);
        List<ObjectNode> matches = new ArrayList<>();
        for (ObjectNode r : table.values()) {
            if (matches(r, q)) {
                matches.add(r);
            }
        }
        String sort = q.getOrDefault("sort", "id");
        if (sort.equals("-id")) {
            java.util.Collections.reverse(matches);
        }
        ArrayNode data = ScimJson.nodes().arrayNode();
        for (int i = (int) Math.min(offset, matches.size()); i < matches.size() && data.size() < limit; i++) {
            data.add(expand(matches.get(i), q.get("include")));
        }
        ObjectNode out = ScimJson.object();
        ObjectNode meta = out.putObject("meta");
        meta.put("count", matches.size()).put("itemCount", data.size()).put("limit", limit).put("offset", offset)
                .put("resource", resource);
        meta.putArray("request").add(resource);
        out.set("data", data);
        return new Response(200, out);
    }

    private boolean matches(ObjectNode r, Map<String, String> q) {
        for (Map.Entry<String, String> e : q.entrySet()) {
            String key = e.getKey();
            if (List.of("limit", "offset", "sort", "include", "fields").contains(key) || ignoredFilters.contains(key)) {
                continue;
            }
            String fn = "";
            int colon = key.indexOf(':');
            if (colon > 0) {
                fn = key.substring(colon + 1);
                key = key.substring(0, colon);
            }
            JsonNode v = r;
            for (String part : key.split("\\.")) {
                v = v.path(part);
            }
            String actual = v.isValueNode() ? v.asText() : "";
            boolean ok = switch (fn) {
                case "" -> actual.equalsIgnoreCase(e.getValue());
                case "in" -> Arrays.stream(e.getValue().split(",")).anyMatch(actual::equalsIgnoreCase);
                case "contains" -> actual.toLowerCase(Locale.ROOT).contains(e.getValue().toLowerCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unsupported filter function " + fn);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode expand(ObjectNode r, String include) {
        ObjectNode out = r.deepCopy();
        if (include == null) {
            return out;
        }
        for (String rel : include.split(",")) {
            Map<Long, ObjectNode> table = rel.equals("user") ? employees : rel.equals("role") ? roles : null;
            if (table != null && out.path(rel).canConvertToLong()) {
                ObjectNode target = table.get(out.path(rel).asLong());
                if (target != null) {
                    out.set(rel, target.deepCopy());
                }
            }
        }
        return out;
    }

    private Response create(String resource, Map<Long, ObjectNode> table, JsonNode body) {
        if (!body.isObject()) {
            return new Response(400, error("a JSON object is required"));
        }
        ObjectNode r = ((ObjectNode) body).deepCopy();
        r.remove("id");
        Optional<Response> invalid = validate(resource, r, null);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        long id = ids.incrementAndGet();
        ObjectNode stored = ScimJson.object().put("id", id);
        stored.setAll(r);
        if (resource.equals("employees") && !stored.hasNonNull("status")) {
            stored.put("status", "ACTIVE");
        }
        table.put(id, stored);
        return new Response(201, wrap(resource, stored));
    }

    private Response update(String resource, Map<Long, ObjectNode> table, ObjectNode record, JsonNode body) {
        if (!body.isObject()) {
            return new Response(400, error("a JSON object is required"));
        }
        ObjectNode merged = record.deepCopy();
        body.properties().forEach(e -> {
            if (e.getKey().equals("id")) {
                return;
            }
            // Objects (address, customFields) merge key by key; everything else is replaced.
            if (e.getValue().isObject() && merged.path(e.getKey()).isObject()) {
                ((ObjectNode) merged.get(e.getKey())).setAll((ObjectNode) e.getValue());
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        Optional<Response> invalid = validate(resource, merged, record.path("id").asLong());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        record.removeAll();
        record.setAll(merged);
        return single(resource, record);
    }

    /** The portal's checks: required names, unique sign-in/employee number/email among live employees, unique role names. */
    private Optional<Response> validate(String resource, ObjectNode r, Long self) {
        switch (resource) {
            case "employees" -> {
                List<String> missing = new ArrayList<>();
                for (String f : List.of("firstName", "lastName")) {
                    if (r.path(f).asText("").isBlank()) {
                        missing.add(f);
                    }
                }
                if (!missing.isEmpty()) {
                    ObjectNode err = error("Validation failed");
                    ObjectNode errors = err.putObject("errors");
                    missing.forEach(f -> errors.putArray(f).add("This value should not be blank."));
                    return Optional.of(new Response(400, err));
                }
                if (!r.path("region").canConvertToLong() || !regions.containsKey(r.path("region").asLong())) {
                    return Optional.of(new Response(400, error("region does not exist")));
                }
                for (String unique : List.of("username", "customId", "email")) {
                    String v = r.path(unique).asText("");
                    if (!v.isBlank() && taken(employees.values(), unique, v, self, true)) {
                        return Optional.of(new Response(409, error(unique + " \"" + v + "\" is already in use")));
                    }
                }
            }
            case "roles" -> {
                if (r.path("name").asText("").isBlank()) {
                    return Optional.of(new Response(400, error("name: This value should not be blank.")));
                }
                if (taken(roles.values(), "name", r.path("name").asText(), self, false)) {
                    return Optional.of(new Response(409, error("A role named \"" + r.path("name").asText() + "\" exists")));
                }
            }
            case "user-roles" -> {
                if (!employees.containsKey(r.path("user").asLong()) || !roles.containsKey(r.path("role").asLong())) {
                    return Optional.of(new Response(400, error("user and role must exist")));
                }
                for (ObjectNode ur : userRoles.values()) {
                    if (ur.path("user").asLong() == r.path("user").asLong() && ur.path("role").asLong() == r.path("role").asLong()) {
                        return Optional.of(new Response(409, error("the user already has this role")));
                    }
                }
            }
            case "regions" -> {
                if (r.path("name").asText("").isBlank()) {
                    return Optional.of(new Response(400, error("name: This value should not be blank.")));
                }
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    private static boolean taken(Collection<ObjectNode> table, String field, String value, Long self, boolean liveOnly) {
        for (ObjectNode o : table) {
            if (self != null && o.path("id").asLong() == self) {
                continue;
            }
            if (liveOnly && "ARCHIVED".equals(o.path("status").asText())) {
                continue;
            }
            if (o.path(field).asText("").equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    // ---- HTTP helpers ----------------------------------------------------------------------------

    private static Response single(String resource, ObjectNode record) {
        return new Response(200, wrap(resource, record));
    }

    private static ObjectNode wrap(String resource, ObjectNode record) {
        ObjectNode out = ScimJson.object();
        out.putObject("meta").put("resource", resource);
        out.set("data", record.deepCopy());
        return out;
    }

    private static ObjectNode error(String message) {
        return ScimJson.object().put("message", message);
    }

    private static Long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static int send(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return status;
        }
        byte[] bytes = ScimJson.write(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }
}
