package dev.scimkit.tracktik.rest;

import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.EmployeeProfile;
import dev.scimkit.tracktik.domain.EmployeeStatus;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.Region;
import dev.scimkit.tracktik.domain.RoleRef;
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
import dev.scimkit.tracktik.port.VersionConflictException;
import dev.scimkit.tracktik.rest.standin.RecordedRequest;
import dev.scimkit.tracktik.rest.standin.TrackTikStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.scimkit.tracktik.rest.standin.FaultsForTests.dropAfterApply;
import static dev.scimkit.tracktik.rest.standin.FaultsForTests.slow;
import static dev.scimkit.tracktik.rest.standin.FaultsForTests.slowAfterApply;
import static dev.scimkit.tracktik.rest.standin.FaultsForTests.tooManyRequests;
import static dev.scimkit.tracktik.rest.standin.FaultsForTests.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST store against the local TrackTik stand-in: the port's operations and every fault. */
class RestStoreTest {

    static final String TOKEN = "tt-secret-0123456789-abcdef";
    static final TenantId TENANT = TenantId.of("portal-a");
    static final Actor ACTOR = new Actor("entra-id", "portal-a");
    private static final RolePolicy POLICY = RolePolicy.trackTikDefault();

    TrackTikStandIn portal;
    RestTrackTikStore store;

    private static final Duration IMPATIENCE = Duration.ofSeconds(1);
    /** Far beyond {@link #IMPATIENCE}, so a retry arrives while the slow answer is still sleeping, even under load. */
    private static final Duration SLOW = Duration.ofSeconds(5);

    @BeforeEach
    void start() {
        portal = TrackTikStandIn.start(TOKEN);
        store = RestTrackTikStore.open(TENANT, config().build());
    }

