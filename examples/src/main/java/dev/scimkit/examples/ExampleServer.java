package dev.scimkit.examples;

import dev.scimkit.core.resource.ValidationOptions;
import dev.scimkit.core.schema.InvalidSchemaException;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.CursorSettings;
import dev.scimkit.server.ScimServer;
import dev.scimkit.console.ConsoleServlet;
import dev.scimkit.console.ConsoleSettings;
import dev.scimkit.console.ConsoleTenant;
import dev.scimkit.console.TokenHint;
import dev.scimkit.examples.tls.HttpsConnector;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.activity.ActivityRecorder;
import dev.scimkit.server.activity.ActivityRetention;
import dev.scimkit.server.activity.QueuedActivityRecorder;
import dev.scimkit.server.limits.FailedAuthenticationGuard;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.servlet.ScimAccessLogFilter;
import dev.scimkit.server.servlet.ScimServlet;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.TenantId;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The example server: the scimkit engine on embedded Jetty 12, with the store that
 * {@link ServerOptions} selects. Start it with {@link #start}, stop it with {@link #close}; a stop
 * drains requests in flight before the store closes.
 */
public final class ExampleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleServer.class);
    private static final long DRAIN_MILLIS = 10_000;
    private static final int REQUEST_HEADER_BYTES = 64 * 1024;
    /** Exchanges waiting to be recorded; beyond this, activity is dropped (and counted), never waited for. */
    private static final int ACTIVITY_QUEUE = 10_000;
    private static final long ACTIVITY_CAP_PER_TENANT = 1_000_000;

    private final Server jetty;
    private final ServerConnector connector;
    private final StoreBackend store;
    private final String basePath;
    private final String scheme;
    private final Optional<QueuedActivityRecorder> recorder;

    private ExampleServer(Server jetty, ServerConnector connector, StoreBackend store, String basePath, String scheme,
                          Optional<QueuedActivityRecorder> recorder) {
        this.jetty = jetty;
        this.connector = connector;
        this.store = store;
        this.basePath = basePath;
        this.scheme = scheme;
        this.recorder = recorder;
    }

    /** Starts a server on {@code options.port()} (0: a free port) and returns once it accepts requests. */
    public static ExampleServer start(ServerOptions options) throws Exception {
        SchemaRegistry registry = registry(options);
        Authenticator authenticator = PublicEndpoint.authenticator(options);
        StoreBackend store = StoreBackend.open(options, registry);
        Optional<QueuedActivityRecorder> recorder = Optional.empty();
        try {
            ActivityLog activityLog = store.activityLog(
                    new ActivityRetention(Duration.ofDays(options.console().retentionDays()), ACTIVITY_CAP_PER_TENANT));
            if (options.console().activity()) {
                recorder = Optional.of(QueuedActivityRecorder.start(activityLog, ACTIVITY_QUEUE));
            }
            ScimServer.Builder engineBuilder = ScimServer.builder(registry)
                    .activity(recorder.<ActivityRecorder>map(r -> r).orElse(ActivityRecorder.NONE))
                    .repositories(store.repositories())
                    .authenticator(authenticator)
                    .cursors(cursorSettings(options))
                    .validation(ValidationOptions.lenient().withUndeclaredExtensions(options.undeclaredExtensions()));
            refuseUnservedTypes(options, engineBuilder.unservedResourceTypes(), store);
            Optional<FailedAuthenticationGuard> guard = PublicEndpoint.guard(options.security());
            PublicEndpoint.limits(options.security(), guard, engineBuilder);
            ScimServer engine = engineBuilder.build();

            Server jetty = new Server();
            jetty.setStopTimeout(DRAIN_MILLIS);
            HttpConfiguration http = new HttpConfiguration();
            // Room for the longest filter the engine accepts, URL-encoded, so it answers with invalidFilter.
            http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
            http.setSendServerVersion(false);
            ServerConnector connector = options.security().tls()
                    .map(tls -> HttpsConnector.create(jetty, http, tls))
                    .orElseGet(() -> new ServerConnector(jetty, new HttpConnectionFactory(http)));
            connector.setPort(options.port());
            jetty.addConnector(connector);

            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            context.addServlet(new ServletHolder("scim", new ScimServlet(engine)), options.basePath() + "/*");
            context.addServlet(new ServletHolder("health", new HealthServlet()), "/healthz");
            store.adminServlet(PublicEndpoint.forAdmin(authenticator, guard)).ifPresent(admin ->
                    context.addServlet(new ServletHolder("admin", admin), "/admin/*"));
            consoleServlet(options, store, activityLog, engine, guard).ifPresent(console ->
                    context.addServlet(new ServletHolder("console", console), "/console/*"));
            context.addFilter(new FilterHolder(new ScimAccessLogFilter(authenticator)), "/*",
                    EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));

            jetty.setErrorHandler(new ScimErrorHandler());
            context.setErrorHandler(new ScimErrorHandler());
            jetty.setHandler(new GracefulHandler(context));
            jetty.start();
            ExampleServer server = new ExampleServer(jetty, connector, store, options.basePath(),
                    options.security().tls().isPresent() ? "https" : "http", recorder);
            LOG.info("scimkit serving SCIM at {}/ on the {} store", server.baseUrl(), store.description());
            return server;
        } catch (Exception | Error e) {
            recorder.ifPresent(QueuedActivityRecorder::close);
            store.close();
            throw e;
        }
    }

    /**
     * The provisioning console at {@code /console/}, when an administrator is configured and the store
     * has TrackTik data to show.
     */
    private static Optional<ConsoleServlet> consoleServlet(ServerOptions options, StoreBackend store,
                                                          ActivityLog activityLog, ScimServer engine,
                                                          Optional<FailedAuthenticationGuard> guard) {
        if (!options.console().consoleEnabled()) {
            return Optional.empty();
        }
        if (store.trackTikStore().isEmpty()) {
            throw new ServerOptions.InvalidOptionsException("--console-admin: the console shows TrackTik data; "
                    + "use the h2, postgres or TrackTik store, not memory");
        }
        ConsoleSettings.Builder settings = ConsoleSettings.builder(activityLog, store.trackTikStore().get(),
                        store.repositories().get("User"), engine)
                .scimBasePath(options.basePath());
        options.employeeIdFrom().ifPresent(settings::employeeIdAttribute);
        // Guessing at the console's sign-in counts against the address on the SCIM path too, and back.
        guard.ifPresent(settings::signInGuard);
        Map<String, List<TokenHint>> hints = ConsoleTokenHints.of(options);
        ConsoleOptions.checkTenants(options.console().admins().keySet(), hints.keySet(),
                options.security().jwt().flatMap(SecurityOptions.Jwt::tenantClaim).isPresent());
        options.console().admins().forEach((tenant, admin) -> settings.tenant(new ConsoleTenant(TenantId.of(tenant),
                admin.user(), admin.password(), hints.getOrDefault(tenant, List.of()))));
        return Optional.of(new ConsoleServlet(settings.build()));
    }

    /**
     * A resource type declared in {@code --schema-dir} that the store cannot keep (the REST store keeps
     * only what TrackTik has: employees and roles) would vanish from discovery and answer 404: refuse
     * to start instead, naming it.
     */
    private static void refuseUnservedTypes(ServerOptions options, List<String> unserved, StoreBackend store) {
        if (!unserved.isEmpty()) {
            throw new ServerOptions.InvalidOptionsException("--schema-dir " + options.schemaDir().orElseThrow()
                    + ": it declares the resource type " + String.join(", ", unserved) + ", which this store ("
                    + store.description() + ") cannot keep: it keeps Users and Groups only; use --store "
                    + "memory, h2 or postgres, or remove the resource-type file");
        }
    }

    /** The standard schemas and the extensions of {@code --schema-dir}; a bad file stops the start. */
    private static SchemaRegistry registry(ServerOptions options) {
        if (options.schemaDir().isEmpty()) {
            return SchemaRegistry.standard();
        }
        try {
            return SchemaRegistry.standard().toBuilder().addSchemaDirectory(options.schemaDir().get()).build();
        } catch (InvalidSchemaException e) {
            throw new ServerOptions.InvalidOptionsException("--schema-dir " + options.schemaDir().get() + ": "
                    + e.getMessage());
        }
    }

    /**
     * RFC 9865 cursors keyed by a digest of every configured secret: instances started with the same
     * tenants (several behind a load balancer on PostgreSQL, or one after a restart) accept each other's
     * cursors with no extra option, and a tenant that knows only its own token cannot derive the key.
     */
    private static CursorSettings cursorSettings(ServerOptions options) {
        List<String> secrets = new ArrayList<>();
        options.tenants().forEach((tenant, credentials) -> credentials.forEach(c ->
                secrets.add(tenant + "\0" + c.client() + "\0" + c.secret())));
        return CursorSettings.withKeyDerivedFrom(secrets);
    }

    /** The port the server listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The SCIM base URL on loopback (https with TLS), without a trailing slash. */
    public String baseUrl() {
        return scheme + "://localhost:" + port() + basePath;
    }

    /** The repositories serving SCIM, for tests that seed data. */
    public Map<String, ResourceRepository> repositories() {
        return store.repositories();
    }

    /** Stops accepting requests, lets those in flight finish, writes the activity queued, then closes the store. */
    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            try {
                recorder.ifPresent(QueuedActivityRecorder::close);
            } finally {
                store.close();
            }
        }
    }

    /** The activity recorder, when recording is on (for measurements and tests). */
    public Optional<QueuedActivityRecorder> activityRecorder() {
        return recorder;
    }
}
