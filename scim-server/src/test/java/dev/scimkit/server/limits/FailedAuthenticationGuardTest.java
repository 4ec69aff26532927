package dev.scimkit.server.limits;

import dev.scimkit.server.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailedAuthenticationGuardTest {

    private final MutableClock clock = MutableClock.at("2026-12-02T09:00:00Z");
    private final List<FailedAuthenticationGuard.Incident> incidents = new ArrayList<>();
    private final FailedAuthenticationGuard guard = FailedAuthenticationGuard.builder()
            .freeFailures(3).lockouts(Duration.ofSeconds(2), Duration.ofSeconds(30)).forgetAfter(Duration.ofMinutes(10))
            .clock(clock).onIncident(incidents::add).build();

    @Test
    void freeFailuresThenLockoutsThatDoubleUpToTheLongest() {
        for (int i = 0; i < 3; i++) {
            guard.failed("203.0.113.7");
            assertThat(guard.refusal("203.0.113.7")).as("after failure %d", i + 1).isEmpty();
        }
        List<Duration> lockouts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            guard.failed("203.0.113.7");
            Duration wait = guard.refusal("203.0.113.7").orElseThrow();
            lockouts.add(wait);
            clock.advance(wait);
            assertThat(guard.refusal("203.0.113.7")).isEmpty();
        }
        assertThat(lockouts).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void anIncidentIsReportedOnceWithTheAddress() {
        for (int i = 0; i < 10; i++) {
            guard.failed("198.51.100.1");
            clock.advance(Duration.ofSeconds(31));
        }
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).address()).isEqualTo("198.51.100.1");
        assertThat(incidents.get(0).failures()).isEqualTo(4);
    }

    @Test
    void otherAddressesAreNotAffected() {
        for (int i = 0; i < 5; i++) {
            guard.failed("198.51.100.1");
        }
        assertThat(guard.refusal("198.51.100.1")).isPresent();
        assertThat(guard.refusal("198.51.100.2")).isEmpty();
    }

    @Test
    void aSuccessEndsTheIncident() {
        for (int i = 0; i < 5; i++) {
            guard.failed("198.51.100.1");
        }
        guard.succeeded("198.51.100.1");
        assertThat(guard.refusal("198.51.100.1")).isEmpty();
        for (int i = 0; i < 3; i++) {
            guard.failed("198.51.100.1");
        }
        assertThat(guard.refusal("198.51.100.1")).isEmpty();
    }

    @Test
    void aQuietSpellForgetsTheFailuresAndANewIncidentIsReportedAgain() {
        for (int i = 0; i < 4; i++) {
            guard.failed("198.51.100.1");
        }
        clock.advance(Duration.ofMinutes(11));
        for (int i = 0; i < 3; i++) {
            guard.failed("198.51.100.1");
        }
        assertThat(guard.refusal("198.51.100.1")).isEmpty();
        guard.failed("198.51.100.1");
        assertThat(guard.refusal("198.51.100.1")).contains(Duration.ofSeconds(2));
        assertThat(incidents).hasSize(2);
    }
}
