package dev.scimkit.tracktik.rest;

import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.Member;
import dev.scimkit.tracktik.port.MembershipChange;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.RoleWrite;
import dev.scimkit.tracktik.rest.standin.Fault;
import dev.scimkit.tracktik.rest.standin.RecordedRequest;
import dev.scimkit.tracktik.rest.standin.TrackTikStandIn;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.scimkit.tracktik.rest.RestStoreTest.ACTOR;
import static dev.scimkit.tracktik.rest.RestStoreTest.TENANT;
import static dev.scimkit.tracktik.rest.RestStoreTest.TOKEN;
import static dev.scimkit.tracktik.rest.RestStoreTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST store exactly: which requests the portal receives for a read (no page past the end, no
 * count it already has), what a SCIM client gets for an id that names nothing, the order it reads
 * an employee's groups in, and what a portal whose count promises more than it lists does to a
 * member page.
 */
class RestStoreExactnessTest {

    private static final RolePolicy POLICY = RolePolicy.trackTikDefault();

    private TrackTikStandIn portal;
    private RestTrackTikStore store;

    @BeforeEach
    void start() {
        portal = TrackTikStandIn.start(TOKEN);
        store = open(2);
    }

    @AfterEach
    void stop() {
        store.close();
        portal.close();
    }

