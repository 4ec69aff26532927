package dev.scimkit.filter.sql;

import java.util.Objects;

/**
 * A column (or any SQL expression over the row) holding one single-valued attribute.
 *
 * @param expression trusted SQL text, such as {@code u.user_name}; never built from request input
 * @param type       the SQL type family
 * @param caseExact  whether string comparisons are case-sensitive (from the attribute's schema)
 */
public record SqlColumn(String expression, SqlType type, boolean caseExact) {
    public SqlColumn {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(type, "type");
        if (expression.isBlank()) {
            throw new IllegalArgumentException("A column expression must not be blank");
        }
    }
}
