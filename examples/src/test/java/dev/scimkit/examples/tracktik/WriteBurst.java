package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.scimkit.examples.tracktik.ScimMessages.patch;

/**
 * Parallel writes of every kind against a server that is about to be killed: creates, PATCHes in
 * Entra ID's dialect, PUTs, deletes, Bulk creates and membership changes. Each worker owns its
 * resources and stops at its first failed connection; {@link AcknowledgedWrites} records what was
 * answered and what was in flight. Any answer other than the expected success is a finding.
 */
final class WriteBurst {

    private static final String BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    private final ScimHttp scim;
    private final AcknowledgedWrites ledger;
    private final String run;
    private final long seed;
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private ExecutorService pool;

    WriteBurst(ScimHttp scim, AcknowledgedWrites ledger, String run, long seed) {
        this.scim = scim;
        this.ledger = ledger;
        this.run = run;
        this.seed = seed;
    }

    void start(int workers) {
        pool = Executors.newFixedThreadPool(workers);
        running.set(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            pool.execute(() -> {
                try {
                    new Worker(worker, new Random(seed + worker)).run();
                } finally {
                    running.decrementAndGet();
                }
            });
        }
    }

    /** Whether any worker is still writing (they stop at the kill, or at an unexpected answer). */
    boolean running() {
        return running.get() > 0;
    }

    /** The unexpected answers so far. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Waits for every worker to stop (they stop when the server is gone); returns the unexpected answers. */
    List<String> awaitStopped() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new AssertionError("Workers still running 2 minutes after the kill");
        }
        return List.copyOf(unexpected);
    }

    private final class Worker {
        private final int worker;
        private final Random random;
        private final List<AcknowledgedWrites.TitledUser> live = new ArrayList<>();
        private final List<AcknowledgedWrites.Member> members = new ArrayList<>();
        private String group;
        private int made;

        Worker(int worker, Random random) {
            this.worker = worker;
            this.random = random;
        }

        void run() {
            try {
                JsonNode created = expect(201, "POST", "/Groups", ScimMessages.emptyGroup(
                        "crash " + run + " w" + worker, "g-" + run + "-" + worker));
                if (created == null) {
                    return;
                }
                group = created.path("id").asText();
                ledger.group(group);
                while (step()) {
                    // until the server is gone or answers what it should not
                }
            } catch (UncheckedIOException gone) {
                // The server was killed: what was in flight is marked in the ledger.
            }
        }

        /** One write; false when the worker should stop. */
        private boolean step() {
            int r = random.nextInt(100);
            if (live.size() < 3 || r < 18) {
                return createTitled();
            }
            if (r < 40) {
                return changeTitle(pick(), false);
            }
            if (r < 55) {
                return changeTitle(pick(), true);
            }
            if (r < 62) {
                return delete(pick());
            }
            if (r < 70) {
                return bulkCreate();
            }
            if (members.size() < 3 || r < 76) {
                return createMember();
            }
            return toggle(members.get(random.nextInt(members.size())));
        }

        private AcknowledgedWrites.TitledUser pick() {
            return live.get(random.nextInt(live.size()));
        }

        private String userName() {
            return "crash-" + run + "-w" + worker + "-" + (made++) + "@example.com";
        }

        private String userBody(String userName, int title) {
            return """
                    {"schemas":["%s"],"userName":"%s","externalId":"x-%s","active":true,
                     "name":{"givenName":"Crash","familyName":"Worker%d"},"title":"t%d"}
                    """.formatted(ScimHttp.USER_SCHEMA, userName, userName, worker, title);
        }

        private boolean createTitled() {
            AcknowledgedWrites.TitledUser u = ledger.titled(userName());
            JsonNode created = expect(201, "POST", "/Users", userBody(u.userName, 0));
            if (created == null) {
                return false;
            }
            u.id = created.path("id").asText();
            u.createInFlight = false;
            live.add(u);
            return true;
        }

        private boolean bulkCreate() {
            AcknowledgedWrites.TitledUser u = ledger.titled(userName());
            String body = "{\"schemas\":[\"" + BULK + "\"],\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\","
                    + "\"bulkId\":\"b1\",\"data\":" + userBody(u.userName, 0) + "}]}";
            JsonNode answer = expect(200, "POST", "/Bulk", body);
            if (answer == null) {
                return false;
            }
            JsonNode op = answer.path("Operations").path(0);
            if (!"201".equals(op.path("status").asText())) {
                unexpected.add("Bulk create answered " + op);
                return false;
            }
            String location = op.path("location").asText();
            u.id = location.substring(location.lastIndexOf('/') + 1);
            u.createInFlight = false;
            live.add(u);
            return true;
        }

        private boolean changeTitle(AcknowledgedWrites.TitledUser u, boolean put) {
            int next = u.ackedTitle + 1;
            u.titleInFlight = true;
            JsonNode answer = put
                    ? expect(200, "PUT", "/Users/" + u.id, userBody(u.userName, next))
                    : expectPatched("/Users/" + u.id,
                            patch("{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"t" + next + "\"}"));
            if (answer == null) {
                return false;
            }
            u.ackedTitle = next;
            u.titleInFlight = false;
            return true;
        }

        private boolean delete(AcknowledgedWrites.TitledUser u) {
            u.deleteInFlight = true;
            if (expect(204, "DELETE", "/Users/" + u.id, null) == null) {
                return false;
            }
            u.deleted = true;
            u.deleteInFlight = false;
            live.remove(u);
            return true;
        }

        private boolean createMember() {
            JsonNode created = expect(201, "POST", "/Users", userBody(userName(), 0));
            if (created == null) {
                return false;
            }
            members.add(ledger.member(created.path("id").asText(), group));
            return true;
        }

        private boolean toggle(AcknowledgedWrites.Member m) {
            String op = m.ackedMember
                    ? "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + m.id + "\\\"]\"}"
                    : "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + m.id + "\"}]}";
            m.toggleInFlight = true;
            if (expectPatched("/Groups/" + m.groupId, patch(op)) == null) {
                return false;
            }
            m.ackedMember = !m.ackedMember;
            m.ackedToggles++;
            m.toggleInFlight = false;
            return true;
        }

        /** The answer's JSON, or null (recorded as unexpected) when the status is not the one expected. */
        private JsonNode expect(int status, String method, String path, String body) {
            ScimHttp.Reply reply = scim.send(method, path, body);
            if (reply.status() != status) {
                unexpected.add(method + " " + path + " -> " + reply.status() + " " + reply.body());
                return null;
            }
            return reply.json();
        }

        private JsonNode expectPatched(String path, String body) {
            ScimHttp.Reply reply = scim.send("PATCH", path, body);
            if (reply.status() != 200 && reply.status() != 204) {
                unexpected.add("PATCH " + path + " -> " + reply.status() + " " + reply.body());
                return null;
            }
            return reply.json();
        }
    }
}
