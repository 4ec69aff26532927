package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.server.spi.KeysetPage;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the in-memory store does beyond the published contract ({@link InMemoryRepositoryContractTest}),
 * each case a behaviour a client sees: member ids compared as the Group schema says (without case),
 * searches and sorts over the derived {@code groups} and the stored {@code members}, several resources
 * behind one index value, a no-op PATCH that keeps the version, timestamps that are real instants, and
 * keyset pages served by the store itself.
 */
class InMemoryRepositoryBehaviourTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final ScimPrincipal ACME = ScimPrincipal.client(TENANT, "test");

    private final InMemoryStore store = InMemoryStore.create(SchemaRegistry.standard());
    private final ResourceRepository users = store.users();
    private final ResourceRepository groups = store.groups();

    private static ObjectNode json(String text) {
        return ScimJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode user(String userName, String externalId) {
        ObjectNode u = ScimJson.object();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        u.put("userName", userName);
        if (externalId != null) {
            u.put("externalId", externalId);
        }
        return u;
    }

    private static ObjectNode group(String displayName, String... memberIds) {
        ObjectNode g = ScimJson.object();
        g.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        g.put("displayName", displayName);
        var members = g.putArray("members");
        for (String id : memberIds) {
            members.addObject().put("value", id);
        }
        return g;
    }

    private static PatchPlan plan(String type, String... operations) {
        PatchEngine engine = PatchEngine.defaults();
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + String.join(",", operations) + "]}";
        return engine.plan(SchemaRegistry.standard().resourceType(type).orElseThrow(), engine.parse(json(body)));
    }

    private static SearchQuery query(String filter) {
        return new SearchQuery(Optional.of(Filters.parse(filter)), Optional.empty(), 1, 100, Projection.DEFAULT);
    }

    private static List<String> ids(SearchResult result) {
        return result.resources().stream().map(r -> r.path("id").asText()).toList();
    }

    private static List<String> memberIds(JsonNode group) {
        List<String> out = new ArrayList<>();
        group.path("members").forEach(m -> out.add(m.path("value").asText()));
        return out;
    }

    private String id(ObjectNode resource) {
        return resource.path("id").asText();
    }

    @Test
    void memberIdsCompareWithoutCaseAsTheGroupSchemaSays() {
        String ada = id(users.create(ACME, user("ada", null)));
        String grace = id(users.create(ACME, user("grace", null)));
        // RFC 7643 §8.7.1: members.value is caseExact false; a client may send an id in upper case
        ObjectNode g = groups.create(ACME, group("Guards", ada.toUpperCase(Locale.ROOT)));
        assertThat(memberIds(g)).as("stored under the id's own spelling").containsExactly(ada);
        assertThat(users.get(TENANT, ada, Projection.DEFAULT).orElseThrow().path("groups").path(0).path("value").asText())
                .isEqualTo(id(g));

        // adding the same member in another spelling adds nothing; removing it in another spelling removes it
        groups.patch(ACME, id(g), plan("Group", "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ada
                + "\"},{\"value\":\"" + grace.toUpperCase(Locale.ROOT) + "\"}]}"), Optional.empty(), Projection.DEFAULT);
        assertThat(memberIds(groups.get(TENANT, id(g), Projection.DEFAULT).orElseThrow())).containsExactly(ada, grace);
        groups.patch(ACME, id(g), plan("Group", "{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                + ada.toUpperCase(Locale.ROOT) + "\\\"]\"}"), Optional.empty(), Projection.DEFAULT);
        assertThat(memberIds(groups.get(TENANT, id(g), Projection.DEFAULT).orElseThrow())).containsExactly(grace);
        assertThat(users.get(TENANT, ada, Projection.DEFAULT).orElseThrow().has("groups")).isFalse();
    }

    @Test
    void aMemberRemovedByItsDisplayNameLeavesTheOthers() {
        String ada = id(users.create(ACME, user("ada", null)));
        String grace = id(users.create(ACME, user("grace", null)));
        String g = id(groups.create(ACME, group("Guards", ada, grace)));
        // a filter on display needs the members as clients see them; it cannot travel as a delta of ids
        groups.patch(ACME, g, plan("Group", "{\"op\":\"remove\",\"path\":\"members[display eq \\\"grace\\\"]\"}"),
                Optional.empty(), Projection.DEFAULT);
        assertThat(memberIds(groups.get(TENANT, g, Projection.DEFAULT).orElseThrow())).containsExactly(ada);
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        ObjectNode created = users.create(ACME, user("ada", "e-1"));
        ObjectNode after = users.patch(ACME, id(created), plan("User",
                "{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"e-1\"}"), Optional.empty(), Projection.DEFAULT);
        assertThat(after.path("meta").path("version").asText()).isEqualTo(created.path("meta").path("version").asText());
        assertThat(after.path("meta").path("lastModified").asText())
                .isEqualTo(created.path("meta").path("lastModified").asText());
        ObjectNode changed = users.patch(ACME, id(created), plan("User",
                "{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"e-2\"}"), Optional.empty(), Projection.DEFAULT);
        assertThat(changed.path("meta").path("version").asText()).isNotEqualTo(created.path("meta").path("version").asText());
    }

    @Test
    void usersAreFoundAndSortedByTheGroupsTheyAreIn() {
        String ada = id(users.create(ACME, user("ada", null)));
        String grace = id(users.create(ACME, user("grace", null)));
        String zulu = id(groups.create(ACME, group("Zulu", ada)));
        groups.create(ACME, group("Alpha", grace));

        assertThat(ids(users.search(TENANT, query("groups.value eq \"" + zulu + "\"")))).containsExactly(ada);
        assertThat(ids(groups.search(TENANT, query("members.value eq \"" + grace + "\""))))
                .hasSize(1).allMatch(id -> !id.equals(zulu));
        SearchResult sorted = users.search(TENANT, new SearchQuery(Optional.empty(),
                Optional.of(new SortSpec(Filters.parseAttributePath("groups.display"), SortOrder.ASCENDING)), 1, 10,
                Projection.DEFAULT));
        assertThat(ids(sorted)).as("Alpha's member first").containsExactly(grace, ada);
    }

    @Test
    void severalResourcesBehindOneIndexValueComeInCreationOrderAndOutlastEachOther() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(id(users.create(ACME, user("u" + i, "shared"))));
        }
        assertThat(ids(users.search(TENANT, query("externalId eq \"shared\"")))).containsExactlyElementsOf(created);
        // the qualified spelling of the same filter reads the same index
        assertThat(ids(users.search(TENANT, query("urn:ietf:params:scim:schemas:core:2.0:User:externalId eq \"shared\""))))
                .containsExactlyElementsOf(created);
        users.delete(ACME, created.remove(0), Optional.empty());
        assertThat(ids(users.search(TENANT, query("externalId eq \"shared\"")))).containsExactlyElementsOf(created);
        assertThat(ids(users.search(TENANT, query("externalId eq \"shared\" and userName eq \"u5\"")))).hasSize(1);
    }

    @Test
    void aBodyInAnotherSpellingIsIndexedAllTheSame() {
        users.create(ACME, json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"USERNAME\":\"Ada\"}"));
        assertThat(users.search(TENANT, query("userName eq \"ada\"")).totalResults()).isEqualTo(1);
        assertThatThrownBy(() -> users.create(ACME, user("ADA", null)))
                .isInstanceOfSatisfying(dev.scimkit.core.error.ScimException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void timestampsAreInstantsAndAMembersDeleteKeepsTheGroupsCreation() {
        Instant before = Instant.now().minusMillis(1);
        List<ObjectNode> made = new ArrayList<>();
        // many in a row, so that several share a millisecond (the store reuses the formatted one)
        for (int i = 0; i < 200; i++) {
            made.add(users.create(ACME, user("u" + i, null)));
        }
        Instant after = Instant.now().plusMillis(1);
        for (ObjectNode u : made) {
            Instant created = Instant.parse(u.path("meta").path("created").asText());
            assertThat(created).isBetween(before, after);
            assertThat(u.path("meta").path("lastModified").asText()).isEqualTo(u.path("meta").path("created").asText());
        }

        String member = id(made.get(0));
        ObjectNode g = groups.create(ACME, group("Guards", member, id(made.get(1))));
        users.delete(ACME, member, Optional.empty());
        ObjectNode now = groups.get(TENANT, id(g), Projection.DEFAULT).orElseThrow();
        assertThat(memberIds(now)).containsExactly(id(made.get(1)));
        assertThat(now.path("meta").path("version").asText()).isNotEqualTo(g.path("meta").path("version").asText());
        assertThat(now.path("meta").path("created").asText()).isEqualTo(g.path("meta").path("created").asText());
        assertThat(now.path("meta").path("resourceType").asText()).isEqualTo("Group");
        assertThat(Instant.parse(now.path("meta").path("lastModified").asText()))
                .isAfterOrEqualTo(Instant.parse(g.path("meta").path("created").asText()));
    }

    @Test
    void theStoreServesKeysetPagesWithTheMembersAsked() {
        String ada = id(users.create(ACME, user("ada", null)));
        String g = id(groups.create(ACME, group("Guards", ada)));
        SearchQuery all = new SearchQuery(Optional.empty(), Optional.empty(), 1, 10, Projection.DEFAULT);
        Optional<SearchResult> page = groups.searchKeyset(TENANT, all, new KeysetPage(Optional.empty(), false, 10));
        assertThat(page).isPresent();
        assertThat(ids(page.get())).containsExactly(g);
        assertThat(memberIds(page.get().resources().get(0))).containsExactly(ada);
        SearchQuery withoutMembers = new SearchQuery(Optional.empty(), Optional.empty(), 1, 10,
                Projection.excluding(List.of(Filters.parseAttributePath("members"))));
        assertThat(groups.searchKeyset(TENANT, withoutMembers, new KeysetPage(Optional.empty(), false, 10))
                .orElseThrow().resources().get(0).has("members")).isFalse();
        assertThat(groups.searchKeyset(TenantId.of("nobody"), all, new KeysetPage(Optional.empty(), false, 10))
                .orElseThrow().totalResults()).isZero();
    }

    @Test
    void anAttributeDeclaredUniqueThatIsMultiValuedIsStillSearchedByValue() {
        InMemoryStore odd = InMemoryStore.builder(SchemaRegistry.standard()).unique("User", "emails").build();
        ObjectNode u = user("ada", null);
        u.putArray("emails").addObject().put("value", "ada@example.com");
        String ada = id(odd.users().create(ACME, u));
        assertThat(ids(odd.users().search(TENANT, query("emails eq \"ada@example.com\"")))).containsExactly(ada);
    }

    @Test
    void aMemberWithoutANameIsListedByItsIdAlone() {
        // the engine requires a Group's displayName; a caller of the repository itself may leave it out
        ObjectNode nameless = ScimJson.object();
        nameless.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        String inner = id(groups.create(ACME, nameless));
        ObjectNode outer = groups.create(ACME, group("Outer", inner));
        JsonNode member = groups.get(TENANT, id(outer), Projection.DEFAULT).orElseThrow().path("members").path(0);
        assertThat(member.path("value").asText()).isEqualTo(inner);
        assertThat(member.has("display")).isFalse();
        assertThat(member.path("type").asText()).isEqualTo("Group");
    }

    @Test
    void leavingOneGroupKeepsTheOthersInAUsersGroups() {
        String ada = id(users.create(ACME, user("ada", null)));
        String first = id(groups.create(ACME, group("First", ada)));
        String second = id(groups.create(ACME, group("Second", ada)));
        groups.patch(ACME, first, plan("Group", "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ada + "\\\"]\"}"),
                Optional.empty(), Projection.DEFAULT);
        JsonNode groupsOfAda = users.get(TENANT, ada, Projection.DEFAULT).orElseThrow().path("groups");
        assertThat(groupsOfAda).hasSize(1);
        assertThat(groupsOfAda.path(0).path("value").asText()).isEqualTo(second);
        assertThat(groupsOfAda.path(0).path("display").asText()).isEqualTo("Second");
    }
}
