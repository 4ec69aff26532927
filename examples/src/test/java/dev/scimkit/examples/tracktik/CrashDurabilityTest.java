package dev.scimkit.examples.tracktik;

import dev.scimkit.examples.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged means durable, proven the hard way: the example server runs in a child JVM, parallel
 * writes of every kind ({@link WriteBurst}) hit it, it is killed with SIGKILL at a random moment, and
 * a server restarted on the same store must show every write it acknowledged, each with its History
 * entries ({@link AcknowledgedWrites}). Several kills per store, each round adding to what the next
 * restart must still show. The seed of the kill points and the workload is in every failure message;
 * {@code -Dscimkit.crash.seed=N} replays it.
 */
class CrashDurabilityTest {

    private static final String TOKEN = "crash-" + UUID.randomUUID();
    private static final int WORKERS = 6;

    @TempDir
    Path work;

    @Test
    void theEmbeddedH2StoreKeepsEveryAcknowledgedWriteAcrossKills() throws Exception {
        Path data = work.resolve("data");
        survivesKills(3, "--data-dir", data.toString());
    }

    @Test
    void thePostgresStoreKeepsEveryAcknowledgedWriteAcrossKills() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            survivesKills(2, "--store", "postgres:" + url, "--data-dir", work.resolve("unused").toString());
        }
    }

    private void survivesKills(int rounds, String... store) throws Exception {
        long seed = Long.getLong("scimkit.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        AcknowledgedWrites ledger = new AcknowledgedWrites();
        List<String> kills = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String context = "seed " + seed + ", round " + round;
            try (ServerProcess server = start("round-" + round, store)) {
                WriteBurst burst = new WriteBurst(ScimHttp.at(server.origin(), TOKEN), ledger,
                        "r" + round + "-" + Long.toHexString(seed), seed + round);
                int start = ledger.acknowledged();
                // The kill point is a random count of acknowledged writes plus a random few milliseconds:
                // always under load, however fast or slow the machine.
                int target = start + 20 + random.nextInt(150);
                burst.start(WORKERS);
                awaitAcknowledged(burst, ledger, target, context);
                Thread.sleep(random.nextInt(40));
                int before = ledger.acknowledged();
                server.kill();
                assertThat(burst.awaitStopped()).as(context + ": answers other than success before the kill").isEmpty();
                kills.add("round " + round + " killed with " + (before - start) + " writes acknowledged");
            }
            try (ServerProcess restarted = start("after-round-" + round, store)) {
                ledger.verify(ScimHttp.at(restarted.origin(), TOKEN), context + " (" + kills + ")");
                assertThat(restarted.stop()).as("SIGTERM stops the restarted server").isTrue();
            }
        }
    }

    private static void awaitAcknowledged(WriteBurst burst, AcknowledgedWrites ledger, int count, String context)
            throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (ledger.acknowledged() < count) {
            if (!burst.running()) {
                throw new AssertionError(context + ": the workers stopped before the kill: " + burst.unexpected());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(context + ": fewer than " + count + " writes acknowledged in 2 minutes");
            }
            Thread.sleep(5);
        }
    }

    private ServerProcess start(String name, String... store) throws Exception {
        String[] options = new String[store.length + 2];
        options[0] = "--token";
        options[1] = TOKEN;
        System.arraycopy(store, 0, options, 2, store.length);
        return ServerProcess.start(work.resolve(name + ".log"), options).awaitHealthy();
    }
}
