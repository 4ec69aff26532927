package dev.scimkit.tracktik.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs a store outage once, not once per request: the first failure of an incident at ERROR with its
 * cause, later ones only counted, and the first success after it at INFO with how many operations
 * failed and for how long. An IdP retrying every few seconds against a dead database would otherwise
 * bury the one line that says what broke.
 */
final class StoreIncidents {

    private static final Logger LOG = LoggerFactory.getLogger(StoreIncidents.class);

    private final Clock clock;
    private volatile Instant since;
    private long failures;

    StoreIncidents(Clock clock) {
        this.clock = clock;
    }

    /** A store operation failed because the store is unavailable. */
    void failed(String what, Throwable cause) {
        boolean first;
        synchronized (this) {
            first = since == null;
            if (first) {
                since = clock.instant();
            }
            failures++;
        }
        if (first) {
            LOG.error("The TrackTik database is unavailable ({}); answering 503 with Retry-After until it recovers."
                    + " Further failures are counted, not logged.", what, cause);
        }
    }

    /** A store operation succeeded; ends an incident if one is open. */
    void succeeded() {
        if (since == null) {
            return; // the common case, without taking the lock
        }
        Instant began;
        long count;
        synchronized (this) {
            if (since == null) {
                return;
            }
            began = since;
            count = failures;
            since = null;
            failures = 0;
        }
        LOG.info("The TrackTik database is available again after {} failed operation(s) over {} s", count,
                Duration.between(began, clock.instant()).toSeconds());
    }

    /** Whether an incident is open (for health checks and tests). */
    boolean inIncident() {
        return since != null;
    }
}
