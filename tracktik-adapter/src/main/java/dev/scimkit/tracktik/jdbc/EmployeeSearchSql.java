package dev.scimkit.tracktik.jdbc;

import dev.scimkit.filter.sql.SqlFragment;
import dev.scimkit.tracktik.port.EmployeeSearch;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code AND …} conditions on {@code tt_employee e} of an {@link EmployeeSearch}, with its
 * parameters; the same answer as {@link EmployeeSearch#matches} (the contract tests compare them).
 * Text is compared with {@code LOWER(…) LIKE} and the search's own wildcards escaped, so a {@code %}
 * or {@code _} typed by an administrator is matched as itself.
 */
final class EmployeeSearchSql {

    private EmployeeSearchSql() {
    }

    static SqlFragment of(EmployeeSearch search) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        search.status().ifPresent(s -> {
            sql.append(" AND e.status = ?");
            params.add(s.name());
        });
        search.regionId().ifPresent(r -> {
            sql.append(" AND e.region_id = ?");
            params.add(r);
        });
        search.heldRole().ifPresent(r -> {
            sql.append(" AND LOWER(e.held_role_name) = ?");
            params.add(EmployeeSearch.fold(r));
        });
        if (!search.text().isEmpty()) {
            String folded = EmployeeSearch.fold(search.text());
            String contains = "%" + escapeLike(folded) + "%";
            sql.append(" AND (LOWER(e.user_name) LIKE ? ESCAPE '\\' OR LOWER(e.first_name) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(e.last_name) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(e.first_name || ' ' || e.last_name) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(e.custom_id) = ?)");
            params.addAll(List.of(contains, contains, contains, contains, folded));
        }
        return new SqlFragment(sql.toString(), params);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
