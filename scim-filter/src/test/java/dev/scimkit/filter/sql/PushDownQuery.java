package dev.scimkit.filter.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a translation the way a store does: {@code SELECT id FROM <table> WHERE <sql>} with the
 * parameters bound, then the residual filter in memory on each row's resource.
 */
final class PushDownQuery {

    private PushDownQuery() {
    }

    /** The oracle: the ids (indexes into {@code users}) the in-memory evaluator selects. */
    static Set<Integer> evaluate(FilterEvaluator evaluator, Filter filter, List<ObjectNode> users) {
        Set<Integer> ids = new TreeSet<>();
        for (int i = 0; i < users.size(); i++) {
            if (evaluator.matches(filter, users.get(i))) {
                ids.add(i);
            }
        }
        return ids;
    }

    /** The ids (indexes into {@code users}) of the rows the SQL selects and the residual keeps. */
    static Set<Integer> select(Connection db, String table, SqlTranslation translation, FilterEvaluator evaluator,
                               List<ObjectNode> users) throws SQLException {
        String sql = "SELECT id FROM " + table + translation.where().map(w -> " WHERE " + w.sql()).orElse("");
        Set<Integer> ids = new TreeSet<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            List<Object> params = translation.where().map(SqlFragment::parameters).orElse(List.of());
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    if (translation.residual().map(r -> evaluator.matches(r, users.get(id))).orElse(true)) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }
}
