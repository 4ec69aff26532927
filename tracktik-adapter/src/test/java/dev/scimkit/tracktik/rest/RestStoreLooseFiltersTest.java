package dev.scimkit.tracktik.rest;

import dev.scimkit.core.json.ScimJson;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.Region;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.EmployeeWrite;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.RoleWrite;
import dev.scimkit.tracktik.rest.standin.TrackTikStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.scimkit.tracktik.rest.RestStoreTest.ACTOR;
import static dev.scimkit.tracktik.rest.RestStoreTest.TENANT;
import static dev.scimkit.tracktik.rest.RestStoreTest.TOKEN;
import static dev.scimkit.tracktik.rest.RestStoreTest.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A portal that ignores a filter it does not know (a custom field not defined in it answers the
 * unfiltered list, as many REST APIs do with an unknown query parameter): the store looks at each
 * record it gets, so every read and write still lands on the record asked for, never on the first
 * of the list. TrackTik documents filters on its own fields; that it filters custom fields is our
 * reading, so the store does not bet a write on it.
 */
class RestStoreLooseFiltersTest {

    private static final RolePolicy POLICY = RolePolicy.trackTikDefault();

    private TrackTikStandIn portal;
    private RestTrackTikStore store;

    @BeforeEach
    void start() {
        portal = TrackTikStandIn.start(TOKEN);
        store = open();
    }

    @AfterEach
    void stop() {
        store.close();
        portal.close();
    }

