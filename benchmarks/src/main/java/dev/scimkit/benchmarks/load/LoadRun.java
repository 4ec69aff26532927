package dev.scimkit.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimkit.benchmarks.fixtures.Fixtures;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.servlet.ScimServlet;
import dev.scimkit.server.spi.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP load run of issue 6. It starts, in this JVM and on an ephemeral loopback port (127.0.0.1
 * only), the scimkit server (in-memory store, bearer token, {@link ScimServlet} on Jetty 12) and, for
 * the ceiling, a bare Jetty handler that answers a fixed JSON body. Then, at concurrency 8 and 32:
 * <ol>
 *   <li>an Entra-like initial cycle against a fresh store: the Test-Connection query, N user creates,
 *       M group creates, member adds in batches, lookups by {@code userName} and by {@code externalId},
 *       disables (Entra's {@code "Replace" active "False"});</li>
 *   <li>steady state for a fixed time: GET by id, {@code userName eq} lookups, and the plain handler.</li>
 * </ol>
 * Every phase is bounded in request count and in time, and the program stops by itself. The client is
 * {@link Http1Connection} (a minimal HTTP/1.1 client, one kept-alive connection per worker) on a fixed
 * pool of {@code concurrency} threads, closed loop; client and servers share the machine, the same way
 * for scimkit and the ceiling.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.scimkit.benchmarks.load.LoadRun [--users N] [--groups M]
 * [--batch B] [--seconds S] [--out file.md]}; with {@code --external-port P [--base-path /rest/scim/v2]
 * --token T} only the cycle runs, against a server already listening on 127.0.0.1:P.
 */
public final class LoadRun {

    private static final String TOKEN = "load-run-" + UUID.randomUUID();
    private static final String IN_PROCESS_BASE_PATH = "/scim/v2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] CONCURRENCY = {8, 32};

    private final int users;
    private final int groups;
    private final int batch;
    private final Duration steady;
    private final String basePath;
    private final String authorization;
    private final List<String> cycleRows = new ArrayList<>();
    private int port;
    private final List<String> steadyRows = new ArrayList<>();

    private LoadRun(int users, int groups, int batch, Duration steady, String basePath, String token) {
        this.users = users;
        this.groups = groups;
        this.batch = batch;
        this.steady = steady;
        this.basePath = basePath;
        this.authorization = "Bearer " + token;
    }

