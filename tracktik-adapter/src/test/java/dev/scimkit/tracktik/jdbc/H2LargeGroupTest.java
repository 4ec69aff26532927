package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.port.EmployeeWrite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Group with more members than the adapter reads from the store in one page (1,000), on a real H2:
 * a read shows every member, once, and so does the answer to a PATCH that asks for them.
 */
class H2LargeGroupTest {

    private static final int MEMBERS = 1_001;

    private TrackTikEngine engine;
    private List<String> userIds;

    @BeforeEach
    void open() {
        engine = new TrackTikEngine(JdbcTrackTikStore.openOwning(JdbcDataSources.h2InMemory("large" + System.nanoTime())));
        List<EmployeeWrite> writes = new ArrayList<>();
        for (int i = 0; i <= MEMBERS; i++) {
            String userName = "member" + i + "@example.com";
            writes.add(new EmployeeWrite(EmployeeProfile.builder().firstName("M" + i).lastName("Large").email(userName)
                    .build(), userName, Optional.empty(), ScimJson.object().put("userName", userName)));
        }
        userIds = engine.store.createEmployees(TenantId.of("portal-a"), writes, new Actor("entra", "portal-a"));
    }

    @AfterEach
    void close() throws Exception {
        engine.store.close();
    }

    @Test
    void everyMemberIsReadAndAnsweredBeyondOnePageOfTheStore() {
        StringBuilder members = new StringBuilder();
        for (String id : userIds.subList(0, MEMBERS)) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        String groupId = engine.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Everyone\",\"members\":[" + members + "]}").get("id").asText();

        JsonNode read = engine.ok(200, "GET", "/Groups/" + groupId, null);
        assertThat(memberIds(read)).hasSize(MEMBERS).containsExactlyInAnyOrderElementsOf(userIds.subList(0, MEMBERS));
        assertThat(engine.ok(200, "GET", "/Groups/" + groupId + "?excludedAttributes=members", null).has("members"))
                .isFalse();

        String last = userIds.get(MEMBERS);
        JsonNode patched = engine.ok(200, "PATCH", "/Groups/" + groupId + "?attributes=members",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                        + "\"path\":\"members\",\"value\":[{\"value\":\"" + last + "\"}]}]}");
        assertThat(memberIds(patched)).hasSize(MEMBERS + 1).containsAll(userIds);
    }

    private static List<String> memberIds(JsonNode group) {
        List<String> ids = new ArrayList<>();
        group.path("members").forEach(m -> ids.add(m.path("value").asText()));
        Set<String> distinct = new HashSet<>(ids);
        assertThat(distinct).as("no member twice").hasSameSizeAs(ids);
        return ids;
    }
}
