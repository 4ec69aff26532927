package dev.scimkit.filter.ast;

import java.math.BigDecimal;
import java.util.Objects;

/** A JSON literal on the right of a comparison (RFC 7644 §3.4.2.2 {@code compValue}). */
public sealed interface Literal {

    /** The literal as JSON text, exactly as the printer writes it. */
    String toJson();

    /** A JSON string. */
    record StringLiteral(String value) implements Literal {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toJson() {
            return JsonText.quote(value);
        }
    }

    /**
     * A JSON number. Equality compares numeric value, so {@code 1.0} and {@code 1} are one literal.
     */
    record NumberLiteral(BigDecimal value) implements Literal {
        public NumberLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toJson() {
            return value.toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NumberLiteral other && value.compareTo(other.value) == 0;
        }

        @Override
        public int hashCode() {
            return value.stripTrailingZeros().hashCode();
        }
    }

    /** {@code true} or {@code false}. */
    record BooleanLiteral(boolean value) implements Literal {
        @Override
        public String toJson() {
            return Boolean.toString(value);
        }
    }

    /** {@code null}. */
    record NullLiteral() implements Literal {
        public static final NullLiteral INSTANCE = new NullLiteral();

        @Override
        public String toJson() {
            return "null";
        }
    }
}
