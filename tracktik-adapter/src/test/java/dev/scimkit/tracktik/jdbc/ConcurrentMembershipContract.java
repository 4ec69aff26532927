package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.EmployeeWrite;
import dev.scimkit.tracktik.port.MembershipChange;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.RoleWrite;
import dev.scimkit.tracktik.port.VersionConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two writes of the JDBC store that meet on one employee, interleaved at a known statement (a
 * {@link GatedDataSource} holds the first inside its transaction while the second runs into it), on a
 * real database: the second waits for the first's row locks and then sees what it committed, so
 * History adds up and a deleted User does not stay a member. The outcome asserted is the same whatever
 * the timing; only a missing lock would let the second write through early.
 */
abstract class ConcurrentMembershipContract {

    private static final TenantId A = TenantId.of("portal-a");
    private static final Actor ACTOR = new Actor("entra-id", "portal-a");
    private static final RolePolicy POLICY = RolePolicy.trackTikDefault();

    private GatedDataSource gated;
    private JdbcTrackTikStore store;

    /** A fresh, empty database for one test, with row-lock waits of several seconds. */
    protected abstract DataSource freshDatabase() throws Exception;

    protected abstract void closeDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        gated = new GatedDataSource(freshDatabase());
        store = JdbcTrackTikStore.open(gated.dataSource());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        closeDatabase();
    }

    @Test
    void aUserDeletedWhileBeingAddedToAGroupDoesNotStayAMember() throws Exception {
        EmployeeRecord grace = store.createEmployee(A, write("grace@example.com"), ACTOR);
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com"), ACTOR);
        RoleRecord guards = store.createRole(A, new RoleWrite("Guards", Optional.empty(), ScimJson.object()), List.of(),
                POLICY, ACTOR);
        // the delete has locked Ada's row and is about to write
        GatedDataSource.Gate deleting = gated.holdAt("delete", sql -> sql.startsWith("UPDATE tt_role SET version"));
        // the add has found Ada among the live users and now needs her row
        GatedDataSource.Gate adding = gated.signalAt("add", ConcurrentMembershipContract::locksAnEmployee);

        CompletableFuture<Void> delete = inThread("delete", () -> {
            store.archiveEmployee(A, ada.scimId(), Optional.empty(), ACTOR);
            return null;
        });
        assertThat(deleting.reached(30)).isTrue();
        // grace comes first and is assigned before ada's lock finds her gone: the refusal undoes both
        CompletableFuture<RoleRecord> add = inThread("add", () -> store.changeMembers(A, guards.scimId(), Optional.empty(),
                new MembershipChange(false, Set.of(), List.of(grace.scimId(), ada.scimId())), POLICY, ACTOR));
        assertThat(adding.reached(30)).isTrue();
        deleting.open();

        delete.get(30, TimeUnit.SECONDS);
        Throwable refused = failureOf(add);
        assertThat(refused).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(ada.scimId()).doesNotContain(grace.scimId());
        });
        assertThat(store.members(A, guards.scimId(), 0, 10).total()).as("no deleted member").isZero();
        assertThat(store.findRole(A, guards.scimId()).orElseThrow().memberCount()).isZero();
        assertThat(store.history(A, ada.scimId())).extracting(HistoryEntry::action)
                .containsExactly(HistoryAction.CREATED, HistoryAction.ARCHIVED);
    }

    @Test
    void aUserAddedToAGroupWhileBeingDeletedLeavesItWithTheDelete() throws Exception {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com"), ACTOR);
        RoleRecord guards = store.createRole(A, new RoleWrite("Guards", Optional.empty(), ScimJson.object()), List.of(),
                POLICY, ACTOR);
        // the add has locked Ada's row and is about to assign her
        GatedDataSource.Gate adding = gated.holdAt("add", sql -> sql.startsWith("INSERT INTO tt_role_assignment"));
        // the delete now needs Ada's row
        GatedDataSource.Gate deleting = gated.signalAt("delete", ConcurrentMembershipContract::locksAnEmployee);

        CompletableFuture<RoleRecord> add = inThread("add", () -> store.changeMembers(A, guards.scimId(), Optional.empty(),
                new MembershipChange(false, Set.of(), List.of(ada.scimId())), POLICY, ACTOR));
        assertThat(adding.reached(30)).isTrue();
        CompletableFuture<Void> delete = inThread("delete", () -> {
            store.archiveEmployee(A, ada.scimId(), Optional.empty(), ACTOR);
            return null;
        });
        assertThat(deleting.reached(30)).isTrue();
        adding.open();
        add.get(30, TimeUnit.SECONDS);
        delete.get(30, TimeUnit.SECONDS);

        assertThat(store.members(A, guards.scimId(), 0, 10).total()).as("the delete saw the add and undid it").isZero();
        List<HistoryEntry> history = store.history(A, ada.scimId());
        assertThat(history).extracting(HistoryEntry::action)
                .containsExactly(HistoryAction.CREATED, HistoryAction.ROLE_ASSIGNED, HistoryAction.ARCHIVED);
        assertThat(history.get(2).changes()).containsExactly(new FieldChange("roles", "Guards", ""));
    }

    @Test
    void twoGroupsJoinedAtOnceLeaveAHistoryThatAddsUp() throws Exception {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com"), ACTOR);
        RoleRecord escort = store.createRole(A, new RoleWrite("Escort", Optional.empty(), ScimJson.object()), List.of(),
                POLICY, ACTOR);
        RoleRecord patrol = store.createRole(A, new RoleWrite("Patrol", Optional.empty(), ScimJson.object()), List.of(),
                POLICY, ACTOR);
        // the first add has read Ada's roles and is about to assign Escort
        GatedDataSource.Gate first = gated.holdAt("escort", sql -> sql.startsWith("INSERT INTO tt_role_assignment"));
        GatedDataSource.Gate second = gated.signalAt("patrol", ConcurrentMembershipContract::locksAnEmployee);

        CompletableFuture<RoleRecord> joinEscort = inThread("escort", () -> store.changeMembers(A, escort.scimId(),
                Optional.empty(), new MembershipChange(false, Set.of(), List.of(ada.scimId())), POLICY, ACTOR));
        assertThat(first.reached(30)).isTrue();
        CompletableFuture<RoleRecord> joinPatrol = inThread("patrol", () -> store.changeMembers(A, patrol.scimId(),
                Optional.empty(), new MembershipChange(false, Set.of(), List.of(ada.scimId())), POLICY, ACTOR));
        assertThat(second.reached(30)).isTrue();
        first.open();
        joinEscort.get(30, TimeUnit.SECONDS);
        joinPatrol.get(30, TimeUnit.SECONDS);

        List<String> rolesNow = store.findEmployee(A, ada.scimId()).orElseThrow().employee().roles().stream()
                .map(r -> r.name()).sorted().toList();
        assertThat(rolesNow).containsExactly("Escort", "Patrol");
        List<FieldChange> roleChanges = store.history(A, ada.scimId()).stream()
                .filter(h -> h.action() == HistoryAction.ROLE_ASSIGNED)
                .map(h -> h.changes().stream().filter(c -> c.field().equals("roles")).findFirst().orElseThrow())
                .toList();
        assertThat(roleChanges).hasSize(2);
        assertThat(roleChanges.get(0).oldValue()).isEmpty();
        assertThat(roleChanges.get(1).oldValue()).as("each entry starts where the one before ended")
                .isEqualTo(roleChanges.get(0).newValue());
        assertThat(roleChanges.get(1).newValue()).isEqualTo(String.join(", ", rolesNow));
    }

    @Test
    void twoUpdatesOfTheSameVersionCannotBothWin() throws Exception {
        EmployeeRecord ada = store.createEmployee(A, write("ada@example.com"), ACTOR);
        long version = ada.link().version();
        // the first update has checked the version on Ada's locked row and is about to write
        GatedDataSource.Gate first = gated.holdAt("byron", sql -> sql.startsWith("UPDATE tt_employee SET"));
        // the second, sent with the same If-Match, now needs her row
        GatedDataSource.Gate second = gated.signalAt("king", ConcurrentMembershipContract::locksAnEmployee);

        CompletableFuture<EmployeeRecord> byron = inThread("byron", () -> store.updateEmployee(A, ada.scimId(), version,
                renamed(ada, "Byron"), ACTOR));
        assertThat(first.reached(30)).isTrue();
        CompletableFuture<EmployeeRecord> king = inThread("king", () -> store.updateEmployee(A, ada.scimId(), version,
                renamed(ada, "King"), ACTOR));
        assertThat(second.reached(30)).isTrue();
        first.open();

        assertThat(byron.get(30, TimeUnit.SECONDS).link().version()).isEqualTo(version + 1);
        assertThat(failureOf(king)).as("the second If-Match is stale once the first has written")
                .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.status()).isEqualTo(412));
        EmployeeRecord now = store.findEmployee(A, ada.scimId()).orElseThrow();
        assertThat(now.employee().profile().lastName()).isEqualTo("Byron");
        assertThat(now.link().version()).isEqualTo(version + 1);
        assertThat(store.history(A, ada.scimId())).extracting(HistoryEntry::action).hasSize(2);
    }

    private static EmployeeWrite renamed(EmployeeRecord employee, String lastName) {
        return new EmployeeWrite(employee.employee().profile().toBuilder().lastName(lastName).build(),
                employee.link().name(), employee.link().externalId(), employee.link().resource());
    }

    private static boolean locksAnEmployee(String sql) {
        return sql.contains("tt_employee") && sql.contains("FOR UPDATE") && !sql.contains("JOIN");
    }

    private static EmployeeWrite write(String userName) {
        return new EmployeeWrite(EmployeeProfile.builder().firstName("Ada").lastName("Lovelace").email(userName).build(),
                userName, Optional.empty(), ScimJson.object().put("userName", userName));
    }

    private static <T> CompletableFuture<T> inThread(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            future.get(30, TimeUnit.SECONDS);
            fail("expected the write to be refused");
        } catch (ExecutionException e) {
            failure.set(e.getCause());
        }
        return failure.get();
    }
}
