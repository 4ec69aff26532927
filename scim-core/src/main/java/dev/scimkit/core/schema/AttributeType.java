package dev.scimkit.core.schema;

import dev.scimkit.core.error.ScimException;

/** The attribute data types of RFC 7643 §2.3. */
public enum AttributeType {
    STRING("string"),
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    DATE_TIME("dateTime"),
    REFERENCE("reference"),
    BINARY("binary"),
    COMPLEX("complex");

    private final String wireName;

    AttributeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether values of this type are compared as text (and so honour {@code caseExact}). */
    public boolean isTextual() {
        return this == STRING || this == REFERENCE || this == BINARY;
    }

    public static AttributeType fromWireName(String name) {
        for (AttributeType t : values()) {
            if (t.wireName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw ScimException.invalidValue("Unknown attribute type '" + name + "'");
    }
}
