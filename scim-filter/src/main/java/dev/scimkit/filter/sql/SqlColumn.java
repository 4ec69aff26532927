package dev.scimkit.filter.sql;

import java.util.Objects;
import java.util.Optional;

/**
 * A column (or any SQL expression over the row) holding one single-valued attribute.
 *
 * @param expression trusted SQL text, such as {@code u.user_name}; never built from request input
 * @param type       the SQL type family
 * @param caseExact  whether string comparisons are case-sensitive (from the attribute's schema)
 * @param foldedCopy a column holding {@code expression.toLowerCase(Locale.ROOT)} for every row a query
 *                   can return, if the database keeps one (only for case-insensitive string columns);
 *                   {@code eq}/{@code ne} then compare it with the folded value, which an ordinary
 *                   index answers, instead of {@code LOWER(expression) = LOWER(?)}, which none does
 */
public record SqlColumn(String expression, SqlType type, boolean caseExact, Optional<String> foldedCopy) {
    public SqlColumn {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(foldedCopy, "foldedCopy");
        if (expression.isBlank()) {
            throw new IllegalArgumentException("A column expression must not be blank");
        }
        if (foldedCopy.isPresent()) {
            if (foldedCopy.get().isBlank()) {
                throw new IllegalArgumentException("A folded copy's column expression must not be blank");
            }
            if (type != SqlType.STRING || caseExact) {
                // The copy is only ever read for case-insensitive string equality; anywhere else it
                // would silently be ignored, which hides a mapping mistake.
                throw new IllegalArgumentException("Only a case-insensitive string column can have a folded copy: "
                        + expression);
            }
        }
    }

    /** A column without a folded copy. */
    public SqlColumn(String expression, SqlType type, boolean caseExact) {
        this(expression, type, caseExact, Optional.empty());
    }
}
