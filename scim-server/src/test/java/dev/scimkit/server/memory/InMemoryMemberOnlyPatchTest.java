package dev.scimkit.server.memory;

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
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PATCH that only adds or removes members (Entra ID's and Okta's member pushes, thousands per
 * cycle) costs the changed members, whatever the group's size: it neither reads the members it keeps
 * nor re-checks the group's own unique name, which it cannot have changed. To show it, the store is
 * changed behind its own back where only those reads would look: a kept member that cannot be read,
 * and a second resource claiming the group's name in the index.
 */
class InMemoryMemberOnlyPatchTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final ScimPrincipal CALLER = ScimPrincipal.client(TENANT, "test");
    private static final Projection WITHOUT_MEMBERS = Projection.excluding(List.of(Filters.parseAttributePath("members")));

    private final PatchEngine engine = PatchEngine.defaults();
    private InMemoryStore store;
    private ResourceRepository groups;
    private String kept;
    private String added;
    private String guards;

    @BeforeEach
    void fill() {
        store = InMemoryStore.create(SchemaRegistry.standard());
        groups = store.groups();
        kept = user("kept");
        added = user("added");
        ObjectNode group = ScimJson.object();
        group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        group.put("displayName", "Guards");
        group.putArray("members").addObject().put("value", kept);
        guards = groups.create(CALLER, group).path("id").asText();
    }

    @Test
    void aMemberAddDoesNotReadTheMembersItKeeps() {
        store.tenant(TENANT).table("user").byId.get(kept).body = null; // any read of it would fail
        ObjectNode answer = groups.patch(CALLER, guards, plan("add", "members", "[{\"value\":\"" + added + "\"}]"),
                Optional.empty(), WITHOUT_MEMBERS);
        assertThat(answer.path("displayName").asText()).isEqualTo("Guards");
        assertThat(store.tenant(TENANT).table("group").byId.get(guards).members).hasSize(2);
    }

    @Test
    void aMemberAddDoesNotRecheckTheGroupsName() {
        store.tenant(TENANT).table("group").index("displayName").get("guards").add("someone-else");
        groups.patch(CALLER, guards, plan("add", "members", "[{\"value\":\"" + added + "\"}]"), Optional.empty(),
                WITHOUT_MEMBERS);
        assertThat(store.tenant(TENANT).table("group").byId.get(guards).members).hasSize(2);
        // a change of anything else is checked: the planted claim to the name is found
        assertThatThrownBy(() -> groups.patch(CALLER, guards, plan("replace", "externalId", "\"g-1\""), Optional.empty(),
                WITHOUT_MEMBERS)).as("a PATCH of another attribute re-checks the name")
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("displayName");
                });
    }

    private String user(String userName) {
        ObjectNode u = ScimJson.object();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        u.put("userName", userName);
        return store.users().create(CALLER, u).path("id").asText();
    }

    private PatchPlan plan(String op, String path, String value) {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\""
                + op + "\",\"path\":\"" + path + "\",\"value\":" + value + "}]}";
        return engine.plan(SchemaRegistry.standard().group(), engine.parse(ScimJson.parse(body.getBytes(StandardCharsets.UTF_8))));
    }
}
