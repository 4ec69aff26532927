package dev.scimkit.examples.conformance;

import dev.scimkit.core.testing.SharedDir;
import dev.scimkit.examples.ExampleServer;
import dev.scimkit.examples.ServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Okta's SCIM 2.0 integration gate (a Runscope export of 12 requests and 52 assertions), interpreted
 * step by step against the example server on a loopback port.
 */
class OktaSpecConformanceTest {

    private static final String TOKEN = "okta-spec-" + UUID.randomUUID();

    @TempDir
    static Path dataDir;

    private static ExampleServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ExampleServer.start(ServerOptions.parse(new String[]{
                "--port", "0", "--token", TOKEN, "--data-dir", dataDir.toString()}, Map.of()));
        seedOneUser(); // Okta's first step reads Resources[0] and needs a user in the store.
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void everyAssertionOfOktasSpecTestPasses() throws Exception {
        RunscopeTestRunner runner = new RunscopeTestRunner(oktaInitialVariables());
        List<RunscopeTestRunner.AssertionResult> results =
                runner.run(SharedDir.conformanceFile(
                        "okta-developer-docs/Okta-SCIM-20-SPEC-Test.json", "Okta's SCIM 2.0 SPEC test"));

        assertThat(results).hasSize(52);
        // The one assertion not evaluated is Okta's 600 ms response-time limit on /Groups (see WALL_CLOCK).
        assertThat(results).filteredOn(r -> !r.checked())
                .extracting(RunscopeTestRunner.AssertionResult::description)
                .containsExactly("response_time is_less_than 600");
        assertThat(results).filteredOn(r -> r.checked() && !r.passed())
                .as("failed assertions (step, check, actual)")
                .isEmpty();
    }

    /** What Okta's initial script sets, per the conformance README. */
    private static Map<String, String> oktaInitialVariables() {
        SecureRandom random = new SecureRandom();
        String given = "Runscope" + (100 + random.nextInt(900));
        StringBuilder family = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 8; i++) {
            family.append((char) ('a' + random.nextInt(26)));
        }
        family.append(100 + random.nextInt(900));
        String email = given + family + "@atko.com";
        Map<String, String> v = new HashMap<>();
        v.put("SCIMBaseURL", server.baseUrl());
        v.put("auth", "Bearer " + TOKEN);
        v.put("randomGivenName", given);
        v.put("randomFamilyName", family.toString());
        v.put("randomEmail", email);
        v.put("randomUsername", email);
        v.put("randomUsernameCaps", email.toUpperCase(java.util.Locale.ROOT));
        v.put("InvalidUserEmail", "abcdefgh@atko.com");
        v.put("UserIdThatDoesNotExist", "010101001010101011001010101011");
        return v;
    }

    private static void seedOneUser() throws Exception {
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"seed.user@atko.com","active":true,
                 "name":{"givenName":"Seed","familyName":"User"},
                 "emails":[{"value":"seed.user@atko.com","type":"work","primary":true}]}""";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/Users"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/scim+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
