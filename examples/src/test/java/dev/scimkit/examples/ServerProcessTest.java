package dev.scimkit.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as an operator runs it: a separate JVM started by {@link ScimkitServerMain}, stopped
 * with SIGTERM, started again on the same data directory.
 */
class ServerProcessTest {

    private static final String TOKEN = "process-" + java.util.UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    @Test
    void aBadOptionPrintsWhatIsWrongAndExitsNonZero() throws Exception {
        Path log = work.resolve("bad.log");
        Process p = start(log, "--port", "not-a-port", "--token", TOKEN);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("--port must be a port number").doesNotContain(TOKEN);
    }

    @Test
    void sigtermStopsCleanlyAndARestartKeepsTheData() throws Exception {
        int port = freePort();
        Path data = work.resolve("data");
        Process first = start(work.resolve("first.log"), "--port", Integer.toString(port), "--token", TOKEN,
                "--data-dir", data.toString());
        try {
            awaitHealthy(port);
            HttpResponse<String> created = send(port, "POST", "/rest/scim/v2/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"kept@example.com",
                     "name":{"givenName":"Kept","familyName":"Across"}}""");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        } finally {
            first.destroy(); // SIGTERM
        }
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("stopped within the drain time").isTrue();
        String firstLog = Files.readString(work.resolve("first.log"));
        assertThat(firstLog).contains("Stopped").doesNotContain(TOKEN).doesNotContain("Exception");

        Process second = start(work.resolve("second.log"), "--port", Integer.toString(port), "--token", TOKEN,
                "--data-dir", data.toString());
        try {
            awaitHealthy(port);
            HttpResponse<String> found = send(port, "GET",
                    "/rest/scim/v2/Users?filter=userName+eq+%22kept@example.com%22", null);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"totalResults\":1").contains("Kept");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ScimkitServerMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SCIMKIT_"));
        return pb.start();
    }

    private void awaitHealthy(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (send(port, "GET", "/healthz", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The server did not become healthy within 60 s");
    }

    private HttpResponse<String> send(int port, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/scim+json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