    private RestTrackTikStore open(int pageSize) {
        return RestTrackTikStore.open(TENANT, RestStoreConfig.builder(portal.baseUrl(), TOKEN)
                .requestTimeout(Duration.ofSeconds(10)).maxAttempts(2)
                .baseBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(5)).pageSize(pageSize).build());
    }

    private EmployeeRecord employee(String userName) {
        return store.createEmployee(TENANT, write(userName, "F" + userName.charAt(0), "Last"), ACTOR);
    }

    private RoleRecord group(String name, String... members) {
        return store.createRole(TENANT, new RoleWrite(name, Optional.empty(), ScimJson.object()), List.of(members), POLICY, ACTOR);
    }

    /** A portal administrator's request through the API. */
    private void admin(String method, String path, String json) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(portal.baseUrl() + path))
                            .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                            .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private List<RecordedRequest> listReads(String path) {
        return portal.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals(path)).toList();
    }

    // ---- member pages ------------------------------------------------------------------------------

    @Test
    void aMemberPageAsksForNoPagePastTheEndAndNoCountItWasTold() {
        String[] ids = new String[5];
        for (int i = 0; i < 5; i++) {
            ids[i] = employee("m" + i + "@example.com").scimId();
        }
        RoleRecord crew = group("Crew", ids);

        // Page size 2: offset 3 reads [3, 4] in one request and knows from its count that nothing follows.
        portal.clearRequests();
        Page<Member> tail = store.members(TENANT, crew.scimId(), 3, 10);
        assertThat(tail.items()).extracting(Member::scimId).containsExactly(ids[3], ids[4]);
        assertThat(tail.total()).isEqualTo(5);
        assertThat(listReads("/employees")).as("one page, no request at offset 5").hasSize(1);

        // Offset 1, three members: [1, 2] and then [3] asked as a page of one; nothing after the third.
        portal.clearRequests();
        assertThat(store.members(TENANT, crew.scimId(), 1, 3).items()).extracting(Member::scimId)
                .containsExactly(ids[1], ids[2], ids[3]);
        assertThat(listReads("/employees")).extracting(RecordedRequest::query).hasSize(2)
                .allSatisfy(q -> assertThat(q).doesNotContain("limit=0"));

        // The whole list: three pages, the last short, then nothing more.
        portal.clearRequests();
        assertThat(store.members(TENANT, crew.scimId(), 0, 10).items()).hasSize(5);
        assertThat(listReads("/employees")).extracting(RecordedRequest::query)
                .hasSize(3).allSatisfy(q -> assertThat(q).doesNotContain("limit=0"));

        // An empty group: the first page's count (0) is the total; no second request to count.
        RoleRecord empty = group("Empty");
        portal.clearRequests();
        Page<Member> none = store.members(TENANT, empty.scimId(), 0, 10);
        assertThat(none.total()).isZero();
        assertThat(none.items()).isEmpty();
        assertThat(listReads("/employees")).hasSize(1);

        // A count-only page (limit 0) asks for one item to learn the count, never for a page of none.
        portal.clearRequests();
        Page<Member> count = store.members(TENANT, crew.scimId(), 0, 0);
        assertThat(count.total()).isEqualTo(5);
        assertThat(listReads("/employees")).singleElement().satisfies(r -> assertThat(r.query()).contains("limit=1"));
    }

    @Test
    void aPortalWhoseCountPromisesMoreThanItListsEndsTheMemberPage() {
        EmployeeRecord ann = employee("ann@example.com");
        RoleRecord crew = group("Crew", ann.scimId());
        // The documented meta.count counts records the list then does not give (e.g. hidden by the
        // account's permissions): an empty page ends the walk instead of asking forever.
        portal.inject("GET", "/employees", new Fault.Answer(200, "application/json",
                "{\"meta\":{\"count\":50,\"itemCount\":0},\"data\":[]}"));
        Page<Member> page = store.members(TENANT, crew.scimId(), 2, 10);
        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isEqualTo(50);
    }

    // ---- groups that end or change their name ------------------------------------------------------

    @Test
    void aDeletedGroupWhoseRoleIsStillHeldLosesOnlyItsScimFields() {
        EmployeeRecord ann = employee("ann@example.com");
        RoleRecord gate = group("Gate", ann.scimId());
        // The portal's administrator keeps a field of their own on the role.
        admin("PATCH", "/roles/" + gate.role().id(), "{\"customFields\":{\"payCode\":\"G-7\"}}");

        store.deleteRole(TENANT, gate.scimId(), Optional.empty(), POLICY, ACTOR);

        assertThat(portal.roles()).singleElement().satisfies(r -> {
            assertThat(r.path("name").asText()).isEqualTo("Gate");
            assertThat(r.path("customFields").path("payCode").asText()).as("not ours to remove").isEqualTo("G-7");
            for (String f : List.of("scimId", "scimExternalId", "scimVersion", "scimResource", "scimCreated", "scimLastModified")) {
                assertThat(r.path("customFields").path(f).asText()).as(f).isEmpty();
            }
        });
        assertThat(store.findRole(TENANT, gate.scimId())).isEmpty();
    }

    @Test
    void aRenameInCaseOnlyIsNoConflictAndARenameOntoAnotherGroupIsOneNamingTheRole() {
        RoleRecord gate = group("Gate");
        group("Post");

        RoleRecord upper = store.updateRole(TENANT, gate.scimId(), 1, new RoleWrite("GATE", Optional.empty(), ScimJson.object()),
                MembershipChange.none(), POLICY, ACTOR);
        assertThat(upper.role().name()).isEqualTo("GATE");
        assertThat(upper.link().version()).isEqualTo(2);

        assertThatThrownBy(() -> store.updateRole(TENANT, gate.scimId(), 2, new RoleWrite("post", Optional.empty(),
                ScimJson.object()), MembershipChange.none(), POLICY, ACTOR))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("role named \"post\"");
                });
        assertThat(portal.roles()).extracting(r -> r.path("name").asText()).containsExactly("GATE", "Post");

        // A portal role no group links is taken over by a new group, never by a rename.
        admin("POST", "/roles", "{\"name\":\"Desk\"}");
        assertThatThrownBy(() -> store.updateRole(TENANT, gate.scimId(), 2, new RoleWrite("Desk", Optional.empty(),
                ScimJson.object()), MembershipChange.none(), POLICY, ACTOR))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail()).contains("role named \"Desk\""));
        assertThat(group("desk").role().name()).isEqualTo("desk");
        assertThat(portal.roles()).hasSize(3);
    }

    @Test
    void aUserNameChangedInCaseOnlyIsNoConflictAndOntoAnotherUserIsOneNamingIt() {
        EmployeeRecord ann = employee("ann@example.com");
        employee("bob@example.com");
        EmployeeRecord upper = store.updateEmployee(TENANT, ann.scimId(), 1, write("ANN@example.com", "Fa", "Last"), ACTOR);
        assertThat(upper.link().name()).isEqualTo("ANN@example.com");
        assertThatThrownBy(() -> store.updateEmployee(TENANT, ann.scimId(), upper.link().version(),
                write("Bob@Example.com", "Fa", "Last"), ACTOR))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("userName \"Bob@Example.com\"");
                });
    }

    // ---- caches that save requests -----------------------------------------------------------------

    private List<RecordedRequest> roleReadsById() {
        return portal.requests().stream().filter(r -> r.method().equals("GET") && r.path().matches("/roles/\\d+")).toList();
    }

    @Test
    void aGroupReadOrChangedTeachesTheAdapterItsNameSoMembersNeedNoRoleRequest() {
        EmployeeRecord ann = employee("ann@example.com");
        EmployeeRecord bob = employee("bob@example.com");
        RoleRecord gate = group("Gate", ann.scimId());

        RestTrackTikStore reader = open(2);
        assertThat(reader.findRole(TENANT, gate.scimId())).isPresent();
        portal.clearRequests();
        assertThat(reader.findEmployee(TENANT, ann.scimId()).orElseThrow().employee().roles())
                .extracting(RoleRef::name).containsExactly("Gate");
        assertThat(roleReadsById()).as("the group just read named the role").isEmpty();

        RestTrackTikStore writer = open(2);
        portal.clearRequests();
        writer.changeMembers(TENANT, gate.scimId(), Optional.empty(), new MembershipChange(false, Set.of(), List.of(bob.scimId())),
                POLICY, ACTOR);
        assertThat(roleReadsById()).as("the group being changed names the role").isEmpty();
        assertThat(store.findEmployee(TENANT, bob.scimId()).orElseThrow().employee().roles())
                .extracting(RoleRef::name).containsExactly("Gate");
    }

    @Test
    void aGroupDeletedAndMadeAgainThroughAnotherAdapterShowsItsNewId() {
        EmployeeRecord ann = employee("ann@example.com");
        EmployeeRecord bob = employee("bob@example.com");
        RoleRecord old = group("Gate", ann.scimId());
        // Ann keeps the role, so the portal keeps it, unlinked; another adapter's new group "Gate" takes it over.
        store.deleteRole(TENANT, old.scimId(), Optional.empty(), POLICY, ACTOR);
        RoleRecord again = open(2).createRole(TENANT, new RoleWrite("Gate", Optional.empty(), ScimJson.object()),
                List.of(bob.scimId()), POLICY, ACTOR);
        assertThat(again.role().id()).isEqualTo(old.role().id());

        assertThat(store.findEmployee(TENANT, bob.scimId()).orElseThrow().employee().roles())
                .as("not the deleted group's id, which this adapter had cached").extracting(RoleRef::scimId)
                .containsExactly(again.scimId());
    }

    // ---- writes that must not start ----------------------------------------------------------------

    @Test
    void aMemberChangeNamingSomeoneWhoDoesNotExistWritesNothing() {
        EmployeeRecord ann = employee("ann@example.com");
        RoleRecord gate = group("Gate", ann.scimId());
        int history = store.history(TENANT, ann.scimId()).size();
        portal.clearRequests();

        assertThatThrownBy(() -> store.changeMembers(TENANT, gate.scimId(), Optional.empty(),
                new MembershipChange(false, Set.of(ann.scimId()), List.of("ghost")), POLICY, ACTOR))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains("ghost");
                });
        assertThat(portal.requests()).noneMatch(r -> !r.method().equals("GET"));
        assertThat(store.members(TENANT, gate.scimId(), 0, 10).items()).extracting(Member::scimId).containsExactly(ann.scimId());
        assertThat(store.history(TENANT, ann.scimId())).hasSize(history);
    }

    @Test
    void aDefaultRoleThePortalLacksLeavesTheEmployeeAsItIs() {
        EmployeeRecord ann = employee("ann@example.com");
        RoleRecord gate = group("Gate", ann.scimId());
        store.changeMembers(TENANT, gate.scimId(), Optional.empty(), new MembershipChange(false, Set.of(ann.scimId()), List.of()),
                POLICY, ACTOR);
        EmployeeRecord before = store.findEmployee(TENANT, ann.scimId()).orElseThrow();
        assertThat(before.employee().heldRole()).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("Gate"));
        portal.clearRequests();

        RolePolicy guardByDefault = dev.scimkit.tracktik.mapping.PriorityRolePolicy.builder().defaultRole("Guard").build();
        EmployeeRecord after = store.recomputeRole(TENANT, ann.scimId(), guardByDefault, ACTOR);
        assertThat(after).isNotNull();
        assertThat(after.employee().heldRole()).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("Gate"));
        assertThat(after.link().version()).isEqualTo(before.link().version());
        assertThat(portal.requests()).noneMatch(r -> !r.method().equals("GET"));
    }

    // ---- a portal that does not keep the SCIM link -------------------------------------------------

    @Test
    void aPortalThatDropsTheLinkFieldsIsA503ThatTellsTheOperatorWhy() {
        // A portal that keeps no custom field it has not defined answers the record without them.
        portal.inject("POST", "/employees", new Fault.Answer(201, "application/json",
                "{\"data\":{\"id\":77,\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"username\":\"ann@example.com\","
                        + "\"status\":\"ACTIVE\",\"region\":1}}"));
        assertThatThrownBy(() -> employee("ann@example.com"))
                .isInstanceOfSatisfying(dev.scimkit.tracktik.port.StoreUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.detail()).contains("employee 77").contains("customFields.scimId").doesNotContain(TOKEN);
                });
        portal.inject("POST", "/roles", new Fault.Answer(201, "application/json", "{\"data\":{\"id\":78,\"name\":\"Gate\"}}"));
        assertThatThrownBy(() -> group("Gate"))
                .isInstanceOfSatisfying(dev.scimkit.tracktik.port.StoreUnavailableException.class, e ->
                        assertThat(e.detail()).contains("role 78").contains("customFields.scimId"));
    }

    @Test
    void aListAnswerWithoutACountEndsWithTheItemsItGave() {
        EmployeeRecord ann = employee("ann@example.com");
        EmployeeRecord bob = employee("bob@example.com");
        RoleRecord crew = group("Crew", ann.scimId(), bob.scimId());
        // The documented meta.count missing (a gateway's rewrite, an older API): what was listed is all there is.
        String bobJson = portal.employees().stream().filter(e -> e.path("username").asText().equals("bob@example.com"))
                .findFirst().orElseThrow().toString();
        portal.inject("GET", "/employees", new Fault.Answer(200, "application/json", "{\"data\":[" + bobJson + "]}"));
        Page<Member> page = store.members(TENANT, crew.scimId(), 1, 10);
        assertThat(page.items()).extracting(Member::scimId).containsExactly(bob.scimId());
        assertThat(page.total()).as("the offset and the one item listed").isEqualTo(2);
    }

    // ---- what a client reads -----------------------------------------------------------------------

    @Test
    void anEmployeesGroupsAreReadInNameOrderWhateverTheOrderTheyCameIn() {
        EmployeeRecord ann = employee("ann@example.com");
        RoleRecord zeta = group("Zeta", ann.scimId());
        RoleRecord alpha = group("Alpha", ann.scimId());
        RoleRecord mid = group("Mid", ann.scimId());

        assertThat(store.findEmployee(TENANT, ann.scimId()).orElseThrow().employee().roles())
                .extracting(RoleRef::name).containsExactly("Alpha", "Mid", "Zeta");
        assertThat(store.findEmployee(TENANT, ann.scimId()).orElseThrow().employee().roles())
                .extracting(RoleRef::scimId).containsExactly(alpha.scimId(), mid.scimId(), zeta.scimId());
    }

    @Test
    void everyOperationOnAnIdThatNamesNothingIsA404NamingIt() {
        EmployeeRecord ann = employee("ann@example.com");
        RoleRecord crew = group("Crew", ann.scimId());
        String nobody = "00000000-0000-0000-0000-000000000000";
        MembershipChange none = MembershipChange.none();
        List<ThrowingCallable> calls = List.of(
                () -> store.updateEmployee(TENANT, nobody, 1, write("x@example.com", "X", "Y"), ACTOR),
                () -> store.archiveEmployee(TENANT, nobody, Optional.empty(), ACTOR),
                () -> store.recomputeRole(TENANT, nobody, POLICY, ACTOR),
                () -> store.updateRole(TENANT, nobody, 1, new RoleWrite("X", Optional.empty(), ScimJson.object()), none, POLICY, ACTOR),
                () -> store.changeMembers(TENANT, nobody, Optional.empty(), none, POLICY, ACTOR),
                () -> store.deleteRole(TENANT, nobody, Optional.empty(), POLICY, ACTOR),
                () -> store.members(TENANT, nobody, 0, 10));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.detail()).contains(nobody);
            });
        }
        // Nothing was written by any of them.
        assertThat(store.findRole(TENANT, crew.scimId()).orElseThrow().link().version()).isEqualTo(1);
        assertThat(store.findEmployee(TENANT, ann.scimId()).orElseThrow().link().version()).isEqualTo(1);
    }

    @Test
    void removingAMemberWhoIsNoLongerThereIsNoErrorAndNoChange() {
        EmployeeRecord ann = employee("ann@example.com");
        EmployeeRecord bob = employee("bob@example.com");
        RoleRecord crew = group("Crew", ann.scimId(), bob.scimId());
        // Bob is archived through another adapter on the same portal (this one still has him cached).
        open(2).archiveEmployee(TENANT, bob.scimId(), Optional.empty(), ACTOR);
        long version = store.findRole(TENANT, crew.scimId()).orElseThrow().link().version();

        RoleRecord after = store.changeMembers(TENANT, crew.scimId(), Optional.empty(),
                new MembershipChange(false, Set.of(bob.scimId()), List.of()), POLICY, ACTOR);
        assertThat(after.link().version()).as("nothing changed").isEqualTo(version);
        assertThat(store.members(TENANT, crew.scimId(), 0, 10).items()).extracting(Member::scimId)
                .containsExactly(ann.scimId());
    }
}
