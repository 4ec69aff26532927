package dev.scimkit.server.http;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.auth.BearerTokenAuthenticator;
import dev.scimkit.server.auth.TokenFileAuthenticator;
import dev.scimkit.server.memory.InMemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token rotation as an administrator does it, while clients keep sending requests over real HTTP: add
 * the new token to the file, switch the client to it, remove the old one. No request fails.
 */
class TokenRotationHttpTest {

    private static final String OLD = "old-" + java.util.UUID.randomUUID();
    private static final String NEW = "new-" + java.util.UUID.randomUUID();
    private static final int WORKERS = 4;

    @TempDir
    Path dir;

    @Test
    void rotatingATokenInTheFileWhileRequestsAreInFlightFailsNone() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        write(tokens, List.of(entry("entra-old", OLD)));
        SchemaRegistry registry = SchemaRegistry.standard();
        // Checked on every request: the rotation is seen as soon as the file is replaced.
        TokenFileAuthenticator authenticator = TokenFileAuthenticator.open(tokens, Duration.ZERO, Clock.systemUTC());
        ScimServer engine = ScimServer.builder(registry).repositories(InMemoryStore.create(registry).repositories())
                .authenticator(authenticator).build();

        try (LoopbackScim server = LoopbackScim.start(engine)) {
            AtomicBoolean running = new AtomicBoolean(true);
            // What the identity provider sends, and per worker the requests it completed with each token.
            AtomicInteger generation = new AtomicInteger(0);
            Map<Integer, AtomicInteger> doneWithNew = new ConcurrentHashMap<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicInteger total = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                doneWithNew.put(worker, new AtomicInteger());
                workers.add(pool.submit(() -> {
                    while (running.get()) {
                        boolean useNew = generation.get() == 1;
                        try {
                            int status = server.get("/Users?count=1", useNew ? NEW : OLD).statusCode();
                            if (status != 200) {
                                failures.add((useNew ? "new" : "old") + " token: " + status);
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                        total.incrementAndGet();
                        if (useNew) {
                            doneWithNew.get(worker).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            try {
                awaitTrue(() -> total.get() >= 20, "requests with the old token");
                write(tokens, List.of(entry("entra-old", OLD), entry("entra-new", NEW)));
                awaitTrue(() -> status(server, NEW) == 200, "the new token to be accepted");

                generation.set(1);
                // Every worker finished a request begun after the switch: no request with the old token is left.
                awaitTrue(() -> doneWithNew.values().stream().allMatch(n -> n.get() >= 1), "every client on the new token");
                write(tokens, List.of(entry("entra-new", NEW)));
                awaitTrue(() -> status(server, OLD) == 401, "the old token to be revoked");
                int after = total.get();
                awaitTrue(() -> total.get() >= after + 20, "requests after the revocation");
            } finally {
                running.set(false);
                for (Future<?> f : workers) {
                    f.get(60, TimeUnit.SECONDS);
                }
                pool.shutdown();
            }
            assertThat(failures).isEmpty();
            assertThat(doneWithNew.values().stream().mapToInt(AtomicInteger::get).sum()).isGreaterThanOrEqualTo(20);
        }
    }

    private static int status(LoopbackScim server, String token) {
        try {
            return server.get("/Users?count=1", token).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String entry(String name, String token) {
        return "{\"name\": \"" + name + "\", \"hash\": \"" + BearerTokenAuthenticator.storedHash(token) + "\"}";
    }

    /** Writes a complete file and renames it over the old one, as the documentation tells administrators. */
    private void write(Path tokens, List<String> entries) throws Exception {
        Path tmp = Files.createTempFile(dir, "tokens", ".tmp");
        Files.writeString(tmp, "{\"tenants\": {\"portal-a\": [" + String.join(", ", entries) + "]}}");
        Files.move(tmp, tokens, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Polls with a generous deadline: nothing here depends on how fast the machine is. */
    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
