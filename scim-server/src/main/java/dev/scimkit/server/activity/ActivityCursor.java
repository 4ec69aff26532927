package dev.scimkit.server.activity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A keyset position in an activity list, newest first: the page after it holds the entries older
 * than ({@code time}, {@code id}). Its text form is safe in a URL and is parsed strictly.
 *
 * @param time the time of the last entry shown
 * @param id   the log id of the last entry shown
 */
public record ActivityCursor(Instant time, long id) {
    public ActivityCursor {
        Objects.requireNonNull(time, "time");
    }

    /** {@code <epoch micros>.<id>}, for a {@code before} query parameter. */
    public String text() {
        return micros(time) + "." + id;
    }

    /** Parses {@link #text()}; empty for anything else. */
    public static Optional<ActivityCursor> parse(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(text.substring(0, dot));
            long id = Long.parseLong(text.substring(dot + 1));
            return Optional.of(new ActivityCursor(ofMicros(micros), id));
        } catch (NumberFormatException | java.time.DateTimeException | ArithmeticException e) {
            return Optional.empty();
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
