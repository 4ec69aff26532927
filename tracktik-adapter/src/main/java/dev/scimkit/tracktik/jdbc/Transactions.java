package dev.scimkit.tracktik.jdbc;

import dev.scimkit.tracktik.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs work in one READ COMMITTED transaction: commit on success, roll back on any failure, SQL
 * failures translated by {@link SqlErrors}. Optimistic versions and row locks ({@code FOR UPDATE})
 * make READ COMMITTED enough on both H2 and PostgreSQL.
 *
 * <p>A write returns only once its commit is durable ({@link CommitDurability}): the caller answers
 * the identity provider 2xx after it, and Entra ID and Okta never send an acknowledged change again.
 * A write the database aborted for a concurrent one (deadlock, serialization failure) runs again, a
 * few times, before it becomes a 503. An unavailable store is logged once per incident
 * ({@link StoreIncidents}).
 */
final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    /** A unit of work over one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Attempts for a write that keeps losing to concurrent ones; each attempt is a whole transaction. */
    private static final int WRITE_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final CommitDurability durability;
    /** The schema of the store's tables, or null for the connection's own. */
    private final String schema;
    private final StoreIncidents incidents = new StoreIncidents(Clock.systemUTC());

    Transactions(DataSource dataSource, CommitDurability durability, Optional<String> schema) {
        this.dataSource = dataSource;
        this.durability = durability;
        this.schema = schema.orElse(null);
    }

    /** Work that only reads; whatever it writes is rolled back ({@link ReadEnding}), so it must not write. */
    <T> T inTransaction(Work<T> work) {
        return run(work, false);
    }

    /** Work that writes: it returns once the change is committed and durable, or throws having changed nothing. */
    <T> T inWriteTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return run(work, true);
            } catch (RetryableConflict conflict) {
                if (attempt == WRITE_ATTEMPTS) {
                    throw SqlErrors.translate(conflict.cause);
                }
            }
        }
    }

    private <T> T run(Work<T> work, boolean write) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLTransientConnectionException e) {
            incidents.failed("no pooled connection became free in time", e);
            throw new StoreUnavailableException("No connection to the TrackTik database became free in time; retry later",
                    SqlErrors.BRIEF, e);
        } catch (SQLException e) {
            throw failure(e);
        }
        T result;
        try (c) {
            // Before the schema: on PostgreSQL, a connection lent without auto-commit is in a transaction
            // from the schema's first query on, and then refuses a change of isolation level.
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            String lentIn = schema == null ? null : enterSchema(c);
            try {
                result = runOn(c, work, write);
            } finally {
                if (lentIn != null) {
                    leaveSchema(c, lentIn);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        if (write) {
            // With the connection back in the pool: the next transactions run while this one waits.
            awaitDurable();
        }
        incidents.succeeded();
        return result;
    }

    /**
     * Points the connection at the store's schema; returns the schema it was lent in, to give it back
     * with (null when the driver cannot say, and then it is left as it is).
     */
    private String enterSchema(Connection c) throws SQLException {
        String own = c.getSchema();
        c.setSchema(schema);
        return own;
    }

    /**
     * A pool shared with the application gets its connection back in the schema it lent it in. On
     * PostgreSQL the change is transactional, so it is committed on its own (the work's transaction is
     * over by now). A connection that cannot even do that is broken, and its pool drops it; the work's
     * outcome stands.
     */
    private void leaveSchema(Connection c, String own) {
        if (own.equals(schema)) {
            return;
        }
        try {
            c.setSchema(own);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            LOG.warn("Could not give a connection back in its own schema (SQLState {})", e.getSQLState());
        }
    }

    /** Whether the store is in an outage: a failure opened one and no success has closed it yet. */
    boolean inIncident() {
        return incidents.inIncident();
    }

    private <T> T runOn(Connection c, Work<T> work, boolean write) throws SQLException {
        T result;
        try {
            result = work.run(c);
            if (write) {
                c.commit();
            } else {
                // Nothing to keep, and nothing for a full disk to refuse: reads go on while writes cannot.
                ReadEnding.end(c);
            }
        } catch (SQLException e) {
            rollback(c, e);
            if (write && SqlErrors.isRetryable(e)) {
                throw new RetryableConflict(e);
            }
            throw failure(e);
        } catch (RuntimeException | Error e) {
            rollback(c, e);
            throw e;
        }
        return result;
    }

    private void awaitDurable() {
        try {
            durability.awaitDurable();
        } catch (SQLException e) {
            // The commit happened but may not survive a crash: do not acknowledge it. An IdP that sends
            // it again finds it applied (a 409 for a create, a no-op for a patch), which is safe.
            incidents.failed("a committed change could not be forced to disk", e);
            throw new StoreUnavailableException("The TrackTik database could not confirm that the change reached the"
                    + " disk; retry later", e);
        }
    }

    private RuntimeException failure(SQLException e) {
        if (SqlErrors.isUnavailable(e)) {
            incidents.failed("SQLState " + e.getSQLState(), e);
        }
        return SqlErrors.translate(e);
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    /** A write the database aborted for a concurrent one; rolled back, so running it again is safe. */
    private static final class RetryableConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException cause;

        RetryableConflict(SQLException cause) {
            super(null, cause, false, false);
            this.cause = cause;
        }
    }
}
