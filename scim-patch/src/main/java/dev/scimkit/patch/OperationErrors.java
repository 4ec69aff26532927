package dev.scimkit.patch;

import dev.scimkit.core.error.ScimException;

/** Puts the failing operation's index in front of an error detail, keeping status and scimType. */
final class OperationErrors {

    private OperationErrors() {
    }

    static ScimException at(int index, String description, ScimException e) {
        String prefix = "Operation " + index + " (" + description + "): ";
        if (e.detail().startsWith("Operation ")) {
            return e;
        }
        return new ScimException(e.status(), e.scimType().orElse(null), prefix + e.detail(), e);
    }
}
