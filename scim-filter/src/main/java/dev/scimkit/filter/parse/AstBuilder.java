package dev.scimkit.filter.parse;

import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;
import dev.scimkit.filter.ast.PatchPath;
import dev.scimkit.filter.grammar.ScimParser;
import org.antlr.v4.runtime.Token;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Converts the rule contexts of the SCIM grammar into the immutable AST, reading only their labelled
 * fields and start tokens, so it works with parse-tree building switched off. {@code and}/{@code or} chains
 * become left-associative trees, as RFC 7644 reads them. Stateless.
 */
final class AstBuilder {

    private final SyntaxErrorKind kind;

    AstBuilder(SyntaxErrorKind kind) {
        this.kind = kind;
    }

    Filter filter(ScimParser.OrExprContext ctx) {
        List<ScimParser.AndExprContext> terms = ctx.terms;
        Filter result = and(terms.get(0));
        for (int i = 1; i < terms.size(); i++) {
            result = new Filter.Or(result, and(terms.get(i)));
        }
        return result;
    }

    PatchPath patchPath(ScimParser.PatchPathContext ctx) {
        AttributePath attribute = attrPath(ctx.path);
        if (ctx.valueFilter == null) {
            return PatchPath.of(attribute);
        }
        Optional<String> sub = ctx.sub == null ? Optional.empty() : Optional.of(name(ctx.sub));
        return new PatchPath(attribute, Optional.of(filter(ctx.valueFilter)), sub);
    }

    AttributePath attrPath(ScimParser.AttrPathContext ctx) {
        String urn = null;
        if (ctx.urn != null) {
            String prefix = ctx.urn.getText();
            urn = prefix.substring(0, prefix.length() - 1);
        }
        return AttributePath.of(urn, name(ctx.name), ctx.sub == null ? null : name(ctx.sub));
    }

    /** An attribute name is one token (a NAME, $ref or a keyword used as a name). */
    private static String name(ScimParser.AttrNameContext ctx) {
        return ctx.getStart().getText();
    }

    private Filter and(ScimParser.AndExprContext ctx) {
        List<ScimParser.UnaryContext> factors = ctx.factors;
        Filter result = unary(factors.get(0));
        for (int i = 1; i < factors.size(); i++) {
            result = new Filter.And(result, unary(factors.get(i)));
        }
        return result;
    }

    private Filter unary(ScimParser.UnaryContext ctx) {
        if (ctx instanceof ScimParser.NotExprContext not) {
            return new Filter.Not(unary(not.inner));
        }
        return primary(((ScimParser.PrimaryExprContext) ctx).atom);
    }

    private Filter primary(ScimParser.PrimaryContext ctx) {
        if (ctx instanceof ScimParser.GroupExprContext group) {
            return filter(group.inner);
        }
        ScimParser.AttrExprContext attr = (ScimParser.AttrExprContext) ctx;
        AttributePath path = attrPath(attr.path);
        if (attr.valueFilter == null) {
            return test(attr, path);
        }
        Filter valueFilter = filter(attr.valueFilter);
        if (attr.valueSub == null) {
            return new Filter.ValuePath(path, valueFilter);
        }
        // attr[f].sub op v: the value that passes f must be the one whose sub passes the test, so the
        // test joins f inside the brackets rather than standing beside the value path.
        Filter subTest = test(attr, AttributePath.of(name(attr.valueSub)));
        return new Filter.ValuePath(path, new Filter.And(valueFilter, subTest));
    }

    /** {@code path pr} or {@code path op value}, whichever the attribute expression holds. */
    private Filter test(ScimParser.AttrExprContext attr, AttributePath path) {
        if (attr.present != null) {
            return new Filter.Present(path);
        }
        return new Filter.Comparison(path, operator(attr.op.getStart()), literal(attr.value));
    }

    private static CompareOperator operator(Token token) {
        return switch (token.getType()) {
            case ScimParser.EQ -> CompareOperator.EQ;
            case ScimParser.NE -> CompareOperator.NE;
            case ScimParser.CO -> CompareOperator.CO;
            case ScimParser.SW -> CompareOperator.SW;
            case ScimParser.EW -> CompareOperator.EW;
            case ScimParser.GT -> CompareOperator.GT;
            case ScimParser.GE -> CompareOperator.GE;
            case ScimParser.LT -> CompareOperator.LT;
            case ScimParser.LE -> CompareOperator.LE;
            default -> throw new IllegalStateException("The grammar let through the operator " + token.getText());
        };
    }

    private Literal literal(ScimParser.CompValueContext ctx) {
        Token token = ctx.getStart();
        return switch (token.getType()) {
            case ScimParser.STRING -> new Literal.StringLiteral(JsonStringUnescaper.unquote(token.getText()));
            case ScimParser.NUMBER -> number(token);
            case ScimParser.TRUE -> new Literal.BooleanLiteral(true);
            case ScimParser.FALSE -> new Literal.BooleanLiteral(false);
            case ScimParser.NULL -> Literal.NullLiteral.INSTANCE;
            default -> throw new IllegalStateException("The grammar let through the value " + token.getText());
        };
    }

    private Literal number(Token token) {
        try {
            return new Literal.NumberLiteral(new BigDecimal(token.getText()));
        } catch (NumberFormatException | ArithmeticException e) {
            // Only an exponent beyond the int range gets here: valid JSON, but no number we can hold.
            throw kind.error("Invalid " + kind.noun() + " at column " + (token.getStartIndex() + 1)
                    + ": the number '" + abbreviate(token.getText()) + "' is out of range");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
