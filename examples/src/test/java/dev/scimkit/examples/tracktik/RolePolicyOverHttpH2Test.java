package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ExampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.scimkit.examples.tracktik.ScimMessages.patch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example server's {@code --tracktik-role-priority} and {@code --tracktik-default-role} over HTTP on
 * H2: SCIM shows the three groups Entra ID put the user in, {@code /admin} the one role the employee
 * holds and the group it comes from, then the default role once the last group is gone.
 */
class RolePolicyOverHttpH2Test {

    @TempDir
    static Path dataDir;

    private static ExampleServer server;
    private static ScimHttp scim;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.h2(dataDir, "--tracktik-role-priority", "Supervisor, Dispatcher",
                "--tracktik-default-role", "Guard");
        scim = ScimHttp.of(server, TestServers.TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String group(String name) {
        return scim.expect(201, "POST", "/Groups", ScimMessages.emptyGroup(name, "g-" + name)).path("id").asText();
    }

    private static void member(String op, String group, String user) {
        String operation = op.equals("Add")
                ? "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}"
                : "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + user + "\\\"]\"}";
        scim.expect(204, "PATCH", "/Groups/" + group, patch(operation));
    }

    @Test
    void scimShowsTheGroupsWhileAdminShowsTheOneRoleAndWhereItComesFrom() {
        String user = scim.expect(201, "POST", "/Users", "{\"schemas\":[\"" + ScimHttp.USER_SCHEMA + "\"],\"userName\":\"ro."
                + UUID.randomUUID() + "@contoso.example\",\"name\":{\"givenName\":\"Ro\",\"familyName\":\"Le\"}}")
                .path("id").asText();
        String guard = group("Guard");
        String dispatcher = group("Dispatcher");
        String supervisor = group("Supervisor");
        member("Add", guard, user);
        member("Add", dispatcher, user);
        member("Add", supervisor, user);

        List<String> groups = new ArrayList<>();
        scim.expect(200, "GET", "/Users/" + user, null).path("groups").forEach(g -> groups.add(g.path("display").asText()));
        assertThat(groups).containsExactlyInAnyOrder("Guard", "Dispatcher", "Supervisor");

        JsonNode employee = scim.trackTik().employee(user);
        assertThat(employee.path("roles")).hasSize(3);
        assertThat(employee.path("role").path("name").asText()).isEqualTo("Supervisor");
        assertThat(employee.path("role").path("fromGroups")).singleElement()
                .satisfies(g -> assertThat(g.path("scimId").asText()).isEqualTo(supervisor));

        for (String g : List.of(guard, dispatcher, supervisor)) {
            member("Remove", g, user);
        }
        employee = scim.trackTik().employee(user);
        assertThat(employee.path("roles")).isEmpty();
        assertThat(employee.path("role").path("name").asText()).isEqualTo("Guard");
        assertThat(employee.path("role").path("fromGroups")).isEmpty();
        List<String> notes = new ArrayList<>();
        scim.trackTik().history(user).forEach(entry -> entry.changes().stream()
                .filter(c -> c.field().equals("role")).forEach(c -> notes.add(c.old() + " -> " + c.now())));
        // Removing Guard and Dispatcher leaves Supervisor in place; the last removal gives the default role.
        assertThat(notes).containsExactly(" -> Guard", "Guard -> Dispatcher", "Dispatcher -> Supervisor",
                "Supervisor -> Guard");
    }
}
