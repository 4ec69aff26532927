package dev.scimkit.server.toolkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.server.testing.FaultInjection;
import dev.scimkit.server.testing.ResourceRepositoryContract;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Repositories built by the toolkit over the plainest records keep the published contract, atomicity
 * under a failure part-way included: the records sit behind a transaction that restores a snapshot when
 * a write fails, as a database transaction rolls back.
 */
class RecordRepositoriesContractTest extends ResourceRepositoryContract {

    private final MapRecords users = new MapRecords();
    private final MapRecords groups = new MapRecords();
    /** Armed: the writes of a transaction after its first one fail, and so does its commit. */
    private volatile boolean failing;
    private final ThreadLocal<AtomicInteger> writesInTransaction = ThreadLocal.withInitial(AtomicInteger::new);

    private final RecordRepositories repositories = RecordRepositories.builder(SchemaRegistry.standard())
            .records("User", users)
            .records("Group", groups)
            .transactions(new SnapshotTransactions())
            .build();

    RecordRepositoriesContractTest() {
        Runnable countWrite = () -> {
            if (writesInTransaction.get().incrementAndGet() > 1 && failing) {
                throw storeFailed();
            }
        };
        users.beforeWrite = countWrite;
        groups.beforeWrite = countWrite;
    }

    @Override
    protected ResourceRepository users() {
        return repositories.repository("User");
    }

    @Override
    protected Optional<ResourceRepository> groups() {
        return Optional.of(repositories.repository("Group"));
    }

    @Override
    protected FaultInjection faults() {
        return FaultInjection.of(() -> failing = true, () -> failing = false);
    }

    private static ScimException storeFailed() {
        return ScimException.unavailable("The store failed part-way (injected)", Duration.ofSeconds(1), null);
    }

    /** One transaction at a time; a failed one puts both record sets back as they were. */
    private final class SnapshotTransactions implements WriteTransactions {
        @Override
        public synchronized <T> T inTransaction(TenantId tenant, Supplier<T> work) {
            List<Map<TenantId, LinkedHashMap<String, ObjectNode>>> before = List.of(users.snapshot(), groups.snapshot());
            writesInTransaction.get().set(0);
            try {
                T result = work.get();
                if (failing) {
                    throw storeFailed(); // the commit fails: nothing of the transaction stays
                }
                return result;
            } catch (RuntimeException e) {
                users.restore(before.get(0));
                groups.restore(before.get(1));
                throw e;
            }
        }
    }
}
