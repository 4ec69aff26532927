package dev.scimkit.tracktik.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.Region;
import dev.scimkit.tracktik.domain.RoleRef;
import dev.scimkit.tracktik.mapping.PriorityRolePolicy;
import dev.scimkit.tracktik.mapping.RolePolicy;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.EmployeeWrite;
import dev.scimkit.tracktik.port.Member;
import dev.scimkit.tracktik.port.MembershipChange;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.RoleWrite;
import dev.scimkit.tracktik.port.StoreQuery;
import dev.scimkit.tracktik.port.StoreUnavailableException;
import dev.scimkit.tracktik.rest.standin.Fault;
import dev.scimkit.tracktik.rest.standin.RecordedRequest;
import dev.scimkit.tracktik.rest.standin.TrackTikStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.scimkit.tracktik.rest.RestStoreTest.ACTOR;
import static dev.scimkit.tracktik.rest.RestStoreTest.TENANT;
import static dev.scimkit.tracktik.rest.RestStoreTest.TOKEN;
import static dev.scimkit.tracktik.rest.RestStoreTest.write;
import static dev.scimkit.tracktik.rest.standin.FaultsForTests.dropAfterApply;
import static dev.scimkit.tracktik.rest.standin.FaultsForTests.slowAfterApply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST store where the portal is not only what the adapter made of it: records an administrator
 * made or changed in the portal (through the same API, as the test's {@link #admin} does), a second
 * adapter on the same portal with cold caches, answers lost after they were applied, failures and
 * malformed bodies, the paging of the portal's lists, and versions and History as a client reads them.
 */
class RestStoreEdgesTest {

    private static final RolePolicy POLICY = RolePolicy.trackTikDefault();
    private final HttpClient http = HttpClient.newHttpClient();

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

    private RestTrackTikStore open() {
        return RestTrackTikStore.open(TENANT, RestStoreConfig.builder(portal.baseUrl(), TOKEN)
                .requestTimeout(Duration.ofSeconds(10)).maxAttempts(4)
                .baseBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).pageSize(2).build());
    }

    /** A portal administrator's request through the API (the data of the answer). */
    private JsonNode admin(String method, String path, String json) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
            return r.body().isEmpty() ? ScimJson.object() : ScimJson.parseObject(r.body().getBytes(StandardCharsets.UTF_8)).path("data");
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private EmployeeRecord employee(String userName) {
        return store.createEmployee(TENANT, write(userName, "F" + userName.charAt(0), "Last"), ACTOR);
    }

    private RoleRecord group(String name, String... members) {
        return store.createRole(TENANT, new RoleWrite(name, Optional.empty(), ScimJson.object()), List.of(members), POLICY, ACTOR);
    }

    private MembershipChange add(String... ids) {
        return new MembershipChange(false, Set.of(), List.of(ids));
    }

    private MembershipChange remove(String... ids) {
        return new MembershipChange(false, Set.of(ids), List.of());
    }

    private long version(RoleRecord g) {
        return store.findRole(TENANT, g.scimId()).orElseThrow().link().version();
    }

    // ---- records made in the portal, and a second adapter ----------------------------------------

    @Test
    void employeesAnAdministratorMadeInThePortalAreNoScimUsers() {
        admin("POST", "/employees", "{\"firstName\":\"Walk\",\"lastName\":\"In\",\"username\":\"walkin\",\"region\":1}");
        EmployeeRecord ann = employee("ann@example.com");

        assertThat(store.searchEmployees(TENANT, StoreQuery.all(Optional.empty())).items())
                .extracting(EmployeeRecord::scimId).containsExactly(ann.scimId());
        assertThat(store.findEmployeeByUserName(TENANT, "walkin")).isEmpty();
        assertThat(store.employeeExists(TENANT, "walkin")).isFalse();
        assertThat(store.scimIdOfEmployee(TENANT, portal.employees().get(0).path("id").asText())).isEmpty();
        // Listed live only, and asked of the portal so (archived profiles stay out of the pages).
        assertThat(portal.requests()).filteredOn(r -> r.path().equals("/employees") && r.method().equals("GET"))
                .anySatisfy(r -> assertThat(r.query()).contains("status%3Ain=ACTIVE%2CINACTIVE"));
    }

    @Test
    void aSecondAdapterWithColdCachesReadsTheSame() {
        EmployeeRecord ann = store.createEmployee(TENANT, new EmployeeWrite(write("ann@example.com", "Ann", "Lee").profile()
                .toBuilder().region(new Region("emea", "EMEA")).build(), "ann@example.com", Optional.empty(), ScimJson.object()), ACTOR);
        RoleRecord alpha = group("Alpha", ann.scimId());
        RoleRecord zeta = group("Zeta", ann.scimId());

        RestTrackTikStore other = open();
        EmployeeRecord seen = other.findEmployee(TENANT, ann.scimId()).orElseThrow();
        assertThat(seen.employee().region()).isEqualTo(new Region("emea", "EMEA"));
        assertThat(seen.employee().roles()).as("groups by name").extracting(RoleRef::name).containsExactly("Alpha", "Zeta");
        assertThat(seen.employee().roles()).extracting(RoleRef::scimId).containsExactly(alpha.scimId(), zeta.scimId());
        assertThat(other.employeeExists(TENANT, ann.scimId())).isTrue();
        assertThat(other.employeeExists(TENANT, ann.scimId().toUpperCase())).as("ids without regard to case").isTrue();
        assertThat(other.employeeExists(TENANT, "no-such-user")).isFalse();

        // A group deleted in the portal by an administrator is no membership any more.
        admin("DELETE", "/roles/" + zeta.role().id(), null);
        assertThat(open().findEmployee(TENANT, ann.scimId()).orElseThrow().employee().roles())
                .extracting(RoleRef::name).containsExactly("Alpha");

        // The other adapter knew the group Alpha (Ann's role); once it is no SCIM Group any more, it finds none.
        assertThat(other.findRole(TENANT, alpha.scimId())).isPresent();
        // (Deleted through an adapter that has not cached Zeta: one that has would, for the role cache's
        // minute, still count Zeta among Ann's groups and try to give her that role; see the README.)
        open().deleteRole(TENANT, alpha.scimId(), Optional.empty(), POLICY, ACTOR);
        assertThat(portal.roles()).as("Ann keeps the role, so the portal keeps it").hasSize(1);
        assertThat(other.findRole(TENANT, alpha.scimId())).isEmpty();

        // An employee archived through one adapter is gone for the other, which still knows its TrackTik id.
        assertThat(other.findEmployee(TENANT, ann.scimId())).isPresent();
        store.archiveEmployee(TENANT, ann.scimId(), Optional.empty(), ACTOR);
        assertThat(other.findEmployee(TENANT, ann.scimId())).isEmpty();
    }

    @Test
    void regionsAreTheOnesThePortalHasAndNewOnesAreMadeOnce() {
        admin("POST", "/regions", "{\"customId\":\"emea\",\"name\":\"Europe\"}");
        int before = portal.requests().size();
        EmployeeRecord ann = store.createEmployee(TENANT, new EmployeeWrite(write("ann@example.com", "Ann", "Lee").profile()
                .toBuilder().region(new Region("EMEA", "EMEA")).build(), "ann@example.com", Optional.empty(), ScimJson.object()), ACTOR);
        assertThat(portal.requests().subList(before, portal.requests().size()))
                .as("the portal's region is used, not made again").noneMatch(r -> r.method().equals("POST") && r.path().equals("/regions"));
        assertThat(ann.employee().region().name()).isEqualTo("Europe");

        store.createEmployee(TENANT, new EmployeeWrite(write("bob@example.com", "Bob", "Ray").profile()
                .toBuilder().region(new Region("apac", "APAC")).build(), "bob@example.com", Optional.empty(), ScimJson.object()), ACTOR);
        assertThat(store.regions(TENANT)).containsExactly(new Region("apac", "APAC"), new Region("emea", "Europe"),
                new Region("hq", "HQ"));
        Region renamed = store.saveRegion(TENANT, new Region("apac", "Asia Pacific"));
        assertThat(renamed).isEqualTo(new Region("apac", "Asia Pacific"));
        assertThat(open().regions(TENANT)).contains(new Region("apac", "Asia Pacific"));
    }

    @Test
    void aRoleTheEmployeeAlreadyHoldsInThePortalIsNotAssignedTwice() {
        EmployeeRecord ann = employee("ann@example.com");
        admin("POST", "/roles", "{\"name\":\"Gate\"}");
        long roleId = portal.roles().get(0).path("id").asLong();
        admin("POST", "/user-roles", "{\"user\":" + ann.employee().id() + ",\"role\":" + roleId + "}");

        RoleRecord gate = group("gate", ann.scimId());

        assertThat(gate.role().id()).as("the group took the portal's role over").isEqualTo(Long.toString(roleId));
        assertThat(portal.userRoles()).hasSize(1);
        assertThat(store.findEmployee(TENANT, ann.scimId()).orElseThrow().employee().heldRole())
                .hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("gate"));
    }

    // ---- lost answers, failures and malformed bodies ---------------------------------------------

    @Test
    void writesWhoseAnswerWasLostAreFoundOrRepeatedWithoutDoublingAnything() {
        EmployeeRecord ann = employee("ann@example.com");
        portal.inject("POST", "/roles", dropAfterApply());
        RoleRecord gate = group("Gate");
        assertThat(portal.roles()).hasSize(1);
        assertThat(gate.link().version()).isEqualTo(1);

        // An assignment applied but answered too late is looked up, not refused as a duplicate.
        RestTrackTikStore impatient = RestTrackTikStore.open(TENANT, RestStoreConfig.builder(portal.baseUrl(), TOKEN)
                .requestTimeout(Duration.ofMillis(700)).baseBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
                .pageSize(2).build());
        portal.inject("POST", "/user-roles", slowAfterApply(Duration.ofSeconds(3)));
        impatient.changeMembers(TENANT, gate.scimId(), Optional.empty(), add(ann.scimId()), POLICY, ACTOR);
        assertThat(portal.awaitIdle(Duration.ofSeconds(15))).isTrue();
        assertThat(portal.userRoles()).hasSize(1);

        // Moving to another role deletes the old assignment; a DELETE whose answer was lost is done.
        RoleRecord post = group("Post");
        portal.inject("DELETE", "/user-roles/\\d+", dropAfterApply());
        RolePolicy postFirst = PriorityRolePolicy.builder().priority(List.of("Post")).build();
        store.changeMembers(TENANT, post.scimId(), Optional.empty(), add(ann.scimId()), postFirst, ACTOR);
        assertThat(portal.userRoles()).singleElement()
                .satisfies(ur -> assertThat(ur.path("role").asText()).isEqualTo(post.role().id()));

        // The same for a group's DELETE.
        RoleRecord empty = group("Empty");
        portal.inject("DELETE", "/roles/\\d+", dropAfterApply());
        store.deleteRole(TENANT, empty.scimId(), Optional.empty(), POLICY, ACTOR);
        assertThat(portal.roles()).extracting(r -> r.path("name").asText()).containsExactlyInAnyOrder("Gate", "Post");
    }

    @Test
    void aPortalFailureIsA503AndAProxyPageIsNoStackTrace() {
        EmployeeRecord ann = employee("ann@example.com");
        assertThat(store.findEmployee(TENANT, ann.scimId())).isPresent();
        portal.inject("GET", "/employees/\\d+", new Fault.Answer(500, "application/json", "{\"message\":\"database is down\"}"));
        assertThatThrownBy(() -> store.findEmployee(TENANT, ann.scimId()))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.detail()).contains("HTTP 500").contains("database is down").doesNotContain(TOKEN);
                });
        portal.inject("GET", "/employees/\\d+", Fault.Answer.proxyPage(500));
        assertThatThrownBy(() -> store.findEmployee(TENANT, ann.scimId()))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e ->
                        assertThat(e.detail()).endsWith("(HTTP 500)").doesNotContain("<html>"));
        portal.inject("PATCH", "/employees/\\d+", Fault.Answer.proxyPage(413));
        assertThatThrownBy(() -> store.updateEmployee(TENANT, ann.scimId(), 1, write("ann@example.com", "Ann", "Changed"), ACTOR))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.detail()).doesNotContain("<html>");
                });
        // 502 and 504 of a gateway are retried for a read.
        portal.inject("GET", "/employees/\\d+", Fault.Answer.proxyPage(502), Fault.Answer.proxyPage(504));
        assertThat(store.findEmployee(TENANT, ann.scimId())).isPresent();
        // scimIdOfEmployee passes a failure on rather than saying "no such employee".
        portal.inject("GET", "/employees/\\d+", new Fault.Answer(403, "application/json", "{\"message\":\"no scope\"}"));
        assertThatThrownBy(() -> store.scimIdOfEmployee(TENANT, ann.employee().id()))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.detail()).contains("HTTP 403"));
        assertThat(store.scimIdOfEmployee(TENANT, "")).isEmpty();
    }

    @Test
    void aPortalThatCannotBeReachedIsA503AfterTheRetries() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RestTrackTikStore nowhere = RestTrackTikStore.open(TENANT, RestStoreConfig.builder(
                "http://127.0.0.1:" + closedPort + "/rest/v1", TOKEN).maxAttempts(2)
                .baseBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(5)).build());
        assertThatThrownBy(() -> nowhere.findEmployeeByUserName(TENANT, "ann"))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.detail())
                        .contains("2 attempts").contains("could not connect").doesNotContain(TOKEN));
    }

    private RestTrackTikStore withAttempts(int attempts) {
        return RestTrackTikStore.open(TENANT, RestStoreConfig.builder(portal.baseUrl(), TOKEN)
                .requestTimeout(Duration.ofSeconds(10)).maxAttempts(attempts).maxRetryAfter(Duration.ofSeconds(1))
                .baseBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(5)).pageSize(2).build());
    }

    private long requestsTo(String method, String path) {
        return portal.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    @Test
    void aCallIsTriedExactlyMaxAttemptsTimes() {
        RestTrackTikStore three = withAttempts(3);
        portal.inject("GET", "/roles", Fault.unavailable(), Fault.unavailable());
        assertThat(three.searchRoles(TENANT, StoreQuery.all(Optional.empty())).total()).isZero();
        assertThat(requestsTo("GET", "/roles")).as("two refusals, then the third attempt").isEqualTo(3);

        portal.clearRequests();
        portal.inject("GET", "/roles", Fault.unavailable(), Fault.unavailable(), Fault.unavailable());
        assertThatThrownBy(() -> three.searchRoles(TENANT, StoreQuery.all(Optional.empty())))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.detail())
                        .contains("after 3 attempts (last: HTTP 503)"));
        assertThat(requestsTo("GET", "/roles")).isEqualTo(3);

        // A Retry-After of exactly the longest wait allowed is waited out.
        portal.clearRequests();
        portal.inject("GET", "/roles", Fault.tooManyRequests(1));
        assertThat(three.searchRoles(TENANT, StoreQuery.all(Optional.empty())).total()).isZero();
        assertThat(requestsTo("GET", "/roles")).isEqualTo(2);
    }

    @Test
    void aCreateWhoseLastAttemptWasLostIsLookedUpBeforeGivingUp() {
        RestTrackTikStore once = withAttempts(1);
        portal.inject("POST", "/employees", dropAfterApply());
        EmployeeRecord ann = once.createEmployee(TENANT, write("ann@example.com", "Ann", "Lee"), ACTOR);
        assertThat(portal.employees()).singleElement()
                .satisfies(e -> assertThat(e.path("customFields").path("scimId").asText()).isEqualTo(ann.scimId()));

        // A gateway's 504 after the portal applied the create: looked up, not sent again.
        portal.inject("POST", "/employees", new Fault.GatewayTimeoutAfterApply(Duration.ofMillis(10)));
        portal.clearRequests();
        EmployeeRecord bob = store.createEmployee(TENANT, write("bob@example.com", "Bob", "Ray"), ACTOR);
        assertThat(requestsTo("POST", "/employees")).isEqualTo(1);
        assertThat(store.findEmployee(TENANT, bob.scimId())).isPresent();
        assertThat(portal.employees()).hasSize(2);

        // When the lookup itself cannot be made, the answer says the create's fate is unknown.
        portal.inject("POST", "/employees", dropAfterApply());
        portal.injectWhere("GET", "/employees", "scimId=", Fault.unavailable(), Fault.unavailable(), Fault.unavailable(),
                Fault.unavailable());
        assertThatThrownBy(() -> store.createEmployee(TENANT, write("cy@example.com", "Cy", "Lo"), ACTOR))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.detail())
                        .contains("could not be asked whether it was applied").contains("not sent again"));
    }

    // ---- paging ------------------------------------------------------------------------------------

    @Test
    void membersArePagedOverThePortalsPages() {
        String[] ids = new String[5];
        for (int i = 0; i < 5; i++) {
            ids[i] = employee("m" + i + "@example.com").scimId();
        }
        RoleRecord g = group("Crew", ids);
        assertThat(store.members(TENANT, g.scimId(), 0, 10).items()).extracting(Member::scimId).containsExactly(ids);
        Page<Member> middle = store.members(TENANT, g.scimId(), 1, 3);
        assertThat(middle.total()).isEqualTo(5);
        assertThat(middle.items()).extracting(Member::scimId).containsExactly(ids[1], ids[2], ids[3]);
        assertThat(store.members(TENANT, g.scimId(), 3, 10).items()).extracting(Member::scimId).containsExactly(ids[3], ids[4]);
        assertThat(store.members(TENANT, g.scimId(), 4, 1).items()).extracting(Member::scimId).containsExactly(ids[4]);
        Page<Member> past = store.members(TENANT, g.scimId(), 5, 10);
        assertThat(past.total()).isEqualTo(5);
        assertThat(past.items()).isEmpty();
        assertThat(store.members(TENANT, g.scimId(), 9, 10).total()).isEqualTo(5);
        Page<Member> none = store.members(TENANT, g.scimId(), 0, 0);
        assertThat(none.total()).as("a count-only page").isEqualTo(5);
        assertThat(none.items()).isEmpty();

        // Whole lists stop at the last page: a short page, or as many items as the portal counted.
        portal.clearRequests();
        assertThat(store.searchEmployees(TENANT, StoreQuery.all(Optional.empty())).total()).isEqualTo(5);
        assertThat(portal.requests()).filteredOn(r -> r.path().equals("/employees") && r.method().equals("GET")).hasSize(3);
        store.archiveEmployee(TENANT, ids[4], Optional.empty(), ACTOR);
        portal.clearRequests();
        assertThat(store.searchEmployees(TENANT, StoreQuery.all(Optional.empty())).total()).isEqualTo(4);
        assertThat(portal.requests()).filteredOn(r -> r.path().equals("/employees") && r.method().equals("GET")).hasSize(2);
    }

    // ---- versions and History ----------------------------------------------------------------------

    @Test
    void anUpdateThatChangesNothingWritesNothingAndLinkChangesMoveTheVersion() {
        EmployeeWrite w = write("ann@example.com", "Ann", "Lee");
        EmployeeWrite withDepartment = new EmployeeWrite(w.profile().toBuilder().department("Patrol").managerId("m-9").build(),
                w.userName(), w.externalId(), w.resource());
        EmployeeRecord ann = store.createEmployee(TENANT, withDepartment, ACTOR);
        assertThat(store.findEmployee(TENANT, ann.scimId()).orElseThrow().employee().profile())
                .satisfies(p -> assertThat(p.department()).isEqualTo("Patrol"))
                .satisfies(p -> assertThat(p.managerId()).isEqualTo("m-9"));

        portal.clearRequests();
        EmployeeRecord same = store.updateEmployee(TENANT, ann.scimId(), 1, withDepartment, ACTOR);
        assertThat(same.link().version()).isEqualTo(1);
        assertThat(portal.requests()).noneMatch(r -> r.method().equals("PATCH"));

        EmployeeRecord newExternal = store.updateEmployee(TENANT, ann.scimId(), 1, new EmployeeWrite(withDepartment.profile(),
                w.userName(), Optional.of("ext-new"), w.resource()), ACTOR);
        assertThat(newExternal.link().version()).isEqualTo(2);
        assertThat(newExternal.link().externalId()).contains("ext-new");
        EmployeeRecord newResource = store.updateEmployee(TENANT, ann.scimId(), 2, new EmployeeWrite(withDepartment.profile(),
                w.userName(), Optional.of("ext-new"), ScimJson.object().put("nickName", "Annie")), ACTOR);
        assertThat(newResource.link().version()).isEqualTo(3);
        assertThat(newResource.link().resource().path("nickName").asText()).isEqualTo("Annie");
        EmployeeRecord moved = store.updateEmployee(TENANT, ann.scimId(), 3, new EmployeeWrite(withDepartment.profile()
                .toBuilder().department("Gates").build(), w.userName(), Optional.of("ext-new"), newResource.link().resource()), ACTOR);
        assertThat(moved.employee().profile().department()).isEqualTo("Gates");
        assertThat(store.history(TENANT, ann.scimId())).as("link changes are no History; the department is")
                .extracting(HistoryEntry::action).containsExactly(HistoryAction.CREATED, HistoryAction.UPDATED);
        assertThat(store.findEmployee(TENANT, ann.scimId()).orElseThrow().employee().profile().department()).isEqualTo("Gates");
    }

    @Test
    void aUserNameTakenByAnotherUserIsAUniquenessErrorNamingIt() {
        employee("ann@example.com");
        EmployeeRecord bob = employee("bob@example.com");
        assertThatThrownBy(() -> employee("ANN@example.com")).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.scimType()).contains(ScimErrorType.UNIQUENESS);
            assertThat(e.detail()).contains("userName").contains("ANN@example.com");
        });
        assertThatThrownBy(() -> store.updateEmployee(TENANT, bob.scimId(), 1, write("Ann@Example.com", "Bob", "Ray"), ACTOR))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).contains(ScimErrorType.UNIQUENESS);
                    assertThat(e.detail()).contains("userName");
                });
        // Its own name in another case is no conflict.
        assertThat(store.updateEmployee(TENANT, bob.scimId(), 1, write("BOB@example.com", "Bob", "Ray"), ACTOR).link().name())
                .isEqualTo("BOB@example.com");
    }

    @Test
    void membershipChangesMoveTheGroupsVersionOnlyWhenSomethingChanged() {
        EmployeeRecord ann = employee("ann@example.com");
        EmployeeRecord bob = employee("bob@example.com");
        RoleRecord g = group("Gate", ann.scimId());
        assertThat(version(g)).isEqualTo(1);

        assertThat(store.changeMembers(TENANT, g.scimId(), Optional.empty(), add(ann.scimId()), POLICY, ACTOR).link().version())
                .as("already a member").isEqualTo(1);
        assertThat(store.changeMembers(TENANT, g.scimId(), Optional.empty(), MembershipChange.none(), POLICY, ACTOR)
                .link().version()).isEqualTo(1);
        assertThat(store.changeMembers(TENANT, g.scimId(), Optional.empty(), remove(bob.scimId()), POLICY, ACTOR)
                .link().version()).as("not a member").isEqualTo(1);
        // Removed and added in one request: the member stays, and nothing is recorded.
        int entries = store.history(TENANT, ann.scimId()).size();
        assertThat(store.changeMembers(TENANT, g.scimId(), Optional.empty(),
                new MembershipChange(false, Set.of(ann.scimId()), List.of(ann.scimId())), POLICY, ACTOR).link().version()).isEqualTo(1);
        assertThat(store.history(TENANT, ann.scimId())).hasSize(entries);
        assertThat(store.members(TENANT, g.scimId(), 0, 10).items()).extracting(Member::scimId).containsExactly(ann.scimId());

        assertThat(store.changeMembers(TENANT, g.scimId(), Optional.empty(), remove(ann.scimId()), POLICY, ACTOR)
                .link().version()).as("a removal alone").isEqualTo(2);
        assertThat(store.changeMembers(TENANT, g.scimId(), Optional.of(2L), add(bob.scimId()), POLICY, ACTOR)
                .link().version()).isEqualTo(3);

        RoleRecord renamed = store.updateRole(TENANT, g.scimId(), 3, new RoleWrite("Main Gate", Optional.empty(),
                ScimJson.object()), MembershipChange.none(), POLICY, ACTOR);
        assertThat(renamed.link().version()).isEqualTo(4);

        // Archiving a member changes the group's member list: its version moves, and History says which groups ended.
        long bobBefore = store.findEmployee(TENANT, bob.scimId()).orElseThrow().link().version();
        store.archiveEmployee(TENANT, bob.scimId(), Optional.of(bobBefore), ACTOR);
        assertThat(version(g)).isEqualTo(5);
        List<HistoryEntry> bobs = store.history(TENANT, bob.scimId());
        assertThat(bobs.get(bobs.size() - 1).action()).isEqualTo(HistoryAction.ARCHIVED);
        assertThat(bobs.get(bobs.size() - 1).changes()).containsExactly(new FieldChange("roles", "Main Gate", ""));
        assertThat(portal.employees()).filteredOn(e -> e.path("username").asText().equals("bob@example.com"))
                .singleElement().satisfies(e -> assertThat(e.path("customFields").path("scimVersion").asText())
                        .as("one more than bob's version before").isEqualTo(Long.toString(bobBefore + 1)));
    }

    @Test
    void aRenameTellsMembersTheirGroupsAndHoldersTheirRole() {
        EmployeeRecord member = employee("member@example.com");
        EmployeeRecord former = employee("former@example.com");
        RoleRecord g = group("Night Shift", member.scimId(), former.scimId());
        store.changeMembers(TENANT, g.scimId(), Optional.empty(), remove(former.scimId()), POLICY, ACTOR);
        long version = version(g);

        store.updateRole(TENANT, g.scimId(), version, new RoleWrite("Night Watch", Optional.empty(), ScimJson.object()),
                MembershipChange.none(), POLICY, ACTOR);

        List<HistoryEntry> m = store.history(TENANT, member.scimId());
        assertThat(m.get(m.size() - 1).changes()).containsExactly(new FieldChange("roles", "Night Shift", "Night Watch"),
                new FieldChange("role", "Night Shift", "Night Watch", "role renamed"));
        List<HistoryEntry> f = store.history(TENANT, former.scimId());
        assertThat(f.get(f.size() - 1).changes()).as("kept the role, no longer in the group")
                .containsExactly(new FieldChange("role", "Night Shift", "Night Watch", "role renamed"));
        assertThat(store.findEmployee(TENANT, former.scimId()).orElseThrow().employee().heldRole())
                .hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("Night Watch"));
    }

    @Test
    void aGroupNoOneHoldsIsDeletedFromThePortal() {
        RoleRecord g = group("Temp");
        store.deleteRole(TENANT, g.scimId(), Optional.empty(), POLICY, ACTOR);
        assertThat(portal.roles()).isEmpty();
        assertThat(store.findRole(TENANT, g.scimId())).isEmpty();
    }

    @Test
    void aPushedFilterTravelsToThePortal() {
        employee("ann@example.com");
        employee("bob@example.com");
        dev.scimkit.tracktik.port.FilterSplit split = store.splitEmployeeFilter(
                new dev.scimkit.tracktik.mapping.DefaultUserMapping(dev.scimkit.core.schema.SchemaRegistry.standard().user())
                        .filterColumns(),
                dev.scimkit.filter.Filters.parse("userName eq \"bob@example.com\" and active eq true"));
        portal.clearRequests();
        Page<EmployeeRecord> page = store.searchEmployees(TENANT, new StoreQuery(split.pushed(), 0, 10));
        assertThat(page.items()).extracting(r -> r.link().name()).containsExactly("bob@example.com");
        assertThat(portal.requests()).filteredOn(r -> r.path().equals("/employees"))
                .allSatisfy(r -> assertThat(r.query()).contains("username=bob%40example.com").contains("status=ACTIVE")
                        .doesNotContain("status%3Ain"));
    }

    @Test
    void aBusyPortalThatAsksForTooLongIsNamedAndAnInterruptedCallKeepsItsInterrupt() {
        portal.inject("GET", "/employees", new Fault.Unavailable("3600"));
        assertThatThrownBy(() -> store.findEmployeeByUserName(TENANT, "ann"))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e ->
                        assertThat(e.detail()).contains("unavailable (HTTP 503)").contains("3600 s"));
        portal.inject("GET", "/employees", new Fault.TooManyRequests("3600"));
        assertThatThrownBy(() -> store.findEmployeeByUserName(TENANT, "ann"))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e ->
                        assertThat(e.detail()).contains("rate-limiting this adapter (HTTP 429)"));

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> store.findEmployeeByUserName(TENANT, "ann"))
                    .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.detail()).contains("Interrupted"));
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    /** Every kind of write lets go of its locks: the same records written from another thread do not wait. */
    @Test
    void everyWriteReleasesItsLocks() throws Exception {
        EmployeeRecord ann = employee("ann@example.com");
        EmployeeRecord bob = employee("bob@example.com");
        RoleRecord g = group("Gate", ann.scimId(), bob.scimId());
        RoleRecord temp = group("Temp");
        store.updateEmployee(TENANT, ann.scimId(), 1, write("ann@example.com", "Ann", "Changed"), ACTOR);
        store.recomputeRole(TENANT, ann.scimId(), POLICY, ACTOR);
        store.changeMembers(TENANT, g.scimId(), Optional.empty(), remove(ann.scimId()), POLICY, ACTOR);
        store.updateRole(TENANT, g.scimId(), version(g), new RoleWrite("Main Gate", Optional.empty(), ScimJson.object()),
                MembershipChange.none(), POLICY, ACTOR);
        store.archiveEmployee(TENANT, bob.scimId(), Optional.empty(), ACTOR);
        store.deleteRole(TENANT, temp.scimId(), Optional.empty(), POLICY, ACTOR);

        ExecutorService other = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "second-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> writes = other.submit(() -> {
                store.updateEmployee(TENANT, ann.scimId(), store.findEmployee(TENANT, ann.scimId()).orElseThrow().link().version(),
                        write("ann@example.com", "Ann", "Again"), ACTOR);
                store.recomputeRole(TENANT, ann.scimId(), POLICY, ACTOR);
                store.changeMembers(TENANT, g.scimId(), Optional.empty(), add(ann.scimId()), POLICY, ACTOR);
                assertThatThrownBy(() -> store.archiveEmployee(TENANT, bob.scimId(), Optional.empty(), ACTOR))
                        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(404));
                assertThatThrownBy(() -> store.deleteRole(TENANT, temp.scimId(), Optional.empty(), POLICY, ACTOR))
                        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(404));
                return null;
            });
            writes.get(20, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertThat(store.members(TENANT, g.scimId(), 0, 10).items()).extracting(Member::scimId).containsExactly(ann.scimId());
    }
}
