package dev.scimkit.tracktik.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Finds out, once at start-up, what a commit on this database is worth and so what a write must wait
 * for before it is acknowledged: an H2 database on disk needs {@link GroupSync}; an in-memory H2 has
 * nothing to keep; PostgreSQL's commit is durable unless its operator turned that off, which is
 * worth a warning because then an acknowledged write can still be lost.
 */
final class DurabilityProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DurabilityProbe.class);

    private DurabilityProbe() {
    }

    static CommitDurability detect(DataSource dataSource) {
        boolean h2File;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
            h2File = product.contains("h2") && !isInMemoryH2(meta.getURL());
            if (product.contains("postgresql")) {
                warnIfOff(c, "synchronous_commit", "off");
                warnIfOff(c, "fsync", "off");
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
        // With the probe's connection returned: the sync borrows one of its own.
        return h2File ? groupSyncIfAllowed(dataSource) : CommitDurability.DATABASE;
    }

    private static CommitDurability groupSyncIfAllowed(DataSource dataSource) {
        GroupSync sync = new GroupSync(dataSource);
        try {
            sync.awaitDurable();
            return sync;
        } catch (SQLException e) {
            // CHECKPOINT SYNC needs admin rights; without them H2's own write delay is all there is.
            LOG.warn("The H2 user may not run CHECKPOINT SYNC (SQLState {}): writes are acknowledged before they"
                    + " are forced to disk, and a crash can lose the last second of them. Connect as an admin user.",
                    e.getSQLState());
            return CommitDurability.DATABASE;
        }
    }

    private static boolean isInMemoryH2(String url) {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:h2:mem:");
    }

    private static void warnIfOff(Connection c, String setting, String unsafe) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            if (rs.next() && unsafe.equalsIgnoreCase(rs.getString(1))) {
                LOG.warn("PostgreSQL runs with {} = {}: a write acknowledged to the identity provider can be lost if"
                        + " the database server crashes, and the IdP will not send it again. Set it to on.", setting, unsafe);
            }
        }
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }
}
