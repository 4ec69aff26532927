package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.scimkit.examples.tracktik.ScimMessages.patch;
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

    /**
     * RFC 7643 requires only {@code userName}: such a User, as Entra ID sends it for accounts without a
     * given name or surname (and Okta and SCIM test suites do), is created on the default store, and
     * the names TrackTik requires are derived, noted as such in History, and replaced by real ones later.
     */
    @Test
    void aUserWithOnlyAUserNameIsCreatedAndLaterNamesReplaceTheDerivedOnes() {
        ScimHttp scim = ScimHttp.of(server, TestServers.TOKEN);
        JsonNode created = scim.expect(201, "POST", "/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"jo.ann.baker@contoso.example\"}");
        String id = created.path("id").asText();
        assertThat(created.has("name")).as("no invented name in the SCIM User").isFalse();

        JsonNode employee = scim.trackTik().employee(id);
        assertThat(employee.path("firstName").asText()).isEqualTo("jo");
        assertThat(employee.path("lastName").asText()).isEqualTo("ann baker");
        assertThat(changes(scim, id, 0)).contains("firstName: '' -> 'jo' (derived from userName)",
                "lastName: '' -> 'ann baker' (derived from userName)");

        scim.patchOk("/Users/" + id, patch("{\"op\":\"add\",\"path\":\"name\",\"value\":"
                + "{\"givenName\":\"Jo Ann\",\"familyName\":\"Baker\"}}"));
        employee = scim.trackTik().employee(id);
        assertThat(employee.path("firstName").asText()).isEqualTo("Jo Ann");
        assertThat(employee.path("lastName").asText()).isEqualTo("Baker");
        assertThat(changes(scim, id, 1)).containsExactly(
                "firstName: 'jo' -> 'Jo Ann' (as sent, replaces the value derived from userName)",
                "lastName: 'ann baker' -> 'Baker' (as sent, replaces the value derived from userName)");
        assertThat(scim.get("/Users/" + id).path("name").path("givenName").asText()).isEqualTo("Jo Ann");
    }

    /**
     * /admin/employees lists each employee's TrackTik {@code id} beside its {@code scimId}; its History
     * answers to either, also after a SCIM DELETE archived the employee.
     */
    @Test
    void anEmployeesHistoryIsFoundByTheIdTheListShowsAndByItsScimId() {
        ScimHttp scim = ScimHttp.of(server, TestServers.TOKEN);
        String scimId = scim.expect(201, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"listed.id@contoso.example\",\"name\":{\"givenName\":\"Listed\",\"familyName\":\"Id\"}}")
                .path("id").asText();
        String id = scim.trackTik().employee(scimId).path("id").asText();
        assertThat(id).isNotEqualTo(scimId).isNotBlank();

        JsonNode byId = scim.admin("/employees/" + id + "/history");
        assertThat(byId).isEqualTo(scim.admin("/employees/" + scimId + "/history"));
        assertThat(byId.path("employeeScimId").asText()).isEqualTo(scimId);

        scim.expect(204, "DELETE", "/Users/" + scimId, null);
        JsonNode archived = scim.admin("/employees/" + id + "/history").path("history");
        assertThat(archived.get(archived.size() - 1).path("action").asText()).isEqualTo("ARCHIVED");

        assertThat(scim.adminReply("/employees/987654321/history").status()).isEqualTo(404);
        assertThat(scim.adminReply("/employees/no-such-employee/history").status()).isEqualTo(404);
    }

    /** The field changes of the n-th History entry, as text with their notes. */
    private static List<String> changes(ScimHttp scim, String id, int entry) {
        JsonNode history = scim.admin("/employees/" + id + "/history").path("history");
        assertThat(history.size()).as("History entries").isEqualTo(entry + 1);
        List<String> out = new ArrayList<>();
        for (JsonNode c : history.get(entry).path("changes")) {
            String note = c.path("note").asText();
            out.add(c.path("field").asText() + ": '" + c.path("old").asText() + "' -> '" + c.path("new").asText() + "'"
                    + (note.isEmpty() ? "" : " (" + note + ")"));
        }
        return out;
    }
}
