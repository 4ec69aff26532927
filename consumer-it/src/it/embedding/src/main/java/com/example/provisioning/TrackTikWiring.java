package com.example.provisioning;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.jdbc.JdbcDataSources;
import dev.scimkit.tracktik.jdbc.JdbcTrackTikStore;
import dev.scimkit.tracktik.mapping.RegionRule;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.scim.ActorResolver;
import dev.scimkit.tracktik.scim.TrackTikRepositories;

import java.nio.file.Path;

/**
 * Users as TrackTik employees and Groups as roles, with History, on the JDBC store: an embedded H2
 * file database, or PostgreSQL when several instances share one database.
 */
public final class TrackTikWiring {

    private TrackTikWiring() {
    }

    /** The store on an H2 database under {@code dataDir} (created and migrated on first use). */
    public static JdbcTrackTikStore h2(Path dataDir) {
        return JdbcTrackTikStore.open(JdbcDataSources.h2File(dataDir));
    }

    /** The store on PostgreSQL, e.g. {@code jdbc:postgresql://db:5432/scim} (migrated on first use). */
    public static JdbcTrackTikStore postgres(String jdbcUrl, String user, String password) {
        return JdbcTrackTikStore.open(JdbcDataSources.postgres(jdbcUrl, user, password));
    }

    /**
     * A SCIM server over {@code store} for one tenant (one TrackTik portal). History records each change
     * as made by {@code clientName@tenant}.
     */
    public static ScimServer scimServer(TrackTikStore store, String tenant, String clientName, String token) {
        SchemaRegistry registry = SchemaRegistry.standard();
        return TrackTikRepositories.builder(registry, store)
                .regionRule(RegionRule.hq())
                .actors(ActorResolver.fromCredential())
                .build()
                .register(ScimServer.builder(registry))
                .authenticator(BearerTokenAuthenticator.builder()
                        .addToken(TenantId.of(tenant), clientName, token)
                        .build())
                .build();
    }
}
