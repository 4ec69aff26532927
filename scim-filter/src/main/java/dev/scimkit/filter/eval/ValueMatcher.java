package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Literal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Compares attribute values with a filter literal, by the attribute's type: strings honour
 * {@code caseExact}, numbers compare as {@link BigDecimal}, dateTimes as instants, booleans only for
 * equality. A value and a literal of different JSON types never match.
 *
 * <p>{@link #compile} does once, per comparison in a filter, everything that depends only on the
 * literal (its case folding, its dateTime parse, whether its type can match at all), so that testing
 * a value is a type check and one comparison.
 */
final class ValueMatcher {

    private static final Predicate<JsonNode> NEVER = node -> false;

    private ValueMatcher() {
    }

    /** The test {@code node op value} for values of {@code leaf}; {@code op} is never {@code ne}. */
    static Predicate<JsonNode> compile(AttributeDefinition leaf, CompareOperator op, Literal value) {
        return switch (leaf.type()) {
            case STRING, REFERENCE, BINARY -> value instanceof Literal.StringLiteral s
                    ? text(s.value(), leaf.caseExact(), op) : NEVER;
            case BOOLEAN -> value instanceof Literal.BooleanLiteral b && op == CompareOperator.EQ
                    ? booleanEquals(b.value()) : NEVER;
            case INTEGER, DECIMAL -> value instanceof Literal.NumberLiteral n ? number(n.value(), op) : NEVER;
            case DATE_TIME -> value instanceof Literal.StringLiteral s ? dateTime(s.value(), leaf.caseExact(), op) : NEVER;
            case COMPLEX -> NEVER;
        };
    }

    /** Present in the sense of {@code pr}: not null, not an empty string, array or object. */
    static boolean isPresent(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isTextual()) {
            return !node.textValue().isEmpty();
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (isPresent(child)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Predicate<JsonNode> booleanEquals(boolean expected) {
        return node -> node.isBoolean() && node.booleanValue() == expected;
    }

    private static Predicate<JsonNode> number(BigDecimal expected, CompareOperator op) {
        return node -> node.isNumber() && ordered(node.decimalValue().compareTo(expected), op);
    }

    private static Predicate<JsonNode> text(String expected, boolean caseExact, CompareOperator op) {
        if (caseExact) {
            return node -> node.isTextual() && compareText(node.textValue(), expected, op);
        }
        String folded = fold(expected);
        return node -> node.isTextual() && FoldedText.compare(node.textValue(), folded, op);
    }

    private static Predicate<JsonNode> dateTime(String expected, boolean caseExact, CompareOperator op) {
        if (op.isSubstring()) {
            return text(expected, caseExact, op);
        }
        Optional<Instant> instant = DateTimes.parse(expected);
        if (instant.isEmpty()) {
            return NEVER;
        }
        Instant e = instant.get();
        return node -> {
            if (!node.isTextual()) {
                return false;
            }
            Optional<Instant> a = DateTimes.parse(node.textValue());
            return a.isPresent() && ordered(a.get().compareTo(e), op);
        };
    }

    /** {@code actual op expected} on strings as they are; {@code op} is never {@code ne}. */
    static boolean compareText(String actual, String expected, CompareOperator op) {
        return switch (op) {
            case CO -> actual.contains(expected);
            case SW -> actual.startsWith(expected);
            case EW -> actual.endsWith(expected);
            default -> ordered(actual.compareTo(expected), op);
        };
    }

    static boolean ordered(int cmp, CompareOperator op) {
        return switch (op) {
            case EQ -> cmp == 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            default -> false;
        };
    }
}
