package dev.scimkit.server.memory;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.testing.FaultInjection;
import dev.scimkit.server.testing.ResourceRepositoryContract;

import java.util.Optional;

/** The in-memory reference repositories (Users and Groups of one store) keep the published contract. */
class InMemoryRepositoryContractTest extends ResourceRepositoryContract {

    private final InMemoryStore store = InMemoryStore.create(SchemaRegistry.standard());

    @Override
    protected ResourceRepository users() {
        return store.users();
    }

    @Override
    protected Optional<ResourceRepository> groups() {
        return Optional.of(store.groups());
    }

    @Override
    protected FaultInjection faults() {
        return FaultInjection.unsupported("the in-memory store has no I/O that can fail part-way: each write checks"
                + " everything (versions, uniqueness, members) under the tenant's write lock before its first change;"
                + " the contract's refused-write cases check that ordering");
    }
}
