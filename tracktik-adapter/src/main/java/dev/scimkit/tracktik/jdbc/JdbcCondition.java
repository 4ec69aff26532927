package dev.scimkit.tracktik.jdbc;

import dev.scimkit.filter.sql.SqlFragment;
import dev.scimkit.tracktik.port.PushedFilter;

import java.util.Objects;

/** A pushed-down filter of the JDBC store: an SQL condition over the {@code e} or {@code r} alias. */
record JdbcCondition(SqlFragment where) implements PushedFilter {
    JdbcCondition {
        Objects.requireNonNull(where, "where");
    }
}
