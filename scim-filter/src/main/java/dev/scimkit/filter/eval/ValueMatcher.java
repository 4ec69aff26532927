package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Literal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares one attribute value with a filter literal, by the attribute's type: strings honour
 * {@code caseExact}, numbers compare as {@link BigDecimal}, dateTimes as instants, booleans only for
 * equality. A value and a literal of different JSON types never match.
 */
final class ValueMatcher {

    private ValueMatcher() {
    }

    /** Whether {@code node} satisfies {@code op value}; {@code op} is never {@code ne}. */
    static boolean test(AttributeDefinition leaf, JsonNode node, CompareOperator op, Literal value) {
        return switch (leaf.type()) {
            case STRING, REFERENCE, BINARY -> node.isTextual() && value instanceof Literal.StringLiteral s
                    && compareText(node.textValue(), s.value(), leaf.caseExact(), op);
            case BOOLEAN -> node.isBoolean() && value instanceof Literal.BooleanLiteral b
                    && op == CompareOperator.EQ && node.booleanValue() == b.value();
            case INTEGER, DECIMAL -> node.isNumber() && value instanceof Literal.NumberLiteral n
                    && ordered(node.decimalValue().compareTo(n.value()), op);
            case DATE_TIME -> node.isTextual() && value instanceof Literal.StringLiteral s
                    && compareDateTime(node.textValue(), s.value(), leaf.caseExact(), op);
            case COMPLEX -> false;
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

    private static boolean compareText(String actual, String expected, boolean caseExact, CompareOperator op) {
        String a = caseExact ? actual : fold(actual);
        String e = caseExact ? expected : fold(expected);
        return switch (op) {
            case CO -> a.contains(e);
            case SW -> a.startsWith(e);
            case EW -> a.endsWith(e);
            default -> ordered(a.compareTo(e), op);
        };
    }

    private static boolean compareDateTime(String actual, String expected, boolean caseExact, CompareOperator op) {
        if (op.isSubstring()) {
            return compareText(actual, expected, caseExact, op);
        }
        Optional<Instant> a = DateTimes.parse(actual);
        Optional<Instant> e = DateTimes.parse(expected);
        return a.isPresent() && e.isPresent() && ordered(a.get().compareTo(e.get()), op);
    }

    private static boolean ordered(int cmp, CompareOperator op) {
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
