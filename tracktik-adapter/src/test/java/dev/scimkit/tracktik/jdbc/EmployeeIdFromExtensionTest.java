package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A declared extension attribute (the sample schema's badgeNumber) configured as the Employee ID:
 * it fills the employee's custom_id, comes back as sent, and a filter on it runs in SQL on that column.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmployeeIdFromExtensionTest {

    private static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private HikariDataSource pool;
    private RecordingDataSource recording;
    private JdbcTrackTikStore store;
    private TrackTikEngine engine;
    private SchemaRegistry engineRegistry;

    @BeforeAll
    void open() {
        pool = JdbcDataSources.h2InMemory("badge" + System.nanoTime());
        recording = new RecordingDataSource(pool);
        store = JdbcTrackTikStore.open(recording.dataSource());
        engineRegistry = SchemaRegistry.standard().toBuilder()
                .addSchemaDirectory(Path.of("../examples/schemas")).build();
        engine = new TrackTikEngine(store, engineRegistry, b -> b.employeeIdFrom(CUSTOM + ":badgeNumber"));
    }

    @AfterAll
    void close() {
        store.close();
        pool.close();
    }

    private static String user(String userName, String badge) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + CUSTOM + "\"],\"userName\":\""
                + userName + "\",\"name\":{\"givenName\":\"Bea\",\"familyName\":\"Badge\"},"
                + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"E-" + badge + "\"},"
                + "\"" + CUSTOM + "\":{\"badgeNumber\":\"" + badge + "\",\"siteCode\":\"MTL\"}}";
    }

    @Test
    void theBadgeNumberIsTheEmployeeIdAndAFilterOnItRunsInSql() throws SQLException {
        String id = engine.ok(201, "POST", "/Users", user("bea@example.com", "B-42")).path("id").asText();
        engine.ok(201, "POST", "/Users", user("other@example.com", "B-43"));

        assertThat(customIdOf(id)).isEqualTo("B-42");
        JsonNode read = engine.ok(200, "GET", "/Users/" + id, null);
        assertThat(read.path(CUSTOM).path("badgeNumber").asText()).isEqualTo("B-42");
        assertThat(read.path(ENTERPRISE).path("employeeNumber").asText())
                .as("employeeNumber is no longer the Employee ID, and stays as sent").isEqualTo("E-B-42");

        recording.drain();
        JsonNode found = engine.ok(200, "GET", "/Users?filter="
                + URLEncoder.encode(CUSTOM + ":badgeNumber eq \"B-42\"", StandardCharsets.UTF_8), null);
        assertThat(found.path("Resources")).singleElement()
                .satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(id));
        List<RecordingDataSource.Executed> executed = recording.drain();
        assertThat(executed).anySatisfy(e -> assertThat(e.sql()).contains("e.custom_id"));
    }

    @Test
    void anUpdateOfTheBadgeNumberReachesTheEmployee() throws SQLException {
        String id = engine.ok(201, "POST", "/Users", user("carl@example.com", "C-1")).path("id").asText();

        engine.ok(200, "PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"value\":{\"" + CUSTOM + ":badgeNumber\":\"C-2\"}}]}");

        assertThat(customIdOf(id)).isEqualTo("C-2");
        assertThat(engine.ok(200, "GET", "/Users/" + id, null).path(CUSTOM).path("badgeNumber").asText()).isEqualTo("C-2");
    }

    /**
     * The job title and department from declared attributes too: they fill the employee's columns, and
     * filters on them run in SQL there, while the standard sources stay in the resource as sent.
     */
    @Test
    void jobTitleAndDepartmentFromDeclaredAttributesFillTheirColumns() throws SQLException {
        TrackTikEngine mapped = new TrackTikEngine(store, engineRegistry, b -> b
                .fieldFrom(dev.scimkit.tracktik.mapping.EmployeeTextField.JOB_TITLE, CUSTOM + ":jobCode")
                .fieldFrom(dev.scimkit.tracktik.mapping.EmployeeTextField.DEPARTMENT, CUSTOM + ":siteCode"));
        String body = user("dora@example.com", "D-1").replace("\"siteCode\":\"MTL\"", "\"siteCode\":\"TOR\",\"jobCode\":\"Supervisor\"")
                .replace("\"userName\"", "\"title\":\"As sent\",\"userName\"");
        String id = mapped.ok(201, "POST", "/Users", body).path("id").asText();

        assertThat(column(id, "job_title")).isEqualTo("Supervisor");
        assertThat(column(id, "department")).isEqualTo("TOR");
        JsonNode read = mapped.ok(200, "GET", "/Users/" + id, null);
        assertThat(read.path("title").asText()).as("title is no longer the job title, and stays as sent").isEqualTo("As sent");
        assertThat(read.path(CUSTOM).path("jobCode").asText()).isEqualTo("Supervisor");

        recording.drain();
        JsonNode found = mapped.ok(200, "GET", "/Users?filter=" + URLEncoder.encode(CUSTOM + ":jobCode eq \"supervisor\" and "
                + CUSTOM + ":siteCode eq \"TOR\"", StandardCharsets.UTF_8), null);
        assertThat(found.path("Resources")).singleElement()
                .satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(id));
        assertThat(recording.drain()).anySatisfy(e -> assertThat(e.sql()).contains("e.job_title").contains("e.department"));
    }

    private String column(String scimId, String column) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM tt_employee WHERE scim_id = ?")) {
            ps.setString(1, scimId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /**
     * A declared attribute marked unique is refused unless it is the Employee ID, which the store keeps
     * unique: otherwise /Schemas would promise a uniqueness nothing keeps.
     */
    @Test
    void aUniqueExtensionAttributeMustBeTheEmployeeId() {
        String badge = "urn:example:params:scim:schemas:extension:badge:2.0:User";
        SchemaRegistry unique = SchemaRegistry.standard().toBuilder()
                .addDeclaredExtensions(java.util.List.of(dev.scimkit.core.schema.SchemaFiles.read(
                        dev.scimkit.core.json.ScimJson.parseObject(("{\"id\":\"" + badge + "\",\"attributes\":"
                                + "[{\"name\":\"badgeNumber\",\"type\":\"string\",\"uniqueness\":\"server\"}]}")
                                .getBytes(StandardCharsets.UTF_8)), "badge.json")))
                .build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrackTikRepositories.builder(unique, store).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(badge + ":badgeNumber is declared with uniqueness server, which the TrackTik"
                        + " stores cannot keep for a User extension")
                .hasMessageContaining("make it the Employee ID");
        TrackTikEngine asEmployeeId = new TrackTikEngine(store, unique, b -> b.employeeIdFrom(badge + ":badgeNumber"));
        asEmployeeId.ok(201, "POST", "/Users", "{\"userName\":\"u1@example.com\",\"name\":{\"givenName\":\"U\","
                + "\"familyName\":\"One\"},\"" + badge + "\":{\"badgeNumber\":\"U-1\"}}");
        ScimResponse second = asEmployeeId.call("POST", "/Users", "{\"userName\":\"u2@example.com\",\"name\":{"
                + "\"givenName\":\"U\",\"familyName\":\"Two\"},\"" + badge + "\":{\"badgeNumber\":\"u-1\"}}");
        assertThat(second.status()).as(second.bodyText()).isEqualTo(409);
    }

    private String customIdOf(String scimId) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT custom_id FROM tt_employee WHERE scim_id = ?")) {
            ps.setString(1, scimId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
