package dev.scimkit.server.activity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keyset position in an activity list, newest first: the page after it holds the entries older
 * than ({@code time}, {@code id}). Its text form is safe in a URL and is parsed strictly.
 *
 * @param time the time of the last entry shown
 * @param id   the log id of the last entry shown
 */
public record ActivityCursor(Instant time, long id) {
    private static final Pattern TEXT = Pattern.compile("(-?[0-9]{1,19})\\.([0-9]{1,19})");

    public ActivityCursor {
        Objects.requireNonNull(time, "time");
    }

    /** {@code <epoch micros>.<id>}, for a {@code before} query parameter. */
    public String text() {
        return micros(time) + "." + id;
    }

    /** Parses {@link #text()}; empty for anything else. */
    public static Optional<ActivityCursor> parse(String text) {
        // Bounded digits: the text comes from a client's URL and is matched before anything is parsed.
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ActivityCursor(ofMicros(Long.parseLong(m.group(1))), Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // 19 digits beyond a long
        }
    }

    /** The instant {@code micros} microseconds after the epoch. */
    public static Instant ofMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Microseconds since the epoch: the precision every log keeps (PostgreSQL's timestamp has no more). */
    public static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000L);
    }
}
