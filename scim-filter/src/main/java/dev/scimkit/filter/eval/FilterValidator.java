package dev.scimkit.filter.eval;

import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.FilterPrinter;
import dev.scimkit.filter.ast.Literal;

import java.util.Optional;

/**
 * Rejects, with a 400 {@code invalidFilter}, the comparisons RFC 7644 §3.4.2.2 forbids or that have no
 * meaning, before anything is evaluated, so the error does not depend on the data:
 * <ul>
 *   <li>{@code gt ge lt le} on a boolean or binary attribute (the RFC's rule), or with a {@code true},
 *       {@code false} or {@code null} value;</li>
 *   <li>{@code co sw ew} with a value that is not a string, or on a boolean, integer or decimal attribute;</li>
 *   <li>{@code null} with any operator but {@code eq} and {@code ne};</li>
 *   <li>a string that is not an xsd:dateTime compared with {@code eq ne gt ge lt le} to a dateTime attribute;</li>
 *   <li>a comparison on a complex attribute that has no {@code value} sub-attribute, and a value filter
 *       ({@code attr[...]}) on an attribute that is not complex.</li>
 * </ul>
 * Attributes the schema does not know are not an error (see {@link FilterEvaluator}).
 */
public final class FilterValidator {

    private FilterValidator() {
    }

    /** Checks {@code filter} against the resource type; returns normally when it is acceptable. */
    public static void check(Filter filter, ResourceTypeDefinition type) {
        check(filter, PathScope.of(type));
    }

    static void check(Filter filter, PathScope scope) {
        if (filter instanceof Filter.Comparison c) {
            checkComparison(c, scope);
        } else if (filter instanceof Filter.And and) {
            check(and.left(), scope);
            check(and.right(), scope);
        } else if (filter instanceof Filter.Or or) {
            check(or.left(), scope);
            check(or.right(), scope);
        } else if (filter instanceof Filter.Not not) {
            check(not.inner(), scope);
        } else if (filter instanceof Filter.ValuePath vp) {
            Optional<ResolvedPath> path = scope.resolve(vp.path());
            if (path.isPresent() && !path.get().leaf().isComplex()) {
                throw ScimException.invalidFilter("'" + vp.path() + "' is not a complex attribute, so it cannot take a value filter [...]");
            }
            check(vp.filter(), path.map(p -> PathScope.within(p.leaf())).orElse(PathScope.UNKNOWN));
        }
        // Present: every attribute may be tested for presence.
    }

    private static void checkComparison(Filter.Comparison c, PathScope scope) {
        CompareOperator op = c.operator();
        Literal value = c.value();
        if (value instanceof Literal.NullLiteral && op != CompareOperator.EQ && op != CompareOperator.NE) {
            throw fail(c, "null can only be compared with eq or ne");
        }
        if (op.isOrdering() && !(value instanceof Literal.StringLiteral || value instanceof Literal.NumberLiteral)) {
            throw fail(c, "'" + op.token() + "' needs a string, number or dateTime value");
        }
        if (op.isSubstring() && !(value instanceof Literal.StringLiteral)) {
            throw fail(c, "'" + op.token() + "' needs a string value");
        }
        Optional<ResolvedPath> path = scope.resolve(c.path());
        if (path.isEmpty()) {
            return;
        }
        AttributeDefinition leaf = path.get().leaf();
        if (leaf.isComplex()) {
            Optional<AttributeDefinition> valueSub = leaf.subAttribute("value");
            if (valueSub.isEmpty()) {
                throw fail(c, "'" + c.path() + "' is complex and has no 'value' sub-attribute; compare one of its sub-attributes");
            }
            leaf = valueSub.get();
        }
        AttributeType type = leaf.type();
        if (op.isOrdering() && (type == AttributeType.BOOLEAN || type == AttributeType.BINARY || type == AttributeType.COMPLEX)) {
            throw fail(c, "'" + op.token() + "' cannot order " + type.wireName() + " values (RFC 7644 §3.4.2.2)");
        }
        if (op.isSubstring() && (type == AttributeType.BOOLEAN || type == AttributeType.INTEGER
                || type == AttributeType.DECIMAL || type == AttributeType.COMPLEX)) {
            throw fail(c, "'" + op.token() + "' matches text and cannot be applied to " + type.wireName() + " values");
        }
        if (type == AttributeType.DATE_TIME && !op.isSubstring() && value instanceof Literal.StringLiteral s
                && DateTimes.parse(s.value()).isEmpty()) {
            throw fail(c, "'" + s.value() + "' is not an xsd:dateTime such as \"2011-05-13T04:42:34Z\"");
        }
    }

    private static ScimException fail(Filter.Comparison c, String why) {
        return ScimException.invalidFilter("Invalid comparison '" + FilterPrinter.print(c) + "': " + why);
    }
}
