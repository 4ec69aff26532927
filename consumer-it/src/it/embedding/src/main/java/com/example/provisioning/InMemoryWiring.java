package com.example.provisioning;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.TenantId;

/** The smallest server: Users and Groups in memory, one tenant, one bearer token. */
public final class InMemoryWiring {

    private InMemoryWiring() {
    }

    /**
     * A SCIM server for one tenant. {@code clientName} names the provisioning client the token is for
     * (never the secret); {@code token} is what the administrator pastes into the IdP's "Secret Token".
     */
    public static ScimServer scimServer(String tenant, String clientName, String token) {
        SchemaRegistry registry = SchemaRegistry.standard();
        InMemoryStore store = InMemoryStore.create(registry);
        return ScimServer.builder(registry)
                .repositories(store.repositories())
                .authenticator(BearerTokenAuthenticator.builder()
                        .addToken(TenantId.of(tenant), clientName, token)
                        .build())
                .build();
    }
}
