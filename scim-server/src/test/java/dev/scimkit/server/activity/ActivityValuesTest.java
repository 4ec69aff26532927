package dev.scimkit.server.activity;

import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The History feed's values at their edges: the cursor a page link carries (a client may hand back
 * anything), the bounds a query and a retention accept, and what an entry defaults to.
 */
class ActivityValuesTest {

    private static final TenantId TENANT = TenantId.of("portal-a");

    @Test
    void aCursorTravelsAsEpochMicrosAndIdAndComesBackTheSame() {
        ActivityCursor cursor = new ActivityCursor(Instant.parse("2026-11-30T08:00:01.000002Z"), 42);
        assertThat(cursor.text()).isEqualTo("1796025601000002.42");
        assertThat(ActivityCursor.parse(cursor.text())).contains(cursor);

        ActivityCursor beforeTheEpoch = new ActivityCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), 0);
        assertThat(beforeTheEpoch.text()).isEqualTo("-1.0");
        assertThat(ActivityCursor.parse("-1.0")).contains(beforeTheEpoch);
        assertThat(ActivityCursor.parse("-1000001.7")).contains(new ActivityCursor(Instant.parse("1969-12-31T23:59:58.999999Z"), 7));
    }

    @Test
    void aTimeIsKeptToTheMicrosecond() {
        Instant withNanos = Instant.parse("2026-11-30T08:00:00.123456789Z");
        assertThat(ActivityCursor.micros(withNanos)).isEqualTo(1_796_025_600_123_456L);
        assertThat(ActivityCursor.ofMicros(1_796_025_600_123_456L)).isEqualTo(Instant.parse("2026-11-30T08:00:00.123456Z"));
        assertThatThrownBy(() -> ActivityCursor.micros(Instant.MAX)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void anythingButACursorsTextIsNoCursor() {
        for (String text : new String[] {null, "", ".", ".5", "5", "5.", "a.b", "1.b", "a.1", "1.2.3", "1 .2", "0x1.2",
                "12345678901234567890.1", "1.12345678901234567890",
                "1" + "0".repeat(35) + ".12345"}) {
            assertThat(ActivityCursor.parse(text)).as(String.valueOf(text)).isEmpty();
        }
        assertThat(ActivityCursor.parse("1".repeat(19) + "." + "2".repeat(19)))
                .contains(new ActivityCursor(ActivityCursor.ofMicros(1_111_111_111_111_111_111L), 2_222_222_222_222_222_222L));
        for (String text : new String[] {"1".repeat(20) + ".1", "1." + "1".repeat(20), "9".repeat(19) + ".1", "1." + "9".repeat(19),
                "1.-1", "+1.1", "1.+1", " 1.1", "1.1 ", "1.1\n"}) {
            assertThat(ActivityCursor.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void aPageOfAtMostTheLimitSaysWhereTheNextStarts() {
        List<LoggedActivity> fetched = List.of(logged(3, 30), logged(2, 20), logged(1, 10));
        ActivityPage full = ActivityPage.of(fetched, 2);
        assertThat(full.entries()).extracting(LoggedActivity::id).containsExactly(30L, 20L);
        assertThat(full.next()).contains(new ActivityCursor(Instant.EPOCH.plusSeconds(2), 20));
        ActivityPage last = ActivityPage.of(fetched, 3);
        assertThat(last.entries()).hasSize(3);
        assertThat(last.next()).isEmpty();
        assertThatThrownBy(() -> last.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static LoggedActivity logged(int second, long id) {
        return new LoggedActivity(id, ActivityEntry.builder(Instant.EPOCH.plusSeconds(second), TENANT, "c", "GET", "/x").build());
    }

    @Test
    void aQueryAsksForOneTo500EntriesFiftyByDefault() {
        assertThat(ActivityQuery.builder(TENANT).build().limit()).isEqualTo(50);
        assertThat(ActivityQuery.builder(TENANT).limit(1).build().limit()).isEqualTo(1);
        assertThat(ActivityQuery.builder(TENANT).limit(500).build().limit()).isEqualTo(500);
        for (int limit : new int[] {0, -1, 501}) {
            assertThatThrownBy(() -> ActivityQuery.builder(TENANT).limit(limit).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 to 500");
        }
    }

    @Test
    void aQueryTrimsItsTextAndTreatsBlankAsAbsent() {
        ActivityQuery q = ActivityQuery.builder(TENANT).target(Optional.of("  Ann ")).client(Optional.of(" okta ")).build();
        assertThat(q.target()).contains("Ann");
        assertThat(q.client()).contains("okta");
        ActivityQuery blank = ActivityQuery.builder(TENANT).target(Optional.of(" ")).client(Optional.of("")).build();
        assertThat(blank.target()).isEmpty();
        assertThat(blank.client()).isEmpty();
        ActivityQuery defaults = ActivityQuery.builder(TENANT).build();
        assertThat(defaults.failedOnly()).isFalse();
        assertThat(List.of(defaults.from(), defaults.to(), defaults.before())).allSatisfy(o -> assertThat(o).isEmpty());
    }

    @Test
    void aRetentionKeepsSomethingForSomeTime() {
        assertThat(ActivityRetention.DEFAULT).isEqualTo(new ActivityRetention(Duration.ofDays(30), 1_000_000));
        assertThat(new ActivityRetention(Duration.ofNanos(1), 1).maxEntriesPerTenant()).isEqualTo(1);
        assertThatThrownBy(() -> new ActivityRetention(Duration.ZERO, 1)).hasMessage("maxAge must be positive");
        assertThatThrownBy(() -> new ActivityRetention(Duration.ofSeconds(-1), 1)).hasMessage("maxAge must be positive");
        assertThatThrownBy(() -> new ActivityRetention(Duration.ofDays(1), 0)).hasMessage("maxEntriesPerTenant must be at least 1");
        assertThatThrownBy(() -> new ActivityRetention(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anEntryFailedFrom400OnAndDefaultsToItsMethodAndPath() {
        ActivityEntry plain = ActivityEntry.builder(Instant.EPOCH, TENANT, "entra", "DELETE", "/Users/1").build();
        assertThat(plain.operation()).isEqualTo("DELETE /Users/1");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.failed()).isFalse();
        assertThat(plain.durationMicros()).isZero();
        assertThat(List.of(plain.resourceType(), plain.targetId(), plain.targetDisplay(), plain.scimType(), plain.detail(),
                plain.requestBody())).allSatisfy(o -> assertThat(o).isEmpty());

        ActivityEntry.Builder b = ActivityEntry.builder(Instant.EPOCH, TENANT, "entra", "PATCH", "/Users/1");
        assertThat(b.status(399).build().failed()).isFalse();
        assertThat(b.status(400).build().failed()).isTrue();
        ActivityEntry full = b.resourceType("User").operation("updated user").targetId("1").targetDisplay("ann")
                .scimType("invalidValue").detail("no").durationMicros(7).requestBody("{}").build();
        assertThat(full.resourceType()).contains("User");
        assertThat(full.operation()).isEqualTo("updated user");
        assertThat(full.targetId()).contains("1");
        assertThat(full.targetDisplay()).contains("ann");
        assertThat(full.scimType()).contains("invalidValue");
        assertThat(full.detail()).contains("no");
        assertThat(full.durationMicros()).isEqualTo(7);
        assertThat(full.requestBody()).contains("{}");
        assertThat(b.targetId(null).detail(null).build().targetId()).as("null is absent").isEmpty();
        assertThatThrownBy(() -> b.operation(null)).isInstanceOf(NullPointerException.class);
    }
}
