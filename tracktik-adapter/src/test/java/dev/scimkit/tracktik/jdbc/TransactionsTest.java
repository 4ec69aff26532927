package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.tracktik.port.StoreUnavailableException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link Transactions} promises besides its rollback ({@link TransactionsRollbackTest}), on a real
 * H2 over one unpooled connection: a write the database aborted for a concurrent one runs again, three
 * attempts in all, then is a 503 with a short Retry-After; reads and other failures run once; no free
 * connection and a commit that cannot be made durable are 503s (never an acknowledgement); work runs
 * in READ COMMITTED without auto-commit, in the store's schema, and the connection gets its own schema
 * back afterwards.
 */
class TransactionsTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    private Connection connection;
    private DataSource oneConnection;

    @BeforeEach
    void open() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:tx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        connection = h2.getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (v VARCHAR(20))");
            s.execute("CREATE SCHEMA store");
            s.execute("CREATE TABLE store.t (v VARCHAR(20))");
        }
        oneConnection = new TransactionsRollbackTest.OneConnection(connection);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aWriteAbortedForAConcurrentOneRunsThreeTimesThenIs503() {
        Transactions tx = new Transactions(oneConnection, CommitDurability.DATABASE, Optional.empty());
        for (String state : List.of("40001", "40P01", "90131")) {
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> tx.inWriteTransaction(c -> {
                attempts.incrementAndGet();
                insert(c, "lost");
                throw new SQLException("conflict", state);
            })).isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.retryAfter()).contains(SHORT);
            });
            assertThat(attempts).as(state).hasValue(3);
        }
        assertThat(values(tx, "t")).isEmpty();

        AtomicInteger attempts = new AtomicInteger();
        String result = tx.inWriteTransaction(c -> {
            insert(c, "attempt" + attempts.incrementAndGet());
            if (attempts.get() < 3) {
                throw new SQLException("conflict", "40001");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(values(tx, "t")).containsExactly("attempt3");
    }

    @Test
    void readsAndOtherFailuresRunOnce() {
        Transactions tx = new Transactions(oneConnection, CommitDurability.DATABASE, Optional.empty());
        AtomicInteger reads = new AtomicInteger();
        assertThatThrownBy(() -> tx.inTransaction(c -> {
            reads.incrementAndGet();
            throw new SQLException("conflict", "40001");
        })).isInstanceOf(StoreUnavailableException.class);
        assertThat(reads).hasValue(1);

        AtomicInteger writes = new AtomicInteger();
        assertThatThrownBy(() -> tx.inWriteTransaction(c -> {
            writes.incrementAndGet();
            throw new SQLException("duplicate key value violates unique constraint \"uq_role_name\"", "23505");
        })).isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).contains(ScimErrorType.UNIQUENESS));
        assertThat(writes).hasValue(1);
    }

    @Test
    void noConnectionIs503AndTheShortWaitIsForAFullPoolOnly() {
        DataSource exhausted = failing(new SQLTransientConnectionException("pool exhausted"));
        Transactions waiting = new Transactions(exhausted, CommitDurability.DATABASE, Optional.empty());
        assertThatThrownBy(() -> waiting.inWriteTransaction(c -> 1))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.retryAfter()).contains(SHORT));
        // an outage the operator hears of once, and whose end is logged with its count
        assertThat(waiting.inIncident()).as("a full pool opens an incident").isTrue();
        DataSource down = failing(new SQLException("Connection refused", "08001"));
        assertThatThrownBy(() -> new Transactions(down, CommitDurability.DATABASE, Optional.empty())
                .inTransaction(c -> 1))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.retryAfter())
                        .contains(StoreUnavailableException.DEFAULT_RETRY_AFTER));
    }

    /** Acknowledged means durable: a commit that cannot be forced to disk is answered 503, not 2xx. */
    @Test
    void aCommitThatCannotBeMadeDurableIsNotAcknowledged() {
        Transactions tx = new Transactions(oneConnection, () -> {
            throw new SQLException("fsync failed", "90028");
        }, Optional.empty());
        assertThatThrownBy(() -> tx.inWriteTransaction(c -> insert(c, "maybe")))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(tx.inIncident()).as("a disk that cannot sync opens an incident").isTrue();
        // reads do not wait for the disk
        String read = tx.inTransaction(c -> "read");
        assertThat(read).isEqualTo("read");
        assertThat(tx.inIncident()).as("the next success closes it").isFalse();
    }

    @Test
    void workRunsReadCommittedWithoutAutoCommit() throws SQLException {
        // a connection lent in another isolation level (H2's and PostgreSQL's default is READ COMMITTED)
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        Transactions tx = new Transactions(oneConnection, CommitDurability.DATABASE, Optional.empty());
        int isolation = tx.inTransaction(c -> c.getTransactionIsolation());
        assertThat(isolation).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        boolean autoCommit = tx.inWriteTransaction(c -> c.getAutoCommit());
        assertThat(autoCommit).isFalse();
    }

    /** A pool shared with the application: the store's tables live in its schema, the connection goes back in its own. */
    @Test
    void workRunsInTheStoresSchemaAndTheConnectionGetsItsOwnBack() throws SQLException {
        String own = connection.getSchema();
        Transactions tx = new Transactions(oneConnection, CommitDurability.DATABASE, Optional.of("STORE"));
        String schemaOfTheWork = tx.inWriteTransaction(c -> {
            insert(c, "in-store");
            return c.getSchema();
        });
        assertThat(schemaOfTheWork).isEqualTo("STORE");
        assertThat(connection.getSchema()).isEqualTo(own);
        Transactions plain = new Transactions(oneConnection, CommitDurability.DATABASE, Optional.empty());
        assertThat(values(plain, "store.t")).containsExactly("in-store");
        assertThat(values(plain, "t")).isEmpty();
        // a failed write leaves the connection in its own schema too
        assertThatThrownBy(() -> tx.inWriteTransaction(c -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(connection.getSchema()).isEqualTo(own);
    }

    /** The connection's own schema is given back by name, whatever it is (not only the database's default). */
    @Test
    void aConnectionLentInAnotherSchemaGetsThatOneBack() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA app");
        }
        connection.setSchema("APP");
        Transactions tx = new Transactions(oneConnection, CommitDurability.DATABASE, Optional.of("STORE"));
        String schemaOfTheWork = tx.inTransaction(c -> c.getSchema());
        assertThat(schemaOfTheWork).isEqualTo("STORE");
        assertThat(connection.getSchema()).isEqualTo("APP");
    }

    /** A work that fails on a connection whose rollback fails too: the work's error is the answer, the rollback's is kept with it. */
    @Test
    void aRollbackThatFailsTooIsKeptWithTheWorksError() {
        SQLException rollbackFailure = new SQLException("connection reset", "08006");
        DataSource brokenRollback = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (ds, dsMethod, dsArgs) -> {
                    if (!dsMethod.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(dsMethod.getName());
                    }
                    Connection real = oneConnection.getConnection();
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (proxy, method, args) -> {
                                if (method.getName().equals("rollback")) {
                                    throw rollbackFailure;
                                }
                                try {
                                    return method.invoke(real, args);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
        Transactions tx = new Transactions(brokenRollback, CommitDurability.DATABASE, Optional.empty());
        assertThatThrownBy(() -> tx.inWriteTransaction(c -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom").satisfies(e -> assertThat(e.getSuppressed()).containsExactly(rollbackFailure));
    }

    private static int insert(Connection c, String value) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
            ps.setString(1, value);
            return ps.executeUpdate();
        }
    }

    private static List<String> values(Transactions tx, String table) {
        return tx.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM " + table + " ORDER BY v")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** A data source whose every getConnection fails with {@code failure}. */
    private static DataSource failing(SQLException failure) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
