package dev.scimkit.server.toolkit;

import dev.scimkit.server.spi.TenantId;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How {@link RecordRepositories} makes a write atomic with the checks before it (the version for
 * {@code If-Match}, uniqueness, members that must exist): {@code work} reads and writes
 * {@link ResourceRecords} and must see no other write of the tenant in between, and leave nothing
 * behind when it throws.
 *
 * <p>{@link #perTenantLock()} is right for one process whose records cannot fail half-way (memory, a
 * file rewritten whole). A database store runs {@code work} in a database transaction instead (with
 * Spring, {@code transactionTemplate.execute(s -> work.get())}), with unique indexes behind the
 * uniqueness check when several servers share the database.
 */
@FunctionalInterface
public interface WriteTransactions {

    /** Runs {@code work} atomically for {@code tenant} and returns its result. */
    <T> T inTransaction(TenantId tenant, Supplier<T> work);

    /** One lock per tenant, in this process: writes of a tenant run one at a time; reads do not wait. */
    static WriteTransactions perTenantLock() {
        ConcurrentHashMap<TenantId, ReentrantLock> locks = new ConcurrentHashMap<>();
        return new WriteTransactions() {
            @Override
            public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
                ReentrantLock lock = locks.computeIfAbsent(tenant, t -> new ReentrantLock());
                lock.lock();
                try {
                    return work.get();
                } finally {
                    lock.unlock();
                }
            }
        };
    }
}
