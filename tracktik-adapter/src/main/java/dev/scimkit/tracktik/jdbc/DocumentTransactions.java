package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.server.toolkit.WriteTransactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The toolkit's {@link WriteTransactions} on the TrackTik store's database, for one declared resource
 * type: each write is a {@link Transactions} write (durable before it returns, retried after a
 * deadlock) that first locks the tenant's row of {@code tt_document_lock} for the type, so the
 * toolkit's checks and its write are one step for every server on the database. The transaction's
 * connection is bound to the thread while the work runs, for {@link DocumentRecords}.
 */
final class DocumentTransactions implements WriteTransactions {

    private final Transactions tx;
    private final String resourceType;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    /** Tenants whose lock row is known to exist; lock rows are never deleted. */
    private final Set<String> knownLocks = ConcurrentHashMap.newKeySet();

    DocumentTransactions(Transactions tx, String resourceType) {
        this.tx = tx;
        this.resourceType = resourceType;
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
        ensureLockRow(tenant);
        return tx.inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM tt_document_lock WHERE tenant = ? AND resource_type = ? FOR UPDATE")) {
                ps.setString(1, tenant.value());
                ps.setString(2, resourceType);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            Connection outer = current.get();
            current.set(c);
            try {
                return work.get();
            } catch (SqlFailure f) {
                // Back to Transactions as the SQLException it is, for its rollback, retry and translation.
                throw f.getCause();
            } finally {
                current.set(outer);
            }
        });
    }

    /** Runs {@code work} on the transaction in progress on this thread, or in a read transaction of its own. */
    <T> T onConnection(Transactions.Work<T> work) {
        Connection c = current.get();
        if (c == null) {
            return tx.inTransaction(work);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private void ensureLockRow(TenantId tenant) {
        if (knownLocks.contains(tenant.value())) {
            return;
        }
        try {
            tx.inWriteTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO tt_document_lock (tenant, resource_type)"
                        + " SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM tt_document_lock WHERE tenant = ? AND resource_type = ?)")) {
                    ps.setString(1, tenant.value());
                    ps.setString(2, resourceType);
                    ps.setString(3, tenant.value());
                    ps.setString(4, resourceType);
                    return ps.executeUpdate();
                }
            });
        } catch (ScimException e) {
            if (e.scimType().filter(ScimErrorType.UNIQUENESS::equals).isEmpty()) {
                throw e;
            }
            // A concurrent write inserted it first: it exists, which is all this asked.
        }
        knownLocks.add(tenant.value());
    }

    /** A SQLException on its way through the toolkit's code, which takes no checked exceptions. */
    static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
