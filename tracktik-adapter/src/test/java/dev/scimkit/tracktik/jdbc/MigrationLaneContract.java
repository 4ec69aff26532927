package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's migrations stay in their lane on a database it shares with an application: its own
 * location and history table beside the application's own {@code V1__}, a schema of the caller's
 * choice, migration left to the caller, a borrowed pool left open and in its own schema, and a
 * database migrated from the old location ({@code db/migration/tracktik}) still accepted.
 */
abstract class MigrationLaneContract {

    /** Flyway quotes the history table's name, so on H2 it keeps its lower case. */
    static final String HISTORY = "\"" + JdbcStoreOptions.HISTORY_TABLE + "\"";
    static final String[] SCRIPTS = {"V1__tracktik_store.sql", "V2__role_external_id_index.sql",
            "V3__unique_employee_id_and_email.sql", "V4__activity.sql", "V5__employee_held_role.sql",
            "V6__resource_documents.sql"};

    /** A fresh, empty database, pooled the way an application pools it (auto-commit on). */
    abstract HikariConfig freshDatabase(String name) throws Exception;

    @TempDir
    Path temp;

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private HikariDataSource applicationPool(String name) throws Exception {
        HikariDataSource pool = new HikariDataSource(freshDatabase(name));
        pools.add(pool);
        return pool;
    }

    @Test
    void theApplicationsOwnV1AndTheStoresV1LiveSideBySide() throws Exception {
        HikariDataSource app = applicationPool("lane_side");
        Flyway appFlyway = Flyway.configure().dataSource(app).locations("classpath:app-migrations").load();
        appFlyway.migrate();

        JdbcTrackTikStore store = JdbcTrackTikStore.open(app);
        new TrackTikEngine(store).ok(201, "POST", "/Users", TrackTikFlowContract.entraUser("side@example.com", "e-side"));

        appFlyway.validate(); // the application's history sees only its own migration
        assertThat(appFlyway.info().applied()).extracting(MigrationInfo::getScript).containsExactly("V1__app_widgets.sql");
        assertThat(storeFlyway(app, null).info().applied()).extracting(MigrationInfo::getScript)
                .contains(SCRIPTS);
        store.close();
        assertThat(app.isClosed()).as("a borrowed DataSource stays open").isFalse();
    }

    @Test
    void aChosenSchemaHoldsEveryTableAndTheSharedPoolKeepsItsOwnSchema() throws Exception {
        HikariDataSource app = applicationPool("lane_schema");
        String ownSchema;
        try (Connection c = app.getConnection()) {
            ownSchema = c.getSchema();
        }
        JdbcTrackTikStore store = JdbcTrackTikStore.open(app, JdbcStoreOptions.builder().schema("scimkit_tt").build());
        TrackTikEngine engine = new TrackTikEngine(store);
        String id = engine.ok(201, "POST", "/Users", TrackTikFlowContract.entraUser("schema@example.com", "e-s"))
                .path("id").asText();
        engine.ok(200, "GET", "/Users/" + id, null);

        try (Connection c = app.getConnection()) {
            assertThat(c.getSchema()).as("the pool's connections are back in their own schema").isEqualTo(ownSchema);
            assertThat(tableExists(c, "tt_employee")).isFalse();
            assertThat(tableExists(c, HISTORY)).isFalse();
            assertThat(tableExists(c, "\"scimkit_tt\".tt_employee")).isTrue();
            assertThat(tableExists(c, "\"scimkit_tt\"." + HISTORY)).isTrue();
        }
        store.close();
        assertThat(app.isClosed()).isFalse();
    }

    @Test
    void withMigrationOffTheStoreNeedsTheShippedScriptsAndRunsOnThem() throws Exception {
        HikariDataSource app = applicationPool("lane_manual");
        JdbcStoreOptions manual = JdbcStoreOptions.builder().migrate(false).build();
        assertThatThrownBy(() -> JdbcTrackTikStore.open(app, manual))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(JdbcStoreOptions.MIGRATIONS);

        // What a user who runs migrations himself does: apply the shipped SQL with his own tool.
        try (Connection c = app.getConnection(); Statement s = c.createStatement()) {
            for (String script : SCRIPTS) {
                for (String statement : statements(script)) {
                    s.execute(statement);
                }
            }
        }
        JdbcTrackTikStore store = JdbcTrackTikStore.open(app, manual);
        new TrackTikEngine(store).ok(201, "POST", "/Users", TrackTikFlowContract.entraUser("manual@example.com", "e-m"));
        try (Connection c = app.getConnection()) {
            assertThat(tableExists(c, HISTORY)).as("no Flyway ran").isFalse();
        }
        store.close();
    }

    @Test
    void aDatabaseMigratedFromTheOldLocationOpensAndValidates() throws Exception {
        HikariDataSource app = applicationPool("lane_legacy");
        // The layout before the move: the same scripts under db/migration/tracktik, same history table.
        Path old = temp.resolve("db/migration/tracktik");
        Files.createDirectories(old);
        for (String script : SCRIPTS) {
            try (InputStream in = resource(script)) {
                Files.copy(in, old.resolve(script));
            }
        }
        Flyway.configure().dataSource(app).locations("filesystem:" + old).table(JdbcStoreOptions.HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        try (JdbcTrackTikStore before = JdbcTrackTikStore.open(app, JdbcStoreOptions.builder().migrate(false).build())) {
            new TrackTikEngine(before).ok(201, "POST", "/Users", TrackTikFlowContract.entraUser("old@example.com", "e-o"));
        }

        JdbcTrackTikStore store = JdbcTrackTikStore.open(app);
        TrackTikEngine engine = new TrackTikEngine(store);
        assertThat(engine.ok(200, "GET", "/Users?filter=userName%20eq%20%22old@example.com%22", null)
                .path("totalResults").asInt()).isEqualTo(1);
        Flyway moved = storeFlyway(app, null);
        moved.validate();
        assertThat(moved.info().pending()).isEmpty();
        store.close();
    }

    @Test
    void anOwnedPoolClosesWithTheStoreAndAFailedOpenClosesItToo() throws Exception {
        HikariDataSource owned = new HikariDataSource(freshDatabase("lane_owned"));
        JdbcTrackTikStore.openOwning(owned).close();
        assertThat(owned.isClosed()).isTrue();

        HikariDataSource empty = new HikariDataSource(freshDatabase("lane_owned_fail"));
        assertThatThrownBy(() -> JdbcTrackTikStore.openOwning(empty, JdbcStoreOptions.builder().migrate(false).build()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(empty.isClosed()).isTrue();
    }

    private static Flyway storeFlyway(DataSource dataSource, String schema) {
        var config = Flyway.configure().dataSource(dataSource).locations(JdbcStoreOptions.MIGRATIONS)
                .table(JdbcStoreOptions.HISTORY_TABLE);
        if (schema != null) {
            config.schemas(schema);
        }
        return config.load();
    }

    private static InputStream resource(String script) {
        String path = JdbcStoreOptions.MIGRATIONS.substring("classpath:".length()) + "/" + script;
        return Objects.requireNonNull(MigrationLaneContract.class.getClassLoader().getResourceAsStream(path), path);
    }

    /** The script's statements: comment lines dropped, split at each {@code ;} that ends a line. */
    private static List<String> statements(String script) throws IOException {
        StringBuilder sql = new StringBuilder();
        try (InputStream in = resource(script)) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : sql.toString().split(";\\s*\n")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return false;
        }
    }
}
