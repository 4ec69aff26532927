package dev.scimkit.core.schema;

import dev.scimkit.core.error.ScimException;

/** The {@code returned} characteristic of RFC 7643 §2.2. */
public enum Returned {
    ALWAYS("always"),
    NEVER("never"),
    DEFAULT("default"),
    REQUEST("request");

    private final String wireName;

    Returned(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Returned fromWireName(String name) {
        for (Returned r : values()) {
            if (r.wireName.equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw ScimException.invalidValue("Unknown returned value '" + name + "'");
    }
}
