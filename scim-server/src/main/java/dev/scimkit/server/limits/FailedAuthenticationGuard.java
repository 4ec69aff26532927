package dev.scimkit.server.limits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Slows down, then refuses, an address that keeps presenting bad credentials. After
 * {@code freeFailures} failures in a row, each further failure locks the address out for a period that
 * doubles from {@code firstLockout} up to {@code maxLockout}; while locked out, its requests are refused
 * before their credentials are looked at (the engine answers 429 with {@code Retry-After}). A success
 * or a quiet {@code forgetAfter} ends the incident.
 *
 * <p>Nothing waits on a server thread: a slowed-down client is told when to come back, so an attacker
 * cannot tie up the server's threads by failing slowly. Each incident is reported once, with the
 * address and never the credential tried, to the listener (by default a warning on this class's
 * logger). Thread-safe; build one with {@link #builder()}.
 */
public final class FailedAuthenticationGuard {

    private static final Logger LOG = LoggerFactory.getLogger(FailedAuthenticationGuard.class);
    /** More addresses than this are not tracked; a flood of distinct addresses is the network's job. */
    private static final int MAX_TRACKED = 100_000;

    private final int freeFailures;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final Duration forgetAfter;
    private final Clock clock;
    private final Consumer<Incident> incidents;
    private final Map<String, Record> records = new ConcurrentHashMap<>();

    private FailedAuthenticationGuard(Builder b) {
        this.freeFailures = b.freeFailures;
        this.firstLockout = b.firstLockout;
        this.maxLockout = b.maxLockout;
        this.forgetAfter = b.forgetAfter.compareTo(b.maxLockout) < 0 ? b.maxLockout : b.forgetAfter;
        this.clock = b.clock;
        this.incidents = b.incidents;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * An incident: {@code address} failed {@code failures} times in a row and is locked out.
     *
     * @param address the remote address
     * @param failures failures so far
     * @param lockout the first lockout of the incident
     */
    public record Incident(String address, int failures, Duration lockout) {
    }

    /** How long {@code address} must still wait, or empty when it may try. */
    public Optional<Duration> refusal(String address) {
        Record r = records.get(address);
        if (r == null) {
            return Optional.empty();
        }
        synchronized (r) {
            Duration left = Duration.between(clock.instant(), r.lockedUntil);
            return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
        }
    }

    /** Counts a failed authentication from {@code address}. */
    public void failed(String address) {
        Instant now = clock.instant();
        if (records.size() >= MAX_TRACKED) {
            records.values().removeIf(r -> r.forgettable(now, forgetAfter));
            if (records.size() >= MAX_TRACKED && !records.containsKey(address)) {
                return;
            }
        }
        Record r = records.computeIfAbsent(address, a -> new Record(now));
        Incident started = null;
        synchronized (r) {
            if (r.forgettable(now, forgetAfter)) {
                r.reset(now);
            }
            r.failures++;
            r.lastFailure = now;
            int over = r.failures - freeFailures;
            if (over > 0) {
                Duration lockout = lockout(over);
                r.lockedUntil = now.plus(lockout);
                if (!r.reported) {
                    r.reported = true;
                    started = new Incident(address, r.failures, lockout);
                }
            }
        }
        if (started != null) {
            incidents.accept(started);
        }
    }

    /** A success from {@code address} ends its incident. */
    public void succeeded(String address) {
        records.remove(address);
    }

    private Duration lockout(int over) {
        int doublings = Math.min(over - 1, 30);
        Duration d = firstLockout.multipliedBy(1L << doublings);
        return d.compareTo(maxLockout) > 0 ? maxLockout : d;
    }

    private static void log(Incident incident) {
        LOG.warn("Repeated failed authentication from {}: {} failures in a row; refusing it for {}s, then longer while"
                + " it goes on", incident.address(), incident.failures(), incident.lockout().toSeconds());
    }

    private static final class Record {
        int failures;
        Instant lastFailure;
        Instant lockedUntil;
        boolean reported;

        Record(Instant now) {
            reset(now);
        }

        void reset(Instant now) {
            failures = 0;
            lastFailure = now;
            lockedUntil = Instant.MIN;
            reported = false;
        }

        boolean forgettable(Instant now, Duration forgetAfter) {
            return !lockedUntil.isAfter(now) && !lastFailure.plus(forgetAfter).isAfter(now);
        }
    }

    /** Builds a {@link FailedAuthenticationGuard}. */
    public static final class Builder {
        private int freeFailures = 5;
        private Duration firstLockout = Duration.ofSeconds(1);
        private Duration maxLockout = Duration.ofMinutes(15);
        private Duration forgetAfter = Duration.ofMinutes(15);
        private Clock clock = Clock.systemUTC();
        private Consumer<Incident> incidents = FailedAuthenticationGuard::log;

        private Builder() {
        }

        /** Failures in a row an address may have before it is slowed down; 5 by default. */
        public Builder freeFailures(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("freeFailures must not be negative");
            }
            this.freeFailures = value;
            return this;
        }

        /** The first lockout (1 s by default) and the longest (15 min by default). */
        public Builder lockouts(Duration first, Duration max) {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("Lockouts must be positive, the longest at least the first");
            }
            this.firstLockout = first;
            this.maxLockout = max;
            return this;
        }

        /** How long an address must stay quiet for its failures to be forgotten; 15 min by default. */
        public Builder forgetAfter(Duration value) {
            this.forgetAfter = Objects.requireNonNull(value);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** Who hears of each incident once; a warning on this class's logger by default. */
        public Builder onIncident(Consumer<Incident> listener) {
            this.incidents = Objects.requireNonNull(listener);
            return this;
        }

        public FailedAuthenticationGuard build() {
            return new FailedAuthenticationGuard(this);
        }
    }
}
