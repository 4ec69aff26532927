package dev.scimkit.tracktik.rest;

import dev.scimkit.tracktik.domain.RoleRef;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The names and SCIM ids of a portal's roles by TrackTik id, so that showing an employee's groups or
 * deciding its held role costs no {@code GET /roles/{id}} per read. Entries live {@code ttl} (a rename
 * made through another adapter shows after at most that) and the least recently used go first beyond
 * {@code capacity}; this store's own renames and deletes replace or drop their entry at once, and a
 * role the portal answers 404 for is dropped.
 */
final class RoleCache {

    private record Entry(RoleRef role, long loadedAt) {
    }

    private final long ttlNanos;
    private final int capacity;
    private final LongSupplier clock;
    private final Map<String, Entry> entries;

    RoleCache(Duration ttl, int capacity) {
        this(ttl, capacity, System::nanoTime);
    }

    RoleCache(Duration ttl, int capacity, LongSupplier clock) {
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > RoleCache.this.capacity;
            }
        };
    }

    /** The role by id: cached while fresh, else what {@code load} finds (empty: gone, and forgotten). */
    Optional<RoleRef> get(String roleId, Function<String, Optional<RoleRef>> load) {
        synchronized (entries) {
            Entry e = entries.get(roleId);
            if (e != null && clock.getAsLong() - e.loadedAt < ttlNanos) {
                return Optional.of(e.role);
            }
        }
        Optional<RoleRef> loaded = load.apply(roleId);
        loaded.ifPresentOrElse(this::put, () -> invalidate(roleId));
        return loaded;
    }

    void put(RoleRef role) {
        synchronized (entries) {
            entries.put(role.id(), new Entry(role, clock.getAsLong()));
        }
    }

    void invalidate(String roleId) {
        synchronized (entries) {
            entries.remove(roleId);
        }
    }
}
