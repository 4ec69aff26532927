package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.PatchRequest;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-memory store hands out trees that share values with what it stores, so it must never modify
 * a stored tree: every write makes a new revision. A reader holding an earlier answer sees it
 * unchanged; member-only patches make a new version and keep everything else; uniqueness is still
 * checked when a patch changes a unique value, and not tripped by a resource's own value.
 */
class InMemoryCopyOnWriteTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.standard();
    private static final TenantId TENANT = TenantId.of("cow");
    private static final ScimPrincipal CALLER = ScimPrincipal.client(TENANT, "test-client");
    private static final String USER_SCHEMAS = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],";
    private static final String GROUP_SCHEMAS = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],";
    private static final Projection NO_MEMBERS = Projection.excluding(List.of(AttributePath.of("members")));

    private final InMemoryStore store = InMemoryStore.create(REGISTRY);
    private final ResourceRepository users = store.users();
    private final ResourceRepository groups = store.groups();
    private final PatchEngine engine = PatchEngine.defaults();

    private String user(String userName) {
        return users.create(CALLER, json("{" + USER_SCHEMAS + "\"userName\":\"" + userName + "\",\"name\":{\"givenName\":\"G\"}}")).get("id").asText();
    }

    private static ObjectNode json(String text) {
        return ScimJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode patch(ResourceRepository repository, String id, String operations, boolean group) {
        PatchRequest request = engine.parse(json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":" + operations + "}"));
        return repository.patch(CALLER, id, engine.plan(group ? REGISTRY.group() : REGISTRY.user(), request),
                Optional.empty(), group ? NO_MEMBERS : Projection.DEFAULT);
    }

    @Test
    void anAnswerHeldByAReaderDoesNotChangeWhenTheResourceIsWritten() {
        String alice = user("alice");
        String bob = user("bob");
        String groupId = groups.create(CALLER, json("{" + GROUP_SCHEMAS + "\"displayName\":\"Admins\",\"members\":[{\"value\":\"" + alice + "\"}]}"))
                .get("id").asText();
        ObjectNode aliceBefore = users.get(TENANT, alice, Projection.DEFAULT).orElseThrow();
        ObjectNode groupBefore = groups.get(TENANT, groupId, Projection.DEFAULT).orElseThrow();
        String aliceText = aliceBefore.toString();
        String groupText = groupBefore.toString();

        patch(users, alice, "[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Alice\"}]", false);
        patch(groups, groupId, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}]", true);
        users.delete(CALLER, alice, Optional.empty()); // takes alice out of the group: a new group revision

        assertThat(aliceBefore.toString()).isEqualTo(aliceText);
        assertThat(groupBefore.toString()).isEqualTo(groupText);
        ObjectNode groupAfter = groups.get(TENANT, groupId, Projection.DEFAULT).orElseThrow();
        assertThat(groupAfter.path("members").findValuesAsText("value")).containsExactly(bob);
        assertThat(groupAfter.path("meta").path("version")).isNotEqualTo(groupBefore.path("meta").path("version"));
    }

    @Test
    void aMemberOnlyPatchMakesANewVersionAndKeepsTheRest() {
        String alice = user("alice");
        ObjectNode created = groups.create(CALLER, json("{" + GROUP_SCHEMAS + "\"displayName\":\"Ops\",\"externalId\":\"e-1\"}"));
        String groupId = created.get("id").asText();

        ObjectNode patched = patch(groups, groupId, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"}]}]", true);

        assertThat(patched.path("meta").path("version")).isNotEqualTo(created.path("meta").path("version"));
        assertThat(patched.path("meta").path("created")).isEqualTo(created.path("meta").path("created"));
        assertThat(patched.path("displayName").asText()).isEqualTo("Ops");
        assertThat(patched.has("members")).as("left out as the projection asks").isFalse();
        ObjectNode withMembers = groups.get(TENANT, groupId, Projection.DEFAULT).orElseThrow();
        assertThat(withMembers.path("members").findValuesAsText("value")).containsExactly(alice);
        // The indexes still find the group by its unchanged displayName and externalId.
        assertThat(users.get(TENANT, alice, Projection.DEFAULT).orElseThrow().path("groups").findValuesAsText("value"))
                .containsExactly(groupId);
    }

    @Test
    void aPatchThatTakesAnotherResourcesUniqueValueIsAConflictButKeepingItsOwnIsNot() {
        String alice = user("alice");
        user("bob");

        assertThatThrownBy(() -> patch(users, alice, "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"BOB\"}]", false))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(409));

        ObjectNode renamed = patch(users, alice, "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"ALICE\"},"
                + "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Boss\"}]", false);
        assertThat(renamed.path("userName").asText()).isEqualTo("ALICE");
        // The old spelling's index entry moved with the value: a new "alice" is still a conflict, "carol" is not.
        assertThatThrownBy(() -> user("Alice")).isInstanceOf(ScimException.class);
        assertThat(user("carol")).isNotBlank();
    }
}
