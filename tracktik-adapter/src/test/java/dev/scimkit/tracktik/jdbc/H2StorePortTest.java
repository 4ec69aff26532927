package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.Region;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.EmployeeWrite;
import dev.scimkit.tracktik.port.MembershipChange;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.RoleWrite;
import dev.scimkit.tracktik.port.VersionConflictException;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC store's port, called directly on a real H2, where the SCIM layer above cannot reach: the
 * repositories read the current version before they write, so a stale version reaches the store only
 * when another writer slips in between, and the store must refuse it by itself (412, nothing written);
 * the lookups the admin pages and region rules use stay in their tenant; a write that changes nothing
 * keeps the version and writes no History, and one that changes only the SCIM link still counts.
 */
class H2StorePortTest {

    private static final TenantId A = TenantId.of("portal-a");
    private static final TenantId B = TenantId.of("portal-b");
    private static final Actor ACTOR = new Actor("entra-id", "portal-a");
    private static final RolePolicy POLICY = RolePolicy.trackTikDefault();

    private JdbcTrackTikStore store;

    @BeforeEach
    void open() {
        store = JdbcTrackTikStore.openOwning(JdbcDataSources.h2InMemory("port" + System.nanoTime()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static EmployeeWrite write(String userName, String first, String last) {
        EmployeeProfile profile = EmployeeProfile.builder().firstName(first).lastName(last).email(userName)
                .jobTitle("Guard").build();
        return new EmployeeWrite(profile, userName, Optional.of("ext-" + userName),
                ScimJson.object().put("userName", userName).put("nickName", "N-" + first));
    }

    private static RoleWrite role(String name) {
        return new RoleWrite(name, Optional.empty(), ScimJson.object());
    }

    private static MembershipChange add(String... ids) {
        return new MembershipChange(false, Set.of(), List.of(ids));
    }

    @Test
    void aStaleEmployeeVersionIsRefusedAndNothingIsWritten() {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        EmployeeWrite renamed = new EmployeeWrite(ada.employee().profile().toBuilder().lastName("Byron").build(),
                "ada@example.com", Optional.of("ext-ada@example.com"), ada.link().resource());
        assertThat(store.updateEmployee(A, ada.scimId(), 1, renamed, ACTOR).link().version()).isEqualTo(2);

        EmployeeWrite again = new EmployeeWrite(renamed.profile().toBuilder().lastName("King").build(),
                "ada@example.com", Optional.of("ext-ada@example.com"), ada.link().resource());
        assertThatThrownBy(() -> store.updateEmployee(A, ada.scimId(), 1, again, ACTOR))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> store.archiveEmployee(A, ada.scimId(), Optional.of(1L), ACTOR))
                .isInstanceOf(VersionConflictException.class);
        EmployeeRecord now = store.findEmployee(A, ada.scimId()).orElseThrow();
        assertThat(now.employee().lastName()).isEqualTo("Byron");
        assertThat(now.link().version()).isEqualTo(2);
        assertThat(store.history(A, ada.scimId())).extracting(HistoryEntry::action)
                .containsExactly(HistoryAction.CREATED, HistoryAction.UPDATED);
    }

    @Test
    void aStaleRoleVersionIsRefusedByEveryRoleWrite() {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        EmployeeRecord bob = store.createEmployee(A, write("bob@example.com", "Bob", "Kahn"), ACTOR);
        RoleRecord guards = store.createRole(A, role("Guards"), List.of(ada.scimId()), POLICY, ACTOR);
        long v1 = guards.link().version();
        RoleRecord renamed = store.updateRole(A, guards.scimId(), v1, role("Night Guards"), MembershipChange.none(),
                POLICY, ACTOR);
        assertThat(renamed.link().version()).isEqualTo(v1 + 1);

        assertThatThrownBy(() -> store.changeMembers(A, guards.scimId(), Optional.of(v1), add(bob.scimId()), POLICY, ACTOR))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store.updateRole(A, guards.scimId(), v1, role("Day Guards"), MembershipChange.none(),
                POLICY, ACTOR)).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store.deleteRole(A, guards.scimId(), Optional.of(v1), POLICY, ACTOR))
                .isInstanceOf(VersionConflictException.class);
        RoleRecord now = store.findRole(A, guards.scimId()).orElseThrow();
        assertThat(now.role().name()).isEqualTo("Night Guards");
        assertThat(now.link().version()).isEqualTo(v1 + 1);
        assertThat(store.members(A, guards.scimId(), 0, 10).items()).extracting(m -> m.scimId())
                .containsExactly(ada.scimId());

        // with the current version each write goes through, and moves the version by one
        RoleRecord added = store.changeMembers(A, guards.scimId(), Optional.of(v1 + 1), add(bob.scimId()), POLICY, ACTOR);
        assertThat(added.link().version()).isEqualTo(v1 + 2);
        assertThat(store.members(A, guards.scimId(), 0, 10).total()).isEqualTo(2);
        store.deleteRole(A, guards.scimId(), Optional.of(v1 + 2), POLICY, ACTOR);
        assertThat(store.findRole(A, guards.scimId())).isEmpty();
    }

