package dev.scimkit.server.activity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Records activity off the request path: {@link #record} only offers the exchange to a bounded queue
 * (and counts it as dropped when the queue is full, rather than making the request wait); one daemon
 * thread describes the queued exchanges ({@link ActivityDescriber}), appends them to the
 * {@link ActivityLog} in batches (gathered for 200 ms, so an entry shows up a moment after its request), and prunes the log now and then. A failing log is logged once per
 * minute at most and never reaches a request. {@link #close} stops the thread after writing what is queued;
 * interrupting the thread stops it at once.
 */
public final class QueuedActivityRecorder implements ActivityRecorder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedActivityRecorder.class);
    private static final int BATCH = 1_000;
    /**
     * How long the worker lets a batch gather after its first exchange: one write of many entries every
     * so often costs a store (and the requests that share its database) far less than a write per request.
     */
    private static final long LINGER_MILLIS = 200;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final BlockingQueue<ScimExchange> queue;
    private final ActivityLog log;
    private final Function<ScimExchange, ActivityEntry> describer;
    private final Clock clock;
    private final Linger linger;
    private final Thread worker;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closing;
    private Instant lastPrune = Instant.EPOCH;
    private Instant lastWarning = Instant.EPOCH;

    /** How the worker lets a batch gather; a test counts the pauses instead of timing them. */
    interface Linger {
        void pause() throws InterruptedException;
    }

    private QueuedActivityRecorder(ActivityLog log, int capacity, Function<ScimExchange, ActivityEntry> describer,
                                   Clock clock, Linger linger) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.log = Objects.requireNonNull(log, "log");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.describer = describer;
        this.clock = clock;
        this.linger = linger;
        this.worker = new Thread(this::drain, "scimkit-activity");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /**
     * A recorder into {@code log} with a queue of {@code capacity} exchanges, for the standard
     * endpoints {@code /Users} and {@code /Groups}.
     */
    public static QueuedActivityRecorder start(ActivityLog log, int capacity) {
        return start(log, capacity, Map.of("users", "User", "groups", "Group"));
    }

    /**
     * A recorder into {@code log}; {@code typesByEndpoint} names the resource type of each endpoint
     * (lower case, no slash: {@code users → User}) for servers with more resource types.
     */
    public static QueuedActivityRecorder start(ActivityLog log, int capacity, Map<String, String> typesByEndpoint) {
        return start(log, capacity, new ActivityDescriber(typesByEndpoint)::describe, Clock.systemUTC(),
                () -> Thread.sleep(LINGER_MILLIS));
    }

    /** For tests: the describer, the clock (pruning, warnings) and the pause of a batch chosen by the caller. */
    static QueuedActivityRecorder start(ActivityLog log, int capacity, Function<ScimExchange, ActivityEntry> describer,
                                        Clock clock, Linger linger) {
        return new QueuedActivityRecorder(log, capacity, describer, clock, linger);
    }

    @Override
    public void record(ScimExchange exchange) {
        if (closing || !queue.offer(exchange)) {
            dropped.incrementAndGet();
        }
    }

    /** Exchanges not recorded because the queue was full (or the recorder closed). */
    public long dropped() {
        return dropped.get();
    }

    /** Entries appended to the log so far. */
    public long written() {
        return written.get();
    }

    /** Entries lost because the log failed to append them. */
    public long failed() {
        return failed.get();
    }

    private void drain() {
        List<ScimExchange> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                ScimExchange first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    // A full batch already waiting is written at once: lingering would only slow a burst down.
                    if (!closing && queue.size() < BATCH) {
                        linger.pause();
                    }
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                    batch.clear();
                }
                pruneNowAndThen();
            } catch (InterruptedException e) {
                // Only an owner stopping the thread interrupts it (close() does not), and the thread ends
                // here, so there is no caller left to see the flag restored.
                if (!closing) {
                    return;
                }
            } catch (RuntimeException | StackOverflowError e) {
                failed.addAndGet(batch.size());
                batch.clear();
                warn("Activity could not be recorded", e);
            }
        }
    }

    private void write(List<ScimExchange> batch) {
        List<ActivityEntry> entries = new ArrayList<>(batch.size());
        for (ScimExchange exchange : batch) {
            try {
                entries.add(describer.apply(exchange));
            } catch (RuntimeException | StackOverflowError e) {
                failed.incrementAndGet();
                warn("An exchange could not be described", e);
            }
        }
        log.append(entries);
        written.addAndGet(entries.size());
    }

    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
            lastPrune = now;
            log.prune(now);
        }
    }

    private void warn(String message, Throwable e) {
        Instant now = clock.instant();
        if (Duration.between(lastWarning, now).compareTo(WARN_EVERY) >= 0) {
            lastWarning = now;
            // The exception's class and message only: a driver's message never holds a request body.
            LOG.warn("{}: {}: {} ({} lost so far)", message, e.getClass().getName(), e.getMessage(), failed.get());
        }
    }

    /** Writes what is queued (waiting up to ten seconds), then stops the thread. */
    @Override
    public void close() {
        closing = true;
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
