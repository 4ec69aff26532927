package dev.scimkit.filter.ast;

import java.util.Locale;
import java.util.Optional;

/** The binary attribute operators of RFC 7644 §3.4.2.2 ({@code pr} is {@link Filter.Present}). */
public enum CompareOperator {
    EQ, NE, CO, SW, EW, GT, GE, LT, LE;

    /** The operator as written in a filter, lower case. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the operator orders values ({@code gt ge lt le}). */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }

    /** Whether the operator matches text ({@code co sw ew}). */
    public boolean isSubstring() {
        return this == CO || this == SW || this == EW;
    }

    public static Optional<CompareOperator> fromToken(String token) {
        for (CompareOperator op : values()) {
            if (op.name().equalsIgnoreCase(token)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
