package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code attr eq "v"} lookups that Entra ID and Okta send before every create are answered from
 * the store's hash indexes, not by a scan of the tenant: at a million users the difference is a
 * lookup against a million filter evaluations. To tell the two apart, one stored User is changed
 * behind the indexes' back (its indexes still name its old values): what the index does not list for
 * a value is then not found by a lookup for it, where a scan would find it.
 */
class InMemoryIndexTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final ScimPrincipal CALLER = ScimPrincipal.client(TENANT, "test");

    private InMemoryStore store;
    private ResourceRepository users;
    private ResourceRepository groups;

    @BeforeEach
    void fill() {
        store = InMemoryStore.create(SchemaRegistry.standard());
        users = store.users();
        groups = store.groups();
        String ada = users.create(CALLER, user("ada", "e-1")).path("id").asText();
        users.create(CALLER, user("grace", "e-2"));
        changeBehindTheIndexes("user", ada, body -> body.put("userName", "lin").put("externalId", "e-9"));
        String guards = groups.create(CALLER, group("Guards")).path("id").asText();
        changeBehindTheIndexes("group", guards, body -> body.put("displayName", "Patrol"));
    }

    @Test
    void indexedAttributesAreLookedUpNotScannedFor() {
        assertThat(count(users, "userName eq \"lin\"")).as("not in the userName index").isZero();
        assertThat(count(users, "externalId eq \"e-9\"")).as("not in the externalId index").isZero();
        assertThat(count(users, "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"lin\""))
                .as("a qualified path is the same attribute").isZero();
        assertThat(count(groups, "displayName eq \"Patrol\"")).as("not in the displayName index").isZero();
        // what the index lists is still checked against the resource as it is
        assertThat(count(users, "userName eq \"ada\"")).isZero();
        assertThat(count(users, "userName eq \"GRACE\"")).isEqualTo(1);
    }

    @Test
    void eitherSideOfAnAndIsEnoughToUseAnIndex() {
        assertThat(count(users, "userName eq \"lin\" and active pr")).isZero();
        assertThat(count(users, "title pr or userName eq \"lin\"")).as("an or reads every resource").isEqualTo(1);
        assertThat(count(users, "not (title pr) and externalId eq \"e-9\"")).isZero();
    }

    @Test
    void whatNoIndexAnswersIsScannedFor() {
        // not eq, not a string, a sub-attribute: each one reads every resource as it is
        assertThat(count(users, "userName sw \"li\"")).isEqualTo(1);
        assertThat(count(users, "userName ne \"grace\"")).isEqualTo(1);
        assertThat(count(users, "name.givenName eq \"ada\"")).isEqualTo(1);
        assertThat(count(users, "active eq true")).isEqualTo(2);
    }

    private void changeBehindTheIndexes(String typeKey, String id, java.util.function.UnaryOperator<ObjectNode> change) {
        TenantData.Stored stored = store.tenant(TENANT).table(typeKey).byId.get(id);
        stored.body = change.apply(stored.body.deepCopy());
    }

    private static long count(ResourceRepository repository, String filter) {
        return repository.search(TENANT, new SearchQuery(Optional.of(Filters.parse(filter)), Optional.empty(), 1, 100,
                Projection.DEFAULT)).totalResults();
    }

    private static ObjectNode user(String userName, String externalId) {
        ObjectNode u = ScimJson.object();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        u.put("userName", userName);
        u.put("externalId", externalId);
        u.put("active", true);
        u.putObject("name").put("givenName", userName);
        return u;
    }

    private static ObjectNode group(String displayName) {
        ObjectNode g = ScimJson.object();
        g.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        g.put("displayName", displayName);
        return g;
    }
}
