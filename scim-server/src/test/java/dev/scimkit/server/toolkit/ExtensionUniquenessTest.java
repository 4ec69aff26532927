package dev.scimkit.server.toolkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaFiles;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An extension attribute declared {@code uniqueness: server} (a badge number) is kept unique per tenant
 * by the in-memory store and by the toolkit, like a core one: ignoring case unless {@code caseExact},
 * freed by a change or a delete, and never across tenants.
 */
class ExtensionUniquenessTest {

    private static final String BADGE = "urn:example:params:scim:schemas:extension:badge:2.0:User";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard().toBuilder()
            .addDeclaredExtensions(List.of(SchemaFiles.read(json("{\"id\":\"" + BADGE + "\",\"attributes\":["
                    + "{\"name\":\"badgeNumber\",\"type\":\"string\",\"uniqueness\":\"server\"},"
                    + "{\"name\":\"note\",\"type\":\"string\"}]}"), "badge.json")))
            .build();
    private final ScimPrincipal acme = ScimPrincipal.client(TenantId.of("acme"), "test");
    private final ScimPrincipal globex = ScimPrincipal.client(TenantId.of("globex"), "test");

    private static ObjectNode json(String text) {
        return ScimJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode user(String userName, String badge) {
        return json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + BADGE + "\"],"
                + "\"userName\":\"" + userName + "\",\"" + BADGE + "\":{\"badgeNumber\":\"" + badge + "\"}}");
    }

    private static ResourceRepository users(String store) {
        return store.equals("memory") ? InMemoryStore.create(REGISTRY).repository("User")
                : RecordRepositories.builder(REGISTRY).records("User", new MapRecords()).build().repository("User");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "toolkit"})
    void aBadgeNumberIsUniquePerTenantUntilItIsReleased(String store) {
        ResourceRepository users = users(store);
        ObjectNode ann = users.create(acme, user("ann", "B-1"));

        assertThatThrownBy(() -> users.create(acme, user("bob", "b-1")))
                .isInstanceOf(ScimException.class)
                .satisfies(e -> assertThat(((ScimException) e).status()).isEqualTo(409))
                .hasMessageContaining(BADGE + ":badgeNumber");
        assertThat(users.create(globex, user("bob", "B-1")).path("id").asText())
                .as("another tenant's values are its own").isNotEmpty();

        ObjectNode bob = users.create(acme, user("bob", "B-2"));
        assertThatThrownBy(() -> users.replace(acme, bob.path("id").asText(), user("bob", "B-1"), Optional.empty()))
                .isInstanceOf(ScimException.class).hasMessageContaining("already exists");
        users.replace(acme, ann.path("id").asText(), user("ann", "B-3"), Optional.empty());
        assertThat(users.replace(acme, bob.path("id").asText(), user("bob", "B-1"), Optional.empty())
                .path(BADGE).path("badgeNumber").asText()).as("ann's old badge was released").isEqualTo("B-1");

        users.delete(acme, ann.path("id").asText(), Optional.empty());
        assertThat(users.create(acme, user("cy", "B-3")).path(BADGE).path("badgeNumber").asText())
                .as("a deleted user's badge is free").isEqualTo("B-3");
        assertThat(users.replace(acme, bob.path("id").asText(), user("bob", "B-1"), Optional.empty())
                .path(BADGE).path("badgeNumber").asText()).as("keeping one's own value is no conflict").isEqualTo("B-1");
    }
}
