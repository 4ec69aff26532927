package dev.scimkit.server.activity;

import dev.scimkit.server.spi.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One SCIM request as an administrator reads it afterwards: when, which client of which tenant, what
 * it did in plain words ({@code created user}, {@code added 20 members to}), to what, and how it ended.
 * Immutable; build one with {@link #builder}.
 *
 * @param time           when the request arrived
 * @param tenant         the tenant the client's credential belongs to
 * @param client         the name the credential was issued under (never the secret)
 * @param method         the HTTP method
 * @param path           the path below the SCIM base URL, without the query string
 * @param resourceType   the endpoint's resource type ({@code User}, {@code Group}), empty for discovery and Bulk
 * @param operation      what the request did, in an administrator's words
 * @param targetId       the SCIM id of the resource it acted on, when there is one
 * @param targetDisplay  the resource's {@code userName} or {@code displayName}, when known
 * @param status         the HTTP status of the answer
 * @param scimType       the {@code scimType} of an error answer
 * @param detail         the {@code detail} of an error answer
 * @param durationMicros how long the engine took to answer
 * @param requestBody    for a failed request only: the body with every secret removed
 */
public record ActivityEntry(Instant time, TenantId tenant, String client, String method, String path,
                            Optional<String> resourceType, String operation, Optional<String> targetId,
                            Optional<String> targetDisplay, int status, Optional<String> scimType,
                            Optional<String> detail, long durationMicros, Optional<String> requestBody) {

    public ActivityEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(targetDisplay, "targetDisplay");
        Objects.requireNonNull(scimType, "scimType");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(requestBody, "requestBody");
    }

    /** Whether the request failed: any status from 400 on. */
    public boolean failed() {
        return status >= 400;
    }

    /** A builder with the parts every entry has. */
    public static Builder builder(Instant time, TenantId tenant, String client, String method, String path) {
        return new Builder(time, tenant, client, method, path);
    }

    /** Builds an {@link ActivityEntry}; the optional parts start empty, the operation as the method and path. */
    public static final class Builder {
        private final Instant time;
        private final TenantId tenant;
        private final String client;
        private final String method;
        private final String path;
        private Optional<String> resourceType = Optional.empty();
        private String operation;
        private Optional<String> targetId = Optional.empty();
        private Optional<String> targetDisplay = Optional.empty();
        private int status = 200;
        private Optional<String> scimType = Optional.empty();
        private Optional<String> detail = Optional.empty();
        private long durationMicros;
        private Optional<String> requestBody = Optional.empty();

        private Builder(Instant time, TenantId tenant, String client, String method, String path) {
            this.time = time;
            this.tenant = tenant;
            this.client = client;
            this.method = method;
            this.path = path;
            this.operation = method + " " + path;
        }

        public Builder resourceType(String value) {
            resourceType = Optional.ofNullable(value);
            return this;
        }

        public Builder operation(String value) {
            operation = Objects.requireNonNull(value);
            return this;
        }

        public Builder targetId(String value) {
            targetId = Optional.ofNullable(value);
            return this;
        }

        public Builder targetDisplay(String value) {
            targetDisplay = Optional.ofNullable(value);
            return this;
        }

        public Builder status(int value) {
            status = value;
            return this;
        }

        public Builder scimType(String value) {
            scimType = Optional.ofNullable(value);
            return this;
        }

        public Builder detail(String value) {
            detail = Optional.ofNullable(value);
            return this;
        }

        public Builder durationMicros(long value) {
            durationMicros = value;
            return this;
        }

        public Builder requestBody(String value) {
            requestBody = Optional.ofNullable(value);
            return this;
        }

        public ActivityEntry build() {
            return new ActivityEntry(time, tenant, client, method, path, resourceType, operation, targetId,
                    targetDisplay, status, scimType, detail, durationMicros, requestBody);
        }
    }
}
