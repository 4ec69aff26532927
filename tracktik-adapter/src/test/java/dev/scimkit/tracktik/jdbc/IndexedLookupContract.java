package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups identity providers make before every create ({@code userName eq}, {@code externalId eq},
 * Group {@code displayName eq} and {@code externalId eq}) read an index, not the table: the SQL each
 * SCIM request actually ran is recorded and {@code EXPLAIN}ed on a table of a few thousand rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndexedLookupContract {

    static final int BULK = 2_000;
    static final TenantId A = TenantId.of("portal-a");

    private RecordingDataSource recording;
    JdbcTrackTikStore store;
    private TrackTikEngine engine;

    /** A pool on the database (started by the subclass if need be); the contract closes it. */
    abstract HikariDataSource open() throws Exception;

    /** Stops what {@link #open()} started besides the pool (after the pool is closed). */
    void closeDatabase() throws Exception {
    }

    /** Whether {@code plan} reads {@code table} through {@code index} (names as written in the migrations). */
    abstract boolean readsThroughIndex(String plan, String table, String index);

    /** Whether {@code plan} reads the whole of {@code table}. */
    abstract boolean scansTable(String plan, String table);

    HikariDataSource raw;

    @BeforeAll
    void seed() throws Exception {
        raw = open();
        recording = new RecordingDataSource(raw);
        store = JdbcTrackTikStore.open(recording.dataSource());
        engine = new TrackTikEngine(store);
        engine.ok(201, "POST", "/Users", TrackTikFlowContract.entraUser("Ada.Target@Example.com", "ext-target"));
        engine.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Night Guards\",\"externalId\":\"grp-target\"}");
        bulkInsert();
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
            c.commit(); // the pool does not auto-commit, and statistics are transactional on PostgreSQL
        }
        recording.drain();
    }

    /** Many employees and roles in the same tenant (and HQ region the SCIM create made), fast. */
    private void bulkInsert() throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = raw.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tt_employee (tenant, scim_id, first_name, last_name,"
                    + " status, region_id, user_name, user_name_key, external_id, scim_json, version, created, last_modified)"
                    + " VALUES (?, ?, 'Bulk', 'Employee', 'ACTIVE', 'hq', ?, ?, ?, '{}', 1, ?, ?)")) {
                for (int i = 0; i < BULK; i++) {
                    ps.setString(1, A.value());
                    ps.setString(2, "bulk-" + i);
                    ps.setString(3, "Bulk" + i + "@Example.com");
                    ps.setString(4, "bulk" + i + "@example.com");
                    ps.setString(5, "bulk-ext-" + i);
                    ps.setObject(6, now);
                    ps.setObject(7, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tt_role (tenant, scim_id, name, name_key, kind,"
                    + " external_id, scim_json, version, created, last_modified)"
                    + " VALUES (?, ?, ?, ?, 'STAFF_PORTAL_ROLE', ?, '{}', 1, ?, ?)")) {
                for (int i = 0; i < BULK; i++) {
                    ps.setString(1, A.value());
                    ps.setString(2, "bulk-role-" + i);
                    ps.setString(3, "Bulk Role " + i);
                    ps.setString(4, "bulk role " + i);
                    ps.setString(5, "bulk-grp-" + i);
                    ps.setObject(6, now);
                    ps.setObject(7, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    @BeforeEach
    void forgetEarlierQueries() {
        recording.drain();
    }

    List<RecordingDataSource.Executed> drainRecorded() {
        return recording.drain();
    }

    @AfterAll
    void stop() throws Exception {
        store.close();
        raw.close();
        closeDatabase();
    }

    @Test
    void userNameLookupReadsTheUserNameKeyIndex() throws Exception {
        JsonNode found = get("/Users?filter=" + encode("userName eq \"ada.TARGET@example.com\""));
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").path(0).path("userName").asText()).isEqualTo("Ada.Target@Example.com");
        assertIndexed(recording.drain(), "tt_employee", "uq_employee_user_name");
    }

    @Test
    void userExternalIdLookupReadsTheExternalIdIndex() throws Exception {
        JsonNode found = get("/Users?filter=" + encode("externalId eq \"ext-target\""));
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertIndexed(recording.drain(), "tt_employee", "ix_employee_external_id");

        assertThat(store.findEmployeeByExternalId(A, "ext-target")).map(r -> r.link().name())
                .contains("Ada.Target@Example.com");
        assertIndexed(recording.drain(), "tt_employee", "ix_employee_external_id");
    }

    @Test
    void groupDisplayNameLookupReadsTheNameKeyIndex() throws Exception {
        JsonNode found = get("/Groups?excludedAttributes=members&filter=" + encode("displayName eq \"NIGHT guards\""));
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").path(0).path("displayName").asText()).isEqualTo("Night Guards");
        assertIndexed(recording.drain(), "tt_role", "uq_role_name");
    }

    @Test
    void groupExternalIdLookupReadsTheIndexOfMigrationTwo() throws Exception {
        JsonNode found = get("/Groups?excludedAttributes=members&filter=" + encode("externalId eq \"grp-target\""));
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertIndexed(recording.drain(), "tt_role", "ix_role_external_id");
    }

    @Test
    void findEmployeeByExternalIdIsExactLiveEarliestAndPerTenant() {
        String first = engine.ok(201, "POST", "/Users", TrackTikFlowContract.entraUser("twin1@example.com", "Ext-Twin"))
                .path("id").asText();
        String second = engine.ok(201, "POST", "/Users", TrackTikFlowContract.entraUser("twin2@example.com", "Ext-Twin"))
                .path("id").asText();
        engine.ok(201, "POST", "/Users", TrackTikFlowContract.entraUser("case@example.com", "ext-twin"));

        // Case-exact, as SCIM defines externalId; several holders: the earliest created.
        assertThat(store.findEmployeeByExternalId(A, "Ext-Twin")).map(r -> r.scimId()).contains(first);
        assertThat(store.findEmployeeByExternalId(A, "ext-twin")).map(r -> r.link().name()).contains("case@example.com");
        assertThat(store.findEmployeeByExternalId(A, "EXT-TWIN")).isEmpty();
        assertThat(store.findEmployeeByExternalId(A, "")).isEmpty();
        assertThat(store.findEmployeeByExternalId(TenantId.of("portal-b"), "Ext-Twin")).isEmpty();

        // An archived employee is gone for SCIM: the next holder answers.
        engine.ok(204, "DELETE", "/Users/" + first, null);
        assertThat(store.findEmployeeByExternalId(A, "Ext-Twin")).map(r -> r.scimId()).contains(second);
        engine.ok(204, "DELETE", "/Users/" + second, null);
        assertThat(store.findEmployeeByExternalId(A, "Ext-Twin")).isEmpty();
    }

    JsonNode get(String pathAndQuery) {
        return engine.ok(200, "GET", pathAndQuery, null);
    }

    @Test
    void aCursorPageSeeksThroughTheScimIdIndex() throws Exception {
        JsonNode first = get("/Users?cursor=&count=20");
        assertThat(first.path("totalResults").asInt()).isEqualTo(BULK + 1);
        recording.drain();
        JsonNode second = get("/Users?cursor=" + first.path("nextCursor").asText() + "&count=20");
        assertThat(second.path("Resources").size()).isEqualTo(20);
        assertThat(second.path("Resources").path(0).path("id").asText())
                .isGreaterThan(first.path("Resources").path(19).path("id").asText());
        List<RecordingDataSource.Executed> seeks = recording.drain().stream()
                .filter(e -> e.sql().contains("e.scim_id > ?")).toList();
        assertThat(seeks).as("the page is one keyset range read, pushed to SQL").hasSize(1);
        try (Connection c = raw.getConnection()) {
            String plan = explain(c, seeks.get(0).sql(), seeks.get(0).parameters());
            assertThat(readsThroughIndex(plan, "tt_employee", "uq_employee_scim_id")).as(plan).isTrue();
            assertThat(scansTable(plan, "tt_employee")).as(plan).isFalse();
        }
    }

    static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    /** Every recorded query on {@code table} reads it through {@code index} and none reads all of it. */
    void assertIndexed(List<RecordingDataSource.Executed> executed, String table, String index) throws SQLException {
        List<RecordingDataSource.Executed> onTable = executed.stream()
                .filter(e -> e.sql().contains(" FROM " + table + " ")).toList();
        assertThat(onTable).as("queries on %s", table).isNotEmpty();
        try (Connection c = raw.getConnection()) {
            for (RecordingDataSource.Executed e : onTable) {
                String plan = explain(c, e.sql(), e.parameters());
                assertThat(readsThroughIndex(plan, table, index)).as("%s%n reads %s through %s:%n%s", e.sql(), table, index, plan)
                        .isTrue();
                assertThat(scansTable(plan, table)).as("%s%n scans %s:%n%s", e.sql(), table, plan).isFalse();
            }
        }
    }

    /** The plan of a query, one text: {@code EXPLAIN} is the same statement on H2 and PostgreSQL. */
    String explain(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    sb.append(rs.getString(1)).append('\n');
                }
                return sb.toString();
            }
        }
    }
}
