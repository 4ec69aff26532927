package dev.scimkit.server.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.patch.PatchPlan;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A User PATCH (Okta's deactivate, Entra's title change: most of a provisioning cycle) costs what it
 * changes: it re-checks uniqueness only when it changed an indexed or extension value, and builds no
 * view of the User's groups unless it targets them, and a change of a group's members alone keeps
 * the group's stored top level. As in {@link InMemoryMemberOnlyPatchTest}, the store is changed behind
 * its own back where only the skipped work would look.
 */
class InMemoryUserPatchEconomyTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final ScimPrincipal CALLER = ScimPrincipal.client(TENANT, "test");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final PatchEngine engine = PatchEngine.defaults();
    private InMemoryStore store;
    private ResourceRepository users;
    private String ann;
    private String guards;

    @BeforeEach
    void fill() {
        store = InMemoryStore.create(SchemaRegistry.standard());
        users = store.users();
        ObjectNode u = ScimJson.object();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        u.put("userName", "ann");
        ann = users.create(CALLER, u).path("id").asText();
        ObjectNode g = ScimJson.object();
        g.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        g.put("displayName", "Guards");
        g.putArray("members").addObject().put("value", ann);
        guards = store.groups().create(CALLER, g).path("id").asText();
    }

    private ObjectNode patchUser(String op, String path, String value) {
        return users.patch(CALLER, ann, plan(SchemaRegistry.standard().user(), op, path, value), Optional.empty(),
                Projection.DEFAULT);
    }

    @Test
    void onlyAChangeOfAnIndexedOrExtensionValueRechecksUniqueness() {
        // A second User claiming the name, planted in the index where only a re-check would look.
        store.tenant(TENANT).table("user").index("userName").put("ann", new HashSet<>(Set.of(ann, "someone-else")));

        assertThat(patchUser("replace", "active", "false").path("active").asBoolean(true)).isFalse();
        assertThat(patchUser("replace", "title", "\"Guard\"").path("title").asText()).isEqualTo("Guard");

        for (String[] change : new String[][] {{"externalId", "\"ann-1\""}, {ENTERPRISE + ":employeeNumber", "\"701\""}}) {
            assertThatThrownBy(() -> patchUser("replace", change[0], change[1])).as(change[0])
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.detail()).contains("userName");
                    });
        }
    }

    @Test
    void aUserPatchThatNeverTargetsGroupsReadsThemOnlyForItsAnswer() {
        TenantData.Stored group = store.tenant(TENANT).table("group").byId.get(guards);
        CountingObject counted = new CountingObject(group.body);
        group.body = counted;

        ObjectNode answer = patchUser("replace", "active", "false");
        assertThat(answer.path("groups").path(0).path("display").asText()).isEqualTo("Guards");
        assertThat(counted.nameReads.get()).as("the group's name read for the answer alone").isEqualTo(1);
    }

    @Test
    void aChangeOfMembersAloneKeepsTheGroupsStoredTopLevel() {
        ObjectNode other = ScimJson.object();
        other.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        other.put("userName", "bob");
        String bob = users.create(CALLER, other).path("id").asText();
        TenantData.Stored group = store.tenant(TENANT).table("group").byId.get(guards);
        ObjectNode before = group.body;
        String version = before.path("meta").path("version").asText();

        store.groups().patch(CALLER, guards, plan(SchemaRegistry.standard().group(), "add", "members",
                "[{\"value\":\"" + bob + "\"}]"), Optional.empty(), Projection.DEFAULT);
        assertThat(group.body).as("the same top level, its meta replaced").isSameAs(before);
        assertThat(group.body.path("meta").path("version").asText()).isNotEqualTo(version);
        assertThat(group.members).hasSize(2);

        store.groups().patch(CALLER, guards, plan(SchemaRegistry.standard().group(), "replace", "displayName",
                "\"Night guards\""), Optional.empty(), Projection.DEFAULT);
        assertThat(group.body).as("any other change makes a new revision").isNotSameAs(before);
    }

    private PatchPlan plan(dev.scimkit.core.schema.ResourceTypeDefinition type, String op, String path, String value) {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\""
                + op + "\",\"path\":\"" + path + "\",\"value\":" + value + "}]}";
        return engine.plan(type, engine.parse(ScimJson.parse(body.getBytes(StandardCharsets.UTF_8))));
    }

    /** A stored body that counts how often its name is read. */
    private static final class CountingObject extends ObjectNode {
        final AtomicInteger nameReads = new AtomicInteger();

        CountingObject(ObjectNode original) {
            super(ScimJson.nodes());
            setAll(original);
        }

        @Override
        public JsonNode get(String name) {
            if (name.equals("displayName")) {
                nameReads.incrementAndGet();
            }
            return super.get(name);
        }
    }
}
