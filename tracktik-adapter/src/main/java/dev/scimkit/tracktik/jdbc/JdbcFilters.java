package dev.scimkit.tracktik.jdbc;

import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.sql.SqlColumnMapping;
import dev.scimkit.filter.sql.SqlFragment;
import dev.scimkit.filter.sql.SqlTranslation;
import dev.scimkit.filter.sql.SqlTranslator;
import dev.scimkit.tracktik.port.EmployeeColumn;
import dev.scimkit.tracktik.port.FilterColumns;
import dev.scimkit.tracktik.port.FilterSplit;
import dev.scimkit.tracktik.port.RoleColumn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Splits SCIM filters into SQL over the store's columns and a residual, with the scim-filter
 * {@link SqlTranslator}; equality on userName and role names reads the indexed, case-folded key
 * columns, declared to it as folded copies ({@link Keys#fold} is the translator's folding). String
 * ordering stays in memory: PostgreSQL's collation would not order strings as the evaluator does.
 */
final class JdbcFilters {

    private final Map<FilterColumns<?>, SqlTranslator> translators = new ConcurrentHashMap<>();

    static JdbcColumn column(EmployeeColumn column) {
        return switch (column) {
            case SCIM_ID -> JdbcColumn.plain("e.scim_id");
            // user_name_key is NULL only for archived employees, which no SCIM query returns.
            case USER_NAME -> JdbcColumn.withFoldedCopy("e.user_name", "e.user_name_key");
            case EXTERNAL_ID -> JdbcColumn.plain("e.external_id");
            case CREATED -> JdbcColumn.plain("e.created");
            case LAST_MODIFIED -> JdbcColumn.plain("e.last_modified");
            case CUSTOM_ID -> JdbcColumn.plain("e.custom_id");
            case FIRST_NAME -> JdbcColumn.plain("e.first_name");
            case LAST_NAME -> JdbcColumn.plain("e.last_name");
            case EMAIL -> JdbcColumn.plain("e.email");
            case JOB_TITLE -> JdbcColumn.plain("e.job_title");
            case DEPARTMENT -> JdbcColumn.plain("e.department");
            case MANAGER_ID -> JdbcColumn.plain("e.manager_id");
            case LANGUAGE -> JdbcColumn.plain("e.language");
            case ACTIVE -> JdbcColumn.plain("(e.status = 'ACTIVE')");
        };
    }

    static JdbcColumn column(RoleColumn column) {
        return switch (column) {
            case SCIM_ID -> JdbcColumn.plain("r.scim_id");
            case NAME -> JdbcColumn.withFoldedCopy("r.name", "r.name_key");
            case EXTERNAL_ID -> JdbcColumn.plain("r.external_id");
            case CREATED -> JdbcColumn.plain("r.created");
            case LAST_MODIFIED -> JdbcColumn.plain("r.last_modified");
        };
    }

    FilterSplit splitEmployees(FilterColumns<EmployeeColumn> columns, Filter filter) {
        return split(translators.computeIfAbsent(columns, c -> translator(columns, JdbcFilters::column)).translate(filter));
    }

    FilterSplit splitRoles(FilterColumns<RoleColumn> columns, Filter filter) {
        return split(translators.computeIfAbsent(columns, c -> translator(columns, JdbcFilters::column)).translate(filter));
    }

    private static <C extends Enum<C>> SqlTranslator translator(FilterColumns<C> columns,
                                                                Function<C, JdbcColumn> sql) {
        SqlColumnMapping.Builder b = SqlColumnMapping.builder(columns.type());
        columns.columns().forEach((path, column) -> {
            JdbcColumn c = sql.apply(column);
            c.foldedCopy().ifPresentOrElse(key -> b.mapFoldedCopy(path, c.expression(), key),
                    () -> b.map(path, c.expression()));
        });
        return new SqlTranslator(b.build());
    }

    private static FilterSplit split(SqlTranslation t) {
        return new FilterSplit(t.where().map(JdbcCondition::new), t.residual());
    }

    /**
     * A pushed filter as SQL to append to the tenant's {@code WHERE}: {@code " AND <condition>"} with its
     * parameters, or empty SQL without any when nothing was pushed.
     */
    static SqlFragment andWhere(Optional<? extends dev.scimkit.tracktik.port.PushedFilter> pushed) {
        return condition(pushed).map(c -> new SqlFragment(" AND " + c.where().sql(), c.where().parameters()))
                .orElseGet(() -> new SqlFragment("", List.of()));
    }

    private static Optional<JdbcCondition> condition(Optional<? extends dev.scimkit.tracktik.port.PushedFilter> pushed) {
        if (pushed.isEmpty()) {
            return Optional.empty();
        }
        if (pushed.get() instanceof JdbcCondition c) {
            return Optional.of(c);
        }
        throw new IllegalArgumentException("A filter pushed by another store: " + pushed.get().getClass().getName());
    }
}
