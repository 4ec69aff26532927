package dev.scimkit.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * One closed-loop load phase: {@code concurrency} workers, each sending its next request as soon as the
 * previous answer arrived, until {@code maxRequests} were sent or {@code maxTime} has passed, whichever
 * comes first. Request {@code i} is built by {@code requests}; a response counts as an error unless
 * {@code expectedStatus} accepts its status. Always bounded in count and in time.
 */
final class LoadPhase {

    private final String name;
    private final IntFunction<LoadRequest> requests;
    private final IntPredicate expectedStatus;
    private final int maxRequests;
    private final Duration maxTime;
    private final List<String> bodies = new ArrayList<>();
    private final boolean keepBodies;

    LoadPhase(String name, IntFunction<LoadRequest> requests, IntPredicate expectedStatus, int maxRequests,
            Duration maxTime, boolean keepBodies) {
        this.name = name;
        this.requests = requests;
        this.expectedStatus = expectedStatus;
        this.maxRequests = maxRequests;
        this.maxTime = maxTime;
        this.keepBodies = keepBodies;
    }

    String name() {
        return name;
    }

    /** Response bodies by request index (when asked to keep them), e.g. the ids of created resources. */
    List<String> bodies() {
        return bodies;
    }

    /**
     * Runs the phase against {@code port} on 127.0.0.1, one kept-alive connection per worker, sending
     * {@code authorization} as the Authorization header.
     */
    LatencyRecorder.Summary run(int port, String authorization, int concurrency) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        String[] kept = keepBodies ? new String[maxRequests] : null;
        LatencyRecorder[] recorders = new LatencyRecorder[concurrency];
        long deadline = System.nanoTime() + maxTime.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                LatencyRecorder recorder = new LatencyRecorder(maxRequests);
                recorders[w] = recorder;
                running.add(workers.submit(() -> {
                    Http1Connection connection = new Http1Connection("127.0.0.1", port);
                    int i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < maxRequests) {
                        LoadRequest request = requests.apply(i);
                        long sent = System.nanoTime();
                        boolean ok;
                        try {
                            Http1Connection.Response response = connection.send(request, authorization, kept != null);
                            ok = expectedStatus.test(response.status());
                            if (kept != null) {
                                kept[i] = response.body();
                            }
                        } catch (IOException e) {
                            ok = false;
                        }
                        recorder.record(System.nanoTime() - sent, ok);
                    }
                    connection.close();
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("load worker failed in " + name, e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        if (kept != null) {
            bodies.clear();
            for (String body : kept) {
                bodies.add(body);
            }
        }
        return LatencyRecorder.merge(recorders, elapsed);
    }
}
