package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.error.ScimException;
import dev.scimkit.tracktik.port.StoreUnavailableException;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns SQL failures into what a SCIM client should see. The SQLState classes are standard, so H2 and
 * PostgreSQL read the same: 23505 unique violation → 409 uniqueness (named by the constraint), 22001
 * value too long → 400 invalidValue, 08xxx connection failures → 503; anything else is a server bug
 * and stays an {@link IllegalStateException}.
 */
final class SqlErrors {

    private SqlErrors() {
    }

    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (state.equals("23505")) {
            if (message.contains("uq_employee_user_name")) {
                return ScimException.uniqueness("A User with this userName already exists (userName is unique without regard to case)");
            }
            if (message.contains("uq_role_name")) {
                return ScimException.uniqueness("A Group with this displayName already exists (displayName is unique without regard to case)");
            }
            return ScimException.uniqueness("The resource conflicts with an existing one");
        }
        if (state.equals("22001")) {
            return ScimException.invalidValue("A value is longer than the TrackTik store accepts; shorten the attribute");
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
            return new StoreUnavailableException("The TrackTik database is not reachable; retry later", e);
        }
        return new IllegalStateException("TrackTik store failure (SQLState " + state + ")", e);
    }

    /** Whether the failure is a unique violation (a create that raced another). */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
