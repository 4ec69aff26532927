package dev.scimkit.tracktik.jdbc;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.EmployeeStatus;
import dev.scimkit.tracktik.domain.HeldRole;
import dev.scimkit.tracktik.mapping.RegionRule;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.EmployeeSearch;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.StoreQuery;
import dev.scimkit.tracktik.port.TrackTikStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's employee search ({@link TrackTikStore#findEmployees}) on every store: text, status,
 * region and the held role (not mere memberships), combined, paged, per tenant. Every answer is also
 * compared with {@link EmployeeSearch#matches} over all employees, so a store's own query (SQL) and the
 * definition agree.
 */
public abstract class EmployeeSearchContract {

    static final TenantId A = TenantId.of("portal-a");
    static final TenantId B = TenantId.of("portal-b");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[";

    /** The store under test, shared by the tests of a class (each test's names carry its own run). */
    protected abstract TrackTikStore store();

    /** Six base-36 characters, so an Employee ID made of it stays within TrackTik's 15. */
    private final String run = Long.toString(Math.floorMod(System.nanoTime(), 2_176_782_336L) + 36L * 36 * 36 * 36 * 36 * 36, 36)
            .substring(1);
    private String alice;
    private String bob;
    private String carol;
    private String dave;

    /**
     * Alice (EMEA, active, holds Guard), Bob (EMEA, inactive, holds Supervisor and is also a member of
     * Guard), Carol (HQ, no group), Dave (HQ, a userName with LIKE's wildcards in it).
     */
    @BeforeEach
    void provision() {
        TrackTikEngine e = new TrackTikEngine(store(), SchemaRegistry.standard(),
                b -> b.regionRule(RegionRule.fromEnterpriseDivision()));
        alice = user(e, "alice." + run + "@example.com", "Alice", "Archer" + run, "E" + run + "-1", "EMEA " + run, true);
        bob = user(e, "bob." + run + "@example.com", "Bob", "Baker", "E" + run + "-2", "EMEA " + run, false);
        carol = user(e, "carol." + run + "@example.com", "Carol", "Cole", "E" + run + "-3", "", true);
        dave = user(e, "dave_100%." + run + "@example.com", "Dave", "Dunn", "", "", true);
        group(e, "Supervisor " + run, bob);
        String guard = group(e, "Guard " + run, alice);
        e.ok(204, "PATCH", "/Groups/" + guard, PATCH + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + bob + "\"}]}]}");
        assertThat(heldRole(bob)).as("the earliest group decides").contains("Supervisor " + run);
        assertThat(store().findEmployee(A, bob).orElseThrow().employee().roles()).hasSize(2);
    }

    private static String user(TrackTikEngine e, String userName, String given, String family, String employeeId,
                               String division, boolean active) {
        String enterprise = "\"" + ENTERPRISE + "\":{" + (employeeId.isEmpty() ? "" : "\"employeeNumber\":\"" + employeeId + "\"")
                + (division.isEmpty() ? "" : (employeeId.isEmpty() ? "" : ",") + "\"division\":\"" + division + "\"") + "}";
        return e.ok(201, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE
                + "\"],\"userName\":\"" + userName + "\",\"active\":" + active + ",\"name\":{\"givenName\":\"" + given
                + "\",\"familyName\":\"" + family + "\"}," + enterprise + "}").path("id").asText();
    }

    private static String group(TrackTikEngine e, String name, String member) {
        return e.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"" + member + "\"}]}").path("id").asText();
    }

    private Optional<String> heldRole(String scimId) {
        return store().findEmployee(A, scimId).orElseThrow().employee().heldRole().map(HeldRole::name);
    }

    /** The SCIM ids the store finds, after checking them against the definition over all employees. */
    private List<String> found(TenantId tenant, EmployeeSearch search) {
        Page<EmployeeRecord> page = store().findEmployees(tenant, search);
        List<String> expected = store().searchEmployees(tenant, StoreQuery.all(Optional.empty())).items().stream()
                .filter(search::matches).map(EmployeeRecord::scimId).toList();
        assertThat(page.total()).as("total of %s", search).isEqualTo(expected.size());
        List<String> ids = page.items().stream().map(EmployeeRecord::scimId).toList();
        assertThat(expected).as("%s", search).containsAll(ids);
        return ids;
    }

    private List<String> found(EmployeeSearch search) {
        return found(A, search);
    }

    private EmployeeSearch text(String text) {
        return EmployeeSearch.all().withText(text).withPage(0, 100);
    }

    @Test
    void textFindsUserNamesNamesAndFullNamesIgnoringCase() {
        assertThat(found(text(run))).containsExactlyInAnyOrder(alice, bob, carol, dave);
        assertThat(found(text("ALICE." + run))).containsExactly(alice);
        assertThat(found(text("archer" + run.toUpperCase()))).containsExactly(alice);
        assertThat(found(text("alice archer" + run))).as("first and last name as one says them").containsExactly(alice);
    }

    @Test
    void theEmployeeIdMatchesWholeIgnoringCase() {
        assertThat(found(text("e" + run + "-2"))).containsExactly(bob);
        assertThat(found(text("E" + run + "-"))).as("a part of an Employee ID is not a match").isEmpty();
    }

    @Test
    void wildcardsTypedInTheTextAreMatchedAsThemselves() {
        assertThat(found(text("_100%." + run))).containsExactly(dave);
        assertThat(found(text("%." + run))).as("%% is not a wildcard").containsExactly(dave);
        assertThat(found(text("e_." + run))).as("_ is not a wildcard").isEmpty();
    }

    @Test
    void statusRegionAndHeldRoleNarrowTheText() {
        EmployeeSearch mine = text(run);
        assertThat(found(mine.withStatus(Optional.of(EmployeeStatus.INACTIVE)))).containsExactly(bob);
        assertThat(found(mine.withStatus(Optional.of(EmployeeStatus.ACTIVE)))).containsExactlyInAnyOrder(alice, carol, dave);
        String emea = RegionRule.slug("EMEA " + run);
        assertThat(found(mine.withRegionId(Optional.of(emea)))).containsExactlyInAnyOrder(alice, bob);
        assertThat(found(mine.withRegionId(Optional.of("hq")))).containsExactlyInAnyOrder(carol, dave);
        assertThat(found(mine.withRegionId(Optional.of(emea)).withStatus(Optional.of(EmployeeStatus.ACTIVE))))
                .containsExactly(alice);
    }

    @Test
    void theRoleFilterIsTheHeldRoleNotEveryMembership() {
        EmployeeSearch all = EmployeeSearch.all().withPage(0, 100);
        assertThat(found(all.withHeldRole(Optional.of("guard " + run.toUpperCase()))))
                .as("Bob is a member of Guard but holds Supervisor").containsExactly(alice);
        assertThat(found(all.withHeldRole(Optional.of("Supervisor " + run)))).containsExactly(bob);
        assertThat(found(all.withHeldRole(Optional.of("Nobody holds this " + run)))).isEmpty();
        assertThat(found(all.withHeldRole(Optional.of("Guard " + run)).withRegionId(Optional.of("hq")))).isEmpty();
    }

    @Test
    void pagesSplitTheMatchesWithoutRepeatingOne() {
        EmployeeSearch mine = text(run);
        List<String> pages = new ArrayList<>(found(mine.withPage(0, 3)));
        assertThat(pages).hasSize(3);
        pages.addAll(found(mine.withPage(3, 3)));
        assertThat(pages).containsExactlyInAnyOrder(alice, bob, carol, dave);
        assertThat(found(mine.withPage(4, 3))).isEmpty();
        Page<EmployeeRecord> countOnly = store().findEmployees(A, mine.withPage(0, 0));
        assertThat(countOnly.total()).isEqualTo(4);
        assertThat(countOnly.items()).isEmpty();
    }

    @Test
    void anotherTenantFindsNone() {
        assertThat(found(B, text(run))).isEmpty();
        assertThat(found(B, EmployeeSearch.all().withHeldRole(Optional.of("Guard " + run)))).isEmpty();
    }
}
