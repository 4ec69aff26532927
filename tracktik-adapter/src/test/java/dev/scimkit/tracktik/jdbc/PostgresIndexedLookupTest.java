package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link IndexedLookupContract} on a real PostgreSQL: {@code EXPLAIN} of the lookups the store ran. */
class PostgresIndexedLookupTest extends IndexedLookupContract {

    private EmbeddedPostgres postgres;

    @Override
    HikariDataSource open() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        return JdbcDataSources.postgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    @Override
    void closeDatabase() throws Exception {
        postgres.close();
    }

    @Override
    boolean readsThroughIndex(String plan, String table, String index) {
        // "Index Scan using ix on t", "Index Only Scan using ix on t", "Bitmap Index Scan on ix".
        return Pattern.compile("(Index Scan|Index Only Scan) using " + index + " on " + table + "\\b"
                + "|Bitmap Index Scan on " + index + "\\b").matcher(plan).find();
    }

    @Override
    boolean scansTable(String plan, String table) {
        return Pattern.compile("Seq Scan on " + table + "\\b").matcher(plan).find();
    }

    /** The plans below are made with the statistics of the full tables, not the defaults of empty ones. */
    @Test
    void statisticsKnowEveryRow() throws Exception {
        try (Connection c = raw.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT relname, reltuples FROM pg_class"
                     + " WHERE relname IN ('tt_employee', 'tt_role')");
             ResultSet rs = ps.executeQuery()) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                assertThat(rs.getDouble(2)).as(rs.getString(1)).isGreaterThan(BULK);
            }
            assertThat(tables).isEqualTo(2);
        }
    }

    /**
     * What the scim-filter translator alone makes of {@code userName eq} ({@code LOWER(col) = LOWER(?)})
     * reads no index on PostgreSQL: the reason for the folded key, and proof that the test above can fail.
     */
    @Test
    void lowerOnBothSidesWouldNotReadTheIndex() throws Exception {
        get("/Users?filter=" + encode("userName eq \"ada.target@example.com\""));
        RecordingDataSource.Executed lookup = recordedLookup();
        String key = "(e.user_name_key IS NOT NULL AND e.user_name_key = ?)";
        assertThat(lookup.sql()).contains(key);
        String lowered = lookup.sql().replace(key, "(e.user_name IS NOT NULL AND LOWER(e.user_name) = LOWER(?))");
        try (Connection c = raw.getConnection()) {
            String plan = explain(c, lowered, lookup.parameters());
            assertThat(readsThroughIndex(plan, "tt_employee", "uq_employee_user_name")).as(plan).isFalse();
        }
    }

    private RecordingDataSource.Executed recordedLookup() {
        return drainRecorded().stream().filter(e -> e.sql().startsWith("SELECT e.id")).findFirst().orElseThrow();
    }
}
