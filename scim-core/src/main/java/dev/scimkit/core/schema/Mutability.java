package dev.scimkit.core.schema;

import dev.scimkit.core.error.ScimException;

/** The {@code mutability} characteristic of RFC 7643 §2.2. */
public enum Mutability {
    READ_ONLY("readOnly"),
    READ_WRITE("readWrite"),
    IMMUTABLE("immutable"),
    WRITE_ONLY("writeOnly");

    private final String wireName;

    Mutability(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Mutability fromWireName(String name) {
        for (Mutability m : values()) {
            if (m.wireName.equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw ScimException.invalidValue("Unknown mutability '" + name + "'");
    }
}
