package dev.scimkit.tracktik.port;

import dev.scimkit.core.error.ScimException;

/**
 * A write computed from a version that is no longer current: HTTP 412 for a client that sent
 * {@code If-Match}; a repository without one re-reads and retries.
 */
public final class VersionConflictException extends ScimException {

    private static final long serialVersionUID = 1L;

    public VersionConflictException(String what, String scimId, long expected, long actual) {
        super(412, null, "The " + what + " " + scimId + " has changed: its version is W/\"" + actual
                + "\", not W/\"" + expected + "\"; read it again and retry");
    }
}
