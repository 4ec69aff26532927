package dev.scimkit.filter.sql;

import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;
import dev.scimkit.filter.eval.DateTimes;
import dev.scimkit.filter.eval.FilterValidator;
import dev.scimkit.filter.eval.ResolvedPath;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Translates a filter into a parameterised SQL {@code WHERE} condition over the columns of a
 * {@link SqlColumnMapping}, keeping what SQL cannot express as a residual filter for the in-memory
 * {@code FilterEvaluator}. The rows matching the condition, filtered by the residual, are exactly the
 * resources the evaluator matches. Immutable and thread-safe.
 *
 * <ul>
 *   <li>Every value is a bound parameter; {@code co sw ew} become {@code LIKE ? ESCAPE '!'} with
 *       {@code % _ !} escaped in the pattern.</li>
 *   <li>Case-insensitive attributes compare with {@code LOWER()} on both sides, except {@code eq} and
 *       {@code ne} on a column with a folded copy ({@link SqlColumnMapping.Builder#mapFoldedCopy}):
 *       {@code (copy IS NOT NULL AND copy = ?)} with the value lower-cased ({@code Locale.ROOT}).</li>
 *   <li>Each condition is two-valued (a NULL column makes it FALSE, never UNKNOWN), so {@code not}
 *       and {@code ne} (which is {@code not eq}) match rows whose column is NULL, as the evaluator does.</li>
 *   <li>{@code and}: both sides are translated as far as they go and their residuals are combined;
 *       {@code or} and {@code not} are translated only when their operands translate completely,
 *       otherwise they stay residual as a whole. Value filters, multi-valued and unmapped attributes,
 *       and {@code co sw ew} on dateTimes stay residual.</li>
 *   <li>String ordering ({@code gt ge lt le} on strings) is pushed down only when
 *       {@link #pushDownStringOrdering} is set: SQL orders strings by the column's collation, which
 *       matches the evaluator's code-unit order in H2 by default and in PostgreSQL only with a
 *       {@code "C"} collation.</li>
 * </ul>
 * Only standard SQL is produced, so the condition runs on H2 and PostgreSQL alike.
 */
public final class SqlTranslator {

    private static final String FALSE = "(1=0)";

    private final SqlColumnMapping mapping;
    private final boolean pushDownStringOrdering;

    /** A translator that keeps string ordering in memory (exact with any collation). */
    public SqlTranslator(SqlColumnMapping mapping) {
        this(mapping, false);
    }

    /**
     * @param pushDownStringOrdering whether string {@code gt ge lt le} become SQL; set it only when the
     *                               database orders the mapped columns by code unit (H2's default,
     *                               PostgreSQL's {@code COLLATE "C"})
     */
    public SqlTranslator(SqlColumnMapping mapping, boolean pushDownStringOrdering) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.pushDownStringOrdering = pushDownStringOrdering;
    }

    /** Splits {@code filter} into SQL and a residual; a forbidden comparison is a 400 {@code invalidFilter}. */
    public SqlTranslation translate(Filter filter) {
        FilterValidator.check(filter, mapping.resourceType());
        Part part = part(filter);
        return new SqlTranslation(Optional.ofNullable(part.where), Optional.ofNullable(part.residual));
    }

    /** A translated piece: {@code where} (null = no condition) and {@code residual} (null = nothing left). */
    private record Part(SqlFragment where, Filter residual) {
        static Part residual(Filter f) {
            return new Part(null, f);
        }

        boolean complete() {
            return residual == null;
        }
    }

    private Part part(Filter filter) {
        if (filter instanceof Filter.And and) {
            Part left = part(and.left());
            Part right = part(and.right());
            SqlFragment where = left.where == null ? right.where
                    : right.where == null ? left.where : join(left.where, "AND", right.where);
            Filter residual = left.residual == null ? right.residual
                    : right.residual == null ? left.residual : new Filter.And(left.residual, right.residual);
            return new Part(where, residual);
        }
        if (filter instanceof Filter.Or or) {
            Part left = part(or.left());
            Part right = part(or.right());
            return left.complete() && right.complete()
                    ? new Part(join(left.where, "OR", right.where), null) : Part.residual(filter);
        }
        if (filter instanceof Filter.Not not) {
            Part inner = part(not.inner());
            return inner.complete() ? new Part(negate(inner.where), null) : Part.residual(filter);
        }
        Optional<SqlFragment> leaf = Optional.empty();
        if (filter instanceof Filter.Comparison c) {
            leaf = comparison(c);
        } else if (filter instanceof Filter.Present p) {
            leaf = column(p.path()).map(SqlTranslator::present);
        }
        return leaf.map(w -> new Part(w, null)).orElseGet(() -> Part.residual(filter));
    }

    private Optional<SqlColumn> column(dev.scimkit.filter.ast.AttributePath path) {
        return ResolvedPath.resolve(mapping.resourceType(), path)
                .filter(p -> !p.multiValued() && !p.leaf().isComplex())
                .flatMap(mapping::column);
    }

    private Optional<SqlFragment> comparison(Filter.Comparison c) {
        Optional<SqlColumn> column = column(c.path());
        if (column.isEmpty()) {
            return Optional.empty();
        }
        SqlColumn col = column.get();
        boolean ne = c.operator() == CompareOperator.NE;
        if (c.value() instanceof Literal.NullLiteral) {
            SqlFragment present = present(col);
            return Optional.of(ne ? present : negate(present));
        }
        Optional<SqlFragment> positive = positive(col, ne ? CompareOperator.EQ : c.operator(), c.value());
        return ne ? positive.map(SqlTranslator::negate) : positive;
    }

    private Optional<SqlFragment> positive(SqlColumn col, CompareOperator op, Literal value) {
        String expr = col.expression();
        return switch (col.type()) {
            case STRING -> {
                if (!(value instanceof Literal.StringLiteral s)) {
                    yield Optional.of(constantFalse());
                }
                if (op.isOrdering() && !pushDownStringOrdering) {
                    yield Optional.empty();
                }
                if (op == CompareOperator.EQ && col.foldedCopy().isPresent()) {
                    // The copy holds the column folded as the evaluator folds case-insensitive text,
                    // so comparing it with the folded value is exact, and an index on it answers.
                    String folded = col.foldedCopy().get();
                    yield Optional.of(guarded(folded, folded + " = ?", s.value().toLowerCase(Locale.ROOT)));
                }
                String left = col.caseExact() ? expr : "LOWER(" + expr + ")";
                String right = col.caseExact() ? "?" : "LOWER(?)";
                if (op.isSubstring()) {
                    String pattern = switch (op) {
                        case CO -> "%" + escapeLike(s.value()) + "%";
                        case SW -> escapeLike(s.value()) + "%";
                        default -> "%" + escapeLike(s.value());
                    };
                    yield Optional.of(guarded(expr, left + " LIKE " + right + " ESCAPE '!'", pattern));
                }
                yield Optional.of(guarded(expr, left + " " + sqlOperator(op) + " " + right, s.value()));
            }
            case BOOLEAN -> Optional.of(value instanceof Literal.BooleanLiteral b && op == CompareOperator.EQ
                    ? guarded(expr, expr + " = ?", b.value()) : constantFalse());
            case NUMBER -> Optional.of(value instanceof Literal.NumberLiteral n && !op.isSubstring()
                    ? guarded(expr, expr + " " + sqlOperator(op) + " ?", n.value()) : constantFalse());
            case TIMESTAMP -> {
                if (op.isSubstring()) {
                    // The evaluator matches the stored text, which SQL does not have in portable form.
                    yield Optional.empty();
                }
                if (!(value instanceof Literal.StringLiteral s)) {
                    yield Optional.of(constantFalse());
                }
                yield Optional.of(DateTimes.parse(s.value())
                        .map(instant -> guarded(expr, expr + " " + sqlOperator(op) + " ?", Timestamp.from(instant)))
                        .orElseGet(SqlTranslator::constantFalse));
            }
        };
    }

    private static SqlFragment present(SqlColumn col) {
        String expr = col.expression();
        return col.type() == SqlType.STRING
                ? new SqlFragment("(" + expr + " IS NOT NULL AND " + expr + " <> '')", List.of())
                : new SqlFragment("(" + expr + " IS NOT NULL)", List.of());
    }

    /** {@code (col IS NOT NULL AND condition)}: FALSE rather than UNKNOWN on NULL, so NOT stays exact. */
    private static SqlFragment guarded(String expr, String condition, Object parameter) {
        return new SqlFragment("(" + expr + " IS NOT NULL AND " + condition + ")", List.of(parameter));
    }

    private static SqlFragment constantFalse() {
        return new SqlFragment(FALSE, List.of());
    }

    private static SqlFragment negate(SqlFragment f) {
        return new SqlFragment("(NOT " + f.sql() + ")", f.parameters());
    }

    private static SqlFragment join(SqlFragment a, String op, SqlFragment b) {
        List<Object> params = new ArrayList<>(a.parameters());
        params.addAll(b.parameters());
        return new SqlFragment("(" + a.sql() + " " + op + " " + b.sql() + ")", params);
    }

    private static String sqlOperator(CompareOperator op) {
        return switch (op) {
            case EQ -> "=";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
            default -> throw new IllegalArgumentException("No SQL comparison for " + op);
        };
    }

    /** Escapes LIKE's wildcards and the escape character itself ({@code !}). */
    static String escapeLike(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                sb.append('!');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
