package dev.scimkit.tracktik.scim;

import dev.scimkit.core.error.ScimException;

import java.util.Optional;

/** Reads the {@code W/"7"} entity tags the engine passes as expected versions. */
final class Versions {

    private Versions() {
    }

    /**
     * The version number of a tag ({@code W/"7"}, {@code "7"}, {@code 7}); a tag this store never
     * issued can match no version, so it is a 412.
     */
    static Optional<Long> expected(Optional<String> tag, String what, String id) {
        if (tag.isEmpty()) {
            return Optional.empty();
        }
        String t = tag.get().trim();
        if (t.regionMatches(true, 0, "W/", 0, 2)) {
            t = t.substring(2).trim();
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        try {
            return Optional.of(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw ScimException.status(412, "The " + what + " " + id + " has changed: its version is not " + tag.get());
        }
    }
}
