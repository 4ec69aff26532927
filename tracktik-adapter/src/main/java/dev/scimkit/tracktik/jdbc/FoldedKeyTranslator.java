package dev.scimkit.tracktik.jdbc;

import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;
import dev.scimkit.filter.eval.FilterValidator;
import dev.scimkit.filter.sql.SqlColumn;
import dev.scimkit.filter.sql.SqlColumnMapping;
import dev.scimkit.filter.sql.SqlFragment;
import dev.scimkit.filter.sql.SqlTranslation;
import dev.scimkit.filter.sql.SqlTranslator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scim-filter {@link SqlTranslator}, except that {@code eq} and {@code ne} on a case-insensitive
 * attribute whose column has a case-folded copy compare that copy with the folded value
 * ({@code key = ?}), which an index answers, instead of {@code LOWER(column) = LOWER(?)}, which no
 * ordinary index answers on PostgreSQL. This is how Entra ID and Okta look a user up
 * ({@code userName eq "…"}) and a group ({@code displayName eq "…"}) before every create.
 *
 * <p>Exact: the key column holds {@link Keys#fold} of the column, the value is folded the same way,
 * and the in-memory evaluator compares case-insensitive strings through that very folding.
 * Everything else (other operators, other columns, literals of another type, {@code null}) is
 * translated by the {@link SqlTranslator}, and {@code and}/{@code or}/{@code not} are composed as it
 * composes them: {@code and} keeps each side's SQL and residual; {@code or} and {@code not} become SQL
 * only when their operands translate completely.
 */
final class FoldedKeyTranslator {

    private final SqlColumnMapping mapping;
    private final SqlTranslator translator;
    /** Column expression → its folded copy, for the mapped columns that have one. */
    private final Map<String, String> foldedCopies;

    FoldedKeyTranslator(SqlColumnMapping mapping, Map<String, String> foldedCopies) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.translator = new SqlTranslator(mapping);
        this.foldedCopies = Map.copyOf(foldedCopies);
    }

    SqlTranslation translate(Filter filter) {
        if (foldedCopies.isEmpty()) {
            return translator.translate(filter);
        }
        FilterValidator.check(filter, mapping.resourceType());
        Part part = part(filter);
        return new SqlTranslation(Optional.ofNullable(part.where), Optional.ofNullable(part.residual));
    }

    /** {@code where} null = no condition; {@code residual} null = nothing left. */
    private record Part(SqlFragment where, Filter residual) {
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
                    ? new Part(join(left.where, "OR", right.where), null) : new Part(null, filter);
        }
        if (filter instanceof Filter.Not not) {
            Part inner = part(not.inner());
            return inner.complete() ? new Part(negate(inner.where), null) : new Part(null, filter);
        }
        if (filter instanceof Filter.Comparison c) {
            Optional<SqlFragment> keyed = keyed(c);
            if (keyed.isPresent()) {
                return new Part(keyed.get(), null);
            }
        }
        SqlTranslation leaf = translator.translate(filter);
        return new Part(leaf.where().orElse(null), leaf.residual().orElse(null));
    }

    /** {@code key = ?} (or its negation for {@code ne}) when the comparison can use a folded copy. */
    private Optional<SqlFragment> keyed(Filter.Comparison c) {
        boolean ne = c.operator() == CompareOperator.NE;
        if (!(c.operator() == CompareOperator.EQ || ne) || !(c.value() instanceof Literal.StringLiteral s)) {
            return Optional.empty();
        }
        Optional<SqlColumn> column = mapping.column(c.path());
        if (column.isEmpty() || column.get().caseExact()) {
            return Optional.empty();
        }
        String key = foldedCopies.get(column.get().expression());
        if (key == null) {
            return Optional.empty();
        }
        // Two-valued like the SqlTranslator's conditions, so NOT stays exact for a NULL key.
        SqlFragment eq = new SqlFragment("(" + key + " IS NOT NULL AND " + key + " = ?)", List.of(Keys.fold(s.value())));
        return Optional.of(ne ? negate(eq) : eq);
    }

    private static SqlFragment negate(SqlFragment f) {
        return new SqlFragment("(NOT " + f.sql() + ")", f.parameters());
    }

    private static SqlFragment join(SqlFragment a, String op, SqlFragment b) {
        List<Object> params = new ArrayList<>(a.parameters());
        params.addAll(b.parameters());
        return new SqlFragment("(" + a.sql() + " " + op + " " + b.sql() + ")", params);
    }
}
