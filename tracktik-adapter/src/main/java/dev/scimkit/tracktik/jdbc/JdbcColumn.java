package dev.scimkit.tracktik.jdbc;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a store field lives in SQL: its column expression and, for text the schema keeps a
 * case-folded copy of ({@link Keys#fold}), that copy's column. Equality on a case-insensitive
 * attribute compares the folded copy with the folded value, which an ordinary index answers on H2
 * and PostgreSQL alike, where {@code LOWER(column) = LOWER(?)} would read every row.
 *
 * @param expression  trusted SQL over the {@code e} or {@code r} alias, such as {@code e.user_name}
 * @param foldedCopy  a column holding {@code Keys.fold(expression)} for every row a query can return
 */
record JdbcColumn(String expression, Optional<String> foldedCopy) {
    JdbcColumn {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(foldedCopy, "foldedCopy");
    }

    static JdbcColumn plain(String expression) {
        return new JdbcColumn(expression, Optional.empty());
    }

    static JdbcColumn withFoldedCopy(String expression, String foldedCopy) {
        return new JdbcColumn(expression, Optional.of(foldedCopy));
    }
}
