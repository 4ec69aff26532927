package dev.scimkit.core.resource;

import org.slf4j.Logger;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports an attribute that lenient validation drops: at WARN the first time a resource type meets
 * that name, so an operator learns that an identity provider sends something nobody registered (an
 * Entra ID custom extension attribute, say) instead of finding it missing later; at DEBUG every time
 * after. Only names are logged, never values. The names come from clients, so at most
 * {@link #CAPACITY} are remembered; past that every report goes to DEBUG.
 */
final class IgnoredAttributeLog {

    static final int CAPACITY = 1_000;

    private final Logger log;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    IgnoredAttributeLog(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Reports that {@code path} (already safe to log) of a {@code typeName} resource was dropped. */
    void ignored(String typeName, String path) {
        if (firstTime(typeName + " " + ResourceNormalizer.schemaPath(path))) {
            log.warn("Ignoring {} of {} resources: not defined by their schemas. Register an extension "
                    + "schema to keep it; further occurrences are logged at DEBUG", path, typeName);
        } else if (log.isDebugEnabled()) {
            log.debug("Ignoring {} of a {} resource: not defined by its schemas", path, typeName);
        }
    }

    /** Whether {@code key} is reported for the first time and there was room to remember it. */
    boolean firstTime(String key) {
        return warned.size() < CAPACITY && warned.add(key);
    }
}
