package dev.scimkit.filter.sql;

import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL with {@code ?} placeholders and the values to bind to them, in order. Values are
 * {@link String}, {@link java.math.BigDecimal}, {@link Boolean} or {@link java.sql.Timestamp}.
 *
 * @param sql        SQL text with {@code ?} placeholders; request input never appears in it
 * @param parameters the values for the placeholders
 */
public record SqlFragment(String sql, List<Object> parameters) {
    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }
}
