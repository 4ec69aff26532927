package dev.scimkit.server.activity;

import java.util.List;
import java.util.Optional;

/**
 * A page of activity, newest first.
 *
 * @param entries the entries of the page
 * @param next    the position to ask for the next (older) page from; empty on the last page
 */
public record ActivityPage(List<LoggedActivity> entries, Optional<ActivityCursor> next) {
    public ActivityPage {
        entries = List.copyOf(entries);
        java.util.Objects.requireNonNull(next, "next");
    }

    /** The page of {@code limit} entries out of {@code fetched} (the log fetches one more to know whether more follow). */
    public static ActivityPage of(List<LoggedActivity> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new ActivityPage(fetched, Optional.empty());
        }
        List<LoggedActivity> page = fetched.subList(0, limit);
        return new ActivityPage(page, Optional.of(page.get(limit - 1).position()));
    }
}
