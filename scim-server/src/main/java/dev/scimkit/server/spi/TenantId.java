package dev.scimkit.server.spi;

import java.util.Objects;

/**
 * The tenant a request acts for (one TrackTik portal, one customer). Every repository call carries
 * one, and a resource of another tenant is simply not found.
 *
 * @param value an opaque, non-blank tenant key
 */
public record TenantId(String value) {
    public TenantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A tenant id must not be blank");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
