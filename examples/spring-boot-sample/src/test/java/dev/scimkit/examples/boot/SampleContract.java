package dev.scimkit.examples.boot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.port.TrackTikStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static dev.scimkit.examples.boot.Http.patch;
import static dev.scimkit.examples.boot.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application over real HTTP on a random port: Entra ID's and Okta's provisioning cycles
 * reach the TrackTik store on the application's DataSource, while the application's own endpoint,
 * migrations and security stay as Boot made them. Subclasses choose the database.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "SCIM_ENTRA_TOKEN=" + SampleContract.ENTRA_TOKEN,
                "SCIM_OKTA_TOKEN=" + SampleContract.OKTA_TOKEN,
                "SAMPLE_ADMIN_PASSWORD=" + SampleContract.ADMIN_PASSWORD})
abstract class SampleContract {

    static final String ENTRA_TOKEN = "entra-token-0123456789abcdef";
    static final String OKTA_TOKEN = "okta-token-0123456789abcdef";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final TenantId ACME = TenantId.of("acme");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Autowired
    Environment environment;
    @Autowired
    TrackTikStore trackTik;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Flyway applicationFlyway;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    @Test
    void entraIdCycle() {
        Http entra = Http.bearer(port(), ENTRA_TOKEN);
        // "Test connection": a filter on a random GUID with '+' for spaces.
        assertThat(entra.scim(200, "GET", "/Users?filter=userName+eq+%22" + UUID.randomUUID() + "%22", null)
                .path("totalResults").asInt()).isZero();

        String userName = "ada." + run + "@contoso.example";
        String externalId = UUID.randomUUID().toString();
        String ada = entra.scim(201, "POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "externalId":"%s","userName":"%s","active":true,"displayName":"Ada Lovelace",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "name":{"familyName":"Lovelace","givenName":"Ada"},
                 "%s":{"employeeNumber":"E-1","department":"Patrol"}}
                """.formatted(ENTERPRISE, externalId, userName, userName, ENTERPRISE)).path("id").asText();
        assertThat(entra.scim(200, "GET", "/Users?filter=" + q("externalId eq \"" + externalId + "\""), null)
                .path("Resources").get(0).path("id").asText()).isEqualTo(ada);

        String groupName = "Night Shift " + run;
        String group = entra.scim(201, "POST", "/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + groupName + "\"}")
                .path("id").asText();
        entra.scim(204, "PATCH", "/Groups/" + group,
                patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\"}]}"));
        assertThat(trackTik.findEmployee(ACME, ada).orElseThrow().employee().roles()).extracting(RoleRef::name)
                .containsExactly(groupName);

        // Entra's dialect: title-case ops and string booleans.
        entra.scim(200, "PATCH", "/Users/" + ada, patch(
                "{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Supervisor\"}",
                "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
        assertThat(entra.scim(200, "GET", "/Users/" + ada, null).path("active").asBoolean(true)).isFalse();

        entra.scim(204, "PATCH", "/Groups/" + group,
                patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada + "\"}]}"));
        entra.scim(204, "DELETE", "/Users/" + ada, null);
        entra.scim(404, "GET", "/Users/" + ada, null);

        List<HistoryEntry> history = trackTik.history(ACME, ada);
        assertThat(history).extracting(HistoryEntry::action).containsExactly(HistoryAction.CREATED,
                HistoryAction.ROLE_ASSIGNED, HistoryAction.DEACTIVATED, HistoryAction.ROLE_UNASSIGNED,
                HistoryAction.ARCHIVED);
        assertThat(history).allSatisfy(e -> assertThat(e.actor().client()).isEqualTo("entra-id"));
    }

    @Test
    void oktaCycle() throws InterruptedException {
        Http okta = Http.bearer(port(), OKTA_TOKEN);
        String userName = "bob." + run + "@okta.example";
        assertThat(okta.scim(200, "GET", "/Users?filter=" + q("userName eq \"" + userName + "\"")
                + "&startIndex=1&count=100", null).path("totalResults").asInt()).isZero();
        JsonNode created = okta.scim(201, "POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Bob","familyName":"Stone"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"Bob Stone","locale":"en-US","externalId":"00u%s","groups":[],
                 "password":"1mz050nq-Secret","active":true}
                """.formatted(userName, userName, run));
        String bob = created.path("id").asText();
        assertThat(created.has("password")).isFalse();

