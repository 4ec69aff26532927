package dev.scimkit.server.activity;

import dev.scimkit.server.spi.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of one tenant's activity, newest first, narrowed by outcome, time, target and client.
 * Build one with {@link #builder}.
 *
 * @param tenant     whose activity; another tenant's entries never match
 * @param failedOnly only requests answered with a status from 400 on
 * @param from       entries at or after this instant
 * @param to         entries before this instant
 * @param target     entries whose target id equals this or whose target display contains it (ignoring case)
 * @param client     entries of this client name (exactly)
 * @param before     the keyset position to continue after (the previous page's last entry)
 * @param limit      the most entries to return, 1 to 500
 */
public record ActivityQuery(TenantId tenant, boolean failedOnly, Optional<Instant> from, Optional<Instant> to,
                            Optional<String> target, Optional<String> client, Optional<ActivityCursor> before,
                            int limit) {

    /** The largest page a log returns. */
    public static final int MAX_LIMIT = 500;

    public ActivityQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(before, "before");
        target = Objects.requireNonNull(target, "target").map(String::trim).filter(t -> !t.isEmpty());
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
    }

    /** All of the tenant's activity, 50 entries a page. */
    public static Builder builder(TenantId tenant) {
        return new Builder(tenant);
    }

    /** Builds an {@link ActivityQuery}. */
    public static final class Builder {
        private final TenantId tenant;
        private boolean failedOnly;
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> to = Optional.empty();
        private Optional<String> target = Optional.empty();
        private Optional<String> client = Optional.empty();
        private Optional<ActivityCursor> before = Optional.empty();
        private int limit = 50;

        private Builder(TenantId tenant) {
            this.tenant = tenant;
        }

        public Builder failedOnly(boolean value) {
            failedOnly = value;
            return this;
        }

        public Builder from(Optional<Instant> value) {
            from = value;
            return this;
        }

        public Builder to(Optional<Instant> value) {
            to = value;
            return this;
        }

        public Builder target(Optional<String> value) {
            target = value;
            return this;
        }

        public Builder client(Optional<String> value) {
            client = value.map(String::trim).filter(c -> !c.isEmpty());
            return this;
        }

        public Builder before(Optional<ActivityCursor> value) {
            before = value;
            return this;
        }

        public Builder limit(int value) {
            limit = value;
            return this;
        }

        public ActivityQuery build() {
            return new ActivityQuery(tenant, failedOnly, from, to, target, client, before, limit);
        }
    }
}
