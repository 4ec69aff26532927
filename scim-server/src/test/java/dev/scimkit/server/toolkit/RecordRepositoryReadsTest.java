package dev.scimkit.server.toolkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.patch.PatchEngine;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a store author sees of the toolkit's reads: the lookups identity providers send reach
 * {@link ResourceRecords#findBy} (the store's index) and everything else a scan; filters and sorts
 * that read derived values (a User's groups, members' names) see them; pages end where they should;
 * every revision gets a version of its own.
 */
class RecordRepositoryReadsTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private final ScimPrincipal acme = ScimPrincipal.client(TenantId.of("acme"), "test");
    private final IndexedRecords userRecords = new IndexedRecords();
    private final RecordRepositories repositories = RecordRepositories.builder(REGISTRY)
            .records("User", userRecords)
            .records("Group", new MapRecords())
            .unique("User", "nickName")
            .build();
    private final ResourceRepository users = repositories.repository("User");
    private final ResourceRepository groups = repositories.repository("Group");

    /** A store with an index: {@code findBy} answers without a scan, and both are counted. */
    private static final class IndexedRecords implements ResourceRecords {
        private final MapRecords rows = new MapRecords();
        final AtomicInteger lookups = new AtomicInteger();
        final AtomicInteger scans = new AtomicInteger();
        final List<String> lookedUpAttributes = new ArrayList<>();

        @Override
        public Optional<ObjectNode> find(TenantId tenant, String id) {
            return rows.find(tenant, id);
        }

        @Override
        public List<ObjectNode> list(TenantId tenant) {
            scans.incrementAndGet();
            return rows.list(tenant);
        }

        @Override
        public List<ObjectNode> findBy(TenantId tenant, String attribute, String value) {
            lookups.incrementAndGet();
            lookedUpAttributes.add(attribute);
            return rows.list(tenant).stream().filter(r -> r.path(attribute).asText().equalsIgnoreCase(value)).toList();
        }

        @Override
        public void insert(TenantId tenant, ObjectNode resource) {
            rows.insert(tenant, resource);
        }

        @Override
        public void update(TenantId tenant, ObjectNode resource) {
            rows.update(tenant, resource);
        }

        @Override
        public void delete(TenantId tenant, String id) {
            rows.delete(tenant, id);
        }
    }

    private static ObjectNode json(String text) {
        return ScimJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private String user(String userName, String more) {
        return users.create(acme, json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + userName + "\"" + more + "}")).path("id").asText();
    }

    private String group(String name, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return groups.create(acme, json("{\"displayName\":\"" + name + "\",\"members\":[" + members + "]}")).path("id").asText();
    }

    private List<String> userNames(String filter, int startIndex, int count) {
        return userNames(users.search(acme.tenant(), new SearchQuery(Optional.ofNullable(filter).map(Filters::parse),
                Optional.empty(), startIndex, count, Projection.DEFAULT)));
    }

    private static List<String> userNames(SearchResult result) {
        return result.resources().stream().map(r -> r.path("userName").asText()).toList();
    }

    /** The names found for {@code filter}, and whether the store was asked by its index (true) or scanned. */
    private boolean answeredByIndex(String filter, List<String> expected) {
        int scans = userRecords.scans.get();
        int lookups = userRecords.lookups.get();
        assertThat(userNames(filter, 1, 100)).as(filter).containsExactlyInAnyOrderElementsOf(expected);
        boolean indexed = userRecords.lookups.get() > lookups;
        assertThat(userRecords.scans.get() > scans).as("%s: scanned", filter).isEqualTo(!indexed);
        return indexed;
    }

    @Test
    void theLookupsIdentityProvidersSendAreAnsweredByTheIndex() {
        user("ann", ",\"externalId\":\"e-ann\",\"nickName\":\"Annie\"");
        user("bob", ",\"externalId\":\"e-bob\",\"active\":true");
        assertThat(answeredByIndex("userName eq \"ANN\"", List.of("ann"))).isTrue();
        assertThat(answeredByIndex("externalId eq \"e-bob\"", List.of("bob"))).isTrue();
        assertThat(answeredByIndex("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bob\"", List.of("bob"))).isTrue();
        assertThat(answeredByIndex("nickName eq \"annie\"", List.of("ann"))).as("a declared unique attribute").isTrue();
        assertThat(answeredByIndex("active eq true and userName eq \"bob\"", List.of("bob"))).isTrue();
        assertThat(answeredByIndex("userName eq \"bob\" and active eq false", List.of())).isTrue();
        assertThat(userRecords.lookedUpAttributes).contains("userName", "externalId", "nickName");
    }

    @Test
    void otherFiltersScanAndStillFindTheRightUsers() {
        user("ann", ",\"title\":\"Guard\",\"name\":{\"givenName\":\"Ann\"},\"emails\":[{\"value\":\"ann@example.com\"}]");
        user("bob", ",\"title\":\"Lead\"");
        assertThat(answeredByIndex("title eq \"Guard\"", List.of("ann"))).as("not a lookup attribute").isFalse();
        assertThat(answeredByIndex("userName co \"an\"", List.of("ann"))).isFalse();
        assertThat(answeredByIndex("userName eq \"ann\" or userName eq \"bob\"", List.of("ann", "bob"))).isFalse();
        assertThat(answeredByIndex("name.givenName eq \"Ann\"", List.of("ann"))).isFalse();
        assertThat(answeredByIndex("emails eq \"ann@example.com\"", List.of("ann"))).isFalse();
        assertThat(answeredByIndex("userName gt \"b\"", List.of("bob"))).isFalse();
        assertThat(answeredByIndex(null, List.of("ann", "bob"))).isFalse();
    }

    @Test
    void filtersAndSortsSeeAUsersGroups() {
        String ann = user("ann", "");
        String bob = user("bob", "");
        user("cy", "");
        String zeta = group("Zeta", ann);
        group("Alpha", bob);
        assertThat(userNames("groups.value eq \"" + zeta + "\"", 1, 10)).containsExactly("ann");
        assertThat(userNames("groups pr", 1, 10)).containsExactlyInAnyOrder("ann", "bob");
        SortSpec byGroup = new SortSpec(Filters.parseAttributePath("groups.display"), SortOrder.ASCENDING);
        SearchResult sorted = users.search(acme.tenant(), new SearchQuery(Optional.empty(), Optional.of(byGroup), 1, 10,
                Projection.DEFAULT));
        assertThat(userNames(sorted)).containsExactly("bob", "ann", "cy");
    }

    @Test
    void groupsAreFoundByTheirMembersCurrentNames() {
        String ann = user("ann", ",\"displayName\":\"Ann Smith\"");
        group("Dispatch", ann);
        group("Empty");
        SearchResult found = groups.search(acme.tenant(), new SearchQuery(Optional.of(Filters.parse("members.display eq \"Ann Smith\"")),
                Optional.empty(), 1, 10, Projection.DEFAULT));
        assertThat(found.resources()).extracting(g -> g.path("displayName").asText()).containsExactly("Dispatch");
    }

    @Test
    void pagesEndAtTheLastResourceAndAtTheCount() {
        for (String name : List.of("a", "b", "c")) {
            user(name, "");
        }
        assertThat(userNames(null, 3, 10)).containsExactly("c");
        assertThat(userNames(null, 4, 10)).isEmpty();
        assertThat(userNames(null, 2, 1)).containsExactly("b");
        assertThat(userNames(null, 1, 0)).isEmpty();
        assertThat(users.search(acme.tenant(), new SearchQuery(Optional.empty(), Optional.empty(), 4, 10, Projection.DEFAULT))
                .totalResults()).isEqualTo(3);
    }

    @Test
    void aPatchThatChangesNothingStillAnswersWithTheUsersGroups() {
        String ann = user("ann", ",\"title\":\"Guard\"");
        group("Dispatch", ann);
        PatchEngine patches = PatchEngine.defaults();
        ObjectNode answer = users.patch(acme, ann, patches.plan(REGISTRY.user(), patches.parse(json(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Guard\"}]}"))),
                Optional.empty(), Projection.DEFAULT);
        assertThat(answer.path("groups").path(0).path("display").asText()).isEqualTo("Dispatch");
    }

    @Test
    void everyRevisionHasAVersionOfItsOwn() {
        String ann = user("ann", "");
        Set<String> versions = new HashSet<>();
        versions.add(users.get(acme.tenant(), ann, Projection.DEFAULT).orElseThrow().path("meta").path("version").asText());
        for (int i = 0; i < 8; i++) {
            versions.add(users.replace(acme, ann, json("{\"userName\":\"ann\",\"title\":\"t" + i + "\"}"), Optional.empty())
                    .path("meta").path("version").asText());
        }
        assertThat(versions).hasSize(9);
    }

    @Test
    void aGroupCannotListItselfAsAMember() {
        String self = group("Dispatch");
        assertThatThrownBy(() -> groups.replace(acme, self, json("{\"displayName\":\"Dispatch\",\"members\":[{\"value\":\"" + self + "\"}]}"),
                Optional.empty()))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(self).contains("other than the group itself");
                });
    }
}
