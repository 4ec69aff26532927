package dev.scimkit.benchmarks.load;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * What one small request costs a running server in CPU time: Okta's deactivate and reactivation
 * ({@code okta}), Entra ID's {@code Replace active "False"} and back ({@code entra}), each alternating
 * on one User so every PATCH really changes it, and a {@code userName eq} lookup ({@code get}), sent one
 * at a time over one kept-alive loopback connection. Every kind is first sent {@code --requests} times,
 * twice over, to warm up; then each is sent as many times again while the server process's CPU time
 * (user + system, every thread: requests, JIT, GC, the store's own threads) is read from
 * {@code /proc/<pid>/stat} (Linux) before and after.
 * CPU time depends far less than wall time on what else the machine runs; the JMH rows measure the
 * engine below HTTP, this measures what an identity provider's request costs end to end.
 *
 * <p>{@code java -cp benchmarks.jar dev.scimkit.benchmarks.load.RequestCpuRun --port P --pid PID --token T
 * [--base-path /rest/scim/v2] [--requests 20000] [--kinds okta,entra,get]}; see {@code request-cpu.sh}.
 */
public final class RequestCpuRun {

    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";

    private RequestCpuRun() {
    }

    public static void main(String[] args) throws Exception {
        int port = -1;
        long pid = -1;
        String token = null;
        String basePath = "/rest/scim/v2";
        int requests = 20_000;
        List<String> kinds = List.of("okta", "entra", "get");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pid" -> pid = Long.parseLong(args[++i]);
                case "--token" -> token = args[++i];
                case "--base-path" -> basePath = args[++i];
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--kinds" -> kinds = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (port < 0 || pid < 0 || token == null) {
            throw new IllegalArgumentException("--port, --pid and --token are required");
        }
        Path stat = Path.of("/proc/" + pid + "/stat");
        String authorization = "Bearer " + token;
        try (Http1Connection http = new Http1Connection("127.0.0.1", port)) {
            String unique = Long.toString(System.nanoTime(), 36);
            Http1Connection.Response created = http.send(LoadRequest.post(basePath + "/Users",
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"cpu-" + unique
                            + "@example.com\",\"externalId\":\"cpu-" + unique + "\",\"name\":{\"givenName\":\"Ada\","
                            + "\"familyName\":\"Lovelace\"},\"emails\":[{\"value\":\"cpu-" + unique
                            + "@example.com\",\"type\":\"work\",\"primary\":true}],\"active\":true}"), authorization, true);
            if (created.status() != 201) {
                throw new IllegalStateException("creating the User answered " + created.status() + ": " + created.body());
            }
            String user = basePath + "/Users/" + idOf(created.body());
            List<String> rows = new ArrayList<>();
            // every kind warmed up before any is measured: the JIT's compiler threads are counted in the
            // server's CPU, and whatever they still compile would be charged to the kind measured first
            for (int pass = 0; pass < 2; pass++) {
                for (String kind : kinds) {
                    send(http, authorization, requests(kind, basePath, user), requests);
                }
            }
            for (String kind : kinds) {
                IntFunction<LoadRequest> request = requests(kind, basePath, user);
                long before = ProcessCpu.ticks(Files.readString(stat));
                send(http, authorization, request, requests);
                long after = ProcessCpu.ticks(Files.readString(stat));
                double micros = (after - before) * 1e6 / ProcessCpu.TICKS_PER_SECOND / requests;
                rows.add(String.format(Locale.ROOT, "| %s | %d | %.1f |", kind, requests, micros));
            }
            System.out.println("| request | requests | server CPU µs per request |");
            System.out.println("|---|---:|---:|");
            rows.forEach(System.out::println);
        }
    }

    private static IntFunction<LoadRequest> requests(String kind, String basePath, String user) {
        return switch (kind) {
            case "okta" -> i -> LoadRequest.patch(user, PATCH_OP
                    + "{\"op\":\"replace\",\"value\":{\"active\":" + (i % 2 == 1) + "}}]}");
            case "entra" -> i -> LoadRequest.patch(user, PATCH_OP
                    + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"" + (i % 2 == 1 ? "True" : "False") + "\"}]}");
            case "get" -> i -> LoadRequest.get(basePath + "/Users?filter=" + URLEncoder.encode(
                    "userName eq \"nobody-" + (i % 7) + "@example.com\"", StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("unknown kind " + kind + " (okta, entra, get)");
        };
    }

    private static void send(Http1Connection http, String authorization, IntFunction<LoadRequest> request, int n)
            throws IOException {
        for (int i = 0; i < n; i++) {
            Http1Connection.Response r = http.send(request.apply(i), authorization, false);
            if (r.status() >= 300) {
                throw new IllegalStateException("request " + i + " answered " + r.status());
            }
        }
    }

    private static String idOf(String json) {
        int key = json.indexOf("\"id\":\"");
        if (key < 0) {
            throw new IllegalStateException("no id in " + json);
        }
        int start = key + 6;
        return json.substring(start, json.indexOf('"', start));
    }
}
