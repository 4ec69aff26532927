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
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
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

    /**
     * A User's PATCH is applied to the stored revision itself (no view, no copy) and the next revision
     * shares every value the PATCH did not write with it: the answers of earlier patches, and what a
     * reader got before them, must stay as they were through later patches that write into the same
     * nested values (an email's value, a sub-attribute, the enterprise manager, a primary turned off).
     */
    @Test
    void everyRevisionStaysAsItWasThroughLaterPatchesOfTheSameValues() {
        String id = users.create(CALLER, json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],"
                + "\"userName\":\"dana\",\"name\":{\"givenName\":\"D\",\"familyName\":\"F\"},\"active\":true,"
                + "\"emails\":[{\"value\":\"d@work.example\",\"type\":\"work\",\"primary\":true},{\"value\":\"d@home.example\",\"type\":\"home\"}],"
                + "\"" + ENTERPRISE + "\":{\"department\":\"Ops\",\"manager\":{\"value\":\"m1\"}}}")).get("id").asText();
        List<String> patches = List.of(
                "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"d2@work.example\"}]",
                "[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Dana\"}]",
                "[{\"op\":\"replace\",\"value\":{\"active\":false}}]",
                "[{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":manager.value\",\"value\":\"m2\"}]",
                "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"d@other.example\",\"primary\":true}]}]",
                "[{\"op\":\"Replace\",\"value\":{\"name.familyName\":\"G\",\"" + ENTERPRISE + ":department\":\"Sales\"}}]",
                "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}]",
                "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"d3@work.example\"}]");
        List<ObjectNode> held = new ArrayList<>();
        List<String> heldText = new ArrayList<>();
        held.add(users.get(TENANT, id, Projection.DEFAULT).orElseThrow());
        heldText.add(held.get(0).toString());
        for (String operations : patches) {
            ObjectNode answer = patch(users, id, operations, false);
            held.add(answer);
            heldText.add(answer.toString());
            ObjectNode read = users.get(TENANT, id, Projection.DEFAULT).orElseThrow();
            held.add(read);
            heldText.add(read.toString());
        }
        for (int i = 0; i < held.size(); i++) {
            assertThat(held.get(i).toString()).as("revision %d after every later patch", i).isEqualTo(heldText.get(i));
        }
        ObjectNode last = held.get(held.size() - 1);
        assertThat(last.path("emails").findValuesAsText("value")).containsExactly("d3@work.example", "d@other.example");
        assertThat(last.path("emails").get(0).path("primary").asBoolean()).isFalse();
        assertThat(last.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo("m2");
        assertThat(last.path("active").asBoolean()).isFalse();
        assertThat(held.get(0).path("emails").get(0).path("value").asText()).isEqualTo("d@work.example");
    }

    /**
     * Readers on other threads while one thread patches the same values again and again: whatever a
     * reader got is one whole revision (one the writer answered), and stays that revision after every
     * later patch.
     */
    @Test
    void readersDuringPatchesSeeWholeRevisionsThatNeverChange() throws Exception {
        String id = users.create(CALLER, json("{" + USER_SCHEMAS + "\"userName\":\"erin\",\"name\":{\"givenName\":\"E0\"},"
                + "\"emails\":[{\"value\":\"e0@work.example\",\"type\":\"work\"}]}")).get("id").asText();
        Set<String> revisions = ConcurrentHashMap.newKeySet();
        revisions.add(users.get(TENANT, id, Projection.DEFAULT).orElseThrow().toString());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<ObjectNode, String>>> reads = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                reads.add(readers.submit(() -> {
                    Map<ObjectNode, String> seen = new IdentityHashMap<>();
                    while ((writing.get() || seen.isEmpty()) && seen.size() < 5_000) {
                        ObjectNode read = users.get(TENANT, id, Projection.DEFAULT).orElseThrow();
                        seen.put(read, read.toString());
                    }
                    return seen;
                }));
            }
            for (int i = 1; i <= 300; i++) {
                String operations = i % 2 == 0
                        ? "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"e" + i + "@work.example\"}]"
                        : "[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"E" + i + "\"}]";
                revisions.add(patch(users, id, operations, false).toString());
            }
            writing.set(false);
            int seenCount = 0;
            for (Future<Map<ObjectNode, String>> f : reads) {
                for (Map.Entry<ObjectNode, String> e : f.get(60, TimeUnit.SECONDS).entrySet()) {
                    assertThat(revisions).as("a whole revision").contains(e.getValue());
                    assertThat(e.getKey().toString()).as("unchanged since it was read").isEqualTo(e.getValue());
                    seenCount++;
                }
            }
            assertThat(seenCount).isPositive();
        } finally {
            readers.shutdownNow();
        }
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
