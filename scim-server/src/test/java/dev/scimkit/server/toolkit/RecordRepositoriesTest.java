package dev.scimkit.server.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.SortOrder;
import dev.scimkit.server.spi.SortSpec;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The toolkit's duties beyond the Users contract: memberships across types, lookups, search, transactions. */
class RecordRepositoriesTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private final ScimPrincipal acme = ScimPrincipal.client(TenantId.of("acme"), "test");
    private final MapRecords userRecords = new MapRecords();
    private final MapRecords groupRecords = new MapRecords();
    private final AtomicInteger transactions = new AtomicInteger();
    private final RecordRepositories repositories = RecordRepositories.builder(REGISTRY)
            .records("User", userRecords)
            .records("Group", groupRecords)
            .transactions(new WriteTransactions() {
                private final WriteTransactions lock = WriteTransactions.perTenantLock();

                @Override
                public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
                    transactions.incrementAndGet();
                    return lock.inTransaction(tenant, work);
                }
            })
            .clock(Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC))
            .build();
    private final ResourceRepository users = repositories.repository("User");
    private final ResourceRepository groups = repositories.repository("Group");

    private static ObjectNode json(String text) {
        return ScimJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private String user(String userName) {
        return users.create(acme, json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + userName + "\"}")).path("id").asText();
    }

    private ObjectNode group(String name, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return groups.create(acme, json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[" + members + "]}"));
    }

    private List<String> groupsOf(String userId) {
        List<String> names = new ArrayList<>();
        users.get(acme.tenant(), userId, Projection.DEFAULT).orElseThrow().path("groups")
                .forEach(g -> names.add(g.path("display").asText()));
        return names;
    }

    @Test
    void aUsersGroupsAreDerivedFromTheGroupsThatListIt() {
        String ann = user("ann");
        String bob = user("bob");
        group("Dispatch", ann, bob);
        group("Guards", ann);
        assertThat(groupsOf(ann)).containsExactlyInAnyOrder("Dispatch", "Guards");
        assertThat(groupsOf(bob)).containsExactly("Dispatch");
        assertThat(users.get(acme.tenant(), ann, Projection.DEFAULT).orElseThrow().path("groups").get(0)
                .path("type").asText()).isEqualTo("direct");
    }

    @Test
    void aGroupsMembersMustExistInTheTenant() {
        String ann = user("ann");
        ScimPrincipal other = ScimPrincipal.client(TenantId.of("other"), "test");
        assertThatThrownBy(() -> group("Dispatch", ann, "no-such-id"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(groupRecords.list(acme.tenant())).isEmpty();
        assertThatThrownBy(() -> repositories.repository("Group").create(other, json(
                "{\"displayName\":\"Theirs\",\"members\":[{\"value\":\"" + ann + "\"}]}")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void deletingAUserRemovesItFromEveryGroupWithANewVersion() {
        String ann = user("ann");
        String bob = user("bob");
        ObjectNode dispatch = group("Dispatch", ann, bob);
        users.delete(acme, ann, Optional.empty());
        ObjectNode after = groups.get(acme.tenant(), dispatch.path("id").asText(), Projection.DEFAULT).orElseThrow();
        List<String> members = new ArrayList<>();
        after.path("members").forEach(m -> members.add(m.path("value").asText()));
        assertThat(members).containsExactly(bob);
        assertThat(after.path("meta").path("version").asText()).isNotEqualTo(dispatch.path("meta").path("version").asText());
        assertThat(after.path("meta").path("created").asText()).isEqualTo(dispatch.path("meta").path("created").asText());
    }

    @Test
    void groupDisplayNameIsUniqueIgnoringCaseByDefault() {
        group("Dispatch");
        assertThatThrownBy(() -> group("DISPATCH"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(409));
        RecordRepositories lenient = RecordRepositories.builder(REGISTRY).records("Group", new MapRecords())
                .allowDuplicateGroupNames().build();
        ObjectNode body = json("{\"displayName\":\"Same\"}");
        lenient.repository("Group").create(acme, body.deepCopy());
        assertThat(lenient.repository("Group").create(acme, body.deepCopy()).path("id").asText()).isNotBlank();
    }

    @Test
    void theLookupIdentityProvidersSendIsAnsweredWithoutAScan() {
        user("ann");
        String bob = user("bob");
        int scansBefore = userRecords.scans.get();
        SearchResult found = users.search(acme.tenant(), query("userName eq \"BOB\"", Optional.empty(), 1, 10));
        assertThat(found.totalResults()).isEqualTo(1);
        assertThat(found.resources().get(0).path("id").asText()).isEqualTo(bob);
        // findBy's default scans once: MapRecords counts list() calls, and a store overriding findBy makes none.
        assertThat(userRecords.scans.get() - scansBefore).isLessThanOrEqualTo(1);
    }

    @Test
    void searchFiltersSortsAndPages() {
        for (String name : List.of("dee", "ann", "cy", "bob", "eve")) {
            user(name);
        }
        SortSpec byName = new SortSpec(Filters.parseAttributePath("userName"), SortOrder.DESCENDING);
        SearchResult page = users.search(acme.tenant(), query("userName ne \"cy\"", Optional.of(byName), 2, 2));
        assertThat(page.totalResults()).isEqualTo(4);
        assertThat(page.resources()).extracting(r -> r.path("userName").asText()).containsExactly("dee", "bob");
    }

    @Test
    void aPatchThatChangesNothingWritesNothing() {
        String ann = users.create(acme, json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"ann\",\"title\":\"Guard\"}")).path("id").asText();
        JsonNode before = users.get(acme.tenant(), ann, Projection.DEFAULT).orElseThrow();
        PatchEngine patches = PatchEngine.defaults();
        PatchPlan plan = patches.plan(REGISTRY.user(), patches.parse(json(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Guard\"}]}")));
        ObjectNode after = users.patch(acme, ann, plan, Optional.empty(), Projection.DEFAULT);
        assertThat(after.path("meta").path("version")).isEqualTo(before.path("meta").path("version"));
    }

    @Test
    void everyWriteRunsInOneTransaction() {
        int before = transactions.get();
        String ann = user("ann");
        users.replace(acme, ann, json("{\"userName\":\"ann\",\"title\":\"Lead\"}"), Optional.empty());
        users.delete(acme, ann, Optional.empty());
        assertThat(transactions.get() - before).isEqualTo(3);
    }

    @Test
    void metaTimesComeFromTheClock() {
        ObjectNode ann = users.get(acme.tenant(), user("ann"), Projection.DEFAULT).orElseThrow();
        assertThat(ann.path("meta").path("created").asText()).isEqualTo("2026-12-02T08:00:00Z");
        assertThat(ann.path("meta").path("lastModified").asText()).isEqualTo("2026-12-02T08:00:00Z");
    }

    @Test
    void aTypeTheRegistryDoesNotKnowIsRefusedAtBuildTime() {
        assertThatThrownBy(() -> RecordRepositories.builder(REGISTRY).records("Device", new MapRecords()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Device");
    }

    private static SearchQuery query(String filter, Optional<SortSpec> sort, int startIndex, int count) {
        return new SearchQuery(Optional.of(Filters.parse(filter)), sort, startIndex, count, Projection.DEFAULT);
    }
}
