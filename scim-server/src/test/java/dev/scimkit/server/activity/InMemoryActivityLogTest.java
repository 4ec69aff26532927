package dev.scimkit.server.activity;

import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference log on its own, entry by entry: the SQL logs are checked against it (in
 * tracktik-adapter), so each of its rules is pinned here by a hand-built History whose answer can be
 * read off the test, not computed by a second copy of the rule.
 */
class InMemoryActivityLogTest {

    private static final TenantId A = TenantId.of("portal-a");
    private static final TenantId B = TenantId.of("portal-b");
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    private final InMemoryActivityLog log = new InMemoryActivityLog(ActivityRetention.DEFAULT);

    private static ActivityEntry.Builder entry(int second, TenantId tenant, String path) {
        return ActivityEntry.builder(T0.plusSeconds(second), tenant, "entra-prod", "GET", path);
    }

    private List<String> paths(ActivityQuery.Builder query) {
        return log.find(query.limit(ActivityQuery.MAX_LIMIT).build()).entries().stream()
                .map(e -> e.entry().path()).toList();
    }

    @Test
    void aTenantWithNoEntriesHasAnEmptyLastPage() {
        ActivityPage page = log.find(ActivityQuery.builder(A).build());
        assertThat(page.entries()).isEmpty();
        assertThat(page.next()).isEmpty();
        assertThat(log.clients(A, T0)).isEmpty();
    }

    @Test
    void newestFirstAndEntriesOfOneInstantInTheOrderTheyCameNewestFirst() {
        // Appended out of time order: the log sorts by time, then by the order of arrival.
        log.append(List.of(entry(5, A, "/second").build(), entry(1, A, "/first").build()));
        log.append(List.of(entry(5, A, "/third").build(), entry(9, A, "/fourth").build()));
        assertThat(paths(ActivityQuery.builder(A))).containsExactly("/fourth", "/third", "/second", "/first");
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeatAcrossEntriesOfOneInstant() {
        List<ActivityEntry> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(entry(i / 3, A, "/" + i).build());
        }
        log.append(entries);
        ActivityPage first = log.find(ActivityQuery.builder(A).limit(3).build());
        assertThat(first.entries()).extracting(e -> e.entry().path()).containsExactly("/6", "/5", "/4");
        assertThat(first.next()).contains(first.entries().get(2).position());

        ActivityPage second = log.find(ActivityQuery.builder(A).limit(3).before(first.next()).build());
        assertThat(second.entries()).extracting(e -> e.entry().path()).containsExactly("/3", "/2", "/1");
        ActivityPage last = log.find(ActivityQuery.builder(A).limit(3).before(second.next()).build());
        assertThat(last.entries()).extracting(e -> e.entry().path()).containsExactly("/0");
        assertThat(last.next()).as("nothing older").isEmpty();
    }

