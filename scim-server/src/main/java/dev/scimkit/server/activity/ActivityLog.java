package dev.scimkit.server.activity;

import dev.scimkit.server.spi.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * Where activity is kept and read back: the store SPI behind {@link QueuedActivityRecorder} and a
 * console. Implementations keep tenants apart (a query never returns another tenant's entry), apply
 * their {@link ActivityRetention}, and are thread-safe. {@link InMemoryActivityLog} is the reference;
 * the TrackTik adapter has a JDBC one beside its tables.
 */
public interface ActivityLog {

    /** Appends entries in order; the recorder calls it from its own thread, never from a request's. */
    void append(List<ActivityEntry> entries);

    /** A page of entries matching the query, newest first (time, then id, descending). */
    ActivityPage find(ActivityQuery query);

    /** Each client of the tenant seen since {@code since}: its last call and its failures since then. */
    List<ClientActivity> clients(TenantId tenant, Instant since);

    /** Drops what the retention no longer keeps; returns how many entries went. */
    long prune(Instant now);
}
