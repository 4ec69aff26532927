package dev.scimkit.tracktik.port;

import dev.scimkit.core.error.ScimException;

import java.util.Optional;

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

    /**
     * The {@code If-Match} check every store and repository makes before a write.
     *
     * @param expected the version the client named, if it named one
     * @param actual   the version the record has now
     * @throws VersionConflictException when {@code expected} is present and differs from {@code actual}
     */
    public static void check(String what, String scimId, Optional<Long> expected, long actual) {
        if (expected.isPresent() && expected.get() != actual) {
            throw new VersionConflictException(what, scimId, expected.get(), actual);
        }
    }
}