    RestStoreConfig.Builder config() {
        return RestStoreConfig.builder(portal.baseUrl(), TOKEN)
                .connectTimeout(Duration.ofSeconds(2))
                // Generous, so that a loaded CI machine never turns an ordinary request into a
                // retry the assertions did not expect; the timeout tests use impatient() instead.
                .requestTimeout(Duration.ofSeconds(10))
                .maxAttempts(4)
                .baseBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(100))
                .maxRetryAfter(Duration.ofSeconds(5))
                .pageSize(2);
    }

    /** A store that gives up on a request after {@link #IMPATIENCE}, for the tests of timeouts. */
    RestTrackTikStore impatient() {
        RestTrackTikStore impatient = RestTrackTikStore.open(TENANT, config().requestTimeout(IMPATIENCE).build());
        store.close();
        store = impatient;
        return impatient;
    }

    @AfterEach
    void stop() {
        store.close();
        portal.close();
    }

    static EmployeeWrite write(String userName, String first, String last) {
        EmployeeProfile profile = EmployeeProfile.builder().firstName(first).lastName(last).email(userName)
                .jobTitle("Guard").build();
        return new EmployeeWrite(profile, userName, Optional.of("ext-" + userName),
                ScimJson.object().put("userName", userName).put("displayName", first + " " + last).put("nickName", "N-" + first));
    }

    @Test
    void employeesAreCreatedReadUpdatedArchivedAndPagedThroughTheApi() {
        EmployeeRecord ada = store.createEmployee(TENANT, write("ada@example.com", "Ada", "Lovelace"), ACTOR);
        assertThat(ada.link().version()).isEqualTo(1);
        assertThat(ada.employee().region()).isEqualTo(Region.HQ);
        assertThat(portal.employees()).singleElement()
                .satisfies(e -> assertThat(e.path("username").asText()).isEqualTo("ada@example.com"))
                .satisfies(e -> assertThat(e.path("customFields").path("scimId").asText()).isEqualTo(ada.scimId()));

        EmployeeRecord read = store.findEmployee(TENANT, ada.scimId()).orElseThrow();
        assertThat(read.employee().firstName()).isEqualTo("Ada");
        assertThat(read.link().externalId()).contains("ext-ada@example.com");
        assertThat(read.link().resource().path("nickName").asText()).isEqualTo("N-Ada");
        assertThat(store.findEmployeeByUserName(TENANT, "ADA@EXAMPLE.COM")).map(EmployeeRecord::scimId).contains(ada.scimId());
        assertThat(store.scimIdOfEmployee(TENANT, ada.employee().id())).contains(ada.scimId());
        assertThat(store.scimIdOfEmployee(TENANT, "987654")).isEmpty();
        assertThat(store.scimIdOfEmployee(TENANT, "../roles")).isEmpty();

        EmployeeWrite renamed = new EmployeeWrite(read.employee().profile().toBuilder().lastName("Byron")
                .status(EmployeeStatus.INACTIVE).build(), "ada@example.com", Optional.empty(), ScimJson.object());
        EmployeeRecord updated = store.updateEmployee(TENANT, ada.scimId(), 1, renamed, ACTOR);
        assertThat(updated.link().version()).isEqualTo(2);
        assertThat(updated.employee().status()).isEqualTo(EmployeeStatus.INACTIVE);
        assertThatThrownBy(() -> store.updateEmployee(TENANT, ada.scimId(), 1, renamed, ACTOR))
                .isInstanceOf(VersionConflictException.class);

        for (int i = 0; i < 4; i++) {
            store.createEmployee(TENANT, write("u" + i + "@example.com", "U" + i, "Test"), ACTOR);
        }
        portal.clearRequests();
        Page<EmployeeRecord> all = store.searchEmployees(TENANT, StoreQuery.all(Optional.empty()));
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.items()).extracting(r -> r.link().name()).containsExactly("ada@example.com",
                "u0@example.com", "u1@example.com", "u2@example.com", "u3@example.com");
        // Page size 2: the store walked offset 0, 2, 4 of the employees list.
        assertThat(portal.requests()).filteredOn(r -> r.path().equals("/employees"))
                .extracting(RecordedRequest::query).anySatisfy(q -> assertThat(q).contains("offset=4"));
        Page<EmployeeRecord> second = store.searchEmployees(TENANT, new StoreQuery(Optional.empty(), 1, 2));
        assertThat(second.items()).extracting(r -> r.link().name()).containsExactly("u0@example.com", "u1@example.com");

        store.archiveEmployee(TENANT, ada.scimId(), Optional.of(2L), ACTOR);
        assertThat(store.findEmployee(TENANT, ada.scimId())).isEmpty();
        assertThat(store.searchEmployees(TENANT, StoreQuery.all(Optional.empty())).total()).isEqualTo(4);
        List<HistoryEntry> history = store.history(TENANT, ada.scimId());
        assertThat(history).extracting(HistoryEntry::action)
                .containsExactly(HistoryAction.CREATED, HistoryAction.DEACTIVATED, HistoryAction.ARCHIVED);
        assertThat(history.get(1).changes()).contains(new FieldChange("lastName", "Lovelace", "Byron"),
                new FieldChange("status", "ACTIVE", "INACTIVE"));
        assertThat(history.get(0).actor()).isEqualTo(ACTOR);
        // The archived userName is free again.
        store.createEmployee(TENANT, write("ada@example.com", "Ada", "Again"), ACTOR);
    }

    @Test
    void duplicatesAreUniquenessErrorsAndUnknownIdsAre404() {
        store.createEmployee(TENANT, write("dup@example.com", "A", "B"), ACTOR);
        assertThatThrownBy(() -> store.createEmployee(TENANT, write("DUP@example.com", "C", "D"), ACTOR))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.scimType()).hasValueSatisfying(t -> assertThat(t.name()).isEqualToIgnoringCase("uniqueness"));
                });
        assertThat(portal.employees()).hasSize(1);
        assertThat(store.findEmployee(TENANT, "no-such-id")).isEmpty();
        assertThatThrownBy(() -> store.archiveEmployee(TENANT, "no-such-id", Optional.empty(), ACTOR))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(404));
        store.createRole(TENANT, new RoleWrite("Guards", Optional.empty(), ScimJson.object()), List.of(), POLICY, ACTOR);
        assertThatThrownBy(() -> store.createRole(TENANT, new RoleWrite("GUARDS", Optional.empty(), ScimJson.object()),
                List.of(), POLICY, ACTOR)).isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void rolesAndMembershipGoThroughUserRoles() {
        EmployeeRecord a = store.createEmployee(TENANT, write("a@example.com", "Alan", "Turing"), ACTOR);
        EmployeeRecord b = store.createEmployee(TENANT, write("b@example.com", "Barbara", "Liskov"), ACTOR);
        EmployeeRecord c = store.createEmployee(TENANT, write("c@example.com", "Claude", "Shannon"), ACTOR);
        RoleRecord role = store.createRole(TENANT, new RoleWrite("Night Shift", Optional.of("g-1"), ScimJson.object()),
                List.of(a.scimId()), POLICY, ACTOR);
        assertThat(role.memberCount()).isEqualTo(1);
        assertThat(portal.userRoles()).hasSize(1);

        RoleRecord after = store.changeMembers(TENANT, role.scimId(), Optional.empty(),
                new MembershipChange(false, java.util.Set.of(a.scimId()), List.of(b.scimId(), c.scimId())), POLICY, ACTOR);
        assertThat(after.link().version()).isEqualTo(2);
        Page<Member> members = store.members(TENANT, role.scimId(), 0, 10);
        assertThat(members.total()).isEqualTo(2);
        assertThat(members.items()).containsExactly(new Member(b.scimId(), "Barbara Liskov"),
                new Member(c.scimId(), "Claude Shannon"));
        assertThat(store.members(TENANT, role.scimId(), 1, 1).items()).containsExactly(new Member(c.scimId(), "Claude Shannon"));
        assertThat(store.findEmployee(TENANT, b.scimId()).orElseThrow().employee().roles())
                .extracting(RoleRef::name).containsExactly("Night Shift");

        assertThatThrownBy(() -> store.changeMembers(TENANT, role.scimId(), Optional.empty(),
                new MembershipChange(false, java.util.Set.of(), List.of("not-a-user")), POLICY, ACTOR))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail()).contains("not-a-user"));

        RoleRecord renamed = store.updateRole(TENANT, role.scimId(), 2, new RoleWrite("Night Watch", Optional.of("g-1"),
                ScimJson.object()), MembershipChange.none(), POLICY, ACTOR);
        assertThat(renamed.role().name()).isEqualTo("Night Watch");
        assertThat(store.history(TENANT, b.scimId())).extracting(HistoryEntry::action)
                .containsExactly(HistoryAction.CREATED, HistoryAction.ROLE_ASSIGNED, HistoryAction.UPDATED);
        assertThat(store.history(TENANT, a.scimId()).get(2).changes())
                .containsExactly(new FieldChange("roles", "Night Shift", ""),
                        new FieldChange("role", "Night Shift", "Night Shift", "kept: last group removed"));
        // Removed from its last group, a keeps the role: the portal's user-roles are one per employee.
        assertThat(portal.userRoles()).hasSize(3);

        store.deleteRole(TENANT, role.scimId(), Optional.empty(), POLICY, ACTOR);
        assertThat(store.findRole(TENANT, role.scimId())).isEmpty();
        // Everyone keeps the role, so the portal keeps it too, no longer a SCIM Group.
        assertThat(portal.userRoles()).hasSize(3);
        assertThat(portal.roles()).singleElement()
                .satisfies(r -> assertThat(r.path("customFields").path("scimId").asText()).isEmpty());
        assertThat(store.findEmployee(TENANT, c.scimId()).orElseThrow().employee().roles()).isEmpty();
        assertThat(store.findEmployee(TENANT, c.scimId()).orElseThrow().employee().heldRole())
                .hasValueSatisfying(h -> assertThat(h.name()).isEqualTo("Night Watch"));
    }

    @Test
    void findEmployeeByExternalIdAsksThePortalForItAndComparesExactly() {
        EmployeeWrite ada = write("ada@example.com", "Ada", "Lovelace");
        EmployeeRecord first = store.createEmployee(TENANT, new EmployeeWrite(ada.profile(), ada.userName(),
                Optional.of("Ext-Twin"), ada.resource()), ACTOR);
        EmployeeWrite grace = write("grace@example.com", "Grace", "Hopper");
        EmployeeRecord second = store.createEmployee(TENANT, new EmployeeWrite(grace.profile(), grace.userName(),
                Optional.of("Ext-Twin"), grace.resource()), ACTOR);
        EmployeeWrite alan = write("alan@example.com", "Alan", "Turing");
        store.createEmployee(TENANT, new EmployeeWrite(alan.profile(), alan.userName(), Optional.of("ext-twin"),
                alan.resource()), ACTOR);
        store.createEmployee(TENANT, new EmployeeWrite(alan.profile().toBuilder().email("nobody@example.com").build(),
                "nobody@example.com", Optional.empty(), alan.resource()), ACTOR);

        portal.clearRequests();
        assertThat(store.findEmployeeByExternalId(TENANT, "Ext-Twin")).map(EmployeeRecord::scimId).contains(first.scimId());
        // Filtered list requests (three case-insensitive matches: two pages of two), not a walk over every employee.
        assertThat(portal.requests()).filteredOn(r -> r.path().equals("/employees")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.query()).contains("customFields.scimExternalId=Ext-Twin"));
        // The portal compares without case; the store does not: externalId is case-exact.
        assertThat(store.findEmployeeByExternalId(TENANT, "ext-twin")).map(r -> r.link().name()).contains("alan@example.com");
        assertThat(store.findEmployeeByExternalId(TENANT, "EXT-TWIN")).isEmpty();
        assertThat(store.findEmployeeByExternalId(TENANT, "")).isEmpty();

        store.archiveEmployee(TENANT, first.scimId(), Optional.empty(), ACTOR);
        assertThat(store.findEmployeeByExternalId(TENANT, "Ext-Twin")).map(EmployeeRecord::scimId).contains(second.scimId());
    }

    @Test
    void a429WithRetryAfterIsWaitedOutBeforeTheRetry() {
        portal.inject("GET", "/employees", tooManyRequests(1));
        portal.clearRequests();
        assertThat(store.searchEmployees(TENANT, StoreQuery.all(Optional.empty())).total()).isZero();
        List<RecordedRequest> lists = portal.requests().stream().filter(r -> r.path().equals("/employees")).toList();
        assertThat(lists).extracting(RecordedRequest::status).containsExactly(429, 200);
        long waitedNanos = lists.get(1).receivedNanos() - lists.get(0).receivedNanos();
        assertThat(Duration.ofNanos(waitedNanos)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterAsHttpDateIsHonouredToo() {
        // Three seconds ahead: an HTTP-date drops the fraction, so at least two whole seconds remain.
        String inThreeSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(3));
        portal.inject("GET", "/roles", new dev.scimkit.tracktik.rest.standin.Fault.Unavailable(inThreeSeconds));
        portal.clearRequests();
        assertThat(store.searchRoles(TENANT, StoreQuery.all(Optional.empty())).total()).isZero();
        List<RecordedRequest> lists = portal.requests().stream().filter(r -> r.path().equals("/roles")).toList();
        assertThat(lists).extracting(RecordedRequest::status).containsExactly(503, 200);
        // However late in its second the date was written, more than one second remained when it was read.
        assertThat(Duration.ofNanos(lists.get(1).receivedNanos() - lists.get(0).receivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a503ThenSuccessIsRetried() {
        EmployeeRecord e = store.createEmployee(TENANT, write("s@example.com", "S", "T"), ACTOR);
        portal.inject("GET", "/employees/\\d+", unavailable(), unavailable());
        portal.clearRequests();
        assertThat(store.findEmployee(TENANT, e.scimId())).isPresent();
        assertThat(portal.requests()).filteredOn(r -> r.path().matches("/employees/\\d+"))
                .extracting(RecordedRequest::status).startsWith(503, 503, 200);
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsRetried() {
        EmployeeRecord e = store.createEmployee(TENANT, write("slow@example.com", "S", "T"), ACTOR);
        RestTrackTikStore store = impatient();
        // Found once by search, the employee is read by its TrackTik id from then on: that read stalls.
        assertThat(store.findEmployee(TENANT, e.scimId())).isPresent();
        portal.inject("GET", "/employees/\\d+", slow(SLOW));
        portal.clearRequests();
        assertThat(store.findEmployee(TENANT, e.scimId())).isPresent();
        // The slow request is recorded only when its handler finishes sleeping.
        List<RecordedRequest> gets = afterTheStallEnds(r -> r.path().matches("/employees/\\d+"));
        assertThat(gets).hasSizeGreaterThanOrEqualTo(2);
        RecordedRequest stalled = gets.get(0);
        // A retry was answered while the stalled one was still sleeping: the client gave up at its timeout.
        assertThat(gets.subList(1, gets.size())).anySatisfy(retry -> {
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.receivedNanos() - stalled.receivedNanos()).isLessThan(SLOW.toNanos());
        });
    }

    /**
     * Every request {@code which} selects, in the order received, once the stand-in has finished
     * answering all of them (a stalled one is recorded only when its handler wakes up).
     */
    private List<RecordedRequest> afterTheStallEnds(java.util.function.Predicate<RecordedRequest> which) {
        Duration within = SLOW.plusSeconds(10);
        assertThat(portal.awaitIdle(within)).as("the stand-in finished answering within " + within).isTrue();
        return portal.requests().stream().filter(which)
                .sorted(java.util.Comparator.comparingLong(RecordedRequest::receivedNanos)).toList();
    }

    @Test
    void aConnectionDroppedAfterTheCreateWasAppliedMakesNoSecondEmployee() {
        portal.inject("POST", "/employees", dropAfterApply());
        EmployeeRecord e = store.createEmployee(TENANT, write("drop@example.com", "D", "Rop"), ACTOR);
        assertThat(portal.employees()).singleElement()
                .satisfies(x -> assertThat(x.path("customFields").path("scimId").asText()).isEqualTo(e.scimId()));
        // One POST only: the lost answer was resolved by looking the SCIM id up, not by sending again.
        assertThat(portal.requests()).filteredOn(r -> r.method().equals("POST") && r.path().equals("/employees")).hasSize(1);
        assertThat(store.findEmployee(TENANT, e.scimId())).isPresent();
    }

    @Test
    void aCreateThatTimesOutIsNeverSentTwice() {
        RestTrackTikStore store = impatient();
        // The portal is still working on the POST when the client gives up: a second POST would make a
        // second employee once the first completes, so the store only looks, then answers 503.
        portal.inject("POST", "/employees", slow(SLOW));
        assertThatThrownBy(() -> store.createEmployee(TENANT, write("late@example.com", "L", "Ate"), ACTOR))
                .isInstanceOfSatisfying(StoreUnavailableException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(503);
                    assertThat(ex.detail()).contains("not sent again");
                });
        List<RecordedRequest> posts = afterTheStallEnds(r -> r.method().equals("POST") && r.path().equals("/employees"));
        assertThat(posts).hasSize(1);
        assertThat(portal.employees()).as("the late POST completed, once").hasSize(1);
        // The SCIM client's retry then finds the userName taken rather than making a second employee.
        assertThat(store.findEmployeeByUserName(TENANT, "late@example.com")).isPresent();
    }

    @Test
    void aCreateAppliedButAnsweredTooLateIsFoundNotSentAgain() {
        RestTrackTikStore store = impatient();
        portal.inject("POST", "/employees", slowAfterApply(SLOW));
        EmployeeRecord e = store.createEmployee(TENANT, write("applied@example.com", "A", "Pplied"), ACTOR);
        assertThat(portal.employees()).singleElement()
                .satisfies(x -> assertThat(x.path("customFields").path("scimId").asText()).isEqualTo(e.scimId()));
        List<RecordedRequest> posts = afterTheStallEnds(r -> r.method().equals("POST") && r.path().equals("/employees"));
        assertThat(posts).hasSize(1);
    }

    @Test
    void anAssignmentThatTimesOutIsSentAgainSinceThePortalRefusesItsTwin() {
        EmployeeRecord a = store.createEmployee(TENANT, write("assign@example.com", "As", "Sign"), ACTOR);
        RoleRecord role = store.createRole(TENANT, new RoleWrite("Gate", Optional.empty(), ScimJson.object()),
                List.of(), POLICY, ACTOR);
        RestTrackTikStore store = impatient();
        assertThat(store.findEmployee(TENANT, a.scimId())).isPresent();
        portal.inject("POST", "/user-roles", slow(SLOW));
        store.changeMembers(TENANT, role.scimId(), Optional.empty(),
                new MembershipChange(false, java.util.Set.of(), List.of(a.scimId())), POLICY, ACTOR);
        // Sent again at once (a (user, role) pair cannot be made twice), so the change completes now ...
        assertThat(portal.userRoles()).hasSize(1);
        assertThat(store.findEmployee(TENANT, a.scimId()).orElseThrow().employee().roles())
                .extracting(RoleRef::name).containsExactly("Gate");
        // ... with its History entry, and the stalled first POST is refused when it wakes.
        List<RecordedRequest> posts = afterTheStallEnds(r -> r.method().equals("POST") && r.path().equals("/user-roles"));
        assertThat(posts).extracting(RecordedRequest::status).contains(201);
        assertThat(portal.userRoles()).hasSize(1);
        assertThat(store.history(TENANT, a.scimId())).extracting(h -> h.action().name()).contains("ROLE_ASSIGNED");
    }

    @Test
    void exhaustedRetriesAre503WithoutTheToken() {
        portal.inject("GET", "/employees", unavailable(), unavailable(), unavailable(), unavailable());
        assertThatThrownBy(() -> store.searchEmployees(TENANT, StoreQuery.all(Optional.empty())))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.detail()).contains("4 attempts").doesNotContain(TOKEN);
                    assertThat(e.toString()).doesNotContain(TOKEN);
                });
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnce() {
        portal.inject("GET", "/employees", tooManyRequests(3600));
        long start = System.nanoTime();
        assertThatThrownBy(() -> store.searchEmployees(TENANT, StoreQuery.all(Optional.empty())))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.detail()).contains("3600"));
        assertThat(portal.requests()).filteredOn(r -> r.path().equals("/employees")).hasSize(1);
        assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(3600).toNanos());
    }

    @Test
    void aRejectedTokenIs503AndTheTokenAppearsNowhere() {
        String wrong = "wrong-token-" + TOKEN;
        RestStoreConfig cfg = config().build();
        RestTrackTikStore bad = RestTrackTikStore.open(TENANT, RestStoreConfig.builder(portal.baseUrl(), wrong).build());
        assertThatThrownBy(() -> bad.findEmployeeByUserName(TENANT, "x"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.detail()).contains("401").doesNotContain(wrong);
                });
        assertThat(cfg.toString()).doesNotContain(TOKEN).contains(portal.baseUrl().toString());
        assertThat(store.toString()).doesNotContain(TOKEN);
        assertThat(bad.toString()).doesNotContain(wrong);
    }

    @Test
    void anotherTenantHasNoPortal() {
        assertThatThrownBy(() -> store.findEmployee(TenantId.of("portal-b"), "x"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void portalValidationMessagesComeBackAsInvalidValue() {
        EmployeeWrite nameless = new EmployeeWrite(EmployeeProfile.builder().firstName("").lastName("").build(),
                "nameless", Optional.empty(), ScimJson.object());
        assertThatThrownBy(() -> store.createEmployee(TENANT, nameless, ACTOR))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains("firstName").contains("should not be blank");
                });
    }
}
