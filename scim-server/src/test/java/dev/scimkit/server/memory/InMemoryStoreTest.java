package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-memory store's configuration (which attributes are unique, per tenant) and its lookup of
 * repositories; the repositories' behaviour itself is {@link InMemoryRepositoryContractTest}'s.
 */
class InMemoryStoreTest {

    private static final ScimPrincipal ACME = ScimPrincipal.client(TenantId.of("acme"), "test");
    private static final ScimPrincipal OTHER = ScimPrincipal.client(TenantId.of("other"), "test");

    private static ObjectNode group(String displayName) {
        ObjectNode g = ScimJson.object();
        g.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        g.put("displayName", displayName);
        return g;
    }

    private static ObjectNode user(String userName, String externalId) {
        ObjectNode u = ScimJson.object();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        u.put("userName", userName);
        u.put("externalId", externalId);
        return u;
    }

    private static void assertUniqueness(Runnable call, String named) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.scimType()).contains(ScimErrorType.UNIQUENESS);
            assertThat(e.detail()).contains(named);
        });
    }

    @Test
    void groupNamesAreUniquePerTenantByDefault() {
        InMemoryStore store = InMemoryStore.create(SchemaRegistry.standard());
        store.groups().create(ACME, group("Night Guards"));
        assertUniqueness(() -> store.groups().create(ACME, group("night guards")), "displayName");
        // another tenant has names of its own
        assertThat(store.groups().create(OTHER, group("Night Guards")).path("id").asText()).isNotEmpty();
    }

    @Test
    void groupNamesMayRepeatWhenTheStoreAllowsIt() {
        InMemoryStore store = InMemoryStore.builder(SchemaRegistry.standard()).allowDuplicateGroupNames().build();
        String first = store.groups().create(ACME, group("Night Guards")).path("id").asText();
        String second = store.groups().create(ACME, group("Night Guards")).path("id").asText();
        assertThat(second).isNotEqualTo(first);
        // userName stays unique: only the Group name was relaxed
        store.users().create(ACME, user("ada", "e-1"));
        assertUniqueness(() -> store.users().create(ACME, user("ADA", "e-2")), "userName");
    }

    @Test
    void anAttributeDeclaredUniqueIsCheckedLikeUserName() {
        InMemoryStore store = InMemoryStore.builder(SchemaRegistry.standard()).unique("USER", "title").build();
        store.users().create(ACME, user("ada", "e-1").put("title", "Night Guard"));
        assertUniqueness(() -> store.users().create(ACME, user("grace", "e-2").put("title", "night guard")), "title");
        assertThat(store.users().create(OTHER, user("grace", "e-2").put("title", "Night Guard")).path("userName").asText())
                .isEqualTo("grace");
        // without the declaration titles may repeat
        InMemoryStore plain = InMemoryStore.create(SchemaRegistry.standard());
        plain.users().create(ACME, user("ada", "e-1").put("title", "Night Guard"));
        assertThat(plain.users().create(ACME, user("grace", "e-2").put("title", "Night Guard")).path("title").asText())
                .isEqualTo("Night Guard");
    }

    @Test
    void externalIdCanBeDeclaredUniqueAndStaysUniqueWhenGroupNamesMayRepeat() {
        InMemoryStore store = InMemoryStore.builder(SchemaRegistry.standard()).unique("User", "externalId")
                .unique("Group", "externalId").allowDuplicateGroupNames().build();
        store.users().create(ACME, user("ada", "e-1"));
        assertUniqueness(() -> store.users().create(ACME, user("grace", "e-1")), "externalId");
        assertThat(store.users().create(OTHER, user("grace", "e-1")).path("userName").asText()).isEqualTo("grace");

        store.groups().create(ACME, group("Night Guards").put("externalId", "g-1"));
        String again = store.groups().create(ACME, group("Night Guards").put("externalId", "g-2")).path("id").asText();
        assertThat(again).as("the name may repeat").isNotEmpty();
        assertUniqueness(() -> store.groups().create(ACME, group("Day Guards").put("externalId", "g-1")), "externalId");
    }

    @Test
    void aUniqueAttributeTheTypeDoesNotHaveIsRefusedAtBuildTime() {
        InMemoryStore.Builder builder = InMemoryStore.builder(SchemaRegistry.standard()).unique("User", "badge");
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("badge");
    }

    @Test
    void repositoriesAreFoundByTypeNameInAnyCase() {
        InMemoryStore store = InMemoryStore.create(SchemaRegistry.standard());
        assertThat(store.repository("USER")).isSameAs(store.users());
        assertThat(store.repository("group")).isSameAs(store.groups());
        assertThat(store.repositories()).containsOnlyKeys("User", "Group");
        assertThat(store.repositories().get("User")).isSameAs(store.users());
        assertThatThrownBy(() -> store.repository("Device")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Device");
    }

    @Test
    void versionsNeverRepeatAcrossTenantsAndTypes() {
        InMemoryStore store = InMemoryStore.create(SchemaRegistry.standard());
        String v1 = store.users().create(ACME, user("ada", "e-1")).path("meta").path("version").asText();
        String v2 = store.groups().create(OTHER, group("G")).path("meta").path("version").asText();
        assertThat(v1).startsWith("W/\"").isNotEqualTo(v2);
    }
}
