package dev.scimkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.testing.SharedDir;
import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.ServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft's SCIM reference Postman collection, run by newman (installed by the build from the
 * pinned lock file) against the example server on a loopback port. Checks that encode the reference
 * server rather than RFC 7644 are listed, each with its reason, in
 * {@code src/test/resources/conformance/postman-known-differences.json}; every other check must pass.
 */
class PostmanCollectionConformanceTest {

    private static final List<String> FOLDERS =
            List.of("Endpoint tests", "User tests", "Group tests", "ComplexAttribute tests");
    private static final String TOKEN = "postman-" + UUID.randomUUID();
    private static final String POSTMAN = "Microsoft's SCIM reference Postman collection (run by newman)";

    @TempDir
    static Path work;

    private static ExampleServer server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startServer() throws Exception {
        server = ExampleServer.start(ServerOptions.parse(new String[]{
                "--port", "0", "--token", TOKEN, "--data-dir", work.resolve("data").toString()}, Map.of()));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void microsoftsCollectionPassesApartFromDocumentedReferenceServerChecks() throws Exception {
        JsonNode report = runNewman();
        JsonNode stats = report.path("run").path("stats").path("assertions");
        assertThat(stats.path("total").asInt()).as("assertions newman ran").isGreaterThan(40);

        Set<String> failed = new LinkedHashSet<>();
        List<String> failureDetails = new ArrayList<>();
        for (JsonNode failure : report.path("run").path("failures")) {
            String key = failure.path("source").path("name").asText() + " :: " + failure.path("error").path("test").asText();
            failed.add(key);
            failureDetails.add(key + " -> " + failure.path("error").path("message").asText());
        }
        Set<String> documented = new LinkedHashSet<>();
        for (JsonNode difference : json.readTree(getClass().getResourceAsStream(
                "/conformance/postman-known-differences.json")).path("differences")) {
            assertThat(difference.path("reason").asText()).as("every listed difference has a reason").isNotBlank();
            documented.add(difference.path("request").asText() + " :: " + difference.path("check").asText());
        }
        assertThat(failed).as("checks that failed without a documented reason: %s", failureDetails)
                .isSubsetOf(documented);
    }

    private JsonNode runNewman() throws Exception {
        Path collection = SharedDir.conformanceFile("azuread-scimreferencecode/PostmanCollection.json", POSTMAN);
        Path newmanHome = Path.of("src/test/newman").toAbsolutePath();
        Path newman = newmanHome.resolve("node_modules/.bin/newman");
        assertThat(newman).as("newman is installed by the build (exec-maven-plugin: npm ci) whenever the "
                + "conformance data is configured; see the newman profiles in examples/pom.xml").exists();

        ObjectNode environment = (ObjectNode) json.readTree(
                SharedDir.conformanceFile(
                "local.postman_environment.json", POSTMAN).toFile());
        for (JsonNode value : (ArrayNode) environment.path("values")) {
            ObjectNode v = (ObjectNode) value;
            switch (v.path("key").asText()) {
                case "Port" -> v.put("value", ":" + server.port());
                case "token" -> v.put("value", TOKEN);
                case "Server" -> v.put("value", "localhost");
                case "Api" -> v.put("value", "rest/scim/v2");
                default -> { }
            }
        }
        Path environmentFile = work.resolve("environment.json");
        json.writeValue(environmentFile.toFile(), environment);
        Path reportFile = work.resolve("newman-report.json");

        List<String> command = new ArrayList<>(List.of(newman.toString(), "run",
                collection.toString(),
                "-e", environmentFile.toString(), "--reporters", "cli,json",
                "--reporter-json-export", reportFile.toString(), "--timeout-request", "20000",
                "--disable-unicode", "--color", "off"));
        for (String folder : FOLDERS) {
            command.add("--folder");
            command.add(folder);
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("newman.log").toFile())
                .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("newman finished in time").isTrue();
        assertThat(reportFile).as("newman wrote its report; log:%n%s",
                Files.exists(work.resolve("newman.log")) ? Files.readString(work.resolve("newman.log")) : "").exists();
        return json.readTree(reportFile.toFile());
    }
}
