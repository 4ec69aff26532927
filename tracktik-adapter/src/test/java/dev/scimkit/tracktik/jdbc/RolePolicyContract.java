package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.Employee;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HeldRole;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.mapping.PriorityRolePolicy;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.port.TrackTikStore;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TrackTik's one-role rule through SCIM, the same on every store (H2, PostgreSQL, the portal's REST
 * API): Groups and Users show the memberships the identity provider sent, while each employee holds
 * one role chosen by the {@link RolePolicy}, keeps it when its last group goes, and its History says
 * each time why, exactly once.
 */
public abstract class RolePolicyContract {

    static final TenantId A = TenantId.of("portal-a");
    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";

    /** The store under test, shared by the tests of a class (names are made unique per test). */
    protected abstract TrackTikStore store();

    private final String run = Long.toString(System.nanoTime(), 36);

    private TrackTikEngine engine(RolePolicy policy) {
        return new TrackTikEngine(store(), SchemaRegistry.standard(), b -> b.rolePolicy(policy));
    }

    private TrackTikEngine engine() {
        return engine(RolePolicy.trackTikDefault());
    }

    private String user(TrackTikEngine e, String name) {
        return e.ok(201, "POST", "/Users", TrackTikFlowContract.entraUser(name + "-" + run + "@example.com", "x-" + name))
                .path("id").asText();
    }

