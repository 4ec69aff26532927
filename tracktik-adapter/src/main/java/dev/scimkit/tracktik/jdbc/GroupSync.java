package dev.scimkit.tracktik.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for an embedded H2 file. H2's {@code COMMIT} leaves the change in memory (or, at best,
 * in the OS page cache): a process kill or power loss right after it loses a write that was already
 * answered. {@code CHECKPOINT SYNC} writes everything committed so far and forces the file to disk,
 * so one of them makes every commit that finished before it durable.
 *
 * <p>A committer takes a ticket after its commit, then waits until a sync that <em>started</em> after
 * its ticket has finished. One waiter at a time (the leader) borrows a connection and runs the sync;
 * the others wait, holding no connection, and are usually covered by it. Under load the cost of one
 * fsync is shared by every commit that landed while the previous one ran; alone, a commit pays one.
 */
final class GroupSync implements CommitDurability {

    private final DataSource dataSource;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    /** Tickets handed out, one per finished commit. */
    private long committed;
    /** Every ticket up to this one is durable. */
    private long durable;
    private boolean syncing;

    GroupSync(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void awaitDurable() throws SQLException {
        lock.lock();
        try {
            long ticket = ++committed;
            while (durable < ticket) {
                if (syncing) {
                    progressed.awaitUninterruptibly();
                    continue;
                }
                // Lead: this sync covers every ticket handed out so far, including those of the waiters.
                long covers = committed;
                syncing = true;
                lock.unlock();
                boolean synced = false;
                try {
                    sync();
                    synced = true;
                } finally {
                    lock.lock();
                    syncing = false;
                    if (synced) {
                        durable = Math.max(durable, covers);
                    }
                    progressed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void sync() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
            // The statement opened a transaction, with nothing in it. Given back open, the pool would
            // roll it back, and H2 empties a session's statement cache on every rollback: the next
            // transaction on this connection (the pool lends it again at once) would parse all its SQL
            // again. An empty commit writes nothing.
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
