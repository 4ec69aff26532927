package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.error.ScimException;
import dev.scimkit.tracktik.port.StoreUnavailableException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Turns SQL failures into what a SCIM client should see. The SQLState classes are standard, so H2 and
 * PostgreSQL read the same: 23505 unique violation → 409 uniqueness (named by the constraint), 22001
 * value too long → 400 invalidValue. A store that is down, full, out of connections or stuck on a lock
 * → 503 with {@code Retry-After}, which Entra ID and Okta retry; nothing of the request was committed.
 * Anything else is a server bug and stays an {@link IllegalStateException}.
 */
final class SqlErrors {

    /** Write conflicts the database resolved by aborting one side; running the work again is safe. */
    private static final Set<String> RETRYABLE = Set.of(
            "40001",  // serialization failure (both)
            "40P01",  // PostgreSQL deadlock detected
            "90131"); // H2 concurrent update in another transaction

    /**
     * The store, not the request, is at fault; H2 reports its own error code as the SQLState. Waiting
     * helps: a database coming back, a disk freed, a lock released, a pool slot freed.
     */
    private static final Set<String> UNAVAILABLE = Set.of(
            "57P01", "57P02", "57P03", // PostgreSQL shut down, crashed, not accepting connections yet
            "55P03",                   // PostgreSQL lock not available (lock_timeout)
            "57014",                   // PostgreSQL statement cancelled (statement_timeout)
            "HYT00", "50200",          // H2 lock timeout
            "90028", "90031",          // H2 I/O failure (disk full, file gone)
            "90098", "90121",          // H2 database closed (after an I/O failure), or closing at shutdown
            "90108",                   // H2 out of memory
            "50000");                  // H2 general error: its storage engine failed underneath

    /** Standard SQLState classes that mean the same for every database. */
    private static boolean unavailableClass(String state) {
        return state.startsWith("08")  // connection exception
                || state.startsWith("53") // insufficient resources: disk full, out of memory, too many connections
                || state.startsWith("58"); // system error: I/O
    }

    /** How long a client is asked to wait after a lock or pool timeout: these clear in seconds. */
    static final Duration BRIEF = Duration.ofSeconds(5);

    private SqlErrors() {
    }

    static RuntimeException translate(SQLException e) {
        String state = state(e);
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (state.equals("23505")) {
            if (message.contains("uq_employee_user_name")) {
                return ScimException.uniqueness("A User with this userName already exists (userName is unique without regard to case)");
            }
            if (message.contains("uq_employee_custom_id")) {
                return ScimException.uniqueness("Another User already has this employeeNumber: it is the employee's"
                        + " TrackTik Employee ID (customId), which is unique in the portal without regard to case");
            }
            if (message.contains("uq_employee_email")) {
                return ScimException.uniqueness("Another User already has this work email: TrackTik keeps an"
                        + " employee's email unique in the portal, without regard to case");
            }
            if (message.contains("uq_role_name")) {
                return ScimException.uniqueness("A Group with this displayName already exists (displayName is unique without regard to case)");
            }
            return ScimException.uniqueness("The resource conflicts with an existing one");
        }
        if (state.equals("22001")) {
            return ScimException.invalidValue("A value is longer than the TrackTik store accepts; shorten the attribute");
        }
        if (isRetryable(e)) {
            return new StoreUnavailableException("The TrackTik database kept aborting this change for a concurrent one;"
                    + " nothing was changed, retry later", BRIEF, e);
        }
        if (isUnavailable(e)) {
            boolean brief = state.equals("HYT00") || state.equals("50200") || state.equals("55P03") || state.equals("57014");
            return brief
                    ? new StoreUnavailableException("The TrackTik database is busy with a concurrent change to the same"
                            + " resource; nothing was changed, retry later", BRIEF, e)
                    : new StoreUnavailableException("The TrackTik database is not available; nothing was changed, retry later", e);
        }
        return new IllegalStateException("TrackTik store failure (SQLState " + state + ")", e);
    }

    /** Whether the failure is a unique violation (a create that raced another). */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Whether the database aborted the transaction for a concurrent one, so that running it again may succeed. */
    static boolean isRetryable(SQLException e) {
        return RETRYABLE.contains(state(e));
    }

    /** Whether the store, not the request, failed: the client should retry later. */
    static boolean isUnavailable(SQLException e) {
        String state = state(e);
        return UNAVAILABLE.contains(state) || unavailableClass(state);
    }

    private static String state(SQLException e) {
        return e.getSQLState() == null ? "" : e.getSQLState();
    }
}
