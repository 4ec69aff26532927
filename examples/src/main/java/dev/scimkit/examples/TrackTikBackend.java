package dev.scimkit.examples;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.activity.ActivityRetention;
import dev.scimkit.server.activity.InMemoryActivityLog;
import dev.scimkit.tracktik.jdbc.JdbcActivityLog;
import dev.scimkit.tracktik.jdbc.JdbcDataSources;
import dev.scimkit.tracktik.jdbc.JdbcTrackTikStore;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.rest.RestStoreConfig;
import dev.scimkit.tracktik.rest.RestTrackTikStore;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import jakarta.servlet.http.HttpServlet;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Optional;

/**
 * The TrackTik adapter as the example server's store: SCIM Users as employees (HQ region), Groups as
 * Staff Portal Roles, with History, on embedded H2 (the default) or PostgreSQL.
 */
final class TrackTikBackend implements StoreBackend {

    private final TrackTikStore store;
    private final AutoCloseable pool;
    /** The database of the JDBC stores, where activity is kept too; empty for the REST store. */
    private final Optional<DataSource> database;
    private final Map<String, ResourceRepository> repositories;
    private final String description;

    private TrackTikBackend(TrackTikStore store, AutoCloseable pool, Optional<DataSource> database, SchemaRegistry registry,
                            String description, ServerOptions options) {
        this.store = store;
        this.pool = pool;
        this.database = database;
        this.description = description;
        // History names the token's client (--tenant NAME/CLIENT=SECRET) and tenant: the default resolver.
        TrackTikRepositories.Builder builder = TrackTikRepositories.builder(registry, store);
        options.trackTikFields().forEach(builder::fieldFrom);
        builder.rolePolicy(options.trackTikRoles().policy());
        TrackTikRepositories tracktik;
        try {
            tracktik = builder.build();
        } catch (IllegalArgumentException e) {
            throw new ServerOptions.InvalidOptionsException("--tracktik-field: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new ServerOptions.InvalidOptionsException("--schema-dir: " + e.getMessage());
        }
        // Types declared in --schema-dir beside User and Group are kept whole in the same database.
        this.repositories = tracktik.repositories();
    }

    static TrackTikBackend h2(ServerOptions options, SchemaRegistry registry) {
        HikariDataSource pool = JdbcDataSources.h2File(options.dataDir());
        return open(pool, registry, "TrackTik (H2 in " + options.dataDir().toAbsolutePath() + ")", options);
    }

    static TrackTikBackend postgres(ServerOptions options, SchemaRegistry registry) {
        // User and password travel in the URL (…?user=…&password=…) or PG* environment of the driver.
        HikariDataSource pool = JdbcDataSources.postgres(options.store().jdbcUrl().orElseThrow(), null, null);
        return open(pool, registry, "TrackTik (PostgreSQL)", options);
    }

    /**
     * A TrackTik portal's REST API as the store. A portal is one tenant, so exactly one tenant may be
     * configured. The store signs in with the service account's OAuth 2 credentials ({@code --tracktik-client-id}
     * and the rest) and renews its tokens, or uses a ready token ({@code --tracktik-token}).
     */
    static TrackTikBackend rest(ServerOptions options, SchemaRegistry registry) {
        if (options.tenants().size() != 1) {
            throw new ServerOptions.InvalidOptionsException("--tracktik-url serves one portal, so configure exactly one "
                    + "tenant (--token or one --tenant); found " + options.tenants().size());
        }
        RestStoreConfig config;
        try {
            config = RestStoreConfig.builder(options.trackTikUrl().orElseThrow(),
                    options.trackTikCredentials().orElseThrow()).build();
        } catch (IllegalArgumentException e) {
            throw new ServerOptions.InvalidOptionsException("--tracktik-url: " + e.getMessage());
        }
        TenantId tenant = TenantId.of(options.tenants().keySet().iterator().next());
        TrackTikStore store = RestTrackTikStore.open(tenant, config);
        try {
            return new TrackTikBackend(store, () -> { }, Optional.empty(), registry,
                    "TrackTik portal REST API at " + config.baseUrl(),
                    options);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static TrackTikBackend open(HikariDataSource pool, SchemaRegistry registry, String description,
                                        ServerOptions options) {
        TrackTikStore store = null;
        try {
            store = JdbcTrackTikStore.open(pool);
            return new TrackTikBackend(store, pool, Optional.of(pool), registry, description, options);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            pool.close();
            throw e;
        }
    }

    @Override
    public Map<String, ResourceRepository> repositories() {
        return repositories;
    }

    @Override
    public Optional<HttpServlet> adminServlet(Authenticator authenticator) {
        return Optional.of(new TrackTikAdminServlet(store, authenticator));
    }

    /** Activity beside the TrackTik tables (the store's migrations created them); in memory for the REST store. */
    @Override
    public ActivityLog activityLog(ActivityRetention retention) {
        return database.<ActivityLog>map(d -> JdbcActivityLog.open(d, retention))
                .orElseGet(() -> new InMemoryActivityLog(retention));
    }

    @Override
    public Optional<TrackTikStore> trackTikStore() {
        return Optional.of(store);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            try {
                pool.close();
            } catch (Exception e) {
                throw new IllegalStateException("The database pool did not close cleanly", e);
            }
        }
    }
}
