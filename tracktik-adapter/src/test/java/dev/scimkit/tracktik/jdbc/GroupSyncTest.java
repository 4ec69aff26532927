package dev.scimkit.tracktik.jdbc;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group commit of an H2 file ({@link GroupSync}), on a real H2 file whose {@code CHECKPOINT SYNC}
 * the test can hold up or fail: every caller returns only after a sync that started after its commit
 * succeeded, waiters share the next sync instead of each running one, and a failed sync neither
 * counts for anyone nor blocks the callers after it. The crash tests show the durability itself; these
 * pin the hand-offs between threads, which a crash test sees only by chance.
 */
@Timeout(30)
class GroupSyncTest {

    private DataSource h2;
    private final AtomicInteger syncsDone = new AtomicInteger();
    private final AtomicInteger syncsFailed = new AtomicInteger();
    /** Set by a test: what the next sync does before it reaches the database (hold, fail). */
    private final AtomicReference<SyncHook> nextSync = new AtomicReference<>();

    private interface SyncHook {
        void before() throws SQLException, InterruptedException;
    }

    @BeforeEach
    void open(@TempDir Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("sync") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        h2 = ds;
    }

    @Test
    void aLoneCommitRunsOneSyncOfItsOwn() throws Exception {
        GroupSync sync = new GroupSync(counting());
        sync.awaitDurable();
        assertThat(syncsDone).hasValue(1);
        sync.awaitDurable();
        sync.awaitDurable();
        assertThat(syncsDone).hasValue(3);
    }

    @Test
    void commitsThatLandWhileASyncRunsShareTheNextOne() throws Exception {
        GroupSync sync = new GroupSync(counting());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        nextSync.set(() -> {
            held.countDown();
            release.await();
        });
        Thread leader = start(sync, new AtomicReference<>());
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> waiters = new ArrayList<>();
        List<AtomicReference<Throwable>> outcomes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            outcomes.add(outcome);
            waiters.add(start(sync, outcome));
        }
        awaitWaiting(waiters);
        release.countDown();
        leader.join(10_000);
        for (Thread t : waiters) {
            t.join(10_000);
            assertThat(t.isAlive()).as("a waiter still blocked").isFalse();
        }
        outcomes.forEach(o -> assertThat(o.get()).isNull());
        // the leader's sync started before the waiters committed, so it cannot count for them; one
        // more sync, led by one of them, covers all three
        assertThat(syncsDone).hasValue(2);
    }

    @Test
    void aFailedSyncCountsForNobodyAndTheNextCallerSyncsAgain() throws Exception {
        GroupSync sync = new GroupSync(counting());
        nextSync.set(() -> {
            throw new SQLException("IO Exception: Input/output error", "90028");
        });
        assertThatThrownBy(sync::awaitDurable).isInstanceOf(SQLException.class);
        assertThat(syncsFailed).hasValue(1);
        sync.awaitDurable();
        assertThat(syncsDone).hasValue(1);
    }

    @Test
    void whenTheSyncLedForWaitersFailsTheOtherWaiterRunsItsOwn() throws Exception {
        GroupSync sync = new GroupSync(counting());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        nextSync.set(() -> {
            held.countDown();
            release.await();
            // the sync after this one (led by the first waiter to wake, for both) fails
            nextSync.set(() -> {
                throw new SQLException("IO Exception: Input/output error", "90028");
            });
        });
        Thread leader = start(sync, new AtomicReference<>());
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Throwable> a = new AtomicReference<>();
        AtomicReference<Throwable> b = new AtomicReference<>();
        List<Thread> waiters = List.of(start(sync, a), start(sync, b));
        awaitWaiting(waiters);
        release.countDown();
        leader.join(10_000);
        for (Thread t : waiters) {
            t.join(10_000);
            assertThat(t.isAlive()).as("a waiter still blocked").isFalse();
        }
        // exactly one waiter led the failed sync and got its error; the other was not covered by it
        // and must have run a sync of its own that succeeded
        assertThat(a.get() == null ^ b.get() == null).as("one failed, one succeeded: %s %s", a.get(), b.get()).isTrue();
        assertThat(syncsFailed).hasValue(1);
        assertThat(syncsDone).hasValue(2);
    }

    private static Thread start(GroupSync sync, AtomicReference<Throwable> outcome) {
        Thread t = new Thread(() -> {
            try {
                sync.awaitDurable();
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Until every thread is parked in the lock or its condition (they took their tickets or wait for the lock). */
    private static void awaitWaiting(List<Thread> threads) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threads.stream().anyMatch(t -> t.getState() != Thread.State.WAITING) && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(threads).allMatch(t -> t.getState() == Thread.State.WAITING);
    }

    /** The H2 file, with each {@code CHECKPOINT SYNC} counted and passed through {@link #nextSync} first. */
    private DataSource counting() {
        return proxy(DataSource.class, h2, (m, args, result) ->
                result instanceof Connection c ? proxy(Connection.class, c, (m2, args2, r2) ->
                        r2 instanceof Statement s ? statement(s) : r2) : result);
    }

    private Statement statement(Statement s) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("execute") && args != null && "CHECKPOINT SYNC".equals(args[0])) {
                        SyncHook hook = nextSync.getAndSet(null);
                        try {
                            if (hook != null) {
                                hook.before();
                            }
                            Object r = invoke(method, s, args);
                            syncsDone.incrementAndGet();
                            return r;
                        } catch (SQLException e) {
                            syncsFailed.incrementAndGet();
                            throw e;
                        }
                    }
                    return invoke(method, s, args);
                });
    }

    private interface After {
        Object apply(java.lang.reflect.Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(GroupSyncTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> after.apply(method, args, invoke(method, target, args))));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
        }
    }
}
