package dev.scimkit.benchmarks.load;

import java.util.Arrays;

/**
 * Request latencies of one load phase, kept exactly (no histogram buckets) up to a fixed capacity, so
 * p50/p99 are true order statistics. One recorder per worker thread; {@link #merge} joins them.
 */
final class LatencyRecorder {

    private final int capacity;
    private long[] nanos = new long[4096];
    private int count;
    private int errors;

    LatencyRecorder(int capacity) {
        this.capacity = capacity;
    }

    /** Records one request; beyond the capacity the latency is dropped (the phase bounds the count anyway). */
    void record(long latencyNanos, boolean ok) {
        if (count == capacity) {
            return;
        }
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, (int) Math.min(capacity, 2L * nanos.length));
        }
        nanos[count++] = latencyNanos;
        if (!ok) {
            errors++;
        }
    }

    int count() {
        return count;
    }

    int errors() {
        return errors;
    }

    /** All latencies of {@code parts}, sorted. */
    static Summary merge(LatencyRecorder[] parts, long elapsedNanos) {
        int total = 0;
        int errors = 0;
        for (LatencyRecorder part : parts) {
            total += part.count;
            errors += part.errors;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder part : parts) {
            System.arraycopy(part.nanos, 0, all, at, part.count);
            at += part.count;
        }
        Arrays.sort(all);
        return new Summary(total, errors, elapsedNanos, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** What a phase reports: requests, failures, throughput and latency percentiles. */
    record Summary(int requests, int errors, long elapsedNanos, long p50Nanos, long p99Nanos) {

        double requestsPerSecond() {
            return elapsedNanos == 0 ? 0 : requests * 1e9 / elapsedNanos;
        }
    }
}
