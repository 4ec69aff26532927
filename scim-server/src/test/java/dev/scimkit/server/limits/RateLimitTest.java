package dev.scimkit.server.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    @Test
    void readsRatesWithUnitsAndBursts() {
        assertThat(RateLimit.parse("600/min")).isEqualTo(new RateLimit(600, Duration.ofMinutes(1), 600));
        assertThat(RateLimit.parse(" 20/s,burst=50 ")).isEqualTo(new RateLimit(20, Duration.ofSeconds(1), 50));
        assertThat(RateLimit.parse("1000/h")).isEqualTo(new RateLimit(1000, Duration.ofHours(1), 1000));
    }

    @Test
    void refusesWhatIsNotARateWithAMessageQuotingIt() {
        for (String bad : new String[] {"600", "0/min", "-5/s", "ten/min", "5/week", "5/min,bursts=3", "5/min,burst=0", "/min"}) {
            assertThatThrownBy(() -> RateLimit.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }
}
