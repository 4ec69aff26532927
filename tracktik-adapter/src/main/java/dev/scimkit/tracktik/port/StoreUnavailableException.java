package dev.scimkit.tracktik.port;

import dev.scimkit.core.error.ScimException;

import java.time.Duration;

/**
 * The store could not be reached or did not answer in time (database down, disk full, pool exhausted,
 * portal unreachable after retries): HTTP 503 with a {@code Retry-After} header, so provisioning
 * clients (Entra ID, Okta) send the same request again later. Nothing was written. The detail never
 * carries credentials.
 */
public final class StoreUnavailableException extends ScimException {

    /** What the answer asks a client to wait when the store does not know better. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String detail, Throwable cause) {
        this(detail, DEFAULT_RETRY_AFTER, cause);
    }

    public StoreUnavailableException(String detail, Duration retryAfter, Throwable cause) {
        super(503, null, detail, cause, retryAfter);
    }
}