    private String group(TrackTikEngine e, String name, String... members) {
        StringBuilder m = new StringBuilder();
        for (String id : members) {
            m.append(m.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return e.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + role(name) + "\",\"members\":[" + m + "]}").path("id").asText();
    }

    /** The unique role name this test uses for {@code name}. */
    private String role(String name) {
        return name + " " + run;
    }

    private static void add(TrackTikEngine e, String group, String user) {
        e.ok(204, "PATCH", "/Groups/" + group, PATCH + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + user + "\"}]}]}");
    }

    private static void remove(TrackTikEngine e, String group, String user) {
        e.ok(204, "PATCH", "/Groups/" + group, PATCH + "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + user
                + "\\\"]\"}]}");
    }

    private Employee employee(String scimId) {
        return store().findEmployee(A, scimId).orElseThrow().employee();
    }

    private Optional<String> held(String scimId) {
        return employee(scimId).heldRole().map(HeldRole::name);
    }

    private List<String> userGroups(TrackTikEngine e, String scimId) {
        List<String> out = new ArrayList<>();
        e.ok(200, "GET", "/Users/" + scimId, null).path("groups").forEach(g -> out.add(g.path("display").asText()));
        return out;
    }

    private List<String> groupMembers(TrackTikEngine e, String group) {
        List<String> out = new ArrayList<>();
        e.ok(200, "GET", "/Groups/" + group, null).path("members").forEach(m -> out.add(m.path("value").asText()));
        return out;
    }

    private List<HistoryAction> actions(String scimId) {
        return store().history(A, scimId).stream().map(HistoryEntry::action).toList();
    }

    /** The "role" lines of the employee's History, oldest first. */
    private List<FieldChange> roleLines(String scimId) {
        return store().history(A, scimId).stream().flatMap(h -> h.changes().stream())
                .filter(c -> c.field().equals("role")).toList();
    }

    @Test
    void anEmployeeInNoGroupHoldsNoRole() {
        TrackTikEngine e = engine();
        String u = user(e, "none");
        assertThat(held(u)).isEmpty();
        assertThat(employee(u).roles()).isEmpty();
        assertThat(e.ok(200, "GET", "/Users/" + u, null).has("groups")).isFalse();
        assertThat(actions(u)).containsExactly(HistoryAction.CREATED);
    }

    @Test
    void oneGroupGivesItsRoleAndTheHistorySaysWhyOnce() {
        TrackTikEngine e = engine();
        String u = user(e, "one");
        String g = group(e, "Guard", u);
        assertThat(held(u)).contains(role("Guard"));
        assertThat(employee(u).heldRoleSources()).extracting(RoleRef::scimId).containsExactly(g);
        assertThat(userGroups(e, u)).containsExactly(role("Guard"));
        assertThat(actions(u)).containsExactly(HistoryAction.CREATED, HistoryAction.ROLE_ASSIGNED);
        assertThat(store().history(A, u).get(1).changes()).containsExactly(new FieldChange("roles", "", role("Guard")),
                new FieldChange("role", "", role("Guard"), "only group"));
    }

    @Test
    void threeGroupsShowAllMembershipsWhileThePriorityListPicksTheOneRole() {
        TrackTikEngine e = engine(PriorityRolePolicy.builder().priority(List.of(role("Supervisor"), role("Dispatcher"))).build());
        String u = user(e, "three");
        String guard = group(e, "Guard");
        String dispatcher = group(e, "Dispatcher");
        String supervisor = group(e, "Supervisor");
        add(e, guard, u);
        add(e, supervisor, u);
        add(e, dispatcher, u);
        assertThat(held(u)).contains(role("Supervisor"));
        // SCIM stays truthful: the User is in the three groups and every group lists it.
        assertThat(userGroups(e, u)).containsExactlyInAnyOrder(role("Guard"), role("Dispatcher"), role("Supervisor"));
        for (String g : List.of(guard, dispatcher, supervisor)) {
            assertThat(groupMembers(e, g)).containsExactly(u);
        }
        assertThat(employee(u).heldRoleSources()).extracting(RoleRef::scimId).containsExactly(supervisor);
        assertThat(actions(u)).containsExactly(HistoryAction.CREATED, HistoryAction.ROLE_ASSIGNED,
                HistoryAction.ROLE_ASSIGNED, HistoryAction.ROLE_ASSIGNED);
        // Dispatcher came last but ranks below Supervisor: no role change, no role line.
        assertThat(roleLines(u)).containsExactly(
                new FieldChange("role", "", role("Guard"), "only group"),
                new FieldChange("role", role("Guard"), role("Supervisor"), "priority"));

        remove(e, supervisor, u);
        assertThat(held(u)).contains(role("Dispatcher"));
        assertThat(roleLines(u)).last().isEqualTo(new FieldChange("role", role("Supervisor"), role("Dispatcher"), "priority"));
    }

    @Test
    void withoutAPriorityTheEarliestAssignmentWins() {
        TrackTikEngine e = engine();
        String u = user(e, "earliest");
        String b = group(e, "Bravo");
        String a = group(e, "Alpha");
        String c = group(e, "Charlie");
        add(e, b, u);
        add(e, a, u);
        add(e, c, u);
        assertThat(held(u)).contains(role("Bravo"));
        remove(e, b, u);
        assertThat(held(u)).contains(role("Alpha"));
        assertThat(roleLines(u)).last().isEqualTo(new FieldChange("role", role("Bravo"), role("Alpha"), "earliest assignment"));
        assertThat(userGroups(e, u)).containsExactlyInAnyOrder(role("Alpha"), role("Charlie"));
    }

    @Test
    void removedFromItsLastGroupAnEmployeeKeepsItsRole() {
        TrackTikEngine e = engine();
        String u = user(e, "last");
        String g = group(e, "Patrol", u);
        remove(e, g, u);
        assertThat(held(u)).contains(role("Patrol"));
        assertThat(employee(u).roles()).isEmpty();
        assertThat(employee(u).heldRoleSources()).isEmpty();
        assertThat(e.ok(200, "GET", "/Users/" + u, null).has("groups")).isFalse();
        assertThat(groupMembers(e, g)).isEmpty();
        assertThat(actions(u)).containsExactly(HistoryAction.CREATED, HistoryAction.ROLE_ASSIGNED, HistoryAction.ROLE_UNASSIGNED);
        assertThat(store().history(A, u).get(2).changes()).containsExactly(new FieldChange("roles", role("Patrol"), ""),
                new FieldChange("role", role("Patrol"), role("Patrol"), "kept: last group removed"));

        // Back in a group, it holds that group's role again.
        String other = group(e, "Other", u);
        assertThat(held(u)).contains(role("Other"));
        assertThat(employee(u).heldRoleSources()).extracting(RoleRef::scimId).containsExactly(other);
    }

    @Test
    void aConfiguredDefaultRoleReplacesTheRoleOfTheLastGroup() {
        TrackTikEngine plain = engine();
        String fallback = group(plain, "Fallback");
        TrackTikEngine e = engine(PriorityRolePolicy.builder().defaultRole(role("Fallback")).build());
        String u = user(e, "default");
        String g = group(e, "Escort", u);
        remove(e, g, u);
        assertThat(held(u)).contains(role("Fallback"));
        assertThat(employee(u).heldRole().flatMap(HeldRole::id)).isPresent();
        assertThat(roleLines(u)).last().isEqualTo(new FieldChange("role", role("Escort"), role("Fallback"),
                "default role: last group removed"));
        // The default role does not make the employee a member of its group.
        assertThat(groupMembers(e, fallback)).isEmpty();
    }

    @Test
    void deletingGroupsMovesTheRoleToAnotherGroupThenKeepsIt() {
        TrackTikEngine e = engine();
        String u = user(e, "deleted");
        String first = group(e, "First", u);
        String second = group(e, "Second", u);
        assertThat(held(u)).contains(role("First"));
        e.ok(204, "DELETE", "/Groups/" + first, null);
        assertThat(held(u)).contains(role("Second"));
        assertThat(userGroups(e, u)).containsExactly(role("Second"));
        e.ok(204, "DELETE", "/Groups/" + second, null);
        assertThat(held(u)).contains(role("Second"));
        assertThat(employee(u).roles()).isEmpty();
        assertThat(actions(u)).containsExactly(HistoryAction.CREATED, HistoryAction.ROLE_ASSIGNED,
                HistoryAction.ROLE_ASSIGNED, HistoryAction.ROLE_UNASSIGNED, HistoryAction.ROLE_UNASSIGNED);
        assertThat(roleLines(u)).containsExactly(
                new FieldChange("role", "", role("First"), "only group"),
                new FieldChange("role", role("First"), role("Second"), "only group"),
                new FieldChange("role", role("Second"), role("Second"), "kept: last group removed"));
        // A group of the same name can be made again.
        group(e, "Second");
    }

    @Test
    void aRenamedGroupRenamesTheHeldRole() {
        TrackTikEngine e = engine();
        String u = user(e, "renamed");
        String g = group(e, "Old", u);
        e.ok(200, "PUT", "/Groups/" + g, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + role("New") + "\",\"members\":[{\"value\":\"" + u + "\"}]}");
        assertThat(held(u)).contains(role("New"));
        assertThat(roleLines(u)).last().isEqualTo(new FieldChange("role", role("Old"), role("New"), "role renamed"));
        assertThat(actions(u)).containsExactly(HistoryAction.CREATED, HistoryAction.ROLE_ASSIGNED, HistoryAction.UPDATED);
    }

    @Test
    void aGroupRenamedIntoThePriorityListGivesItsMembersItsRole() {
        TrackTikEngine e = engine(PriorityRolePolicy.builder().priority(List.of(role("Lead"))).build());
        String u = user(e, "promoted");
        group(e, "Crew", u);
        String temp = group(e, "Temp", u);
        assertThat(held(u)).contains(role("Crew"));
        e.ok(200, "PUT", "/Groups/" + temp, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + role("Lead") + "\",\"members\":[{\"value\":\"" + u + "\"}]}");
        assertThat(held(u)).contains(role("Lead"));
        List<HistoryEntry> history = store().history(A, u);
        assertThat(history).extracting(HistoryEntry::action).containsExactly(HistoryAction.CREATED,
                HistoryAction.ROLE_ASSIGNED, HistoryAction.ROLE_ASSIGNED, HistoryAction.UPDATED);
        assertThat(history.get(3).changes()).contains(new FieldChange("role", role("Crew"), role("Lead"), "priority"));
    }

    @Test
    void aNewPriorityListAppliesAtTheNextMembershipChangeOrARecompute() {
        TrackTikEngine before = engine();
        String u = user(before, "priority");
        String v = user(before, "priority2");
        String low = group(before, "Low", u, v);
        String high = group(before, "High", u, v);
        assertThat(held(u)).contains(role("Low"));

        RolePolicy ranked = PriorityRolePolicy.builder().priority(List.of(role("High"))).build();
        // The next membership change touching the employee applies the new list.
        TrackTikEngine after = engine(ranked);
        String third = group(after, "Third");
        add(after, third, u);
        assertThat(held(u)).contains(role("High"));
        assertThat(roleLines(u)).last().isEqualTo(new FieldChange("role", role("Low"), role("High"), "priority"));

        // Or a recompute, for employees no write touches: once, and a second one changes nothing.
        Actor admin = new Actor("admin", "portal-a");
        TrackTikRepositories adapter = TrackTikRepositories.builder(SchemaRegistry.standard(), store()).rolePolicy(ranked).build();
        assertThat(adapter.recomputeRoles(A, admin)).contains(v).doesNotContain(u);
        assertThat(held(v)).contains(role("High"));
        assertThat(adapter.recomputeRoles(A, admin)).doesNotContain(u, v);
        List<HistoryEntry> history = store().history(A, v);
        assertThat(history).extracting(HistoryEntry::action).containsExactly(HistoryAction.CREATED,
                HistoryAction.ROLE_ASSIGNED, HistoryAction.ROLE_ASSIGNED, HistoryAction.UPDATED);
        assertThat(history.get(3).actor()).isEqualTo(admin);
        assertThat(history.get(3).changes()).containsExactly(new FieldChange("role", role("Low"), role("High"), "priority"));
        assertThat(groupMembers(after, low)).containsExactlyInAnyOrder(u, v);
        assertThat(groupMembers(after, high)).containsExactlyInAnyOrder(u, v);
    }

    @Test
    void readingTheEmployeeBackGivesTheJsonTheClientSentWithoutAHeldRole() {
        TrackTikEngine e = engine();
        String u = user(e, "truthful");
        group(e, "Visible", u);
        JsonNode read = e.ok(200, "GET", "/Users/" + u, null);
        // The held role is TrackTik's business: no attribute of the User carries it.
        assertThat(read.toString()).doesNotContain("heldRole").doesNotContain("scimRole");
        assertThat(read.path("groups")).hasSize(1);
    }
}
