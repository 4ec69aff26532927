package dev.scimkit.server.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine reports every authenticated request, and the recorder turns it into words an administrator reads. */
class ActivityRecordingTest {

    private static final TenantId PORTAL_A = TenantId.of("portal-a");
    private static final TenantId PORTAL_B = TenantId.of("portal-b");

    private final InMemoryActivityLog log = new InMemoryActivityLog(ActivityRetention.DEFAULT);
    private final QueuedActivityRecorder recorder = QueuedActivityRecorder.start(log, 1_000);
    private final ScimServer server = ScimServer.builder(SchemaRegistry.standard())
            .repositories(InMemoryStore.create(SchemaRegistry.standard()).repositories())
            .authenticator(tenantHeader())
            .activity(recorder)
            .build();

    @AfterEach
    void close() {
        recorder.close();
    }

    private static Authenticator tenantHeader() {
        return request -> request.headers().first("X-Tenant").map(t ->
                ScimPrincipal.client(TenantId.of(t), "entra-prod"));
    }

    private ScimResponse call(TenantId tenant, String method, String path, String body) {
        ScimRequest.Builder b = ScimRequest.builder(method, path).header("X-Tenant", tenant.value());
        if (body != null) {
            b.body(body).header("Content-Type", "application/scim+json");
        }
        return server.handle(b.build());
    }

    private List<ActivityEntry> entries(TenantId tenant, int expected) {
        await(() -> log.find(ActivityQuery.builder(tenant).limit(500).build()).entries().size() >= expected);
        return log.find(ActivityQuery.builder(tenant).limit(500).build()).entries().stream()
                .map(LoggedActivity::entry).toList();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for the recorder").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String createUser(String userName) {
        ScimResponse r = call(PORTAL_A, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"active\":true}");
        assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
        return r.bodyJson().get("id").asText();
    }

    @Test
    void aProvisioningCycleReadsInAnAdministratorsWords() {
        call(PORTAL_A, "GET", "/Users", null);
        ScimResponse lookup = server.handle(ScimRequest.builder("GET", "/Users").header("X-Tenant", "portal-a")
                .queryParameter("filter", "userName eq \"ann@example.com\"").build());
        assertThat(lookup.status()).isEqualTo(200);
        String ann = createUser("ann@example.com");
        String bob = createUser("bob@example.com");
        ScimResponse group = call(PORTAL_A, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Dispatchers\"}");
        String groupId = group.bodyJson().get("id").asText();
        assertThat(call(PORTAL_A, "PATCH", "/Groups/" + groupId, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"},{\"value\":\"" + bob + "\"}]}]}")
                .status()).isEqualTo(204);
        assertThat(call(PORTAL_A, "PATCH", "/Users/" + ann, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}").status()).isEqualTo(200);

        List<ActivityEntry> newestFirst = entries(PORTAL_A, 7);
        assertThat(newestFirst).extracting(ActivityEntry::operation).containsExactly(
                "disabled user", "added 2 members to", "created group", "created user", "created user", "lookup",
                "listed users");
        ActivityEntry disabled = newestFirst.get(0);
        assertThat(disabled.targetId()).contains(ann);
        assertThat(disabled.targetDisplay()).contains("ann@example.com");
        assertThat(disabled.client()).isEqualTo("entra-prod");
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.requestBody()).as("bodies are kept for failures only").isEmpty();
        // A Group PATCH answers 204 without a body; the name comes from the create seen before.
        assertThat(newestFirst.get(1).targetDisplay()).contains("Dispatchers");
        assertThat(newestFirst.get(5).targetDisplay()).contains("ann@example.com");
        assertThat(recorder.dropped()).isZero();
    }

