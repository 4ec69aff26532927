package dev.scimkit.tracktik.rest;

import dev.scimkit.tracktik.domain.RoleRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RoleCacheTest {

    private final AtomicLong clock = new AtomicLong();
    private final List<String> loads = new ArrayList<>();

    private Optional<RoleRef> load(String id) {
        loads.add(id);
        return id.equals("404") ? Optional.empty() : Optional.of(new RoleRef(id, "Role " + id + "#" + loads.size(), "s" + id));
    }

    @Test
    void aFreshEntryIsServedUntilItsTtlThenLoadedAgain() {
        RoleCache cache = new RoleCache(Duration.ofSeconds(60), 10, clock::get);
        assertThat(cache.get("1", this::load).orElseThrow().name()).isEqualTo("Role 1#1");
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.get("1", this::load).orElseThrow().name()).isEqualTo("Role 1#1");
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.get("1", this::load).orElseThrow().name()).isEqualTo("Role 1#2");
        assertThat(loads).containsExactly("1", "1");
    }

    @Test
    void putInvalidateCapacityAndGoneRoles() {
        RoleCache cache = new RoleCache(Duration.ofMinutes(1), 2, clock::get);
        cache.put(new RoleRef("1", "Renamed", "s1"));
        assertThat(cache.get("1", this::load).orElseThrow().name()).isEqualTo("Renamed");
        cache.invalidate("1");
        assertThat(cache.get("1", this::load).orElseThrow().name()).isEqualTo("Role 1#1");
        cache.get("2", this::load);
        cache.get("3", this::load); // the least recently used, 1, goes
        cache.get("1", this::load);
        assertThat(loads).containsExactly("1", "2", "3", "1");
        assertThat(cache.get("404", this::load)).isEmpty();
        assertThat(cache.get("404", this::load)).isEmpty();
        assertThat(loads).endsWith("404", "404");
    }

    @Test
    void anEntryIsStaleFromExactlyItsTtl() {
        RoleCache cache = new RoleCache(Duration.ofSeconds(60), 10, clock::get);
        cache.get("1", this::load);
        clock.addAndGet(Duration.ofSeconds(60).toNanos() - 1);
        cache.get("1", this::load);
        assertThat(loads).containsExactly("1");
        clock.addAndGet(1);
        cache.get("1", this::load);
        assertThat(loads).containsExactly("1", "1");
    }

    @Test
    void theCacheHoldsItsCapacityAndAGoneRoleFreesItsPlace() {
        RoleCache cache = new RoleCache(Duration.ofSeconds(60), 2, clock::get);
        cache.get("1", this::load);
        cache.get("2", this::load);
        cache.get("1", this::load);
        cache.get("2", this::load);
        assertThat(loads).as("two entries fit in a capacity of two").containsExactly("1", "2");

        // Role 1 turns out gone when it is next loaded: its entry goes, so a third role displaces nothing.
        cache.put(new RoleRef("404", "Gone", "s404"));
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        cache.put(new RoleRef("2", "Fresh", "s2"));
        assertThat(cache.get("404", this::load)).isEmpty();
        cache.get("3", this::load);
        assertThat(cache.get("2", this::load).orElseThrow().name()).isEqualTo("Fresh");
        assertThat(loads).containsExactly("1", "2", "404", "3");
    }
}
