package dev.scimkit.filter.ast;

import java.util.Objects;

/**
 * An immutable SCIM filter (RFC 7644 §3.4.2.2). Build one with the factories here or parse one with
 * {@code dev.scimkit.filter.Filters#parse}; walk it with a {@link FilterVisitor}.
 */
public sealed interface Filter {

    <R> R accept(FilterVisitor<R> visitor);

    /** {@code path op value}. */
    record Comparison(AttributePath path, CompareOperator operator, Literal value) implements Filter {
        public Comparison {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitComparison(this);
        }
    }

    /** {@code path pr}. */
    record Present(AttributePath path) implements Filter {
        public Present {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitPresent(this);
        }
    }

    /** {@code left and right}. */
    record And(Filter left, Filter right) implements Filter {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitAnd(this);
        }
    }

    /** {@code left or right}. */
    record Or(Filter left, Filter right) implements Filter {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitOr(this);
        }
    }

    /** {@code not (inner)}. */
    record Not(Filter inner) implements Filter {
        public Not {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitNot(this);
        }
    }

    /**
     * {@code attribute[filter]}: some single value of a (usually multi-valued complex) attribute
     * satisfies the whole inner filter, whose paths name sub-attributes of that value.
     */
    record ValuePath(AttributePath path, Filter filter) implements Filter {
        public ValuePath {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public <R> R accept(FilterVisitor<R> visitor) {
            return visitor.visitValuePath(this);
        }
    }

    static Filter eq(String attribute, String value) {
        return new Comparison(AttributePath.of(attribute), CompareOperator.EQ, new Literal.StringLiteral(value));
    }

    static Filter and(Filter left, Filter right) {
        return new And(left, right);
    }

    static Filter or(Filter left, Filter right) {
        return new Or(left, right);
    }

    static Filter not(Filter inner) {
        return new Not(inner);
    }
}
