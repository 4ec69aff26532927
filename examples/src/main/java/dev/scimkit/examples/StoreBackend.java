package dev.scimkit.examples;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.activity.ActivityLog;
import dev.scimkit.server.activity.ActivityRetention;
import dev.scimkit.server.activity.InMemoryActivityLog;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.server.spi.ResourceRepository;
import jakarta.servlet.http.HttpServlet;

import java.util.Map;
import java.util.Optional;

/** The store behind the example server, chosen by {@code --store}; closing it releases its resources. */
interface StoreBackend extends AutoCloseable {

    /** Repositories by resource type name ({@code User}, {@code Group}). */
    Map<String, ResourceRepository> repositories();

    /** The {@code /admin/*} servlet, for stores that have TrackTik data to show. */
    Optional<HttpServlet> adminServlet(Authenticator authenticator);

    /** The TrackTik data the console reads; empty for stores that have none. */
    default Optional<TrackTikStore> trackTikStore() {
        return Optional.empty();
    }

    /** Where activity is kept: in memory unless the store has a database of its own for it. */
    default ActivityLog activityLog(ActivityRetention retention) {
        return new InMemoryActivityLog(retention);
    }

    /** A few words for the start-up log line. */
    String description();

    @Override
    void close();

    static StoreBackend open(ServerOptions options, SchemaRegistry registry) {
        return switch (options.store().kind()) {
            case MEMORY -> new MemoryBackend(registry);
            case H2 -> TrackTikBackend.h2(options, registry);
            case POSTGRES -> TrackTikBackend.postgres(options, registry);
            case TRACKTIK -> TrackTikBackend.rest(options, registry);
        };
    }
}