    @Test
    void aFailureKeepsItsErrorAndItsBodyWithoutSecrets() {
        ScimResponse refused = call(PORTAL_A, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"displayName\":\"Ann\",\"password\":\"Hunter2-secret\",\"x-api\":{\"accessToken\":\"tok-123\"}}");
        assertThat(refused.status()).isEqualTo(400);
        ActivityEntry failure = entries(PORTAL_A, 1).get(0);
        assertThat(failure.failed()).isTrue();
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.scimType()).isEqualTo(Optional.ofNullable(refused.bodyJson().path("scimType").textValue()));
        assertThat(failure.detail()).contains(refused.bodyJson().get("detail").asText());
        assertThat(failure.requestBody()).isPresent();
        assertThat(failure.requestBody().get()).contains("displayName").doesNotContain("Hunter2").doesNotContain("tok-123");
    }

    @Test
    void aPatchThatSetsAPasswordIsKeptWithoutIt() {
        ScimResponse refused = call(PORTAL_A, "PATCH", "/Users/missing", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":\"S3cret-value\"}]}");
        assertThat(refused.status()).isEqualTo(404);
        ActivityEntry failure = entries(PORTAL_A, 1).get(0);
        assertThat(failure.requestBody().orElseThrow()).contains("password").doesNotContain("S3cret-value");
    }

    @Test
    void tenantsSeeOnlyTheirOwnActivityAndFiltersNarrowIt() {
        createUser("ann@example.com");
        call(PORTAL_A, "GET", "/Users/nope", null);
        call(PORTAL_B, "GET", "/Users", null);
        entries(PORTAL_A, 2);
        assertThat(entries(PORTAL_B, 1)).extracting(ActivityEntry::tenant).containsOnly(PORTAL_B);
        assertThat(log.find(ActivityQuery.builder(PORTAL_A).failedOnly(true).build()).entries())
                .extracting(a -> a.entry().status()).containsExactly(404);
        assertThat(log.find(ActivityQuery.builder(PORTAL_A).target(Optional.of("ANN@")).build()).entries())
                .extracting(a -> a.entry().operation()).containsExactly("created user");
        assertThat(log.find(ActivityQuery.builder(PORTAL_A).client(Optional.of("okta")).build()).entries()).isEmpty();
        assertThat(log.clients(PORTAL_A, Instant.EPOCH)).singleElement()
                .satisfies(c -> assertThat(c.failures()).isEqualTo(1));
    }

    @Test
    void unauthenticatedRequestsAreNotRecorded() {
        assertThat(server.handle(ScimRequest.builder("GET", "/Users").build()).status()).isEqualTo(401);
        call(PORTAL_A, "GET", "/ServiceProviderConfig", null);
        assertThat(entries(PORTAL_A, 1)).extracting(ActivityEntry::operation).containsExactly("read ServiceProviderConfig");
    }

    @Test
    void keysetPagesWalkEveryEntryOnceNewestFirst() {
        InMemoryActivityLog pages = new InMemoryActivityLog(ActivityRetention.DEFAULT);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<ActivityEntry> appended = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Several entries share an instant: the id orders them.
            appended.add(ActivityEntry.builder(t.plusSeconds(i / 3), PORTAL_A, "c", "GET", "/Users/" + i).build());
        }
        pages.append(appended);
        List<String> seen = new java.util.ArrayList<>();
        Optional<ActivityCursor> before = Optional.empty();
        do {
            ActivityPage page = pages.find(ActivityQuery.builder(PORTAL_A).limit(5).before(before).build());
            page.entries().forEach(e -> seen.add(e.entry().path()));
            before = page.next().flatMap(c -> ActivityCursor.parse(c.text()));
        } while (before.isPresent());
        List<String> expected = new java.util.ArrayList<>(appended.stream().map(ActivityEntry::path).toList());
        java.util.Collections.reverse(expected);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() {
        InMemoryActivityLog delegate = new InMemoryActivityLog(ActivityRetention.DEFAULT);
        ActivityLog stuck = new ActivityLog() {
            @Override
            public void append(List<ActivityEntry> entries) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public ActivityPage find(ActivityQuery query) {
                return delegate.find(query);
            }

            @Override
            public List<ClientActivity> clients(TenantId tenant, Instant since) {
                return delegate.clients(tenant, since);
            }

            @Override
            public long prune(Instant now) {
                return 0;
            }
        };
        QueuedActivityRecorder tiny = QueuedActivityRecorder.start(stuck, 2);
        ScimServer s = ScimServer.builder(SchemaRegistry.standard())
                .repositories(InMemoryStore.create(SchemaRegistry.standard()).repositories())
                .authenticator(tenantHeader()).activity(tiny).build();
        for (int i = 0; i < 20; i++) {
            JsonNode body = s.handle(ScimRequest.builder("GET", "/Users").header("X-Tenant", "portal-a").build()).bodyJson();
            assertThat(body.get("totalResults").asInt()).isZero();
        }
        // The worker holds at most the queue's two in its batch while the log hangs; two more wait.
        assertThat(tiny.dropped()).isGreaterThanOrEqualTo(20 - 2 - 2);
    }

    @Test
    void retentionDropsOldEntriesAndCapsEachTenant() {
        InMemoryActivityLog capped = new InMemoryActivityLog(new ActivityRetention(Duration.ofDays(30), 3));
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        capped.append(List.of(
                ActivityEntry.builder(now.minus(Duration.ofDays(31)), PORTAL_A, "c", "GET", "/old").build(),
                ActivityEntry.builder(now.minusSeconds(3), PORTAL_A, "c", "GET", "/a").build(),
                ActivityEntry.builder(now.minusSeconds(2), PORTAL_A, "c", "GET", "/b").build(),
                ActivityEntry.builder(now.minusSeconds(1), PORTAL_B, "c", "GET", "/other").build()));
        assertThat(capped.prune(now)).isEqualTo(1);
        capped.append(List.of(ActivityEntry.builder(now, PORTAL_A, "c", "GET", "/c").build(),
                ActivityEntry.builder(now, PORTAL_A, "c", "GET", "/d").build()));
        assertThat(capped.find(ActivityQuery.builder(PORTAL_A).build()).entries())
                .extracting(e -> e.entry().path()).containsExactly("/d", "/c", "/b");
    }
}
