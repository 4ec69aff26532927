package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Entra ID's whole provisioning cycle over HTTP into the default store (H2 under --data-dir). */
class EntraCycleOverHttpH2Test {

    @TempDir
    static Path dataDir;

    private static ExampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.h2(dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void entraCycleBecomesTrackTikEmployeesRolesAndHistory() {
        new EntraCycle(ScimHttp.of(server, TestServers.TOKEN)).run();
    }

    /**
     * Entra ID's matching query for a mobile phone or work postal code matching attribute; neither
     * is a column the store can filter on, so the engine evaluates the value path in memory.
     */
    @Test
    void matchingOnAMobilePhoneOrAWorkPostalCodeFindsTheUser() {
        ScimHttp scim = ScimHttp.of(server, TestServers.TOKEN);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String mobile = "+1 514 " + Math.abs(run.hashCode() % 10_000_000);
        String postalCode = "Q" + run;
        String userName = "match." + run + "@contoso.example";
        String body = ScimMessages.entraUser(userName, UUID.randomUUID().toString(), "Mia", "Match", "E-" + run, "Patrol", null)
                .replace(ScimMessages.MOBILE_PHONE, mobile).replace("H2X 1Y4", postalCode);
        String id = scim.expect(201, "POST", "/Users", body).path("id").asText();

        JsonNode byMobile = scim.get("/Users?filter=" + ScimHttp.q("phoneNumbers[type eq \"mobile\"].value eq \"" + mobile + "\""));
        assertThat(byMobile.path("Resources")).singleElement().satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(id));
        assertThat(scim.get("/Users?filter=" + ScimHttp.q("phoneNumbers[type eq \"work\"].value eq \"" + mobile + "\""))
                .path("totalResults").asInt()).isZero();
        JsonNode byPostalCode = scim.get("/Users?filter="
                + ScimHttp.q("addresses[type eq \"work\"].postalCode eq \"" + postalCode.toLowerCase(java.util.Locale.ROOT) + "\""));
        assertThat(byPostalCode.path("Resources")).singleElement().satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(id));
        assertThat(scim.trackTik().employee(id).path("secondaryPhone").asText()).isEqualTo(mobile);
    }

    @Test
    void theStoreLivesUnderTheDataDirectory() throws Exception {
        // The cycle above must have gone to disk under --data-dir, not to some other default location.
        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).endsWith(".mv.db"));
        }
    }
}
