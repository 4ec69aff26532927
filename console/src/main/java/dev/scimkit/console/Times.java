package dev.scimkit.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times as the console shows and reads them: UTC, to the second; the form's {@code datetime-local} values. */
final class Times {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String show(Instant time) {
        return SHOWN.format(time);
    }

    /**
     * A {@code datetime-local} value ({@code 2026-12-02T08:30} or with seconds) read as UTC; empty for an
     * empty field.
     *
     * @throws ConsoleException 400 for anything else
     */
    static Optional<Instant> parseLocal(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new ConsoleException(400, field + " must be a date and time such as 2026-12-02T08:30");
        }
    }
}
