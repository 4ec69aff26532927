package dev.scimkit.filter.sql;

import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.eval.ResolvedPath;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which attributes of a resource type live in which columns. Only single-valued, non-complex
 * attributes can be mapped, and a column's type and case sensitivity come from the schema, so that
 * SQL and the in-memory evaluator always agree. Immutable.
 *
 * <pre>{@code
 * SqlColumnMapping mapping = SqlColumnMapping.builder(registry.user())
 *         .map("userName", "u.user_name")
 *         .map("meta.lastModified", "u.last_modified")
 *         .map("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "u.employee_number")
 *         .build();
 * }</pre>
 */
public final class SqlColumnMapping {

    private final ResourceTypeDefinition type;
    private final Map<String, SqlColumn> columnsByPathKey;

    private SqlColumnMapping(Builder b) {
        this.type = b.type;
        this.columnsByPathKey = Collections.unmodifiableMap(new LinkedHashMap<>(b.columns));
    }

    public static Builder builder(ResourceTypeDefinition type) {
        return new Builder(type);
    }

    public ResourceTypeDefinition resourceType() {
        return type;
    }

    /** The column of a resolved path, if mapped. */
    public Optional<SqlColumn> column(ResolvedPath path) {
        return Optional.ofNullable(columnsByPathKey.get(path.canonicalKey()));
    }

    /** The column of an attribute path (any spelling, with or without the core schema URN), if mapped. */
    public Optional<SqlColumn> column(AttributePath path) {
        return ResolvedPath.resolve(type, path).flatMap(this::column);
    }

    /** Builds a {@link SqlColumnMapping}. */
    public static final class Builder {
        private final ResourceTypeDefinition type;
        private final Map<String, SqlColumn> columns = new LinkedHashMap<>();

        private Builder(ResourceTypeDefinition type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /**
         * Maps an attribute path to a column expression (trusted SQL, such as {@code u.user_name}).
         *
         * @throws IllegalArgumentException when the schema does not know the path, or it is complex or multi-valued
         */
        public Builder map(String attributePath, String columnExpression) {
            return put(attributePath, columnExpression, Optional.empty());
        }

        /**
         * Maps a case-insensitive string attribute to a column whose lower-cased copy
         * ({@code toLowerCase(Locale.ROOT)}, the evaluator's folding) the database keeps in
         * {@code foldedColumnExpression}. {@code eq} and {@code ne} then compare the copy with the
         * folded value, so an ordinary index on the copy answers them; every other operator reads
         * {@code columnExpression}. The copy must hold the folded column for every row a query can
         * return (NULL only where the column is NULL, or on rows no query selects).
         *
         * @throws IllegalArgumentException as {@link #map}, and when the attribute is not a
         *                                  case-insensitive string
         */
        public Builder mapFoldedCopy(String attributePath, String columnExpression, String foldedColumnExpression) {
            Objects.requireNonNull(foldedColumnExpression, "foldedColumnExpression");
            return put(attributePath, columnExpression, Optional.of(foldedColumnExpression));
        }

        private Builder put(String attributePath, String columnExpression, Optional<String> foldedCopy) {
            ResolvedPath path = ResolvedPath.resolve(type, Filters.parseAttributePath(attributePath))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "The " + type.name() + " schema has no attribute " + attributePath));
            if (path.multiValued() || path.leaf().isComplex()) {
                throw new IllegalArgumentException(attributePath
                        + " is multi-valued or complex; only single-valued simple attributes map to a column");
            }
            columns.put(path.canonicalKey(), new SqlColumn(columnExpression, SqlType.of(path.leaf().type()),
                    path.leaf().caseExact(), foldedCopy));
            return this;
        }

        public SqlColumnMapping build() {
            return new SqlColumnMapping(this);
        }
    }
}
