package dev.scimkit.tracktik.rest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the store waits before a retry: what a portal's {@code Retry-After} says (RFC 9110
 * §10.2.3: delay-seconds or an HTTP-date), else the back-off with equal jitter.
 */
class RetryAndBackoffTest {

    private static final Instant NOW = Instant.parse("2026-12-02T22:00:00Z");

    private static Optional<Duration> retryAfter(String header) {
        return RetryAfter.parse(Optional.ofNullable(header), NOW);
    }

    @Test
    void retryAfterInSeconds() {
        assertThat(retryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(retryAfter(" 7 ")).contains(Duration.ofSeconds(7));
        assertThat(retryAfter("0")).contains(Duration.ZERO);
        // More digits than a long holds: still a wait, and longer than any cap an operator sets.
        assertThat(retryAfter("99999999999999999999999")).hasValueSatisfying(d ->
                assertThat(d).isGreaterThan(Duration.ofDays(365 * 100)));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        String in90s = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
        assertThat(retryAfter(in90s)).contains(Duration.ofSeconds(90));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(90).atZone(ZoneOffset.UTC));
        assertThat(retryAfter(past)).as("a date in the past means now").contains(Duration.ZERO);
        assertThat(retryAfter("Wed, 02 Dec 2026 22:00:00 GMT")).contains(Duration.ZERO);
    }

    @Test
    void anUnreadableRetryAfterLeavesTheWaitToTheBackOff() {
        assertThat(retryAfter(null)).isEmpty();
        assertThat(retryAfter("")).isEmpty();
        assertThat(retryAfter("   ")).isEmpty();
        assertThat(retryAfter("-5")).isEmpty();
        assertThat(retryAfter("1.5")).isEmpty();
        assertThat(retryAfter("soon")).isEmpty();
        assertThat(retryAfter("2026-12-02T22:01:00Z")).as("ISO is not an HTTP-date").isEmpty();
    }

    @Test
    void eachRetryWaitsBetweenHalfAndAllOfADoublingNominalWaitUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(4), Duration.ofMillis(20));
        // Nominal: 4, 8, 16, then the cap of 20 ms.
        assertThat(waits(backoff, 1)).containsExactly(2L, 3L, 4L);
        assertThat(waits(backoff, 2)).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(waits(backoff, 3)).first().isEqualTo(8L);
        assertThat(waits(backoff, 3)).last().isEqualTo(16L);
        assertThat(waits(backoff, 4)).first().isEqualTo(10L);
        assertThat(waits(backoff, 4)).last().isEqualTo(20L);
        assertThat(waits(backoff, 19)).first().isEqualTo(10L);
        assertThat(waits(backoff, 19)).last().isEqualTo(20L);

        Backoff tiny = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1));
        assertThat(waits(tiny, 1)).containsExactly(0L, 1L);
        assertThat(waits(tiny, 5)).containsExactly(0L, 1L);
    }

    /** Every wait (ms) seen over many draws: the jitter's range, which a few thousand draws cover. */
    private static Set<Long> waits(Backoff backoff, int retry) {
        Set<Long> seen = new TreeSet<>();
        for (int i = 0; i < 4000; i++) {
            seen.add(backoff.delay(retry).toMillis());
        }
        return seen;
    }
}
