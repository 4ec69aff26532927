package dev.scimkit.tracktik.jdbc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real data source with failures switched on and off by the test, the way a database fails in
 * production: no connection at all (database gone, pool exhausted), a statement that fails part-way
 * through a transaction (disk full after the first row), a {@code COMMIT} that fails, a
 * {@code CHECKPOINT SYNC} that fails. Everything else reaches the real database.
 */
final class FaultyDataSource {

    private final DataSource target;
    private volatile SQLException onConnect;
    private volatile SQLException onCommit;
    private volatile SQLException onSync;
    private volatile SQLException onUpdate;
    private final AtomicInteger updatesBeforeFailure = new AtomicInteger();

    FaultyDataSource(DataSource target) {
        this.target = target;
    }

    /** The database is unreachable, as a stopped server or a network partition makes it. */
    void databaseGone() {
        onConnect = new SQLException("Connection refused", "08001");
    }

    /** Every connection is in use and none became free in time (what Hikari throws then). */
    void poolExhausted() {
        onConnect = new SQLTransientConnectionException("tracktik - Connection is not available, request timed out");
    }

    /** The disk is full: writes after the first {@code updates} statements of a transaction fail. */
    void diskFullAfter(int updates) {
        updatesBeforeFailure.set(updates);
        onUpdate = new SQLException("IO Exception: No space left on device", "90028");
    }

    /** The disk fills up at the moment of commit. */
    void commitFails() {
        onCommit = new SQLException("IO Exception: No space left on device", "90028");
    }

    /** Forcing the file to disk fails (an I/O error). */
    void syncFails() {
        onSync = new SQLException("IO Exception: Input/output error", "90028");
    }

    /** The database is back. */
    void heal() {
        onConnect = null;
        onCommit = null;
        onSync = null;
        onUpdate = null;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, target, (method, args) -> {
            if (method.getName().equals("getConnection") && onConnect != null) {
                throw onConnect;
            }
            Object result = invoke(method, target, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    private Connection connection(Connection c) {
        AtomicInteger updates = new AtomicInteger();
        return proxy(Connection.class, c, (method, args) -> {
            if (method.getName().equals("commit") && onCommit != null) {
                throw onCommit;
            }
            if (method.getName().equals("setAutoCommit") || method.getName().equals("commit")
                    || method.getName().equals("rollback")) {
                updates.set(0);
            }
            Object result = invoke(method, c, args);
            if (result instanceof PreparedStatement ps) {
                return statement(PreparedStatement.class, ps, updates);
            }
            if (result instanceof Statement s) {
                return statement(Statement.class, s, updates);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S s, AtomicInteger updates) {
        return proxy(type, s, (method, args) -> {
            String name = method.getName();
            if (name.equals("execute") && args != null && "CHECKPOINT SYNC".equals(args[0]) && onSync != null) {
                throw onSync;
            }
            if (name.equals("executeUpdate") && onUpdate != null
                    && updates.incrementAndGet() > updatesBeforeFailure.get()) {
                throw onUpdate;
            }
            return invoke(method, s, args);
        });
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return type.cast(Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> handler.handle(method, args)));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
