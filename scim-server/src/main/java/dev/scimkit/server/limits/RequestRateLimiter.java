package dev.scimkit.server.limits;

import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request rates per tenant and per credential (a principal's tenant and name), as token buckets, so
 * that one noisy tenant cannot starve the others or exhaust the per-minute API limit of the system
 * behind the store. The engine asks it after authentication and answers 429 with {@code Retry-After}
 * when it refuses. Thread-safe; build one with {@link #builder()}.
 *
 * <p>A request is counted against its credential first, then against its tenant; a request the tenant
 * refuses has still used its credential's share, which errs on the side of fewer requests.
 */
public final class RequestRateLimiter {

    /** Buckets that refilled completely are forgotten once there are more than this many. */
    private static final int TIDY_ABOVE = 10_000;

    private final Optional<RateLimit> perTenant;
    private final Map<TenantId, RateLimit> tenantOverrides;
    private final Optional<RateLimit> perCredential;
    private final Clock clock;
    private final Map<Object, TokenBucket> buckets = new ConcurrentHashMap<>();

    private RequestRateLimiter(Builder b) {
        this.perTenant = Optional.ofNullable(b.perTenant);
        this.tenantOverrides = Map.copyOf(b.tenantOverrides);
        this.perCredential = Optional.ofNullable(b.perCredential);
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Which limit refused a request, and when the client may try again. */
    public record Refusal(String scope, Duration retryAfter) {
    }

    /** Counts one request of {@code principal}; a refusal when it goes over a limit. */
    public Optional<Refusal> acquire(ScimPrincipal principal) {
        long now = nanos(clock.instant());
        Optional<RateLimit> credentialLimit = perCredential;
        if (credentialLimit.isPresent()) {
            Optional<Duration> wait = bucket(new CredentialKey(principal.tenant(), principal.name()), credentialLimit.get(), now)
                    .tryTake(now);
            if (wait.isPresent()) {
                return Optional.of(new Refusal("client '" + principal.name() + "' of tenant '" + principal.tenant() + "'",
                        wait.get()));
            }
        }
        Optional<RateLimit> tenantLimit = Optional.ofNullable(tenantOverrides.get(principal.tenant())).or(() -> perTenant);
        if (tenantLimit.isPresent()) {
            Optional<Duration> wait = bucket(principal.tenant(), tenantLimit.get(), now).tryTake(now);
            if (wait.isPresent()) {
                return Optional.of(new Refusal("tenant '" + principal.tenant() + "'", wait.get()));
            }
        }
        return Optional.empty();
    }

    private TokenBucket bucket(Object key, RateLimit limit, long now) {
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(limit, now));
    }

    private static long nanos(Instant instant) {
        // Relative to a fixed origin, so a long fits for centuries either side of it.
        return Duration.between(Instant.EPOCH, instant).toNanos();
    }

    private record CredentialKey(TenantId tenant, String name) {
    }

    /** Builds a {@link RequestRateLimiter}; without any limit it allows everything. */
    public static final class Builder {
        private RateLimit perTenant;
        private final Map<TenantId, RateLimit> tenantOverrides = new HashMap<>();
        private RateLimit perCredential;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The rate every tenant gets, unless {@link #tenant} says otherwise. */
        public Builder perTenant(RateLimit limit) {
            this.perTenant = Objects.requireNonNull(limit);
            return this;
        }

        /** The rate of one tenant, instead of {@link #perTenant}. */
        public Builder tenant(TenantId tenant, RateLimit limit) {
            tenantOverrides.put(Objects.requireNonNull(tenant), Objects.requireNonNull(limit));
            return this;
        }

        /** The rate of each credential (each token, or each OAuth client) on its own. */
        public Builder perCredential(RateLimit limit) {
            this.perCredential = Objects.requireNonNull(limit);
            return this;
        }

        /** The clock buckets refill by; the system clock by default. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public RequestRateLimiter build() {
            return new RequestRateLimiter(this);
        }
    }
}