    /** Runs the load phases and prints (and optionally writes) the Markdown tables. */
    public static void main(String[] args) throws Exception {
        int users = 2_000;
        int groups = 20;
        int batch = 20;
        int seconds = 6;
        Path out = null;
        int externalPort = 0;
        String basePath = IN_PROCESS_BASE_PATH;
        String token = TOKEN;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--groups" -> groups = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--external-port" -> externalPort = Integer.parseInt(args[++i]);
                case "--base-path" -> basePath = args[++i];
                case "--token" -> token = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (users < 1 || groups < 1 || batch < 1 || seconds < 1 || users > 1_000_000) {
            throw new IllegalArgumentException("users, groups, batch and seconds must be positive (users ≤ 1,000,000)");
        }
        LoadRun run = new LoadRun(users, groups, batch, Duration.ofSeconds(seconds), basePath, token);
        String report = externalPort > 0 ? run.runAgainst(externalPort) : run.run();
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report, StandardCharsets.UTF_8);
        }
    }

    private String run() throws Exception {
        // JIT warm-up on a throwaway server: one whole cycle, not reported.
        try (Running warm = startScim()) {
            cycle(warm.port(), 8, false);
        }
        double[] plainRps = new double[CONCURRENCY.length];
        try (Running plain = start(new PlainJsonHandler(Fixtures.ENTRA_USER))) {
            for (int c = 0; c < CONCURRENCY.length; c++) {
                LoadRequest request = LoadRequest.get("/plain");
                LoadPhase phase = timed("plain Jetty, fixed JSON", i -> request);
                phase.run(plain.port(), authorization, CONCURRENCY[c]);
                LatencyRecorder.Summary s = phase.run(plain.port(), authorization, CONCURRENCY[c]);
                plainRps[c] = s.requestsPerSecond();
                steadyRows.add(steadyRow(phase.name(), CONCURRENCY[c], s, 1.0));
            }
        }
        for (int c = 0; c < CONCURRENCY.length; c++) {
            try (Running scim = startScim()) {
                List<String> ids = cycle(scim.port(), CONCURRENCY[c], true);
                int concurrency = CONCURRENCY[c];
                LoadPhase byId = timed("scimkit GET /Users/{id}",
                        i -> LoadRequest.get(basePath + "/Users/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))));
                byId.run(scim.port(), authorization, concurrency);
                LatencyRecorder.Summary s = byId.run(scim.port(), authorization, concurrency);
                steadyRows.add(steadyRow(byId.name(), concurrency, s, s.requestsPerSecond() / plainRps[c]));
                LoadPhase byName = timed("scimkit GET /Users?filter=userName eq",
                        i -> LoadRequest.get(filterQuery("userName", userName(ThreadLocalRandom.current().nextInt(users), concurrency))));
                byName.run(scim.port(), authorization, concurrency);
                s = byName.run(scim.port(), authorization, concurrency);
                steadyRows.add(steadyRow(byName.name(), concurrency, s, s.requestsPerSecond() / plainRps[c]));
            }
        }
        return render();
    }

    /**
     * Only the Entra-like cycle, at each concurrency, against a server that is already running on
     * 127.0.0.1 (the example server on a durable store, say): its write phases measure what the store
     * costs, which the in-process in-memory run cannot. No warm-up cycle, no plain-Jetty ceiling.
     */
    private String runAgainst(int externalPort) throws InterruptedException {
        for (int concurrency : CONCURRENCY) {
            cycle(externalPort, concurrency, true);
        }
        return render();
    }

    /** The Entra-like initial cycle; returns the created users' ids. */
    private List<String> cycle(int serverPort, int concurrency, boolean report) throws InterruptedException {
        port = serverPort;
        IntPredicate ok200 = s -> s == 200;
        IntPredicate created = s -> s == 201;
        IntPredicate patched = s -> s == 200 || s == 204;

        phase(report, concurrency, counted("Test-Connection (filter on a random userName)", 200,
                i -> LoadRequest.get(filterQuery("userName", UUID.randomUUID().toString())), ok200, false));

        LoadPhase createUsers = counted("create users (POST /Users)", users,
                i -> LoadRequest.post(basePath + "/Users", userBody(i, concurrency)), created, true);
        phase(report, concurrency, createUsers);
        List<String> userIds = ids(createUsers.bodies());

        LoadPhase createGroups = counted("create groups (POST /Groups)", groups,
                g -> LoadRequest.post(basePath + "/Groups", groupBody(g, concurrency)), created, true);
        phase(report, concurrency, createGroups);
        List<String> groupIds = ids(createGroups.bodies());

        int batches = (userIds.size() + batch - 1) / batch;
        phase(report, concurrency, counted("add members (PATCH /Groups, " + batch + " per request)", batches,
                b -> LoadRequest.patch(basePath + "/Groups/" + groupIds.get(b % groupIds.size()),
                        addMembersBody(userIds, b * batch, Math.min(userIds.size(), (b + 1) * batch))),
                patched, false));

        phase(report, concurrency, counted("lookup by userName", users,
                i -> LoadRequest.get(filterQuery("userName", userName(i, concurrency))), ok200, false));
        phase(report, concurrency, counted("lookup by externalId", users,
                i -> LoadRequest.get(filterQuery("externalId", externalId(i, concurrency))), ok200, false));
        phase(report, concurrency, counted("disable (PATCH active \"False\", Entra)", userIds.size(),
                i -> LoadRequest.patch(basePath + "/Users/" + userIds.get(i), DISABLE_BODY), patched, false));
        return userIds;
    }

    private static final String DISABLE_BODY = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}";

    private void phase(boolean report, int concurrency, LoadPhase phase) throws InterruptedException {
        LatencyRecorder.Summary s = phase.run(port, authorization, concurrency);
        if (report) {
            cycleRows.add(String.format(Locale.ROOT, "| %s | %d | %,d | %d | %,.0f | %.2f | %.2f |", phase.name(),
                    concurrency, s.requests(), s.errors(), s.requestsPerSecond(), s.p50Nanos() / 1e6, s.p99Nanos() / 1e6));
        }
        if (s.errors() > 0) {
            System.err.printf(Locale.ROOT, "%s at concurrency %d: %d of %d requests failed%n", phase.name(),
                    concurrency, s.errors(), s.requests());
        }
    }

    private LoadPhase counted(String name, int count, IntFunction<LoadRequest> requests, IntPredicate ok,
            boolean keepBodies) {
        // Count-bounded, with a generous time bound so a stuck server cannot hang the run.
        return new LoadPhase(name, requests, ok, count, Duration.ofSeconds(60), keepBodies);
    }

    private LoadPhase timed(String name, IntFunction<LoadRequest> requests) {
        // Time-bounded, with a count bound far above what 2 cores can do in that time.
        return new LoadPhase(name, requests, s -> s == 200, 2_000_000, steady, false);
    }

    private static String steadyRow(String name, int concurrency, LatencyRecorder.Summary s, double ofPlain) {
        return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %d | %.0f%% |", name, concurrency,
                s.requestsPerSecond(), s.p50Nanos() / 1e6, s.p99Nanos() / 1e6, s.errors(), ofPlain * 100);
    }

    private String render() {
        StringBuilder md = new StringBuilder();
        // Each steady row is the second of two identical runs: the first warms the JIT for that endpoint.
        md.append(String.format(Locale.ROOT, "Steady state (%d s per row, after a %d s warm-up run of the same row):%n%n",
                steady.toSeconds(), steady.toSeconds()));
        md.append("| endpoint | concurrency | req/s | p50 ms | p99 ms | errors | of plain Jetty |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        steadyRows.forEach(r -> md.append(r).append('\n'));
        md.append(String.format(Locale.ROOT, "%nEntra-like initial cycle (%,d users, %d groups, fresh store per concurrency):%n%n",
                users, groups));
        md.append("| phase | concurrency | requests | errors | req/s | p50 ms | p99 ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        cycleRows.forEach(r -> md.append(r).append('\n'));
        return md.toString();
    }

    private static List<String> ids(List<String> bodies) {
        List<String> ids = new ArrayList<>();
        for (String body : bodies) {
            if (body == null) {
                continue;
            }
            try {
                String id = JSON.readTree(body).path("id").asText("");
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable create response", e);
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no resource was created; is the server answering 201?");
        }
        return ids;
    }

    private static String userName(int i, int run) {
        return "user" + i + ".r" + run + "@contoso.com";
    }

    private static String externalId(int i, int run) {
        return "ext-" + run + "-" + i;
    }

    private static String userBody(int i, int run) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
                + "\"userName\":\"" + userName(i, run) + "\",\"externalId\":\"" + externalId(i, run) + "\","
                + "\"active\":true,\"displayName\":\"User " + i + "\","
                + "\"name\":{\"givenName\":\"User\",\"familyName\":\"Number" + i + "\"},"
                + "\"emails\":[{\"value\":\"" + userName(i, run) + "\",\"type\":\"work\",\"primary\":true}],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Dept " + (i % 17) + "\"}}";
    }

    private static String groupBody(int g, int run) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Group " + g + " r" + run + "\",\"externalId\":\"gext-" + run + "-" + g + "\"}";
    }

    private static String addMembersBody(List<String> userIds, int from, int to) {
        StringBuilder body = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[");
        for (int i = from; i < to; i++) {
            body.append(i > from ? "," : "").append("{\"value\":\"").append(userIds.get(i)).append("\"}");
        }
        return body.append("]}]}").toString();
    }

    private String filterQuery(String attribute, String value) {
        String filter = attribute + " eq \"" + value + "\"";
        return basePath + "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    private static Running startScim() throws Exception {
        SchemaRegistry registry = SchemaRegistry.standard();
        ScimServer server = ScimServer.builder(registry)
                .repositories(InMemoryStore.create(registry).repositories())
                .authenticator(BearerTokenAuthenticator.builder().addToken(TenantId.of("load-run"), TOKEN).build())
                .build();
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new ScimServlet(server)), IN_PROCESS_BASE_PATH + "/*");
        return start(context);
    }

    private static Running start(Handler handler) throws Exception {
        // The same thread pool and connector for the scimkit server and the plain handler.
        Server jetty = new Server(new QueuedThreadPool(200, 8));
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(handler);
        jetty.start();
        return new Running(jetty, connector.getLocalPort());
    }

    /** A started Jetty on a loopback port; closing stops it. */
    private record Running(Server jetty, int port) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            jetty.stop();
        }
    }
}
