package dev.scimkit.examples;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.ResourceRepository;
import jakarta.servlet.http.HttpServlet;

import java.util.Map;
import java.util.Optional;

/** {@code --store memory}: scim-server's in-memory reference store; everything is gone on exit. */
final class MemoryBackend implements StoreBackend {

    private final InMemoryStore store;

    MemoryBackend(SchemaRegistry registry) {
        this.store = InMemoryStore.create(registry);
    }

    @Override
    public Map<String, ResourceRepository> repositories() {
        return store.repositories();
    }

    @Override
    public Optional<HttpServlet> adminServlet(Authenticator authenticator) {
        return Optional.empty();
    }

    @Override
    public String description() {
        return "in-memory";
    }

    @Override
    public void close() {
        // Nothing to release: the data lives on the heap and goes with the process.
    }
}
