package dev.scimkit.tracktik.jdbc;

import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.sql.SqlColumnMapping;
import dev.scimkit.filter.sql.SqlTranslation;
import dev.scimkit.filter.sql.SqlTranslator;
import dev.scimkit.tracktik.port.EmployeeColumn;
import dev.scimkit.tracktik.port.FilterColumns;
import dev.scimkit.tracktik.port.FilterSplit;
import dev.scimkit.tracktik.port.RoleColumn;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits SCIM filters into SQL over the store's columns and a residual, with the scim-filter
 * {@link SqlTranslator}. String ordering stays in memory: PostgreSQL's collation would not order
 * strings as the evaluator does.
 */
final class JdbcFilters {

    private final Map<FilterColumns<?>, SqlTranslator> translators = new ConcurrentHashMap<>();

    static String expression(EmployeeColumn column) {
        return switch (column) {
            case SCIM_ID -> "e.scim_id";
            case USER_NAME -> "e.user_name";
            case EXTERNAL_ID -> "e.external_id";
            case CREATED -> "e.created";
            case LAST_MODIFIED -> "e.last_modified";
            case CUSTOM_ID -> "e.custom_id";
            case FIRST_NAME -> "e.first_name";
            case LAST_NAME -> "e.last_name";
            case EMAIL -> "e.email";
            case JOB_TITLE -> "e.job_title";
            case DEPARTMENT -> "e.department";
            case MANAGER_ID -> "e.manager_id";
            case LANGUAGE -> "e.language";
            case ACTIVE -> "(e.status = 'ACTIVE')";
        };
    }

    static String expression(RoleColumn column) {
        return switch (column) {
            case SCIM_ID -> "r.scim_id";
            case NAME -> "r.name";
            case EXTERNAL_ID -> "r.external_id";
            case CREATED -> "r.created";
            case LAST_MODIFIED -> "r.last_modified";
        };
    }

    FilterSplit splitEmployees(FilterColumns<EmployeeColumn> columns, Filter filter) {
        SqlTranslator translator = translators.computeIfAbsent(columns, c -> {
            SqlColumnMapping.Builder b = SqlColumnMapping.builder(columns.type());
            columns.columns().forEach((path, column) -> b.map(path, expression(column)));
            return new SqlTranslator(b.build());
        });
        return split(translator.translate(filter));
    }

    FilterSplit splitRoles(FilterColumns<RoleColumn> columns, Filter filter) {
        SqlTranslator translator = translators.computeIfAbsent(columns, c -> {
            SqlColumnMapping.Builder b = SqlColumnMapping.builder(columns.type());
            columns.columns().forEach((path, column) -> b.map(path, expression(column)));
            return new SqlTranslator(b.build());
        });
        return split(translator.translate(filter));
    }

    private static FilterSplit split(SqlTranslation t) {
        return new FilterSplit(t.where().map(JdbcCondition::new), t.residual());
    }

    static Optional<JdbcCondition> condition(Optional<? extends dev.scimkit.tracktik.port.PushedFilter> pushed) {
        if (pushed.isEmpty()) {
            return Optional.empty();
        }
        if (pushed.get() instanceof JdbcCondition c) {
            return Optional.of(c);
        }
        throw new IllegalArgumentException("A filter pushed by another store: " + pushed.get().getClass().getName());
    }
}
