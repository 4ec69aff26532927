package dev.scimkit.tracktik.jdbc;

import org.h2.command.Command;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Transactions} rolls back itself, not through its pool: over one connection that is never
 * closed between transactions (no pool to roll back a dirty connection, as HikariCP does), a failed
 * write's first statement must not be committed by the next write. Without the rollback it would be.
 * A read that wrote is rolled back too; one that wrote nothing ends in an empty commit on H2
 * ({@link ReadEnding}), because a rollback empties H2's cache of parsed statements.
 */
class TransactionsRollbackTest {

    private Connection connection;
    private Transactions tx;

    @BeforeEach
    void open() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:rollback-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        connection = h2.getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (v VARCHAR(20))");
        }
        tx = new Transactions(new OneConnection(connection), CommitDurability.DATABASE, Optional.empty());
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aFailedWriteLeavesNothingForTheNextWriteToCommit() {
        assertThatThrownBy(() -> tx.inWriteTransaction(c -> {
            insert(c, "half-done");
            throw new IllegalStateException("the second statement failed");
        })).hasMessageContaining("second statement");
        tx.inWriteTransaction(c -> insert(c, "next"));
        assertThat(values()).containsExactly("next");
    }

    @Test
    void aReadEndsInARollbackSoWhatItWroteIsNotKept() {
        tx.inTransaction(c -> insert(c, "read-only"));
        tx.inWriteTransaction(c -> insert(c, "written"));
        assertThat(values()).containsExactly("written");
    }

    @Test
    void aReadThatWroteNothingEndsWithoutARollbackSoH2KeepsItsParsedStatements() throws SQLException {
        values();
        Command marker = cached(MARKER);
        assertThat(values()).isEmpty();
        assertThat(cached(MARKER)).as("a rollback would have emptied the session's statement cache").isSameAs(marker);

        tx.inTransaction(c -> insert(c, "read-only"));
        assertThat(values()).as("a read that wrote is still rolled back").isEmpty();
    }

    /** A statement of the test's own: only an emptied cache loses it. */
    private static final String MARKER = "SELECT 1 AS statement_cache_marker";

    /** The command H2's session holds for {@code sql}, parsed now if it holds none. */
    private Command cached(String sql) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Command command = session.prepareLocal(sql);
        command.close(); // a closed command is one H2 may hand out again
        return command;
    }

    private static int insert(Connection c, String value) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
            ps.setString(1, value);
            return ps.executeUpdate();
        }
    }

    private List<String> values() {
        return tx.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM t ORDER BY v")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Hands out the same connection every time, and "closing" it keeps it open: no pool cleans up after us. */
    record OneConnection(Connection connection) implements DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(connection, args));
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
