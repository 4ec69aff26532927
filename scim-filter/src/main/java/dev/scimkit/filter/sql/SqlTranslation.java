package dev.scimkit.filter.sql;

import dev.scimkit.filter.ast.Filter;

import java.util.Objects;
import java.util.Optional;

/**
 * A filter split into a SQL condition and a residual filter: the resources matching the original
 * filter are exactly the rows matching {@code where} (all rows when empty) that also match
 * {@code residual} in memory (all of them when empty).
 *
 * @param where    the pushed-down condition, if any part could be translated
 * @param residual what is left to evaluate in memory with the {@code FilterEvaluator}
 */
public record SqlTranslation(Optional<SqlFragment> where, Optional<Filter> residual) {
    public SqlTranslation {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(residual, "residual");
    }

    /** Whether the whole filter became SQL. */
    public boolean isComplete() {
        return residual.isEmpty();
    }
}
