package dev.scimkit.tracktik.jdbc;

import dev.scimkit.tracktik.port.StoreUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;

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

    /** A unit of work over one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Attempts for a write that keeps losing to concurrent ones; each attempt is a whole transaction. */
    private static final int WRITE_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final CommitDurability durability;
    private final StoreIncidents incidents = new StoreIncidents(Clock.systemUTC());

    Transactions(DataSource dataSource, CommitDurability durability) {
        this.dataSource = dataSource;
        this.durability = durability;
    }

    /** Work that only reads; it ends in a rollback, so it must not write. */
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
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                result = work.run(c);
                if (write) {
                    c.commit();
                } else {
                    // Nothing to keep, and nothing for a full disk to refuse: reads go on while writes cannot.
                    c.rollback();
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
