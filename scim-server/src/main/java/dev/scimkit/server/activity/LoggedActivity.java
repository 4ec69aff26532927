package dev.scimkit.server.activity;

import java.util.Objects;

/**
 * An {@link ActivityEntry} as an {@link ActivityLog} holds it, with the id the log gave it; the id
 * orders entries of the same instant, so time and id together are a stable keyset position.
 *
 * @param id    the log's id, increasing in the order entries were appended
 * @param entry the entry
 */
public record LoggedActivity(long id, ActivityEntry entry) {
    public LoggedActivity {
        Objects.requireNonNull(entry, "entry");
    }

    /** The keyset position just past this entry (for the page of older entries). */
    public ActivityCursor position() {
        return new ActivityCursor(entry.time(), id);
    }
}