    @Test
    void aPageExactlyAsLargeAsWhatIsLeftIsTheLast() {
        log.append(List.of(entry(1, A, "/1").build(), entry(2, A, "/2").build()));
        ActivityPage page = log.find(ActivityQuery.builder(A).limit(2).build());
        assertThat(page.entries()).hasSize(2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void aCursorKeepsOnlyWhatIsOlderThanItsEntry() {
        log.append(List.of(entry(1, A, "/old").build(), entry(2, A, "/same-a").build(), entry(2, A, "/same-b").build(),
                entry(3, A, "/new").build()));
        LoggedActivity sameB = log.find(ActivityQuery.builder(A).limit(2).build()).entries().get(1);
        assertThat(sameB.entry().path()).isEqualTo("/same-b");
        assertThat(paths(ActivityQuery.builder(A).before(Optional.of(sameB.position()))))
                .as("the cursor's own entry and everything newer are left out")
                .containsExactly("/same-a", "/old");
        ActivityCursor laterAtTheSameInstant = new ActivityCursor(T0.plusSeconds(2), Long.MAX_VALUE);
        assertThat(paths(ActivityQuery.builder(A).before(Optional.of(laterAtTheSameInstant))))
                .containsExactly("/same-b", "/same-a", "/old");
    }

    @Test
    void tenantsNeverSeeEachOthersEntries() {
        log.append(List.of(entry(1, A, "/a").build(), entry(2, B, "/b").build()));
        assertThat(paths(ActivityQuery.builder(A))).containsExactly("/a");
        assertThat(paths(ActivityQuery.builder(B))).containsExactly("/b");
        assertThat(paths(ActivityQuery.builder(TenantId.of("portal-c")))).isEmpty();
    }

    @Test
    void failedOnlyKeepsStatusesFrom400On() {
        log.append(List.of(entry(1, A, "/ok").status(200).build(), entry(2, A, "/redirect").status(399).build(),
                entry(3, A, "/bad").status(400).build(), entry(4, A, "/broken").status(503).build()));
        assertThat(paths(ActivityQuery.builder(A).failedOnly(true))).containsExactly("/broken", "/bad");
        assertThat(paths(ActivityQuery.builder(A).failedOnly(false))).hasSize(4);
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        for (int s = 0; s < 5; s++) {
            log.append(List.of(entry(s, A, "/" + s).build()));
        }
        assertThat(paths(ActivityQuery.builder(A).from(Optional.of(T0.plusSeconds(1))).to(Optional.of(T0.plusSeconds(3)))))
                .containsExactly("/2", "/1");
        assertThat(paths(ActivityQuery.builder(A).from(Optional.of(T0.plusSeconds(3))))).containsExactly("/4", "/3");
        assertThat(paths(ActivityQuery.builder(A).to(Optional.of(T0.plusSeconds(1))))).containsExactly("/0");
    }

    @Test
    void aClientIsMatchedExactly() {
        log.append(List.of(ActivityEntry.builder(T0, A, "okta-prod", "GET", "/okta").build(),
                ActivityEntry.builder(T0, A, "okta-prod-2", "GET", "/okta2").build(),
                entry(1, A, "/entra").build()));
        assertThat(paths(ActivityQuery.builder(A).client(Optional.of(" okta-prod ")))).containsExactly("/okta");
        assertThat(paths(ActivityQuery.builder(A).client(Optional.of("okta")))).isEmpty();
        assertThat(paths(ActivityQuery.builder(A).client(Optional.of("  ")))).as("a blank client is no filter").hasSize(3);
    }

    @Test
    void aTargetMatchesAnIdExactlyOrANameByPartIgnoringCase() {
        log.append(List.of(entry(1, A, "/ann").targetId("2819c223").targetDisplay("Ann@Example.com").build(),
                entry(2, A, "/group").targetId("e9e30dba").targetDisplay("Dispatchers").build(),
                entry(3, A, "/anonymous").build(),
                entry(4, A, "/id-only").targetId("ann").build()));
        assertThat(paths(ActivityQuery.builder(A).target(Optional.of("ann@EXAMPLE")))).containsExactly("/ann");
        assertThat(paths(ActivityQuery.builder(A).target(Optional.of("e9e30dba")))).containsExactly("/group");
        assertThat(paths(ActivityQuery.builder(A).target(Optional.of("e9e30")))).as("an id is matched whole").isEmpty();
        assertThat(paths(ActivityQuery.builder(A).target(Optional.of("ANN"))))
                .as("the name by part, the id exactly (case and all)").containsExactly("/ann");
        assertThat(paths(ActivityQuery.builder(A).target(Optional.of("ann")))).containsExactly("/id-only", "/ann");
        assertThat(paths(ActivityQuery.builder(A).target(Optional.of("   ")))).as("a blank target is no filter").hasSize(4);
    }

    @Test
    void everyNarrowingAppliesTogether() {
        log.append(List.of(entry(1, A, "/match").status(409).targetDisplay("Ann").build(),
                entry(2, A, "/ok").status(200).targetDisplay("Ann").build(),
                entry(3, A, "/other-name").status(409).targetDisplay("Bob").build(),
                ActivityEntry.builder(T0.plusSeconds(4), A, "okta-prod", "GET", "/other-client").status(409)
                        .targetDisplay("Ann").build(),
                entry(50, A, "/too-late").status(409).targetDisplay("Ann").build()));
        assertThat(paths(ActivityQuery.builder(A).failedOnly(true).client(Optional.of("entra-prod"))
                .target(Optional.of("ann")).to(Optional.of(T0.plusSeconds(10))))).containsExactly("/match");
    }

    @Test
    void aTenantKeepsItsNewestEntriesUpToTheCapAndOtherTenantsKeepTheirs() {
        InMemoryActivityLog capped = new InMemoryActivityLog(new ActivityRetention(Duration.ofDays(30), 2));
        capped.append(List.of(entry(1, A, "/a1").build(), entry(2, A, "/a2").build(), entry(1, B, "/b1").build()));
        capped.append(List.of(entry(3, A, "/a3").build()));
        assertThat(capped.find(ActivityQuery.builder(A).build()).entries()).extracting(e -> e.entry().path())
                .containsExactly("/a3", "/a2");
        assertThat(capped.find(ActivityQuery.builder(B).build()).entries()).extracting(e -> e.entry().path())
                .containsExactly("/b1");
    }

    @Test
    void pruningDropsWhatIsOlderThanTheAgeAndCountsIt() {
        InMemoryActivityLog aged = new InMemoryActivityLog(new ActivityRetention(Duration.ofHours(1), 100));
        Instant now = T0.plus(Duration.ofHours(2));
        aged.append(List.of(
                ActivityEntry.builder(now.minus(Duration.ofMinutes(61)), A, "c", "GET", "/too-old").build(),
                ActivityEntry.builder(now.minus(Duration.ofMinutes(60)), A, "c", "GET", "/just-in-time").build(),
                ActivityEntry.builder(now.minusSeconds(1), A, "c", "GET", "/recent").build(),
                ActivityEntry.builder(now.minus(Duration.ofHours(5)), B, "c", "GET", "/b-old").build(),
                ActivityEntry.builder(now.minus(Duration.ofHours(4)), B, "c", "GET", "/b-older-too").build()));
        assertThat(aged.prune(now)).isEqualTo(3);
        assertThat(aged.find(ActivityQuery.builder(A).build()).entries()).extracting(e -> e.entry().path())
                .containsExactly("/recent", "/just-in-time");
        assertThat(aged.find(ActivityQuery.builder(B).build()).entries()).isEmpty();
        assertThat(aged.prune(now)).as("nothing left to drop").isZero();
    }

    @Test
    void clientsSayWhenEachWasLastSeenAndHowOftenItFailedSince() {
        log.append(List.of(
                ActivityEntry.builder(T0.plusSeconds(1), A, "okta-prod", "PATCH", "/x").status(400).build(),
                ActivityEntry.builder(T0.plusSeconds(30), A, "okta-prod", "PATCH", "/x").status(200).build(),
                ActivityEntry.builder(T0.plusSeconds(20), A, "okta-prod", "PATCH", "/x").status(409).build(),
                ActivityEntry.builder(T0.plusSeconds(10), A, "entra-prod", "GET", "/y").status(500).build(),
                ActivityEntry.builder(T0.plusSeconds(5), A, "entra-prod", "GET", "/y").status(200).build(),
                ActivityEntry.builder(T0.plusSeconds(9), A, "azure-old", "GET", "/z").status(200).build(),
                ActivityEntry.builder(T0.plusSeconds(99), B, "okta-prod", "GET", "/z").status(500).build()));
        assertThat(log.clients(A, T0.plusSeconds(10))).containsExactly(
                new ClientActivity("azure-old", T0.plusSeconds(9), 0),
                new ClientActivity("entra-prod", T0.plusSeconds(10), 1),
                new ClientActivity("okta-prod", T0.plusSeconds(30), 1));
        assertThat(log.clients(A, T0)).extracting(ClientActivity::failures).containsExactly(0L, 1L, 2L);
    }
}
