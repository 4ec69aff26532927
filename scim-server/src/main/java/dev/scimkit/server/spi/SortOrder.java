package dev.scimkit.server.spi;

/**
 * The {@code sortOrder} of RFC 7644 §3.4.2.3, as the repository SPI carries it. Parsing is
 * scim-core's ({@link dev.scimkit.core.message.SortOrder}), so the wire form is read in one place.
 */
public enum SortOrder {
    ASCENDING, DESCENDING;

    /** Reads {@code ascending} or {@code descending} in any letter case; anything else is a 400 {@code invalidValue}. */
    public static SortOrder fromWireName(String value) {
        return valueOf(dev.scimkit.core.message.SortOrder.fromWireName(value).name());
    }
}