    @Test
    void lookupsByEmployeeIdUserNameAndRegionStayInTheirTenant() {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        assertThat(store.scimIdOfEmployee(A, ada.employee().id())).contains(ada.scimId());
        assertThat(store.scimIdOfEmployee(B, ada.employee().id())).isEmpty();
        assertThat(store.scimIdOfEmployee(A, "987654")).isEmpty();
        assertThat(store.scimIdOfEmployee(A, "../roles")).isEmpty();

        assertThat(store.findEmployeeByUserName(A, "ADA@example.com")).map(EmployeeRecord::scimId).contains(ada.scimId());
        assertThat(store.findEmployeeByUserName(B, "ada@example.com")).isEmpty();
        assertThat(store.findEmployeeByUserName(A, "grace@example.com")).isEmpty();

        assertThat(store.saveRegion(A, new Region("north", "North"))).isEqualTo(new Region("north", "North"));
        assertThat(store.regions(A)).containsExactly(Region.HQ, new Region("north", "North"));
        assertThat(store.regions(B)).containsExactly(Region.HQ);
        store.saveRegion(B, new Region("north", "Nord"));
        store.saveRegion(A, new Region("north", "North Coast"));
        assertThat(store.regions(A)).containsExactly(Region.HQ, new Region("north", "North Coast"));
        assertThat(store.regions(B)).containsExactly(Region.HQ, new Region("north", "Nord"));
    }

    @Test
    void anUpdateThatChangesNothingKeepsTheVersionAndOneThatChangesOnlyTheLinkMovesIt() {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        EmployeeWrite same = new EmployeeWrite(ada.employee().profile(), "ada@example.com",
                Optional.of("ext-ada@example.com"), ada.link().resource());
        assertThat(store.updateEmployee(A, ada.scimId(), 1, same, ACTOR).link().version()).isEqualTo(1);

        long version = 1;
        List<EmployeeWrite> linkOnly = List.of(
                new EmployeeWrite(ada.employee().profile(), "ada.l@example.com", Optional.of("ext-ada@example.com"),
                        ada.link().resource()),
                new EmployeeWrite(ada.employee().profile(), "ada.l@example.com", Optional.of("ext-2"),
                        ada.link().resource()),
                new EmployeeWrite(ada.employee().profile(), "ada.l@example.com", Optional.of("ext-2"),
                        ScimJson.object().put("userName", "ada.l@example.com").put("nickName", "Countess")));
        for (EmployeeWrite w : linkOnly) {
            EmployeeRecord after = store.updateEmployee(A, ada.scimId(), version, w, ACTOR);
            assertThat(after.link().version()).isEqualTo(++version);
            assertThat(after.link().name()).isEqualTo(w.userName());
            assertThat(after.link().externalId()).isEqualTo(w.externalId());
            assertThat(after.link().resource()).isEqualTo(w.resource());
        }
        // History records TrackTik's fields, and none of them changed
        assertThat(store.history(A, ada.scimId())).extracting(HistoryEntry::action).containsExactly(HistoryAction.CREATED);
    }

