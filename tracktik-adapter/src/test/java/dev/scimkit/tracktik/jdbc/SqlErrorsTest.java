package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.tracktik.port.StoreUnavailableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of SQL failures a client can meet, from the SQLState classes of ISO/IEC 9075 and the
 * codes PostgreSQL (Appendix A of its manual) and H2 ({@code org.h2.api.ErrorCode}) document, to
 * what the client is told: 409 uniqueness naming the clashing attribute, 400 invalidValue, 503 with
 * a short {@code Retry-After} for a lock or a write conflict that clears in seconds, 503 with the
 * default {@code Retry-After} for a store that is down, or a server bug (no SCIM status of its own).
 * The end-to-end tests ({@link StoreFailuresTest}) cover three of these through a real H2 file; this
 * is the whole table, so a code dropped from a set or a class prefix changed cannot go unnoticed.
 */
class SqlErrorsTest {

    private static final Duration DEFAULT = StoreUnavailableException.DEFAULT_RETRY_AFTER;
    private static final Duration SHORT = Duration.ofSeconds(5);

    /** A unique violation names the attribute behind the constraint, whatever the case of the message. */
    @ParameterizedTest(name = "23505 on {0} -> 409 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "Unique index or primary key violation: \"PUBLIC.UQ_EMPLOYEE_USER_NAME ON PUBLIC.EMPLOYEE\" | userName",
            "duplicate key value violates unique constraint \"uq_employee_user_name\"                   | userName",
            "duplicate key value violates unique constraint \"uq_employee_custom_id\"                   | employeeNumber",
            "Unique index violation: \"PUBLIC.UQ_EMPLOYEE_EMAIL ON PUBLIC.EMPLOYEE\"                    | email",
            "duplicate key value violates unique constraint \"uq_role_name\"                            | displayName",
    })
    void aUniqueViolationIs409NamingTheAttribute(String message, String attribute) {
        SQLException e = new SQLException(message, "23505");
        ScimException scim = scim(SqlErrors.translate(e));
        assertThat(scim.status()).isEqualTo(409);
        assertThat(scim.scimType()).contains(ScimErrorType.UNIQUENESS);
        assertThat(scim.detail()).contains(attribute);
        assertThat(scim.retryAfter()).isEmpty();
        assertThat(SqlErrors.isUniqueViolation(e)).isTrue();
        assertThat(SqlErrors.isRetryable(e)).isFalse();
        assertThat(SqlErrors.isUnavailable(e)).isFalse();
    }

    @ParameterizedTest(name = "23505 on an unnamed constraint ({0}) -> 409 naming no attribute")
    @ValueSource(strings = {"duplicate key value violates unique constraint \"pk_region\"", ""})
    void aUniqueViolationOfAnotherConstraintIs409WithoutNamingAnAttribute(String message) {
        ScimException scim = scim(SqlErrors.translate(new SQLException(message.isEmpty() ? null : message, "23505")));
        assertThat(scim.status()).isEqualTo(409);
        assertThat(scim.scimType()).contains(ScimErrorType.UNIQUENESS);
        assertThat(scim.detail()).doesNotContain("userName", "employeeNumber", "email", "displayName");
    }

    @ParameterizedTest(name = "22001 -> 400 invalidValue")
    @ValueSource(strings = {"Value too long for column \"FIRST_NAME CHARACTER VARYING(100)\"",
            "value too long for type character varying(100)"})
    void aValueTooLongIs400InvalidValue(String message) {
        SQLException e = new SQLException(message, "22001");
        ScimException scim = scim(SqlErrors.translate(e));
        assertThat(scim.status()).isEqualTo(400);
        assertThat(scim.scimType()).contains(ScimErrorType.INVALID_VALUE);
        assertThat(scim.retryAfter()).isEmpty();
        assertThat(SqlErrors.isUniqueViolation(e)).isFalse();
        assertThat(SqlErrors.isRetryable(e)).isFalse();
        assertThat(SqlErrors.isUnavailable(e)).isFalse();
    }

    /**
     * SQLState → retryable (the database aborted one side of a conflict: running the work again is
     * safe) and unavailable (the store is at fault) → the Retry-After the 503 carries.
     */
    @ParameterizedTest(name = "{0} ({4}) -> retryable {1}, unavailable {2}, Retry-After {3}")
    @CsvSource(delimiter = '|', value = {
            // write conflicts: retried by the store, then a short wait
            "40001 | true  | false | SHORT   | serialization failure (both)",
            "40P01 | true  | false | SHORT   | PostgreSQL deadlock detected",
            "90131 | true  | false | SHORT   | H2 concurrent update",
            // a lock or a statement that timed out: the other transaction ends within seconds
            "55P03 | false | true  | SHORT   | PostgreSQL lock_not_available",
            "57014 | false | true  | SHORT   | PostgreSQL query_canceled (statement_timeout)",
            "HYT00 | false | true  | SHORT   | H2 LOCK_TIMEOUT_1",
            "50200 | false | true  | SHORT   | H2 LOCK_TIMEOUT_1 as error code",
            // the database itself is down, full or broken: wait longer
            "57P01 | false | true  | DEFAULT | PostgreSQL admin_shutdown",
            "57P02 | false | true  | DEFAULT | PostgreSQL crash_shutdown",
            "57P03 | false | true  | DEFAULT | PostgreSQL cannot_connect_now",
            "90028 | false | true  | DEFAULT | H2 IO_EXCEPTION_2",
            "90031 | false | true  | DEFAULT | H2 IO_EXCEPTION_1",
            "90098 | false | true  | DEFAULT | H2 DATABASE_IS_CLOSED",
            "90121 | false | true  | DEFAULT | H2 DATABASE_CALLED_AT_SHUTDOWN",
            "90108 | false | true  | DEFAULT | H2 OUT_OF_MEMORY",
            "50000 | false | true  | DEFAULT | H2 GENERAL_ERROR_1",
            // whole standard classes
            "08001 | false | true  | DEFAULT | class 08: sqlclient_unable_to_establish_sqlconnection",
            "08006 | false | true  | DEFAULT | class 08: connection_failure",
            "08P01 | false | true  | DEFAULT | class 08: PostgreSQL protocol_violation",
            "53100 | false | true  | DEFAULT | class 53: disk_full",
            "53200 | false | true  | DEFAULT | class 53: out_of_memory",
            "53300 | false | true  | DEFAULT | class 53: too_many_connections",
            "58030 | false | true  | DEFAULT | class 58: io_error",
            "58P01 | false | true  | DEFAULT | class 58: undefined_file",
    })
    void aStoreFailureIs503WithRetryAfter(String state, boolean retryable, boolean unavailable, String wait,
                                         String meaning) {
        SQLException e = new SQLException("failure: " + meaning, state);
        assertThat(SqlErrors.isRetryable(e)).as("retryable").isEqualTo(retryable);
        assertThat(SqlErrors.isUnavailable(e)).as("unavailable").isEqualTo(unavailable);
        assertThat(SqlErrors.isUniqueViolation(e)).isFalse();

        RuntimeException translated = SqlErrors.translate(e);
        assertThat(translated).isInstanceOf(StoreUnavailableException.class).hasCause(e);
        ScimException scim = (ScimException) translated;
        assertThat(scim.status()).isEqualTo(503);
        assertThat(scim.scimType()).isEmpty();
        assertThat(scim.retryAfter()).contains(wait.equals("SHORT") ? SHORT : DEFAULT);
        assertThat(scim.detail()).contains("nothing was changed").doesNotContain(state).doesNotContain(meaning);
    }

    /**
     * Everything else is a bug of the server (a missing table, a broken constraint the request cannot
     * explain, a code of a class that only looks like a listed one): no SCIM status of its own, so the
     * server answers 500, and the SQLState is kept for the log.
     */
    @ParameterizedTest(name = "{0} -> server failure")
    @ValueSource(strings = {"42P01", "42S02", "23503", "23502", "22003", "40002", "X0800", "X5300",
            "80001", "35800", "57000", "HY000", "90132", "9013", "55000", ""})
    void anythingElseIsAServerFailureThatKeepsItsSqlState(String state) {
        SQLException e = new SQLException("failure", state.isEmpty() ? null : state);
        assertThat(SqlErrors.isRetryable(e)).isFalse();
        assertThat(SqlErrors.isUnavailable(e)).isFalse();
        assertThat(SqlErrors.isUniqueViolation(e)).isFalse();
        RuntimeException translated = SqlErrors.translate(e);
        assertThat(translated).isExactlyInstanceOf(IllegalStateException.class).hasCause(e);
        assertThat(translated.getMessage()).contains("SQLState " + state);
    }

    private static ScimException scim(RuntimeException translated) {
        assertThat(translated).isInstanceOf(ScimException.class).isNotInstanceOf(StoreUnavailableException.class);
        return (ScimException) translated;
    }
}
