package dev.scimkit.core.message;

import dev.scimkit.core.error.ScimException;

import java.util.Locale;

/** The HTTP methods a Bulk operation may use (RFC 7644 §3.7), read in any letter case. */
public enum BulkMethod {
    POST, PUT, PATCH, DELETE;

    /** Whether the operation must carry {@code data}. */
    public boolean needsData() {
        return this != DELETE;
    }

    public static BulkMethod fromWireName(String text) {
        for (BulkMethod m : values()) {
            if (m.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return m;
            }
        }
        throw ScimException.invalidValue("A Bulk operation's method must be POST, PUT, PATCH or DELETE, not '"
                + Messages.abbreviate(String.valueOf(text)) + "'");
    }

    public String wireName() {
        return name().toUpperCase(Locale.ROOT);
    }
}
