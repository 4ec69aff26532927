package dev.scimkit.tracktik.jdbc;

import com.zaxxer.hikari.HikariDataSource;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@link IndexedLookupContract} on H2, the embedded default: its {@code EXPLAIN} names the index it
 * reads in a comment ({@code /* PUBLIC.IX_…: TENANT = ?1 AND … *}{@code /}) and a full read as
 * {@code tableScan}. H2 names the index of a UNIQUE constraint after it ({@code UQ_…_INDEX_n}).
 */
class H2IndexedLookupTest extends IndexedLookupContract {

    @Override
    HikariDataSource open() {
        return JdbcDataSources.h2InMemory("indexed" + System.nanoTime());
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
