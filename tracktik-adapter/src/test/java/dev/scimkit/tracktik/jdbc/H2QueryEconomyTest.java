package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.port.EmployeeRecord;
import dev.scimkit.tracktik.port.EmployeeSearch;
import dev.scimkit.tracktik.port.Member;
import dev.scimkit.tracktik.port.Page;
import dev.scimkit.tracktik.port.RoleRecord;
import dev.scimkit.tracktik.port.StoreQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the adapter does not read, on a real H2 with every executed query recorded: an identity
 * provider lists Groups without their members (Entra ID always asks {@code excludedAttributes=members})
 * and adds or removes members without {@code If-Match}, and these are the requests of every cycle, on
 * groups of thousands. Reading members nobody asked for, or the role before a write that does not need
 * it, costs a query per group or per request; a cursor page reads its rows from its boundary, not the
 * whole directory.
 */
class H2QueryEconomyTest {

    private HikariDataSource pool;
    private RecordingDataSource recording;
    private TrackTikEngine engine;

    @BeforeEach
    void open() {
        pool = JdbcDataSources.h2InMemory("economy" + System.nanoTime());
        recording = new RecordingDataSource(pool);
        engine = new TrackTikEngine(JdbcTrackTikStore.open(recording.dataSource()));
    }

    @AfterEach
    void close() throws Exception {
        engine.store.close();
        pool.close();
    }

    @Test
    void groupsListedWithoutMembersReadNoMembers() {
        String ada = user("ada");
        group("Guards", ada);
        group("Patrol", ada);
        recording.drain();

        JsonNode without = engine.ok(200, "GET", "/Groups?excludedAttributes=members", null);
        assertThat(without.path("Resources")).hasSize(2).allSatisfy(g -> assertThat(g.has("members")).isFalse());
        assertThat(memberReads()).as("no member read for a list without members").isZero();

        JsonNode with = engine.ok(200, "GET", "/Groups", null);
        assertThat(with.path("Resources")).allSatisfy(g -> assertThat(g.path("members")).hasSize(1));
        assertThat(memberReads()).as("a member read per group when they are shown").isEqualTo(2);

        // a filter on members needs them even when the answer leaves them out
        JsonNode filtered = engine.ok(200, "GET", "/Groups?excludedAttributes=members&filter="
                + enc("members[value eq \"" + ada + "\"] and displayName eq \"Guards\""), null);
        assertThat(filtered.path("Resources")).hasSize(1);
        assertThat(filtered.path("Resources").path(0).has("members")).isFalse();
    }

    @Test
    void aMembersOnlyPatchWithoutIfMatchDoesNotReadTheGroupFirst() {
        String ada = user("ada");
        String grace = user("grace");
        String guards = group("Guards", ada);
        recording.drain();

        engine.ok(204, "PATCH", "/Groups/" + guards, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + grace + "\"}]},"
                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ada + "\\\"]\"}]}");
        List<String> executed = recording.drain().stream().map(RecordingDataSource.Executed::sql).toList();
        int lock = indexOf(executed, sql -> sql.startsWith("SELECT id, scim_id, name, version FROM tt_role")
                && sql.contains("FOR UPDATE"));
        assertThat(lock).as("the role is locked: %s", executed).isNotNegative();
        assertThat(executed.subList(0, lock)).as("nothing reads the role before its lock")
                .noneMatch(sql -> sql.contains("FROM tt_role r WHERE"));
        assertThat(engine.ok(200, "GET", "/Groups/" + guards, null).path("members").findValuesAsText("value"))
                .containsExactly(grace);
    }

    @Test
    void aMemberThatIsNoUserIsRefusedBeforeTheGroupIsLocked() {
        String ada = user("ada");
        String guards = group("Guards", ada);
        recording.drain();

        ScimResponse refused = engine.call("PATCH", "/Groups/" + guards, membersPatch("add", "[{\"value\":\"no-such-user\"}]"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyText()).contains("no-such-user");
        // a bad request of one IdP must not hold the lock every other change of this group waits for
        assertNothingLockedOrWritten("an unknown member");
    }

    @Test
    void aMembersPatchThatChangesNothingLocksAndWritesNothing() {
        String ada = user("ada");
        String guards = group("Guards", ada);
        recording.drain();

        ScimResponse unchanged = engine.call("PATCH", "/Groups/" + guards, membersPatch("add", "[]"));
        assertThat(unchanged.status()).as(unchanged.bodyText()).isBetween(200, 204);
        assertNothingLockedOrWritten("an empty add");
        ScimResponse noneRemoved = engine.call("PATCH", "/Groups/" + guards, membersPatch("remove", "[]"));
        assertThat(noneRemoved.status()).as(noneRemoved.bodyText()).isBetween(200, 204);
        assertNothingLockedOrWritten("a remove of an empty list");
        assertThat(engine.ok(200, "GET", "/Groups/" + guards, null).path("members").findValuesAsText("value"))
                .containsExactly(ada);
    }

    private void assertNothingLockedOrWritten(String what) {
        List<String> executed = recording.drain().stream().map(RecordingDataSource.Executed::sql).toList();
        assertThat(executed).as(what + ": %s", executed).noneMatch(sql -> sql.contains("FOR UPDATE")
                || sql.startsWith("UPDATE") || sql.startsWith("INSERT") || sql.startsWith("DELETE"));
    }

    private static String membersPatch(String op, String value) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"" + op + "\",\"path\":\"members\",\"value\":" + value + "}]}";
    }

