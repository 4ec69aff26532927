package dev.scimkit.core.resource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parsers for the lexical forms of RFC 7643 §2.3 data types, shared by the validator, the filter
 * evaluator and anything else that compares values.
 */
public final class AttributeValues {

    /**
     * xsd:dateTime as RFC 7643 §2.3.5 asks: date, {@code T}, time with optional fraction (any number of
     * digits; Entra ID sends seven), and an optional {@code Z} or {@code ±hh:mm} offset. RFC 3339 also
     * allows lower-case {@code t} and {@code z}.
     */
    private static final Pattern DATE_TIME = Pattern.compile(
            "-?\\d{4,}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})?");

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);   // 2011-02-30 is an error, not 2011-02-28

    private AttributeValues() {
    }

    /**
     * Parses an xsd:dateTime. A value without an offset is read as UTC (xsd leaves it "local", and a
     * server has no better reading); fractions beyond nanoseconds are truncated.
     */
    public static Optional<OffsetDateTime> parseDateTime(String text) {
        if (text == null || text.length() > 64 || !DATE_TIME.matcher(text).matches()) {
            return Optional.empty();
        }
        String s = text;
        ZoneOffset offset = ZoneOffset.UTC;
        char last = s.charAt(s.length() - 1);
        if (last == 'Z' || last == 'z') {
            s = s.substring(0, s.length() - 1);
        } else if (s.length() > 6 && (s.charAt(s.length() - 6) == '+' || s.charAt(s.length() - 6) == '-')
                && s.charAt(s.length() - 3) == ':') {
            try {
                offset = ZoneOffset.of(s.substring(s.length() - 6));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
            s = s.substring(0, s.length() - 6);
        }
        int dot = s.indexOf('.');
        if (dot > 0 && s.length() - dot - 1 > 9) {
            s = s.substring(0, dot + 10);
        }
        try {
            return Optional.of(LocalDateTime.parse(s, LOCAL).atOffset(offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the text is an xsd:dateTime (see {@link #parseDateTime(String)}). */
    public static boolean isDateTime(String text) {
        return parseDateTime(text).isPresent();
    }

    /** Whether the text is base64 (RFC 4648 §4; padding optional, no line breaks). */
    public static boolean isBase64(String text) {
        if (text == null) {
            return false;
        }
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the text is a URI reference (absolute or relative), as {@code reference} values are. */
    public static boolean isUriReference(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        try {
            new URI(text);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The integer value of a number with no fractional part ({@code 3}, {@code 3.0}, {@code 3e2});
     * empty for {@code 3.5}. RFC 7643 §2.3.4: "A decimal number with no fractional digits".
     */
    public static Optional<BigInteger> integral(BigDecimal number) {
        // Huge exponents would make stripTrailingZeros/toBigInteger allocate without bound.
        if (number.scale() < -1000 || number.precision() - number.scale() > 1000) {
            return Optional.empty();
        }
        try {
            return Optional.of(number.toBigIntegerExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
