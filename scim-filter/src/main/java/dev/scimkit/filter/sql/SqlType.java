package dev.scimkit.filter.sql;

import dev.scimkit.core.schema.AttributeType;

/** The SQL type family of a mapped column, derived from the attribute's SCIM type. */
public enum SqlType {
    /** VARCHAR/TEXT: string, reference and binary attributes. */
    STRING,
    /** BOOLEAN. */
    BOOLEAN,
    /** INTEGER/BIGINT/NUMERIC/DECIMAL; bound as {@link java.math.BigDecimal}. */
    NUMBER,
    /** TIMESTAMP (WITH TIME ZONE); bound as {@link java.sql.Timestamp}. */
    TIMESTAMP;

    static SqlType of(AttributeType type) {
        return switch (type) {
            case STRING, REFERENCE, BINARY -> STRING;
            case BOOLEAN -> BOOLEAN;
            case INTEGER, DECIMAL -> NUMBER;
            case DATE_TIME -> TIMESTAMP;
            case COMPLEX -> throw new IllegalArgumentException("A complex attribute has no single column");
        };
    }
}
