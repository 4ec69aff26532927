package dev.scimkit.core.message;

import dev.scimkit.core.error.ScimException;

/** The {@code op} of a PATCH operation (RFC 7644 §3.5.2); read in any letter case. */
public enum PatchOperationType {
    ADD, REPLACE, REMOVE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads {@code add}, {@code Add}, {@code ADD} ...; anything else is a 400 {@code invalidSyntax}. */
    public static PatchOperationType fromWireName(String op) {
        for (PatchOperationType t : values()) {
            if (t.name().equalsIgnoreCase(op)) {
                return t;
            }
        }
        throw ScimException.invalidSyntax("Unknown PATCH op '" + op + "'; expected add, replace or remove");
    }
}