    @Test
    void archivingAnEmployeeMovesItsRolesVersionsAndRecordsTheRolesItLeft() {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        EmployeeRecord bob = store.createEmployee(A, write("bob@example.com", "Bob", "Kahn"), ACTOR);
        RoleRecord guards = store.createRole(A, role("Guards"), List.of(ada.scimId()), POLICY, ACTOR);
        long before = guards.link().version();

        store.archiveEmployee(A, ada.scimId(), Optional.of(store.findEmployee(A, ada.scimId()).orElseThrow().link().version()),
                ACTOR);
        RoleRecord after = store.findRole(A, guards.scimId()).orElseThrow();
        assertThat(after.link().version()).as("its member list changed").isEqualTo(before + 1);
        assertThat(store.members(A, guards.scimId(), 0, 10).total()).isZero();
        List<HistoryEntry> history = store.history(A, ada.scimId());
        assertThat(history.get(history.size() - 1).action()).isEqualTo(HistoryAction.ARCHIVED);
        assertThat(history.get(history.size() - 1).changes()).containsExactly(new FieldChange("roles", "Guards", ""));

        store.archiveEmployee(A, bob.scimId(), Optional.empty(), ACTOR);
        List<HistoryEntry> bobs = store.history(A, bob.scimId());
        assertThat(bobs.get(bobs.size() - 1).action()).isEqualTo(HistoryAction.ARCHIVED);
        assertThat(bobs.get(bobs.size() - 1).changes()).as("no roles to leave").isEmpty();
    }

    @Test
    void aRenamedRolesMembersHistoryShowsTheRolesChange() {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        RoleRecord old = store.createRole(A, role("Old"), List.of(ada.scimId()), POLICY, ACTOR);
        store.updateRole(A, old.scimId(), old.link().version(), role("New"), MembershipChange.none(), POLICY, ACTOR);
        List<HistoryEntry> history = store.history(A, ada.scimId());
        HistoryEntry last = history.get(history.size() - 1);
        assertThat(last.action()).isEqualTo(HistoryAction.UPDATED);
        assertThat(last.changes()).first().isEqualTo(new FieldChange("roles", "Old", "New"));
        assertThat(last.changes()).contains(new FieldChange("role", "Old", "New", "role renamed"));
    }

    @Test
    void aDeletedRoleIsNoLongerTheHeldRoleOfThoseWhoKeptIt() {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        RoleRecord escort = store.createRole(A, role("Escort"), List.of(ada.scimId()), POLICY, ACTOR);
        RoleRecord left = store.changeMembers(A, escort.scimId(), Optional.empty(),
                new MembershipChange(false, Set.of(ada.scimId()), List.of()), POLICY, ACTOR);
        assertThat(store.findEmployee(A, ada.scimId()).orElseThrow().employee().heldRole())
                .as("kept: last group removed").hasValueSatisfying(h -> {
                    assertThat(h.name()).isEqualTo("Escort");
                    assertThat(h.id()).contains(escort.role().id());
                });
        store.deleteRole(A, escort.scimId(), Optional.of(left.link().version()), POLICY, ACTOR);
        assertThat(store.findEmployee(A, ada.scimId()).orElseThrow().employee().heldRole())
                .hasValueSatisfying(h -> assertThat(h.id()).as("the role it pointed at is gone").isEmpty());
    }

