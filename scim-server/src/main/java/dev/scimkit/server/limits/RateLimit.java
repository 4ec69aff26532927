package dev.scimkit.server.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A request rate as a token bucket: {@code requests} per {@code period} on average, with up to
 * {@code burst} requests at once after a quiet spell. Immutable.
 *
 * @param requests how many requests a period allows, at least 1
 * @param period   the period, positive
 * @param burst    the bucket's size: how many requests may arrive at once, at least 1
 */
public record RateLimit(int requests, Duration period, int burst) {

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (requests < 1 || burst < 1) {
            throw new IllegalArgumentException("A rate limit allows at least one request");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit's period must be positive");
        }
    }

    /** {@code requests} per minute, all of them allowed at once. */
    public static RateLimit perMinute(int requests) {
        return new RateLimit(requests, Duration.ofMinutes(1), requests);
    }

    /** {@code requests} per second, all of them allowed at once. */
    public static RateLimit perSecond(int requests) {
        return new RateLimit(requests, Duration.ofSeconds(1), requests);
    }

    /** The same average rate with another burst size. */
    public RateLimit withBurst(int value) {
        return new RateLimit(requests, period, value);
    }

    /**
     * Reads {@code N/s}, {@code N/min} or {@code N/h} (burst N), optionally followed by
     * {@code ,burst=B}: {@code 600/min}, {@code 20/s,burst=50}.
     *
     * @throws IllegalArgumentException with a message for the person who wrote it
     */
    public static RateLimit parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Integer burst = null;
        int comma = t.indexOf(',');
        if (comma >= 0) {
            String extra = t.substring(comma + 1).trim();
            if (!extra.startsWith("burst=")) {
                throw new IllegalArgumentException("A rate limit looks like 600/min or 20/s,burst=50, not '" + text + "'");
            }
            burst = positive(extra.substring("burst=".length()), text);
            t = t.substring(0, comma).trim();
        }
        int slash = t.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("A rate limit looks like 600/min or 20/s,burst=50, not '" + text + "'");
        }
        int requests = positive(t.substring(0, slash), text);
        Duration period = switch (t.substring(slash + 1).trim()) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "m", "min", "minute" -> Duration.ofMinutes(1);
            case "h", "hour" -> Duration.ofHours(1);
            default -> throw new IllegalArgumentException("A rate limit's unit is s, min or h, not '" + text + "'");
        };
        return new RateLimit(requests, period, burst == null ? requests : burst);
    }

    private static int positive(String number, String text) {
        try {
            int n = Integer.parseInt(number.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("A rate limit needs a positive whole number, not '" + text + "'");
    }

    @Override
    public String toString() {
        return requests + "/" + period + (burst == requests ? "" : ",burst=" + burst);
    }
}