    @Test
    void cursorPagesReadFromTheirBoundary() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            group("Group " + name, user(name));
        }
        for (String type : List.of("Users", "Groups")) {
            recording.drain();
            JsonNode first = engine.ok(200, "GET", "/" + type + "?cursor=&count=2", null);
            String next = first.path("nextCursor").asText();
            assertThat(first.path("Resources")).hasSize(2);
            recording.drain();
            JsonNode second = engine.ok(200, "GET", "/" + type + "?cursor=" + enc(next) + "&count=2", null);
            assertThat(second.path("Resources")).hasSize(2);
            List<RecordingDataSource.Executed> rows = recording.drain().stream()
                    .filter(e -> e.sql().contains("LIMIT") && !e.sql().contains("ORDER BY a.seq")).toList();
            assertThat(rows).as(type + ": the second page's rows, read from the boundary, a page at a time")
                    .isNotEmpty().allSatisfy(e -> {
                        assertThat(e.sql()).contains("scim_id > ?");
                        assertThat(limitOf(e)).isLessThanOrEqualTo(3);
                    });
        }
    }

    @Test
    void aPageThatCanHoldNothingCostsItsCountAndNoRowRead() {
        // An IdP asks count=0 for a total, and a page past the end is what a cursor-less client's last
        // request reads; neither has rows to return, so neither should send the row query.
        for (String name : List.of("a", "b", "c")) {
            group("Group " + name, user(name));
        }
        TenantId tenant = TenantId.of("portal-a");
        String guards = engine.ok(200, "GET", "/Groups?filter=" + enc("displayName eq \"Group a\""), null)
                .path("Resources").path(0).path("id").asText();
        recording.drain();

        assertThat(engine.store.searchEmployees(tenant, new StoreQuery(Optional.empty(), 0, 0)).total()).isEqualTo(3);
        assertOnlyCounted("employees, limit 0");
        Page<EmployeeRecord> pastTheEnd = engine.store.searchEmployees(tenant, new StoreQuery(Optional.empty(), 3, 5));
        assertThat(pastTheEnd.total()).isEqualTo(3);
        assertThat(pastTheEnd.items()).isEmpty();
        assertOnlyCounted("employees, offset = total");
        assertThat(engine.store.searchEmployees(tenant, new StoreQuery(Optional.empty(), 2, 5)).items()).hasSize(1);
        assertThat(rowReads()).as("the last row is read when offset = total - 1").isEqualTo(1);

        assertThat(engine.store.findEmployees(tenant, EmployeeSearch.all().withPage(0, 0)).total()).isEqualTo(3);
        assertOnlyCounted("employee search, limit 0");
        assertThat(engine.store.findEmployees(tenant, EmployeeSearch.all().withPage(3, 5)).items()).isEmpty();
        assertOnlyCounted("employee search, offset = total");
        assertThat(engine.store.findEmployees(tenant, EmployeeSearch.all().withPage(2, 5)).items()).hasSize(1);
        assertThat(rowReads()).isEqualTo(1);

        assertThat(engine.store.searchRoles(tenant, new StoreQuery(Optional.empty(), 0, 0)).total()).isEqualTo(3);
        assertOnlyCounted("roles, limit 0");
        Page<RoleRecord> rolesPastTheEnd = engine.store.searchRoles(tenant, new StoreQuery(Optional.empty(), 3, 5));
        assertThat(rolesPastTheEnd.total()).isEqualTo(3);
        assertThat(rolesPastTheEnd.items()).isEmpty();
        assertOnlyCounted("roles, offset = total");
        assertThat(engine.store.searchRoles(tenant, new StoreQuery(Optional.empty(), 2, 5)).items()).hasSize(1);
        assertThat(rowReads()).isEqualTo(1);

        Page<Member> noMembers = engine.store.members(tenant, guards, 0, 0);
        assertThat(noMembers.total()).isEqualTo(1);
        assertThat(noMembers.items()).isEmpty();
        assertThat(memberReads()).as("limit 0 asks only for the member count").isZero();
        assertThat(engine.store.members(tenant, guards, 0, 5).items()).hasSize(1);
        assertThat(memberReads()).isEqualTo(1);
    }

    private void assertOnlyCounted(String what) {
        List<String> executed = recording.drain().stream().map(RecordingDataSource.Executed::sql).toList();
        assertThat(executed).as(what + ": %s", executed).isNotEmpty()
                .allSatisfy(sql -> assertThat(sql).doesNotContain("LIMIT"));
    }

    private long rowReads() {
        return recording.drain().stream().filter(e -> e.sql().contains("LIMIT")).count();
    }

    private static int indexOf(List<String> sqls, java.util.function.Predicate<String> which) {
        for (int i = 0; i < sqls.size(); i++) {
            if (which.test(sqls.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int limitOf(RecordingDataSource.Executed e) {
        // LIMIT ? OFFSET ? are the last two parameters
        return ((Number) e.parameters().get(e.parameters().size() - 2)).intValue();
    }

    private long memberReads() {
        return recording.drain().stream().filter(e -> e.sql().contains("ORDER BY a.seq")).count();
    }

    private String user(String name) {
        return engine.ok(201, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + name + "@example.com\",\"name\":{\"givenName\":\"" + name + "\",\"familyName\":\"E\"}}")
                .path("id").asText();
    }

    private String group(String name, String member) {
        return engine.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"" + member + "\"}]}").path("id").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
