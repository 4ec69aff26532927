package dev.scimkit.benchmarks.load;

import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.resource.ValidationOptions;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The in-memory store's heap per user: the heap in use after a full GC, before and after creating
 * N users through the Users repository (validated as the engine validates a create body; the same
 * Entra-like Users as {@link ScaleRun}), divided by N, at several checkpoints so that a constant
 * overhead shows as a change in the slope. Nothing else lives in the heap between the measurements:
 * the bodies are made and dropped one by one.
 *
 * <p>Usage: {@code java -Xmx8g -cp benchmarks.jar dev.scimkit.benchmarks.load.HeapPerUser
 * --users 100000,500000,1000000 [--out heap.md]}.
 */
public final class HeapPerUser {

    private HeapPerUser() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> checkpoints = List.of(100_000, 1_000_000);
        Path out = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--users" -> checkpoints = Stream.of(args[i + 1].split(",")).map(String::trim).map(Integer::parseInt)
                        .sorted().toList();
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SchemaRegistry registry = SchemaRegistry.standard();
        ResourceValidator validator = new ResourceValidator(registry.user(), ValidationOptions.lenient());
        InMemoryStore store = InMemoryStore.create(registry);
        ResourceRepository users = store.users();
        ScimPrincipal caller = new ScimPrincipal(TenantId.of("heap"), "entra", Optional.empty());
        // One user first, so that lazily made structures (the tenant's maps, caches) are in the baseline.
        String firstId = users.create(caller, validator.validateForCreate(
                ScimJson.parse(ScaleRun.userBody(-1).getBytes(StandardCharsets.UTF_8)))).path("id").asText();
        long baseline = usedAfterGc();
        List<String> rows = new ArrayList<>();
        int created = 0;
        long started = System.nanoTime();
        for (int checkpoint : checkpoints) {
            for (; created < checkpoint; created++) {
                users.create(caller, validator.validateForCreate(
                        ScimJson.parse(ScaleRun.userBody(created).getBytes(StandardCharsets.UTF_8))));
            }
            long used = usedAfterGc();
            String row = String.format(Locale.ROOT, "| %,d | %,.1f MiB | %,.0f bytes | %.0f s | %s |", created,
                    (used - baseline) / (1024.0 * 1024.0), (double) (used - baseline) / created,
                    (System.nanoTime() - started) / 1e9, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            System.out.println(row);
            rows.add(row);
        }
        String md = "| users | heap in use after GC, above the empty store | per user | elapsed | load average |\n"
                + "|---:|---:|---:|---:|---|\n" + String.join("\n", rows) + "\n";
        System.out.println(md);
        if (out != null) {
            Files.writeString(out, md);
        }
        if (users.get(TenantId.of("heap"), firstId, dev.scimkit.server.spi.Projection.DEFAULT).isEmpty()) {
            throw new IllegalStateException("the store lost a user"); // and keeps the store reachable to the end
        }
    }

    /** Heap in use after full collections, once it stops falling. */
    static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used - 1024 * 1024) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
