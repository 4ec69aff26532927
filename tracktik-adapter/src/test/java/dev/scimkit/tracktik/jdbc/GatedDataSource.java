package dev.scimkit.tracktik.jdbc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A data source whose statements can be held at a chosen point of a chosen thread's transaction, so a
 * test can interleave two real transactions at a known place instead of hoping for a race: a gate
 * opens its {@link Gate#reached()} latch when that thread is about to execute the first statement that
 * matches, and, if it holds, waits there until {@link Gate#open()}.
 */
final class GatedDataSource {

    /** One place in one thread's work. */
    static final class Gate {
        private final String thread;
        private final Predicate<String> sql;
        private final boolean holds;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        private Gate(String thread, Predicate<String> sql, boolean holds) {
            this.thread = thread;
            this.sql = sql;
            this.holds = holds;
        }

        /** Waits until the thread reaches the gate; false after the timeout. */
        boolean reached(long seconds) throws InterruptedException {
            return reached.await(seconds, TimeUnit.SECONDS);
        }

        void open() {
            opened.countDown();
        }

        private void pass(String statement) throws InterruptedException {
            if (reached.getCount() == 0 || !Thread.currentThread().getName().equals(thread) || !sql.test(statement)) {
                return;
            }
            reached.countDown();
            if (holds && !opened.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate at: " + statement);
            }
        }
    }

    private final DataSource target;
    private final List<Gate> gates = new CopyOnWriteArrayList<>();

    GatedDataSource(DataSource target) {
        this.target = target;
    }

    /** Holds the thread named {@code thread} before the first statement matching {@code sql}. */
    Gate holdAt(String thread, Predicate<String> sql) {
        Gate gate = new Gate(thread, sql, true);
        gates.add(gate);
        return gate;
    }

    /** Tells when the thread named {@code thread} is about to run the first statement matching {@code sql}. */
    Gate signalAt(String thread, Predicate<String> sql) {
        Gate gate = new Gate(thread, sql, false);
        gates.add(gate);
        return gate;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, target, (method, args, result) ->
                result instanceof Connection c ? connection(c) : result);
    }

    private Connection connection(Connection c) {
        return proxy(Connection.class, c, (method, args, result) ->
                result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
                        ? statement(ps, (String) args[0]) : result);
    }

    private PreparedStatement statement(PreparedStatement ps, String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        for (Gate gate : gates) {
                            gate.pass(sql);
                        }
                    }
                    return invoke(method, ps, args);
                });
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(GatedDataSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> after.apply(method, args, invoke(method, target, args))));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
