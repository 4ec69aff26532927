package dev.scimkit.core.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure that reaches the client as an RFC 7644 §3.12 error body: an HTTP status, an optional
 * {@code scimType} and a human-readable {@code detail}.
 *
 * <p>Every layer of scimkit reports bad input with this exception, so the server can answer with the
 * right status instead of a 500. Use the static factories; they pick the status the RFC pairs with
 * each {@code scimType}.
 */
public class ScimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final ScimErrorType scimType;
    private final Duration retryAfter;

    public ScimException(int status, ScimErrorType scimType, String detail) {
        this(status, scimType, detail, null);
    }

    public ScimException(int status, ScimErrorType scimType, String detail, Throwable cause) {
        this(status, scimType, detail, cause, null);
    }

    /**
     * A failure that the client may retry after {@code retryAfter}; the server sends it as a
     * {@code Retry-After} header, which Entra ID and Okta honour on 429 and 503.
     */
    protected ScimException(int status, ScimErrorType scimType, String detail, Throwable cause, Duration retryAfter) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        this.status = status;
        this.scimType = scimType;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status of the response. */
    public int status() {
        return status;
    }

    /** The {@code scimType}, absent for errors that have none (404, 401, 412, 500, ...). */
    public Optional<ScimErrorType> scimType() {
        return Optional.ofNullable(scimType);
    }

    /** How long the client should wait before it retries; absent where a retry would not help. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The text for the {@code detail} member of the error body. */
    public String detail() {
        return getMessage();
    }

    public static ScimException of(ScimErrorType type, String detail) {
        return new ScimException(type.defaultStatus(), type, detail);
    }

    public static ScimException invalidFilter(String detail) {
        return of(ScimErrorType.INVALID_FILTER, detail);
    }

    public static ScimException invalidPath(String detail) {
        return of(ScimErrorType.INVALID_PATH, detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return of(ScimErrorType.INVALID_SYNTAX, detail);
    }

    public static ScimException invalidValue(String detail) {
        return of(ScimErrorType.INVALID_VALUE, detail);
    }

    public static ScimException mutability(String detail) {
        return of(ScimErrorType.MUTABILITY, detail);
    }

    public static ScimException noTarget(String detail) {
        return of(ScimErrorType.NO_TARGET, detail);
    }

    public static ScimException uniqueness(String detail) {
        return of(ScimErrorType.UNIQUENESS, detail);
    }

    public static ScimException tooMany(String detail) {
        return of(ScimErrorType.TOO_MANY, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    /**
     * 503 Service Unavailable: the server is fine but something it needs (its store) is not, for now.
     * Nothing was changed; the client should send the same request again after {@code retryAfter}.
     */
    public static ScimException unavailable(String detail, Duration retryAfter, Throwable cause) {
        return new ScimException(503, null, detail, cause, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** A status without a {@code scimType} (401, 403, 404, 405, 409, 412, 413, 501, ...). */
    public static ScimException status(int status, String detail) {
        return new ScimException(status, null, detail);
    }
}
