package dev.scimkit.server.toolkit;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.testing.ResourceRepositoryContract;

/** Repositories built by the toolkit over the plainest records keep the published contract. */
class RecordRepositoriesContractTest extends ResourceRepositoryContract {

    private final RecordRepositories repositories = RecordRepositories.builder(SchemaRegistry.standard())
            .records("User", new MapRecords())
            .records("Group", new MapRecords())
            .build();

    @Override
    protected ResourceRepository users() {
        return repositories.repository("User");
    }
}
