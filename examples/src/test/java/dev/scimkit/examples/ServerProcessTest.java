package dev.scimkit.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        Process p = ServerProcess.launch(log, List.of("--port", "not-a-port", "--token", TOKEN));
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("--port must be a port number").doesNotContain(TOKEN);
    }

    @Test
    void anInvalidSchemaFileStopsTheStartWithOneLineNamingFileAttributeAndReason() throws Exception {
        Path schemas = Files.createDirectories(work.resolve("schemas"));
        Files.writeString(schemas.resolve("badge.json"), "{\"id\":\"urn:example:badge\",\"attributes\":"
                + "[{\"name\":\"badgeNumber\",\"type\":\"string\",\"mutability\":\"readwrite\"}]}");
        Path log = work.resolve("schema.log");
        Process p = ServerProcess.launch(log, List.of("--port", "0", "--token", TOKEN, "--store", "memory",
                "--schema-dir", schemas.toString()));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readAllLines(log)).filteredOn(line -> line.startsWith("scimkit-server:")).containsExactly(
                "scimkit-server: --schema-dir " + schemas + ": badge.json: attribute 'badgeNumber': unknown mutability"
                        + " 'readwrite' (one of readOnly, readWrite, immutable, writeOnly)");
        assertThat(Files.readString(log)).doesNotContain("Exception", "\tat ");
    }

    @Test
    void sigtermStopsCleanlyAndARestartKeepsTheData() throws Exception {
        Path data = work.resolve("data");
        try (ServerProcess first = ServerProcess.start(work.resolve("first.log"), "--token", TOKEN,
                "--data-dir", data.toString()).awaitHealthy()) {
            HttpResponse<String> created = send(first, "POST", "/rest/scim/v2/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"kept@example.com",
                     "name":{"givenName":"Kept","familyName":"Across"}}""");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(first.stop()).as("stopped within the drain time").isTrue();
            assertThat(first.log()).contains("Stopped").doesNotContain(TOKEN).doesNotContain("Exception");
        }
        try (ServerProcess second = ServerProcess.start(work.resolve("second.log"), "--token", TOKEN,
                "--data-dir", data.toString()).awaitHealthy()) {
            HttpResponse<String> found = send(second, "GET",
                    "/rest/scim/v2/Users?filter=userName+eq+%22kept@example.com%22", null);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"totalResults\":1").contains("Kept");
            second.stop();
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsServing() throws Exception {
        Path data = work.resolve("shared-data");
        try (ServerProcess first = ServerProcess.start(work.resolve("owner.log"), "--token", TOKEN,
                "--data-dir", data.toString()).awaitHealthy()) {
            Path log = work.resolve("intruder.log");
            Process second = ServerProcess.launch(log, List.of("--port", "0", "--token", TOKEN,
                    "--data-dir", data.toString()));
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("refused at start-up, not left running").isTrue();
            assertThat(second.exitValue()).isNotZero();
            assertThat(Files.readString(log))
                    .contains("already in use", data.toAbsolutePath().toString(), "--data-dir")
                    .doesNotContain(TOKEN)
                    .doesNotContain("\tat "); // a message, not a stack trace
            assertThat(send(first, "GET", "/rest/scim/v2/Users?count=1", null).statusCode()).isEqualTo(200);
            first.stop();
        }
    }

    private HttpResponse<String> send(ServerProcess server, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.origin() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/scim+json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
