package dev.scimkit.filter.eval;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads SCIM dateTime values (RFC 7643 §2.3.5, xsd:dateTime) as instants, so that they compare
 * chronologically whatever their offset or fractional digits. A value without an offset is read as UTC.
 */
public final class DateTimes {

    private DateTimes() {
    }

    /** The instant {@code text} denotes, or empty when it is not an xsd:dateTime. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADateTime) {
                return Optional.empty();
            }
        }
    }
}
