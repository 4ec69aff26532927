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

    /** Top-level items run in order against one server. */
    private static final List<String> FOLDERS = List.of("Endpoint tests", "User tests", "Group tests",
            "ComplexAttribute tests");
    /**
     * Top-level items run in order against a second, empty server: the garbage folders count the users
     * and groups they made, and the last two requests check that their teardown left the store empty.
     */
    private static final List<String> GARBAGE_FOLDERS = List.of("User tests with garbage", "Group tests with garbage",
            "Teardown garbage", "Get all users", "Get all groups");
    /** Items of the collection not run, and why; any other item not run fails the test. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "Get Token", "asks the reference server's own token endpoint for a token; the test puts its token in the"
                    + " environment instead, as the conformance README says");
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
        Path collection = SharedDir.conformanceFile("azuread-scimreferencecode/PostmanCollection.json", POSTMAN);
        Set<String> items = new LinkedHashSet<>();
        json.readTree(collection.toFile()).path("item").forEach(item -> items.add(item.path("name").asText()));
        Set<String> accounted = new LinkedHashSet<>(FOLDERS);
        accounted.addAll(GARBAGE_FOLDERS);
        accounted.addAll(NOT_RUN.keySet());
        assertThat(accounted).as("every item of the collection is run or listed with a reason for not running it")
                .containsExactlyInAnyOrderElementsOf(items);

        JsonNode report = runNewman(collection, server, FOLDERS, "main");
        JsonNode garbageReport;
        try (ExampleServer empty = ExampleServer.start(ServerOptions.parse(new String[]{
                "--port", "0", "--token", TOKEN, "--data-dir", work.resolve("garbage-data").toString()}, Map.of()))) {
            garbageReport = runNewman(collection, empty, GARBAGE_FOLDERS, "garbage");
        }
        assertThat(report.path("run").path("stats").path("assertions").path("total").asInt())
                .as("assertions newman ran").isGreaterThan(40);
        assertThat(garbageReport.path("run").path("stats").path("assertions").path("total").asInt())
                .as("assertions newman ran in the garbage folders").isGreaterThan(10);

        Set<String> failed = new LinkedHashSet<>();
        List<String> failureDetails = new ArrayList<>();
        for (JsonNode run : List.of(report, garbageReport)) {
            for (JsonNode failure : run.path("run").path("failures")) {
                String key = failure.path("source").path("name").asText() + " :: " + failure.path("error").path("test").asText();
                failed.add(key);
                failureDetails.add(key + " -> " + failure.path("error").path("message").asText());
            }
        }
        Set<String> documented = new LinkedHashSet<>();
        for (JsonNode difference : json.readTree(getClass().getResourceAsStream(
                "/conformance/postman-known-differences.json")).path("differences")) {
            assertThat(difference.path("reason").asText()).as("every listed difference has a reason").isNotBlank();
            documented.add(difference.path("request").asText() + " :: " + difference.path("check").asText());
        }
        assertThat(failed).as("checks that failed without a documented reason: %s", failureDetails)
                .isSubsetOf(documented);
        assertThat(documented).as("listed differences that no longer fail (stale entries: remove them)")
                .isSubsetOf(failed);
    }

    private JsonNode runNewman(Path collection, ExampleServer target, List<String> folders, String name) throws Exception {
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
                case "Port" -> v.put("value", ":" + target.port());
                case "token" -> v.put("value", TOKEN);
                case "Server" -> v.put("value", "localhost");
                case "Api" -> v.put("value", "rest/scim/v2");
                default -> { }
            }
        }
        Path environmentFile = work.resolve(name + "-environment.json");
        json.writeValue(environmentFile.toFile(), environment);
        Path reportFile = work.resolve(name + "-newman-report.json");

        // A copy of the collection with the chosen top-level items, in the collection's order: newman's
        // --folder selects by name, and "Get all users" names both a folder's request and a top-level one.
        ObjectNode copy = (ObjectNode) json.readTree(collection.toFile());
        ArrayNode chosen = json.createArrayNode();
        copy.path("item").forEach(item -> {
            if (folders.contains(item.path("name").asText())) {
                chosen.add(item);
            }
        });
        assertThat(chosen).as("items found for %s", folders).hasSize(folders.size());
        copy.set("item", chosen);
        Path part = work.resolve(name + "-collection.json");
        json.writeValue(part.toFile(), copy);

        List<String> command = new ArrayList<>(List.of(newman.toString(), "run",
                part.toString(),
                "-e", environmentFile.toString(), "--reporters", "cli,json",
                "--reporter-json-export", reportFile.toString(), "--timeout-request", "20000",
                "--disable-unicode", "--color", "off"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + "-newman.log").toFile())
                .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        Files.createDirectories(Path.of("target"));
        if (Files.exists(work.resolve(name + "-newman.log"))) {
            Files.copy(work.resolve(name + "-newman.log"), Path.of("target", "postman-" + name + "-newman.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("newman finished in time").isTrue();
        assertThat(reportFile).as("newman wrote its report; log:%n%s",
                Files.exists(work.resolve(name + "-newman.log")) ? Files.readString(work.resolve(name + "-newman.log")) : "").exists();
        return json.readTree(reportFile.toFile());
    }
}
