package dev.scimkit.server.activity;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.auth.StandardError;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The recorder as an embedding developer relies on it: entries reach the log in the order the
 * requests were answered, in few writes, all of them when it is closed, none after; a failing log
 * loses only what it failed to take and never stops the recording.
 */
class QueuedActivityRecorderTest {

    private static final TenantId TENANT = TenantId.of("portal-a");
    private static final ScimPrincipal CLIENT = ScimPrincipal.client(TENANT, "entra-prod");

    private final List<QueuedActivityRecorder> started = new ArrayList<>();

    @AfterEach
    void closeRecorders() {
        started.forEach(QueuedActivityRecorder::close);
    }

    private QueuedActivityRecorder start(ActivityLog log, int capacity) {
        QueuedActivityRecorder recorder = QueuedActivityRecorder.start(log, capacity);
        started.add(recorder);
        return recorder;
    }

    private static ScimExchange read(String id) {
        return new ScimExchange(Instant.now(), 1_000, CLIENT, ScimRequest.builder("GET", "/Users/" + id).build(),
                ScimResponse.empty(200));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for the recorder").isLessThan(deadline);
            sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void closingWritesEverythingQueuedInTheOrderItCameAndNothingAfter() {
        BatchLog log = new BatchLog();
        QueuedActivityRecorder recorder = start(log, 100);
        for (int i = 0; i < 50; i++) {
            recorder.record(read("u" + i));
        }
        recorder.close();
        assertThat(log.paths()).hasSize(50).first().isEqualTo("/Users/u0");
        assertThat(log.paths()).last().isEqualTo("/Users/u49");
        assertThat(log.paths()).isSortedAccordingTo((a, b) ->
                Integer.compare(Integer.parseInt(a.substring(8)), Integer.parseInt(b.substring(8))));
        assertThat(recorder.written()).isEqualTo(50);
        assertThat(recorder.dropped()).isZero();
        assertThat(recorder.failed()).isZero();

        recorder.record(read("late"));
        assertThat(recorder.dropped()).as("a closed recorder counts what it no longer records").isEqualTo(1);
        sleep(300);
        assertThat(log.paths()).hasSize(50);
    }

    @Test
    void entriesShowUpWithoutAClose() {
        BatchLog log = new BatchLog();
        QueuedActivityRecorder recorder = start(log, 10);
        recorder.record(read("u1"));
        await(() -> recorder.written() == 1);
        recorder.record(read("u2"));
        await(() -> recorder.written() == 2);
        assertThat(log.paths()).as("each entry written once").containsExactly("/Users/u1", "/Users/u2");
        assertThat(log.entries.get(0).operation()).isEqualTo("read user");
    }

    @Test
    void requestsAnsweredCloseTogetherShareOneWrite() {
        BatchLog log = new BatchLog();
        QueuedActivityRecorder recorder = start(log, 100);
        for (int i = 0; i < 10; i++) {
            recorder.record(read("u" + i));
            sleep(10);
        }
        await(() -> recorder.written() == 10);
        // The worker lets a batch gather for a moment: not one write per request (a loaded machine may split it).
        assertThat(log.appends.get()).isBetween(1, 3);
    }

    @Test
    void aFailingLogLosesOnlyWhatItRefusedAndRecordingGoesOn() {
        BatchLog log = new BatchLog();
        log.failing = true;
        QueuedActivityRecorder recorder = start(log, 10);
        recorder.record(read("lost1"));
        recorder.record(read("lost2"));
        await(() -> recorder.failed() == 2);
        log.failing = false;
        recorder.record(read("kept"));
        recorder.close();
        assertThat(recorder.failed()).isEqualTo(2);
        assertThat(recorder.written()).isEqualTo(1);
        assertThat(log.paths()).containsExactly("/Users/kept");
    }

    @Test
    void theLogIsPrunedWhenTheRecorderStartsAndNotAgainSoon() {
        BatchLog log = new BatchLog();
        start(log, 10);
        await(() -> log.prunes.get() == 1);
        sleep(700);
        assertThat(log.prunes.get()).as("pruned every ten minutes, not at every wake-up").isEqualTo(1);
    }

    @Test
    void aQueueOfNoPlaceIsRefused() {
        assertThatThrownBy(() -> QueuedActivityRecorder.start(new BatchLog(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
        BatchLog log = new BatchLog();
        QueuedActivityRecorder one = start(log, 1);
        one.record(read("u1"));
        one.close();
        assertThat(log.paths()).containsExactly("/Users/u1");
    }

    @Test
    void moreResourceTypesAreNamedByTheEndpointsGiven() {
        BatchLog log = new BatchLog();
        QueuedActivityRecorder recorder = QueuedActivityRecorder.start(log, 10, Map.of("devices", "Device"));
        started.add(recorder);
        recorder.record(new ScimExchange(Instant.now(), 0, CLIENT, ScimRequest.builder("DELETE", "/Devices/d1").build(),
                ScimResponse.empty(204)));
        recorder.record(read("u1"));
        recorder.close();
        assertThat(log.entries).extracting(ActivityEntry::operation).containsExactly("deleted device", "get Users");
        assertThat(log.entries.get(0).resourceType()).contains("Device");
    }

    private static final Function<ScimExchange, ActivityEntry> DESCRIBER =
            new ActivityDescriber(Map.of("users", "User", "groups", "Group"))::describe;

    private QueuedActivityRecorder startControlled(ActivityLog log, int capacity, Function<ScimExchange, ActivityEntry> describer,
                                                   Clock clock, QueuedActivityRecorder.Linger linger) {
        QueuedActivityRecorder recorder = QueuedActivityRecorder.start(log, capacity, describer, clock, linger);
        started.add(recorder);
        return recorder;
    }

    private static Set<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("scimkit-activity") && t.isAlive()).collect(Collectors.toSet());
    }

    @Test
    void theWorkerNeverKeepsTheApplicationRunning() {
        Set<Thread> before = workers();
        start(new BatchLog(), 10);
        Set<Thread> mine = workers();
        mine.removeAll(before);
        assertThat(mine).hasSize(1).allSatisfy(t -> assertThat(t.isDaemon()).as("a daemon thread").isTrue());
    }

    @Test
    void interruptingTheWorkerStopsIt() throws InterruptedException {
        Set<Thread> before = workers();
        start(new BatchLog(), 10);
        Set<Thread> mine = workers();
        mine.removeAll(before);
        Thread worker = mine.iterator().next();
        worker.interrupt();
        worker.join(20_000);
        assertThat(worker.isAlive()).isFalse();
    }

    @Test
    void closingFromAnInterruptedThreadKeepsTheInterruptAndTheEntries() {
        BatchLog log = new BatchLog();
        QueuedActivityRecorder recorder = start(log, 10);
        recorder.record(read("u1"));
        Thread.currentThread().interrupt();
        recorder.close();
        assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
        await(() -> recorder.written() == 1);
        assertThat(log.paths()).containsExactly("/Users/u1");
    }

    /**
     * A batch lingers for more only while fewer than a full batch wait: behind a slow write, a burst of
     * 1,000 more is written at once, and the one after it lingers again.
     */
    @Test
    void aFullBatchWaitingIsWrittenWithoutLingering() throws InterruptedException {
        CountDownLatch firstWriteEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        BatchLog log = new BatchLog() {
            @Override
            public void append(List<ActivityEntry> batch) {
                batchSizes.add(batch.size());
                if (batchSizes.size() == 1) {
                    firstWriteEntered.countDown();
                    awaitLatch(releaseFirstWrite);
                }
                super.append(batch);
            }
        };
        AtomicInteger pauses = new AtomicInteger();
        QueuedActivityRecorder recorder = startControlled(log, 2_000, DESCRIBER, Clock.systemUTC(), pauses::incrementAndGet);
        recorder.record(read("first"));
        assertThat(firstWriteEntered.await(20, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 1_001; i++) {
            recorder.record(read("u" + i));
        }
        releaseFirstWrite.countDown();
        await(() -> recorder.written() == 1_002);
        assertThat(batchSizes).containsExactly(1, 1_000, 1);
        assertThat(pauses.get()).as("a pause before the first and the last batch only").isEqualTo(2);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void theLogIsPrunedAgainTenMinutesAfterItWasLastPruned() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
        List<Instant> prunedAt = new CopyOnWriteArrayList<>();
        BatchLog log = new BatchLog() {
            @Override
            public long prune(Instant now) {
                prunedAt.add(now);
                return super.prune(now);
            }
        };
        startControlled(log, 10, DESCRIBER, clock, () -> { });
        await(() -> prunedAt.size() == 1);
        clock.set(Instant.parse("2026-12-01T08:09:59.999Z"));
        sleep(600); // the worker wakes every 200 ms
        assertThat(prunedAt).hasSize(1);
        clock.set(Instant.parse("2026-12-01T08:10:00Z"));
        await(() -> prunedAt.size() == 2);
        assertThat(prunedAt).containsExactly(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:10:00Z"));
    }

    /**
     * A log that keeps failing is reported once a minute, with what was lost so far, never once per
     * batch; an exchange the describer cannot read is lost alone and reported the same way.
     */
    @Test
    void failuresAreReportedOnceAMinuteWithWhatWasLost() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
        BatchLog log = new BatchLog();
        log.failing = true;
        Function<ScimExchange, ActivityEntry> describer = exchange -> {
            if (exchange.request().path().equals("/Users/unreadable")) {
                throw new IllegalArgumentException("cannot describe this one");
            }
            return DESCRIBER.apply(exchange);
        };
        String err = StandardError.during(() -> {
            QueuedActivityRecorder recorder = startControlled(log, 10, describer, clock, () -> { });
            recorder.record(read("lost1"));
            await(() -> recorder.failed() == 1);
            recorder.record(read("lost2"));
            await(() -> recorder.failed() == 2);
            clock.set(Instant.parse("2026-12-01T08:00:59.999Z"));
            recorder.record(read("lost3"));
            await(() -> recorder.failed() == 3);
            clock.set(Instant.parse("2026-12-01T08:01:00Z"));
            log.failing = false;
            recorder.record(read("unreadable"));
            await(() -> recorder.failed() == 4);
            recorder.record(read("kept"));
            await(() -> recorder.written() == 1);
        });
        List<String> warnings = StandardError.lines(err, "WARN");
        assertThat(warnings).as(err).hasSize(2);
        assertThat(warnings.get(0)).contains("Activity could not be recorded: java.lang.IllegalStateException: "
                + "the database is down (1 lost so far)");
        assertThat(warnings.get(1)).contains("An exchange could not be described: java.lang.IllegalArgumentException: "
                + "cannot describe this one (4 lost so far)");
        assertThat(log.paths()).containsExactly("/Users/kept");
    }

    /** A clock the test moves; the worker reads it from its own thread. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A log that keeps entries in memory and tells how it was called; it can be told to fail. */
    private static class BatchLog implements ActivityLog {
        final List<ActivityEntry> entries = new CopyOnWriteArrayList<>();
        final AtomicInteger appends = new AtomicInteger();
        final AtomicInteger prunes = new AtomicInteger();
        volatile boolean failing;

        @Override
        public void append(List<ActivityEntry> batch) {
            if (failing) {
                throw new IllegalStateException("the database is down");
            }
            appends.incrementAndGet();
            entries.addAll(batch);
        }

        List<String> paths() {
            return entries.stream().map(ActivityEntry::path).toList();
        }

        @Override
        public ActivityPage find(ActivityQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ClientActivity> clients(TenantId tenant, Instant since) {
            return List.of();
        }

        @Override
        public long prune(Instant now) {
            prunes.incrementAndGet();
            return 0;
        }
    }
}
