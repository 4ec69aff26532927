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
 * Converts a parse tree of the SCIM grammar into the immutable AST. {@code and}/{@code or} chains
 * become left-associative trees, as RFC 7644 reads them. Stateless.
 */
final class AstBuilder {

    private final SyntaxErrorKind kind;

    AstBuilder(SyntaxErrorKind kind) {
        this.kind = kind;
    }

    Filter filter(ScimParser.OrExprContext ctx) {
        List<ScimParser.AndExprContext> terms = ctx.andExpr();
        Filter result = and(terms.get(0));
        for (int i = 1; i < terms.size(); i++) {
            result = new Filter.Or(result, and(terms.get(i)));
        }
        return result;
    }

    PatchPath patchPath(ScimParser.PatchPathContext ctx) {
        AttributePath attribute = attrPath(ctx.attrPath());
        if (ctx.orExpr() == null) {
            return PatchPath.of(attribute);
        }
        Optional<String> sub = Optional.ofNullable(ctx.attrName()).map(n -> n.getText());
        return new PatchPath(attribute, Optional.of(filter(ctx.orExpr())), sub);
    }

    AttributePath attrPath(ScimParser.AttrPathContext ctx) {
        String urn = null;
        if (ctx.URN_PREFIX() != null) {
            String prefix = ctx.URN_PREFIX().getText();
            urn = prefix.substring(0, prefix.length() - 1);
        }
        List<ScimParser.AttrNameContext> names = ctx.attrName();
        String sub = names.size() > 1 ? names.get(1).getText() : null;
        return AttributePath.of(urn, names.get(0).getText(), sub);
    }

    private Filter and(ScimParser.AndExprContext ctx) {
        List<ScimParser.UnaryContext> factors = ctx.unary();
        Filter result = unary(factors.get(0));
        for (int i = 1; i < factors.size(); i++) {
            result = new Filter.And(result, unary(factors.get(i)));
        }
        return result;
    }

    private Filter unary(ScimParser.UnaryContext ctx) {
        if (ctx instanceof ScimParser.NotExprContext not) {
            return new Filter.Not(unary(not.unary()));
        }
        return primary(((ScimParser.PrimaryExprContext) ctx).primary());
    }

    private Filter primary(ScimParser.PrimaryContext ctx) {
        if (ctx instanceof ScimParser.GroupExprContext group) {
            return filter(group.orExpr());
        }
        ScimParser.AttrExprContext attr = (ScimParser.AttrExprContext) ctx;
        AttributePath path = attrPath(attr.attrPath());
        if (attr.orExpr() != null) {
            return new Filter.ValuePath(path, filter(attr.orExpr()));
        }
        if (attr.PR() != null) {
            return new Filter.Present(path);
        }
        String token = attr.compareOp().getText();
        CompareOperator op = CompareOperator.fromToken(token)
                .orElseThrow(() -> new IllegalStateException("The grammar let through the operator " + token));
        return new Filter.Comparison(path, op, literal(attr.compValue()));
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
