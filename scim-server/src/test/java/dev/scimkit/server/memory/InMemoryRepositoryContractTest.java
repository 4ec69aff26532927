package dev.scimkit.server.memory;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.testing.ResourceRepositoryContract;

/** The in-memory reference repository keeps the published contract. */
class InMemoryRepositoryContractTest extends ResourceRepositoryContract {

    private final ResourceRepository users = InMemoryStore.create(SchemaRegistry.standard()).repository("User");

    @Override
    protected ResourceRepository users() {
        return users;
    }
}
