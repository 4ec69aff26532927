package com.example.provisioning;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.spi.TenantId;

/** A server whose Users live in the service's own {@link DirectoryUserRepository}. */
public final class OwnRepositoryWiring {

    private OwnRepositoryWiring() {
    }

    /** Serves {@code /Users} from a repository of one's own; other resource types are simply not offered. */
    public static ScimServer scimServer(String tenant, String clientName, String token) {
        SchemaRegistry registry = SchemaRegistry.standard();
        return ScimServer.builder(registry)
                .repository("User", new DirectoryUserRepository(registry.user()))
                .authenticator(BearerTokenAuthenticator.builder()
                        .addToken(TenantId.of(tenant), clientName, token)
                        .build())
                .build();
    }
}
