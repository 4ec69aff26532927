package dev.scimkit.console;

import dev.scimkit.server.limits.FailedAuthenticationGuard;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in throttling per address and per administrator account, on a clock the test moves. */
class SignInThrottleTest {

    /** A clock that only moves when told. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final List<FailedAuthenticationGuard.Incident> incidents = new ArrayList<>();
    private final SignInThrottle throttle = new SignInThrottle(guard(2), guard(4));
    private final Optional<ConsoleTenant> ann = Optional.of(new ConsoleTenant(TenantId.of("portal-a"), "ann",
            AdminPassword.parse("pbkdf2-sha256$10000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
            List.of()));

    private FailedAuthenticationGuard guard(int free) {
        return FailedAuthenticationGuard.builder().freeFailures(free).lockouts(Duration.ofSeconds(10), Duration.ofMinutes(5))
                .clock(clock).onIncident(incidents::add).build();
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedForLongerEachTime() {
        throttle.failed("10.0.0.1", Optional.empty());
        throttle.failed("10.0.0.1", Optional.empty());
        assertThat(throttle.refusal("10.0.0.1", Optional.empty())).isEmpty();
        throttle.failed("10.0.0.1", Optional.empty());
        assertThat(throttle.refusal("10.0.0.1", Optional.empty())).contains(Duration.ofSeconds(10));
        assertThat(throttle.refusal("10.0.0.2", Optional.empty())).as("another address").isEmpty();
        clock.now = clock.now.plusSeconds(10);
        throttle.failed("10.0.0.1", Optional.empty());
        assertThat(throttle.refusal("10.0.0.1", Optional.empty())).contains(Duration.ofSeconds(20));
        assertThat(incidents).as("one incident, reported once").hasSize(1);
        assertThat(incidents.get(0).address()).isEqualTo("10.0.0.1");
    }

    @Test
    void anAccountGuessedFromManyAddressesIsRefusedFromEveryAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.1." + i, ann);
        }
        assertThat(throttle.refusal("10.9.9.9", ann)).as("a fresh address, the same account").contains(Duration.ofSeconds(10));
        assertThat(throttle.refusal("10.9.9.9", Optional.empty())).as("another user name from there").isEmpty();
        assertThat(incidents).extracting(FailedAuthenticationGuard.Incident::address).containsExactly("ann@portal-a");
    }

    @Test
    void theLongerOfTheTwoRefusalsIsTheAnswer() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.2.1", ann);
        }
        clock.now = clock.now.plusSeconds(10);
        throttle.failed("10.0.2.1", ann);
        // The address failed 6 times (free 2: locked 80 s), the account 6 times (free 4: locked 20 s).
        assertThat(throttle.refusal("10.0.2.1", ann)).contains(Duration.ofSeconds(80));
        assertThat(throttle.refusal("10.0.2.2", ann)).contains(Duration.ofSeconds(20));
    }

    @Test
    void aSuccessEndsTheIncidentOfItsAddressAndAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.3.1", ann);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        throttle.succeeded("10.0.3.1", ann.get());
        throttle.failed("10.0.3.1", ann);
        assertThat(throttle.refusal("10.0.3.1", ann)).as("counting starts again").isEmpty();
    }
}
