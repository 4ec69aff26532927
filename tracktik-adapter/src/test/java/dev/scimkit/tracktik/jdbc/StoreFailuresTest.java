package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an identity provider sees when the store fails at run time, on a real H2 file behind a
 * {@link FaultyDataSource}: a SCIM 503 with {@code Retry-After} (Entra ID and Okta retry those),
 * nothing half-written, reads where the store can still serve them, and recovery without a restart.
 */
class StoreFailuresTest {

    private static final TenantId TENANT = TenantId.of("portal-a");

    @TempDir
    Path dataDir;

    private HikariDataSource pool;
    private FaultyDataSource faults;
    private JdbcTrackTikStore store;
    private TrackTikEngine engine;

    @BeforeEach
    void open() {
        pool = JdbcDataSources.h2File(dataDir);
        faults = new FaultyDataSource(pool);
        store = JdbcTrackTikStore.open(faults.dataSource());
        engine = new TrackTikEngine(store);
    }

    @AfterEach
    void close() {
        store.close();
        pool.close();
    }

    @Test
    void aDatabaseThatIsGoneGets503WithRetryAfterAndTheStoreRecoversByItself() {
        faults.databaseGone();
        ScimResponse refused = engine.call("POST", "/Users", user("gone@example.com"));
        assertUnavailable(refused);
        assertThat(refused.bodyText()).doesNotContain("08001").doesNotContain("Connection refused");

        faults.heal();
        engine.ok(201, "POST", "/Users", user("gone@example.com"));
    }

    @Test
    void anExhaustedPoolAsksForABriefWait() {
        faults.poolExhausted();
        ScimResponse refused = engine.call("GET", "/Users?count=1", null);
        assertUnavailable(refused);
        assertThat(refused.header("Retry-After")).contains("5");
        faults.heal();
        engine.ok(200, "GET", "/Users?count=1", null);
    }

    @Test
    void aDiskFullAtCommitChangesNothingAndReadsKeepWorking() {
        JsonNode ann = engine.ok(201, "POST", "/Users", user("ann@example.com"));
        String id = ann.path("id").asText();

        faults.commitFails();
        assertUnavailable(engine.call("POST", "/Users", user("bob@example.com")));
        assertUnavailable(engine.call("PATCH", "/Users/" + id, retitle("Lead")));
        assertUnavailable(engine.call("DELETE", "/Users/" + id, null));
        JsonNode stillAnn = engine.ok(200, "GET", "/Users/" + id, null);
        assertThat(stillAnn.path("title").asText()).isEqualTo("Officer");

        faults.heal();
        assertThat(engine.ok(200, "GET", "/Users?filter=userName%20eq%20%22bob@example.com%22", null)
                .path("totalResults").asInt()).isZero();
        assertThat(store.history(TENANT, id)).hasSize(1);
        engine.ok(200, "PATCH", "/Users/" + id, retitle("Lead"));
        assertThat(store.history(TENANT, id)).hasSize(2);
    }

    @Test
    void aFailureAfterTheFirstStatementLeavesNoHalfOfTheWrite() {
        String member = engine.ok(201, "POST", "/Users", user("member@example.com")).path("id").asText();
        String group = engine.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Dispatchers\"}").path("id").asText();

        faults.diskFullAfter(1);
        // A create writes the employee, then its History entry: the second statement fails.
        assertUnavailable(engine.call("POST", "/Users", user("half@example.com")));
        // A member add writes the assignment, then the member's History entry, then the group's version.
        assertUnavailable(engine.call("PATCH", "/Groups/" + group, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}]}"));

        faults.heal();
        assertThat(engine.ok(200, "GET", "/Users?filter=userName%20eq%20%22half@example.com%22", null)
                .path("totalResults").asInt()).isZero();
        assertThat(engine.ok(200, "GET", "/Groups/" + group, null).path("members")).isEmpty();
        assertThat(store.history(TENANT, member)).hasSize(1);
    }

    @Test
    void aChangeThatCannotBeForcedToDiskIsNotAcknowledged() {
        faults.syncFails();
        assertUnavailable(engine.call("POST", "/Users", user("unsynced@example.com")));
        faults.heal();
        engine.ok(201, "POST", "/Users", user("synced@example.com"));
    }

    @Test
    void anOutageIsLoggedOnceNotOncePerRequest() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            faults.databaseGone();
            for (int i = 0; i < 20; i++) {
                assertUnavailable(engine.call("POST", "/Users", user("retry" + i + "@example.com")));
            }
            faults.heal();
            engine.ok(201, "POST", "/Users", user("after@example.com"));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log.split("is unavailable", -1)).as(log).hasSize(2);
        assertThat(log).contains("available again after 20 failed operation(s)");
    }

    private static void assertUnavailable(ScimResponse response) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(503);
        assertThat(response.header("Retry-After")).as("Retry-After").hasValueSatisfying(
                v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(response.bodyJson().path("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(response.bodyText()).doesNotContain("SQLException").doesNotContain("\tat ");
    }

    private static String user(String userName) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"externalId\":\"" + UUID.randomUUID() + "\",\"title\":\"Officer\","
                + "\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Lee\"}}";
    }

    private static String retitle(String title) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"" + title + "\"}]}";
    }
}