        String group = okta.scim(201, "POST", "/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Okta Crew %s",
                 "members":[{"value":"%s","display":"%s"}]}""".formatted(run, bob, userName)).path("id").asText();
        // Okta renames a group with a path-less replace carrying the id.
        okta.scim(204, "PATCH", "/Groups/" + group, patch(
                "{\"op\":\"replace\",\"value\":{\"id\":\"" + group + "\",\"displayName\":\"Okta Crew " + run + " B\"}}"));
        assertThat(trackTik.findEmployee(ACME, bob).orElseThrow().employee().roles()).extracting(RoleRef::name)
                .containsExactly("Okta Crew " + run + " B");

        // Okta deactivates with a path-less replace.
        okta.scim(200, "PATCH", "/Users/" + bob, patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"));
        assertThat(trackTik.findEmployee(ACME, bob).orElseThrow().employee().status().name()).isEqualTo("INACTIVE");
        assertThat(trackTik.history(ACME, bob)).allSatisfy(e -> assertThat(e.actor().client()).isEqualTo("okta"));

        // The observation stops when the filter chain returns, which can be just after the client has read the
        // whole answer: wait for it rather than race it.
        Timer patches = null;
        for (long deadline = System.nanoTime() + 10_000_000_000L; patches == null && System.nanoTime() < deadline; ) {
            patches = meters.find("scimkit.requests").tags("resource.type", "Users", "operation", "patch",
                    "status", "200", "client", "okta", "tenant", "acme").timer();
            if (patches == null) {
                Thread.sleep(20);
            }
        }
        assertThat(patches).as("an observation of the PATCH, tagged").isNotNull();
        assertThat(patches.count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.find("scimkit.requests").meters()).allSatisfy(m -> assertThat(m.getId().getTags())
                .noneSatisfy(t -> assertThat(t.getValue()).contains(bob).contains(OKTA_TOKEN)));
        // Boot's own request metric names the SCIM route (it said UNKNOWN), and never an id. Spring's observation
        // stops after the SCIM one: wait for it too.
        Timer routed = null;
        for (long deadline = System.nanoTime() + 10_000_000_000L; routed == null && System.nanoTime() < deadline; ) {
            routed = meters.find("http.server.requests").tags("uri", "/scim/v2/Users/{id}", "method", "PATCH").timer();
            if (routed == null) {
                Thread.sleep(20);
            }
        }
        assertThat(routed).as("http.server.requests of the SCIM PATCH, with its route as uri").isNotNull();
        assertThat(meters.find("http.server.requests").meters()).allSatisfy(m -> assertThat(m.getId().getTag("uri"))
                .doesNotContain(bob));
    }

    @Test
    void aScimCallWithoutTokenGetsTheLibrarys401InScimJson() {
        HttpResponse<String> r = Http.anonymous(port()).send("GET", "/scim/v2/Users", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Http.SCIM_JSON));
        assertThat(Http.json(r.body()).path("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void aRequestTheContainerRefusesOnTheScimPathIsAnsweredInScimJson() {
        // Spring Security's firewall refuses a path parameter (';') before any servlet sees the request.
        HttpResponse<String> r = Http.bearer(port(), ENTRA_TOKEN).send("GET", "/scim/v2/Users;x=1", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Http.SCIM_JSON));
        assertThat(Http.json(r.body()).path("status").asText()).isEqualTo("400");
    }

    @Test
    void theApplicationsOwnEndpointKeepsBootsDefaultSecurity() {
        assertThat(Http.anonymous(port()).send("GET", "/api/greeting", null).statusCode()).isEqualTo(401);
        assertThat(Http.bearer(port(), ENTRA_TOKEN).send("GET", "/api/greeting", null).statusCode())
                .as("a SCIM token opens nothing outside SCIM").isEqualTo(401);
        HttpResponse<String> admin = Http.basic(port(), "admin", ADMIN_PASSWORD).send("GET", "/api/greeting", null);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("hello");
    }

    @Test
    void theStoresHealthIsInActuatorsHealth() {
        // Boot's default security lets anyone see the overall status, and only a signed-in user its parts.
        HttpResponse<String> anonymous = Http.anonymous(port()).send("GET", "/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(Http.json(anonymous.body()).has("components")).isFalse();
        HttpResponse<String> r = Http.basic(port(), "admin", ADMIN_PASSWORD).send("GET", "/actuator/health", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Http.json(r.body()).path("components").path("scimStore").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theApplicationsMigrationsAndTheStoresStayApart() {
        assertThat(applicationFlyway.info().applied()).extracting(MigrationInfo::getScript)
                .containsExactly("V1__sample_notes.sql");
    }
}
