package dev.scimkit.server.activity;

import java.time.Duration;
import java.util.Objects;

/**
 * How much activity a log keeps: entries older than {@code maxAge} go, and a tenant never holds more
 * than {@code maxEntriesPerTenant} (the oldest go first).
 *
 * @param maxAge              how long an entry is kept; 30 days by default
 * @param maxEntriesPerTenant the size cap per tenant; one million by default
 */
public record ActivityRetention(Duration maxAge, long maxEntriesPerTenant) {

    /** 30 days, at most one million entries per tenant. */
    public static final ActivityRetention DEFAULT = new ActivityRetention(Duration.ofDays(30), 1_000_000);

    public ActivityRetention {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        if (maxEntriesPerTenant < 1) {
            throw new IllegalArgumentException("maxEntriesPerTenant must be at least 1");
        }
    }
}