    /** A store with cold caches (a second adapter, or this one after a restart). */
    private RestTrackTikStore open() {
        return RestTrackTikStore.open(TENANT, RestStoreConfig.builder(portal.baseUrl(), TOKEN)
                .requestTimeout(Duration.ofSeconds(10)).maxAttempts(2)
                .baseBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(5)).pageSize(2).build());
    }

    private EmployeeRecord employee(String userName) {
        return store.createEmployee(TENANT, write(userName, "F" + userName.charAt(0), "Last"), ACTOR);
    }

    @Test
    void anIgnoredScimIdFilterStillFindsReadsAndWritesTheRightRecord() {
        EmployeeRecord ann = employee("ann@example.com");
        EmployeeRecord bob = employee("bob@example.com");
        RoleRecord gate = store.createRole(TENANT, new RoleWrite("Gate", Optional.empty(), ScimJson.object()), List.of(),
                POLICY, ACTOR);
        RoleRecord post = store.createRole(TENANT, new RoleWrite("Post", Optional.empty(), ScimJson.object()), List.of(),
                POLICY, ACTOR);
        portal.ignoreFilters("customFields.scimId");

        RestTrackTikStore cold = open();
        assertThat(cold.findEmployee(TENANT, bob.scimId())).map(r -> r.link().name()).contains("bob@example.com");
        assertThat(cold.findRole(TENANT, post.scimId())).map(r -> r.role().name()).contains("Post");
        assertThat(open().history(TENANT, bob.scimId())).singleElement()
                .satisfies(h -> assertThat(h.employeeId()).isEqualTo(bob.employee().id()));
        assertThat(open().history(TENANT, "no-such-user")).isEmpty();
        assertThat(open().employeeExists(TENANT, "no-such-user")).isFalse();
        assertThat(open().findRole(TENANT, "no-such-group")).isEmpty();

        // A write by a cold adapter changes Bob, and Bob's History, not Ann's.
        open().updateEmployee(TENANT, bob.scimId(), 1, write("bob@example.com", "Robert", "Last"), ACTOR);
        assertThat(portal.employees()).extracting(e -> e.path("firstName").asText()).containsExactly("Fa", "Robert");
        assertThat(store.history(TENANT, ann.scimId())).extracting(HistoryEntry::action).containsExactly(HistoryAction.CREATED);
        assertThat(gate.role().name()).isEqualTo("Gate");
    }

    @Test
    void anIgnoredUserNameFilterRefusesOnlyTheNameTaken() {
        employee("ann@example.com");
        EmployeeRecord bob = employee("bob@example.com");
        portal.ignoreFilters("username");

        assertThat(store.findEmployeeByUserName(TENANT, "BOB@example.com")).map(EmployeeRecord::scimId).contains(bob.scimId());
        assertThat(store.findEmployeeByUserName(TENANT, "cy@example.com")).isEmpty();
        EmployeeRecord cy = employee("cy@example.com");
        assertThat(cy.link().name()).isEqualTo("cy@example.com");
        assertThat(portal.employees()).hasSize(3);
    }

    @Test
    void anIgnoredRoleNameFilterRefusesOnlyTheNameTaken() {
        store.createRole(TENANT, new RoleWrite("Gate", Optional.empty(), ScimJson.object()), List.of(), POLICY, ACTOR);
        portal.ignoreFilters("name");
        RoleRecord post = store.createRole(TENANT, new RoleWrite("Post", Optional.empty(), ScimJson.object()), List.of(),
                POLICY, ACTOR);
        assertThat(post.role().name()).isEqualTo("Post");
        assertThat(portal.roles()).extracting(r -> r.path("name").asText()).containsExactly("Gate", "Post");
    }

    @Test
    void anIgnoredRegionKeyFilterUsesOrMakesTheRegionAsked() {
        portal.ignoreFilters("customId");
        EmployeeWrite w = write("ann@example.com", "Ann", "Lee");
        EmployeeProfile inEmea = w.profile().toBuilder().region(new Region("emea", "EMEA")).build();
        EmployeeRecord ann = store.createEmployee(TENANT, new EmployeeWrite(inEmea, w.userName(), w.externalId(), w.resource()), ACTOR);
        assertThat(ann.employee().region()).isEqualTo(new Region("emea", "EMEA"));
        assertThat(open().regions(TENANT)).containsExactly(new Region("emea", "EMEA"), new Region("hq", "HQ"));
    }

    @Test
    void anIgnoredStatusFilterStillKeepsArchivedEmployeesOut() {
        EmployeeRecord ann = employee("ann@example.com");
        EmployeeRecord bob = employee("bob@example.com");
        store.archiveEmployee(TENANT, ann.scimId(), Optional.empty(), ACTOR);
        portal.ignoreFilters("status:in");

        RestTrackTikStore cold = open();
        assertThat(cold.findEmployee(TENANT, ann.scimId())).isEmpty();
        assertThat(cold.employeeExists(TENANT, ann.scimId())).isFalse();
        assertThat(cold.findEmployeeByExternalId(TENANT, "ext-ann@example.com")).isEmpty();
        assertThat(cold.searchEmployees(TENANT, dev.scimkit.tracktik.port.StoreQuery.all(Optional.empty())).items())
                .extracting(EmployeeRecord::scimId).containsExactly(bob.scimId());
    }

    @Test
    void anIgnoredRoleNameFilterGivesTheDefaultRoleByItsName() {
        EmployeeRecord ann = employee("ann@example.com");
        RoleRecord gate = store.createRole(TENANT, new RoleWrite("Gate", Optional.empty(), ScimJson.object()),
                List.of(ann.scimId()), POLICY, ACTOR);
        store.changeMembers(TENANT, gate.scimId(), Optional.empty(),
                new dev.scimkit.tracktik.port.MembershipChange(false, java.util.Set.of(ann.scimId()), List.of()), POLICY, ACTOR);
        // Roles made in the portal by its administrator: the default role comes after another in the list.
        store.createRole(TENANT, new RoleWrite("Alpha", Optional.empty(), ScimJson.object()), List.of(), POLICY, ACTOR);
        store.createRole(TENANT, new RoleWrite("Guard", Optional.empty(), ScimJson.object()), List.of(), POLICY, ACTOR);
        portal.ignoreFilters("name");

        RolePolicy guardByDefault = dev.scimkit.tracktik.mapping.PriorityRolePolicy.builder().defaultRole("Guard").build();
        EmployeeRecord after = store.recomputeRole(TENANT, ann.scimId(), guardByDefault, ACTOR);
        assertThat(after.employee().heldRole()).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("Guard"));
        long guardId = portal.roles().stream().filter(r -> r.path("name").asText().equals("Guard")).findFirst()
                .orElseThrow().path("id").asLong();
        assertThat(portal.userRoles()).singleElement().satisfies(ur -> assertThat(ur.path("role").asLong()).isEqualTo(guardId));
    }
}