    @Test
    void exactlyOneChunkOfIdsIsReadInOneGoAndNoIdListGoesOutEmpty() throws Exception {
        // 500 ids fill one IN (...) list exactly: the loop over chunks must stop there. H2 answers an empty
        // IN () with no rows, PostgreSQL refuses it as a syntax error, so the SQL itself is checked here.
        try (HikariDataSource pool = JdbcDataSources.h2InMemory("chunk" + System.nanoTime())) {
            RecordingDataSource recording = new RecordingDataSource(pool);
            try (JdbcTrackTikStore recorded = JdbcTrackTikStore.open(recording.dataSource())) {
                List<EmployeeWrite> writes = new java.util.ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    writes.add(write("u" + i + "@example.com", "U" + i, "Chunk"));
                }
                List<String> ids = recorded.createEmployees(A, writes, ACTOR);
                assertThat(ids).hasSize(500);
                recording.drain();
                RoleRecord all = recorded.createRole(A, role("Everyone"), ids, POLICY, ACTOR);
                assertThat(all.memberCount()).isEqualTo(500);
                var page = recorded.searchEmployees(A, new dev.scimkit.tracktik.port.StoreQuery(Optional.empty(), 0, 500));
                assertThat(page.items()).hasSize(500);
                assertThat(page.items().get(499).employee().roles()).extracting(r -> r.name()).containsExactly("Everyone");

                List<String> idLists = recording.drain().stream().map(RecordingDataSource.Executed::sql)
                        .filter(sql -> sql.contains(" IN (")).toList();
                assertThat(idLists).as("the members' ids and the page's roles, one list each").hasSize(2)
                        .noneMatch(sql -> sql.replace(" ", "").contains("IN()"));
            }
        }
    }

    @Test
    void anEmployeeMovedToARegionNotSeenBeforeIsFoundThere() {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        Region east = new Region("east", "East Coast");
        EmployeeWrite moved = new EmployeeWrite(ada.employee().profile().toBuilder().region(east).build(),
                "ada@example.com", Optional.of("ext-ada@example.com"), ada.link().resource());
        EmployeeRecord after = store.updateEmployee(A, ada.scimId(), 1, moved, ACTOR);
        assertThat(after.employee().profile().region()).isEqualTo(east);
        assertThat(store.findEmployee(A, ada.scimId()).orElseThrow().employee().profile().region()).isEqualTo(east);
        assertThat(store.regions(A)).contains(east);
        assertThat(store.regions(B)).doesNotContain(east);
    }

    @Test
    void everyWriteToSomethingThatIsNotThereIsNotFoundNamingIt() {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        RoleRecord guards = store.createRole(A, role("Guards"), List.of(), POLICY, ACTOR);
        String nobody = "0b7d4a7e-0000-4000-8000-000000000000";
        EmployeeWrite any = write("x@example.com", "X", "Y");
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> writes = List.of(
                () -> store.updateEmployee(A, nobody, 1, any, ACTOR),
                () -> store.archiveEmployee(A, nobody, Optional.empty(), ACTOR),
                () -> store.recomputeRole(A, nobody, POLICY, ACTOR),
                () -> store.updateRole(A, nobody, 1, role("R"), MembershipChange.none(), POLICY, ACTOR),
                () -> store.changeMembers(A, nobody, Optional.empty(), add(ada.scimId()), POLICY, ACTOR),
                () -> store.deleteRole(A, nobody, Optional.empty(), POLICY, ACTOR),
                () -> store.members(A, nobody, 0, 10),
                // another tenant's employee and role are not there either
                () -> store.updateEmployee(B, ada.scimId(), 1, any, ACTOR),
                () -> store.changeMembers(B, guards.scimId(), Optional.empty(), MembershipChange.none(), POLICY, ACTOR));
        for (var write : writes) {
            assertThatThrownBy(write).isInstanceOfSatisfying(dev.scimkit.core.error.ScimException.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.getMessage()).containsAnyOf(nobody, ada.scimId(), guards.scimId());
            });
        }
        assertThat(store.findEmployee(A, ada.scimId()).orElseThrow().link().version()).isEqualTo(1);
        assertThat(store.findRole(A, guards.scimId()).orElseThrow().link().version())
                .isEqualTo(guards.link().version());
    }

    @Test
    void aBackwardSeekAnswersTheRowsBeforeItsBoundaryInAscendingOrder() {
        List<String> users = new java.util.ArrayList<>();
        List<String> roles = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(store.createEmployee(A, write("s" + i + "@example.com", "S" + i, "Seek"), ACTOR).scimId());
            roles.add(store.createRole(A, role("Seek " + i), List.of(), POLICY, ACTOR).scimId());
        }
        java.util.Collections.sort(users);
        java.util.Collections.sort(roles);
        var backward = new dev.scimkit.tracktik.port.StoreQuery(Optional.empty(), 0, 2,
                Optional.of(new dev.scimkit.tracktik.port.ScimIdSeek(Optional.of(users.get(4)), true)));
        assertThat(store.searchEmployees(A, backward).items()).extracting(EmployeeRecord::scimId)
                .containsExactly(users.get(2), users.get(3));
        var last = new dev.scimkit.tracktik.port.StoreQuery(Optional.empty(), 0, 2,
                Optional.of(new dev.scimkit.tracktik.port.ScimIdSeek(Optional.empty(), true)));
        assertThat(store.searchEmployees(A, last).items()).extracting(EmployeeRecord::scimId)
                .containsExactly(users.get(3), users.get(4));
        var rolesBackward = new dev.scimkit.tracktik.port.StoreQuery(Optional.empty(), 0, 3,
                Optional.of(new dev.scimkit.tracktik.port.ScimIdSeek(Optional.of(roles.get(3)), true)));
        assertThat(store.searchRoles(A, rolesBackward).items()).extracting(RoleRecord::scimId)
                .containsExactly(roles.get(0), roles.get(1), roles.get(2));
        var rolesForward = new dev.scimkit.tracktik.port.StoreQuery(Optional.empty(), 0, 3,
                Optional.of(new dev.scimkit.tracktik.port.ScimIdSeek(Optional.of(roles.get(1)), false)));
        assertThat(store.searchRoles(A, rolesForward).items()).extracting(RoleRecord::scimId)
                .containsExactly(roles.get(2), roles.get(3), roles.get(4));
    }

    @Test
    void anOwnedPoolClosesWithTheStoreAndABorrowedOneStaysOpen() {
        HikariDataSource owned = JdbcDataSources.h2InMemory("owned" + System.nanoTime());
        JdbcTrackTikStore.openOwning(owned).close();
        assertThat(owned.isClosed()).isTrue();

        try (HikariDataSource borrowed = JdbcDataSources.h2InMemory("borrowed" + System.nanoTime())) {
            JdbcTrackTikStore.open(borrowed).close();
            assertThat(borrowed.isClosed()).isFalse();
        }
    }

    @Test
    void aStoreThatCannotOpenClosesThePoolItWasGivenAndSaysWhy() {
        SQLException down = new SQLException("connection refused", "08001");
        RuntimeException closeFailure = new IllegalStateException("pool already half gone");
        class RefusingPool extends HikariDataSource {
            int closed;

            @Override
            public java.sql.Connection getConnection() throws SQLException {
                throw down;
            }

            @Override
            public void close() {
                closed++;
                throw closeFailure;
            }
        }
        RefusingPool pool = new RefusingPool();
        assertThatThrownBy(() -> JdbcTrackTikStore.openOwning(pool))
                .isInstanceOf(RuntimeException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(closeFailure));
        assertThat(pool.closed).isEqualTo(1);
    }

    @Test
    void aMembershipChangeThatChangesNothingKeepsTheRolesVersion() {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        EmployeeRecord bob = store.createEmployee(A, write("bob@example.com", "Bob", "Kahn"), ACTOR);
        RoleRecord guards = store.createRole(A, role("Guards"), List.of(ada.scimId()), POLICY, ACTOR);
        long version = guards.link().version();
        // adding a member it has, and removing one it does not have, changes no assignment
        assertThat(store.changeMembers(A, guards.scimId(), Optional.empty(), add(ada.scimId()), POLICY, ACTOR)
                .link().version()).isEqualTo(version);
        assertThat(store.changeMembers(A, guards.scimId(), Optional.empty(),
                new MembershipChange(false, Set.of(bob.scimId()), List.of()), POLICY, ACTOR).link().version())
                .isEqualTo(version);
        assertThat(store.changeMembers(A, guards.scimId(), Optional.empty(), MembershipChange.none(), POLICY, ACTOR)
                .link().version()).isEqualTo(version);
        assertThat(store.history(A, ada.scimId())).extracting(HistoryEntry::action)
                .containsExactly(HistoryAction.CREATED, HistoryAction.ROLE_ASSIGNED);
    }
}
