package dev.scimkit.core.message;

import dev.scimkit.core.error.ScimException;

/** {@code sortOrder} of RFC 7644 §3.4.2.3, read in any letter case. */
public enum SortOrder {
    ASCENDING, DESCENDING;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads {@code ascending}/{@code descending} in any case; anything else is a 400 {@code invalidValue}. */
    public static SortOrder fromWireName(String text) {
        for (SortOrder o : values()) {
            if (o.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return o;
            }
        }
        throw ScimException.invalidValue("sortOrder must be \"ascending\" or \"descending\", not '"
                + (text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
    }
}
