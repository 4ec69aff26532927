package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.resource.ValidationOptions;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batched import ({@code EmployeeUserRepository#createAll} → {@code JdbcTrackTikStore#createEmployees}),
 * which the scale benchmark loads a million users with, writes exactly the rows that one SCIM
 * {@code POST /Users} per user writes: every column of the employee, its History entry and its region,
 * apart from what is new per write (database id, SCIM id, timestamps). On H2 and PostgreSQL
 * ({@link H2BatchedCreateEquivalenceTest}, {@link PostgresBatchedCreateEquivalenceTest}): the batch
 * takes the new ids from the driver's generated keys, which each database returns its own way.
 */
abstract class BatchedCreateEquivalenceTest {

    /** Differ per write by design; everything else must be equal. */
    private static final Set<String> PER_WRITE = Set.of("ID", "SCIM_ID", "CREATED", "LAST_MODIFIED", "AT", "EMPLOYEE_ID");

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<JdbcTrackTikStore> stores = new ArrayList<>();

    @AfterEach
    void close() {
        stores.forEach(JdbcTrackTikStore::close);
        pools.forEach(HikariDataSource::close);
    }

    private JdbcTrackTikStore store(HikariDataSource pool) {
        JdbcTrackTikStore store = JdbcTrackTikStore.open(pool);
        stores.add(store);
        return store;
    }

    /** A new, empty database named after {@code name}, pooled as the store pools it. */
    abstract HikariDataSource newDatabase(String name) throws Exception;

    private HikariDataSource database(String name) throws Exception {
        HikariDataSource pool = newDatabase(name);
        pools.add(pool);
        return pool;
    }

    /** Users as identity providers send them: full, without externalId, without names (derived), odd case. */
    private static List<String> bodies() {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bodies.add(TrackTikFlowContract.entraUser("Batch.User" + i + "@Example.com", "ext-" + i, "E-" + (500 + i)));
        }
        bodies.add("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"no.names@example.com\","
                + "\"active\":false}");
        bodies.add("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"okta.style@example.com\","
                + "\"name\":{\"givenName\":\"Okta\",\"familyName\":\"Style\"},\"emails\":[{\"value\":\"okta.style@example.com\","
                + "\"primary\":true}],\"active\":\"True\"}");
        return bodies;
    }

    @Test
    void oneBatchWritesWhatOnePostPerUserWrites() throws Exception {
        HikariDataSource posted = database("posted");
        TrackTikEngine engine = new TrackTikEngine(store(posted));
        for (String body : bodies()) {
            engine.ok(201, "POST", "/Users", body);
        }

        HikariDataSource imported = database("imported");
        SchemaRegistry registry = SchemaRegistry.standard();
        ResourceValidator validator = new ResourceValidator(registry.user(), ValidationOptions.lenient());
        List<ObjectNode> valid = bodies().stream().map(b -> validator.validateForCreate(ScimJson.parse(b.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).toList();
        List<String> ids = TrackTikRepositories.builder(registry, store(imported)).build().users()
                .createAll(new ScimPrincipal(TenantId.of("portal-a"), "entra", Optional.empty()), valid);

        assertThat(ids).hasSize(bodies().size()).doesNotHaveDuplicates();
        String employees = "SELECT * FROM tt_employee ORDER BY user_name";
        String history = "SELECT e.user_name, h.* FROM tt_history h JOIN tt_employee e ON e.id = h.employee_id"
                + " ORDER BY e.user_name, h.id";
        String regions = "SELECT * FROM tt_region ORDER BY tenant, id";
        assertThat(rows(imported, employees)).hasSize(bodies().size()).isEqualTo(rows(posted, employees));
        assertThat(rows(imported, history)).hasSize(bodies().size()).isEqualTo(rows(posted, history));
        assertThat(rows(imported, regions)).isNotEmpty().isEqualTo(rows(posted, regions));

        // And what SCIM reads back is the same User.
        TrackTikEngine importedEngine = new TrackTikEngine(stores.get(1));
        ObjectNode read = (ObjectNode) importedEngine.ok(200, "GET", "/Users/" + ids.get(0), null);
        ObjectNode original = (ObjectNode) engine.ok(200, "GET", "/Users?filter="
                + IndexedLookupContract.encode("userName eq \"batch.user0@example.com\""), null).path("Resources").path(0);
        for (ObjectNode user : List.of(read, original)) {
            user.remove(List.of("id", "meta"));
        }
        assertThat(read).isEqualTo(original);
    }

    @Test
    void aDuplicateUserNameFailsTheWholeBatch() throws Exception {
        HikariDataSource imported = database("duplicate");
        SchemaRegistry registry = SchemaRegistry.standard();
        ResourceValidator validator = new ResourceValidator(registry.user(), ValidationOptions.lenient());
        List<ObjectNode> valid = List.of(
                validator.validateForCreate(ScimJson.parse(TrackTikFlowContract.entraUser("twin@example.com", "a").getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                validator.validateForCreate(ScimJson.parse(TrackTikFlowContract.entraUser("TWIN@example.com", "b").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        var users = TrackTikRepositories.builder(registry, store(imported)).build().users();
        ScimPrincipal caller = new ScimPrincipal(TenantId.of("portal-a"), "entra", Optional.empty());
        assertThatThrownBy(() -> users.createAll(caller, valid))
                .isInstanceOf(dev.scimkit.core.error.ScimException.class)
                .satisfies(e -> assertThat(((dev.scimkit.core.error.ScimException) e).status()).isEqualTo(409));
        assertThat(rows(imported, "SELECT * FROM tt_employee")).isEmpty();
        assertThat(rows(imported, "SELECT * FROM tt_history")).isEmpty();
    }

    /** Every row's columns by name, without the per-write ones. */
    private static List<Map<String, Object>> rows(HikariDataSource pool, String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnLabel(i).toUpperCase(java.util.Locale.ROOT);
                    if (!PER_WRITE.contains(name)) {
                        row.put(name, rs.getObject(i));
                    }
                }
                out.add(row);
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }
        return out;
    }
}
