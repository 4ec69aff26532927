package com.example.provisioning;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.server.toolkit.RecordRepositories;

/** A server whose Users and Groups live in the service's own {@link DirectoryRecords}, kept by the toolkit. */
public final class ToolkitWiring {

    private ToolkitWiring() {
    }

    /** Serves {@code /Users} and {@code /Groups} from records of one's own. */
    public static ScimServer scimServer(String tenant, String clientName, String token) {
        SchemaRegistry registry = SchemaRegistry.standard();
        RecordRepositories repositories = RecordRepositories.builder(registry)
                .records("User", new DirectoryRecords())
                .records("Group", new DirectoryRecords())
                .build();
        return ScimServer.builder(registry)
                .repositories(repositories.repositories())
                .authenticator(BearerTokenAuthenticator.builder()
                        .addToken(TenantId.of(tenant), clientName, token)
                        .build())
                .build();
    }
}
