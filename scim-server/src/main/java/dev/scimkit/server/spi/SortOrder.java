package dev.scimkit.server.spi;

import dev.scimkit.core.error.ScimException;

/** The {@code sortOrder} of RFC 7644 §3.4.2.3. */
public enum SortOrder {
    ASCENDING, DESCENDING;

    /** Reads {@code ascending} or {@code descending} in any letter case; anything else is a 400 {@code invalidValue}. */
    public static SortOrder fromWireName(String value) {
        for (SortOrder o : values()) {
            if (o.name().equalsIgnoreCase(value)) {
                return o;
            }
        }
        throw ScimException.invalidValue("sortOrder must be \"ascending\" or \"descending\", not \"" + value + "\"");
    }
}
