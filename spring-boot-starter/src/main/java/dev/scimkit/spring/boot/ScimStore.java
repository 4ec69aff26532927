package dev.scimkit.spring.boot;

import dev.scimkit.server.spi.ResourceRepository;

import java.util.Map;

/**
 * The repositories that serve SCIM, by resource type name ({@code User}, {@code Group}). The starter
 * makes one from {@code scimkit.store.type}; declare a bean of this type to serve your own
 * repositories instead.
 */
public interface ScimStore {

    /** Repositories by resource type name. */
    Map<String, ResourceRepository> repositories();

    /**
     * Asks the store whether it can serve: returns normally when it can, throws when it cannot (the
     * health indicator reports the exception's type, never its message, which may name a host).
     */
    default void checkHealth() {
    }

    /** A store of fixed repositories that is always healthy. */
    static ScimStore of(Map<String, ? extends ResourceRepository> repositories) {
        Map<String, ResourceRepository> copy = Map.copyOf(repositories);
        return () -> copy;
    }
}
