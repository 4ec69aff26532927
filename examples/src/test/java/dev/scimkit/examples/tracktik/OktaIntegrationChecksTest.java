package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import static dev.scimkit.examples.tracktik.ScimHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Okta checks before it lists a SCIM integration (its documented "SCIM 2.0 spec test"), written
 * here with the project's own data so the promise holds in a clone without the third-party test file
 * (which {@code OktaSpecConformanceTest} runs when it is present): paging of the user list, a user by
 * id, an unknown userName as an empty list, an unknown id as a SCIM 404, create, a duplicate as 409,
 * userName lookups without regard to case, the Groups endpoint, and a missing token as a SCIM 401.
 */
class OktaIntegrationChecksTest {

    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    @TempDir
    static Path dataDir;

    private static ExampleServer server;
    private static ScimHttp scim;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.h2(dataDir);
        scim = ScimHttp.of(server, TestServers.TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void oktasChecksPassInTheOrderOktaRunsThem() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String userName = "Runner" + run + "@okta.example";
        createUser("first." + run + "@okta.example", "First", "Checked");

        // Import: the first page of one user carries the list envelope and a complete user.
        JsonNode page = scim.get("/Users?count=1&startIndex=1");
        assertThat(page.path("schemas").toString()).contains(LIST);
        assertThat(page.path("itemsPerPage").isNumber()).isTrue();
        assertThat(page.path("startIndex").asInt()).isEqualTo(1);
        assertThat(page.path("totalResults").asInt()).isPositive();
        JsonNode first = page.path("Resources").get(0);
        for (String attribute : new String[]{"id", "userName", "active"}) {
            assertThat(first.path(attribute).isMissingNode()).as(attribute).isFalse();
        }
        assertThat(first.path("name").path("givenName").asText()).isNotEmpty();
        assertThat(first.path("name").path("familyName").asText()).isNotEmpty();
        assertThat(first.path("emails").path(0).path("value").asText()).isNotEmpty();
        assertThat(scim.get("/Users/" + first.path("id").asText()).path("id").asText()).isEqualTo(first.path("id").asText());

        // Unknown userName: an empty list, not an error; unknown id: a SCIM 404 with a detail.
        JsonNode none = scim.get("/Users?filter=" + q("userName eq \"nobody." + run + "@okta.example\""));
        assertThat(none.path("totalResults").asInt()).isZero();
        assertThat(none.path("schemas").toString()).contains(LIST);
        assertScimError(scim.expect(404, "GET", "/Users/" + run + "0101010", null), 404);

        // Create, read back, and a second create of the same userName is a conflict.
        JsonNode created = createUser(userName, "Runner", "Checked" + run);
        assertThat(created.path("active").asBoolean()).isTrue();
        assertThat(created.path("userName").asText()).isEqualTo(userName);
        JsonNode read = scim.get("/Users/" + created.path("id").asText());
        assertThat(read.path("name").path("familyName").asText()).isEqualTo("Checked" + run);
        scim.expect(409, "POST", "/Users", ScimMessages.oktaUser(userName, "Runner", "Again", "00u" + run));

        // Okta may send the userName in another case; it is the same user.
        JsonNode upper = scim.get("/Users?filter=" + q("userName eq \"" + userName.toUpperCase(Locale.ROOT) + "\""));
        assertThat(upper.path("totalResults").asInt()).isEqualTo(1);
        assertThat(upper.path("Resources").get(0).path("id").asText()).isEqualTo(created.path("id").asText());

        assertThat(scim.get("/Groups").path("schemas").toString()).contains(LIST);

        // Without the right token: a SCIM 401 whose status is the string "401".
        ScimHttp stranger = ScimHttp.of(server, "not-" + TestServers.TOKEN);
        assertScimError(stranger.expect(401, "GET", "/Users?filter=" + q("userName eq \"" + userName + "\""), null), 401);
    }

    private static JsonNode createUser(String userName, String givenName, String familyName) {
        return scim.expect(201, "POST", "/Users",
                ScimMessages.oktaUser(userName, givenName, familyName, "00u" + UUID.randomUUID()));
    }

    private static void assertScimError(JsonNode error, int status) {
        assertThat(error.path("schemas").toString()).contains(ERROR);
        assertThat(error.path("status").isTextual()).as("RFC 7644 §3.12: status is a string").isTrue();
        assertThat(error.path("status").asText()).isEqualTo(String.valueOf(status));
        assertThat(error.path("detail").asText()).isNotBlank();
    }
}
