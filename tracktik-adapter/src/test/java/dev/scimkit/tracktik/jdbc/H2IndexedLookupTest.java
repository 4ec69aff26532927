package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@link IndexedLookupContract} on H2, the embedded default: its {@code EXPLAIN} names the index it
 * reads in a comment ({@code /* PUBLIC.IX_…: TENANT = ?1 AND … *}{@code /}) and a full read as
 * {@code tableScan}. H2 names the index of a UNIQUE constraint after it ({@code UQ_…_INDEX_n}).
 */
class H2IndexedLookupTest extends IndexedLookupContract {

    private HikariDataSource pool;

    @Override
    DataSource open() {
        pool = JdbcDataSources.h2InMemory("indexed" + System.nanoTime());
        return pool;
    }

    @Override
    void close() {
        pool.close();
    }

    @Override
    String explain(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                return planText(rs);
            }
        }
    }

    @Override
    boolean readsThroughIndex(String plan, String table, String index) {
        // FROM "PUBLIC"."TT_EMPLOYEE" "E" /* PUBLIC.UQ_EMPLOYEE_USER_NAME_INDEX_7: TENANT = ?1 AND … */
        return Pattern.compile("\"PUBLIC\"\\.\"" + table.toUpperCase(Locale.ROOT) + "\" \"\\w+\"\\s*/\\* PUBLIC\\."
                + index.toUpperCase(Locale.ROOT) + "(_INDEX_\\w+)?:").matcher(plan).find();
    }

    @Override
    boolean scansTable(String plan, String table) {
        return plan.contains("PUBLIC." + table.toUpperCase(Locale.ROOT) + ".tableScan");
    }
}
