package dev.scimkit.server.servlet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log line's parts: its time in milliseconds, and paths cut to a bounded length. */
class ScimAccessLogFilterTest {

    @Property(tries = 2_000)
    void millisecondsAreWrittenAsPercentPointOneFWouldWriteThem(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long micros) {
        assertThat(ScimAccessLogFilter.millis(micros))
                .isEqualTo(String.format(Locale.ROOT, "%.1f", micros / 1000.0));
    }

    @Test
    void millisecondsAtTheRoundingEdges() {
        for (long micros : new long[] {0, 49, 50, 51, 949, 950, 999, 1_000, 1_049, 1_050, 1_150, 9_950, 99_950}) {
            assertThat(ScimAccessLogFilter.millis(micros)).as("%d µs", micros)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", micros / 1000.0));
        }
    }

    @Test
    void ordinaryPathsAreLoggedWhole() {
        String path = "/rest/scim/v2/Users/2819c223-7f76-453a-919d-413861904646";
        assertThat(ScimAccessLogFilter.loggablePath(path)).isEqualTo(path);
    }

    @Test
    void aHugePathIsCutAndItsLengthSaid() {
        String path = "/rest/scim/v2/Users/" + "x".repeat(5_000);
        assertThat(ScimAccessLogFilter.loggablePath(path))
                .startsWith("/rest/scim/v2/Users/xxx")
                .endsWith("…(" + path.length() + " chars)")
                .hasSizeLessThan(ScimAccessLogFilter.MAX_LOGGED_PATH + 20);
    }
}
