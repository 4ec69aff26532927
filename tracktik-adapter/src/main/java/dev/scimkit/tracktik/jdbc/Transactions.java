package dev.scimkit.tracktik.jdbc;

import dev.scimkit.tracktik.port.StoreUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Runs work in one READ COMMITTED transaction: commit on success, roll back on any failure, SQL
 * failures translated by {@link SqlErrors}. Optimistic versions and row locks ({@code FOR UPDATE})
 * make READ COMMITTED enough on both H2 and PostgreSQL.
 */
final class Transactions {

    /** A unit of work over one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T inTransaction(Work<T> work) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLTransientConnectionException e) {
            throw new StoreUnavailableException("No connection to the TrackTik database became free in time; retry later", e);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
        try (c) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                rollback(c, e);
                throw SqlErrors.translate(e);
            } catch (RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
