package dev.scimkit.server.limits;

import java.time.Duration;
import java.util.Optional;

/**
 * One token bucket. Time comes from the caller (nanoseconds on any fixed origin), so tests drive it with
 * a clock of their own. Thread-safe.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastNanos;

    TokenBucket(RateLimit limit, long nowNanos) {
        this.capacity = limit.burst();
        this.tokensPerNano = limit.requests() / (double) limit.period().toNanos();
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes one token; when there is none, how long until there will be one (and nothing is taken). */
    synchronized Optional<Duration> tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        long wait = (long) Math.ceil((1 - tokens) / tokensPerNano);
        return Optional.of(Duration.ofNanos(Math.max(1, wait)));
    }

    /** Whether the bucket has refilled completely, i.e. forgetting it changes nothing. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            lastNanos = nowNanos;
        }
    }
}
