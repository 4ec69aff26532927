package dev.scimkit.core.schema;

import dev.scimkit.core.error.ScimException;

/** The {@code uniqueness} characteristic of RFC 7643 §2.2. */
public enum Uniqueness {
    NONE("none"),
    SERVER("server"),
    GLOBAL("global");

    private final String wireName;

    Uniqueness(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Uniqueness fromWireName(String name) {
        for (Uniqueness u : values()) {
            if (u.wireName.equalsIgnoreCase(name)) {
                return u;
            }
        }
        throw ScimException.invalidValue("Unknown uniqueness '" + name + "'");
    }
}
