package dev.scimkit.tracktik.port;

import dev.scimkit.core.error.ScimException;

/**
 * The store could not be reached or did not answer in time (database down, portal unreachable after
 * retries): HTTP 503, so provisioning clients retry later. The detail never carries credentials.
 */
public final class StoreUnavailableException extends ScimException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String detail, Throwable cause) {
        super(503, null, detail, cause);
    }
}
