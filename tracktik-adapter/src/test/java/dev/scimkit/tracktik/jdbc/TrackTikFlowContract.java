package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.domain.Actor;
import dev.scimkit.tracktik.domain.EmployeeStatus;
import dev.scimkit.tracktik.domain.FieldChange;
import dev.scimkit.tracktik.domain.HistoryAction;
import dev.scimkit.tracktik.domain.HistoryEntry;
import dev.scimkit.tracktik.domain.Region;
import dev.scimkit.tracktik.port.EmployeeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SCIM cycles of Entra ID and Okta through the engine into a JDBC store, read back as TrackTik
 * data. Each database (H2, PostgreSQL) runs the same contract.
 */
abstract class TrackTikFlowContract {

    static final TenantId A = TenantId.of("portal-a");
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    abstract TrackTikEngine engine();

    /** Employee numbers are unique in a portal: each test user gets its own. */
    private static final java.util.concurrent.atomic.AtomicInteger EMPLOYEE_NUMBERS = new java.util.concurrent.atomic.AtomicInteger(1000);

    static String entraUser(String userName, String externalId) {
        return entraUser(userName, externalId, "E-" + EMPLOYEE_NUMBERS.getAndIncrement());
    }

    static String entraUser(String userName, String externalId, String employeeNumber) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],"
                + "\"externalId\":\"" + externalId + "\",\"userName\":\"" + userName + "\",\"active\":true,"
                + "\"displayName\":\"Ada Lovelace\",\"title\":\"Site Supervisor\",\"preferredLanguage\":\"en-GB\","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}],"
                + "\"phoneNumbers\":[{\"type\":\"work\",\"value\":\"+1 555 0100\"},{\"type\":\"mobile\",\"value\":\"+1 555 0199\"}],"
                + "\"addresses\":[{\"type\":\"work\",\"streetAddress\":\"1 Main St\",\"locality\":\"Montreal\",\"country\":\"CA\"}],"
                + "\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},"
                + "\"nickName\":\"Countess\",\"userType\":\"Contractor\","
                + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"" + employeeNumber + "\",\"department\":\"Patrol\",\"costCenter\":\"CC-7\"}}";
    }

    @Test
    void entraCycleBecomesTrackTikEmployeeWithHistory() {
        TrackTikEngine e = engine();
        String userName = "ada" + System.nanoTime() + "@example.com";
        // Entra first asks whether the user exists.
        JsonNode none = e.ok(200, "GET", "/Users?filter=" + enc("userName eq \"" + userName.toUpperCase() + "\""), null);
        assertThat(none.path("totalResults").asInt()).isZero();

        JsonNode created = e.ok(201, "POST", "/Users", entraUser(userName, "ext-" + userName, "E-100"));
        String id = created.path("id").asText();
        assertThat(created.path("title").asText()).isEqualTo("Site Supervisor");
        assertThat(created.path("meta").path("version").asText()).isEqualTo("W/\"1\"");

        EmployeeRecord employee = e.store.findEmployee(A, id).orElseThrow();
        assertThat(employee.employee().firstName()).isEqualTo("Ada");
        assertThat(employee.employee().lastName()).isEqualTo("Lovelace");
        assertThat(employee.employee().profile().customId()).isEqualTo("E-100");
        assertThat(employee.employee().profile().primaryPhone()).isEqualTo("+1 555 0100");
        assertThat(employee.employee().profile().secondaryPhone()).isEqualTo("+1 555 0199");
        assertThat(employee.employee().profile().language()).isEqualTo("en-GB");
        assertThat(employee.employee().profile().address().city()).isEqualTo("Montreal");
        assertThat(employee.employee().region()).isEqualTo(Region.HQ);

        // Found by userName without regard to case; values come back as sent.
        JsonNode found = e.ok(200, "GET", "/Users?filter=" + enc("userName eq \"" + userName.toUpperCase() + "\""), null);
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        JsonNode read = e.ok(200, "GET", "/Users/" + id, null);
        // What the mapping cannot place comes back as sent.
        assertThat(read.path("nickName").asText()).isEqualTo("Countess");
        assertThat(read.path("userType").asText()).isEqualTo("Contractor");
        assertThat(read.path(ENTERPRISE).path("costCenter").asText()).isEqualTo("CC-7");
        assertThat(read.path("displayName").asText()).isEqualTo("Ada Lovelace");

        // Entra's PATCH dialect: title-case op, path-less replace with a dotted key.
        e.ok(200, "PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Account Manager\"},"
                + "{\"op\":\"Replace\",\"value\":{\"name.familyName\":\"Byron\"}}]}");
        e.ok(200, "PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        assertThat(e.store.findEmployee(A, id).orElseThrow().employee().status()).isEqualTo(EmployeeStatus.INACTIVE);
        // Inactive stays readable and filterable.
        JsonNode inactive = e.ok(200, "GET", "/Users?filter=" + enc("active eq false and userName eq \"" + userName + "\""), null);
        assertThat(inactive.path("totalResults").asInt()).isEqualTo(1);
        e.ok(200, "PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":true}]}");
        e.ok(204, "DELETE", "/Users/" + id, null);
        e.ok(404, "GET", "/Users/" + id, null);

        List<HistoryEntry> history = e.store.history(A, id);
        assertThat(history).extracting(HistoryEntry::action).containsExactly(HistoryAction.CREATED,
                HistoryAction.UPDATED, HistoryAction.DEACTIVATED, HistoryAction.REACTIVATED, HistoryAction.ARCHIVED);
        assertThat(history.get(0).changes()).contains(new FieldChange("firstName", "", "Ada"));
        assertThat(history.get(1).changes()).containsExactlyInAnyOrder(
                new FieldChange("lastName", "Lovelace", "Byron"),
                new FieldChange("jobTitle", "Site Supervisor", "Account Manager"));
        assertThat(history.get(2).changes()).containsExactly(new FieldChange("status", "ACTIVE", "INACTIVE"));
        // The actor is the credential that made each change: the token named "entra" of portal-a.
        assertThat(history).extracting(HistoryEntry::actor).containsOnly(new Actor("entra", "portal-a"));

        // The archived userName, employee number and email are free again.
        e.ok(201, "POST", "/Users", entraUser(userName, "ext2-" + userName, "E-100"));
    }

    /**
     * TrackTik keeps Employee ID (SCIM employeeNumber) and email unique in a portal and Employee IDs
     * at most 15 characters: a second user with either is a 409 uniqueness that names the field, a
     * longer Employee ID a 400 that names it; both free again once their holder is deleted.
     */
    @Test
    void employeeNumberAndEmailAreUniqueInThePortalAndFreedByADelete() {
        TrackTikEngine e = engine();
        String run = Long.toString(System.nanoTime());
        String number = "U" + run.substring(run.length() - 9);
        String first = e.ok(201, "POST", "/Users", entraUser("first" + run + "@example.com", "a", number)).path("id").asText();

        ScimResponse sameNumber = e.call("POST", "/Users", entraUser("second" + run + "@example.com", "b", number.toLowerCase()));
        assertThat(sameNumber.status()).isEqualTo(409);
        assertThat(sameNumber.bodyJson().path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(sameNumber.bodyJson().path("detail").asText()).contains("employeeNumber");

        ScimResponse sameEmail = e.call("POST", "/Users", entraUser("FIRST" + run + "@EXAMPLE.COM", "c")
                .replace("\"userName\":\"FIRST" + run + "@EXAMPLE.COM\"", "\"userName\":\"third" + run + "@example.com\""));
        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.bodyJson().path("detail").asText()).contains("email");

        ScimResponse tooLong = e.call("POST", "/Users", entraUser("long" + run + "@example.com", "d", "1234567890123456"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.bodyJson().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(tooLong.bodyJson().path("detail").asText()).contains("employeeNumber", "15");

        e.ok(204, "DELETE", "/Users/" + first, null);
        e.ok(201, "POST", "/Users", entraUser("second" + run + "@example.com", "b", number));
        e.ok(201, "POST", "/Users", entraUser("first" + run + "@example.com", "e"));
    }

    @Test
    void oktaGroupCycleAssignsAndRemovesRoles() {
        TrackTikEngine e = engine();
        String u1 = e.ok(201, "POST", "/Users", entraUser("g1-" + System.nanoTime() + "@example.com", "x1")).path("id").asText();
        String u2 = e.ok(201, "POST", "/Users", entraUser("g2-" + System.nanoTime() + "@example.com", "x2")).path("id").asText();
        String name = "Guards " + System.nanoTime();
        JsonNode group = e.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"" + u1 + "\"}]}");
        String gid = group.path("id").asText();
        assertThat(e.store.findEmployee(A, u1).orElseThrow().employee().roles()).extracting(r -> r.name()).containsExactly(name);

        // Okta: add and remove members by PATCH.
        e.ok(204, "PATCH", "/Groups/" + gid, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + u2 + "\"}]}]}");
        e.ok(204, "PATCH", "/Groups/" + gid, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + u1 + "\\\"]\"}]}");
        JsonNode after = e.ok(200, "GET", "/Groups/" + gid, null);
        assertThat(after.path("members")).hasSize(1);
        assertThat(after.path("members").get(0).path("value").asText()).isEqualTo(u2);
        JsonNode user2 = e.ok(200, "GET", "/Users/" + u2, null);
        assertThat(user2.path("groups").get(0).path("display").asText()).isEqualTo(name);

        assertThat(e.store.history(A, u1)).extracting(HistoryEntry::action)
                .containsExactly(HistoryAction.CREATED, HistoryAction.ROLE_ASSIGNED, HistoryAction.ROLE_UNASSIGNED);
        assertThat(e.store.history(A, u2).get(1).changes()).containsExactly(new FieldChange("roles", "", name),
                new FieldChange("role", "", name, "only group"));

        // Okta renames with a full PUT.
        e.ok(200, "PUT", "/Groups/" + gid, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + " renamed\",\"members\":[{\"value\":\"" + u2 + "\"}]}");
        assertThat(e.store.findEmployee(A, u2).orElseThrow().employee().roles()).extracting(r -> r.name())
                .containsExactly(name + " renamed");
        e.ok(204, "DELETE", "/Groups/" + gid, null);
        assertThat(e.store.findEmployee(A, u2).orElseThrow().employee().roles()).isEmpty();
    }

    /** An Entra user with a name of its own (the group's members are told apart by it). */
    static String namedUser(String userName, String given, String family) {
        com.fasterxml.jackson.databind.node.ObjectNode u = ScimJson.parseObject(
                entraUser(userName, "x-" + userName).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        u.put("displayName", given + " " + family);
        u.putObject("name").put("givenName", given).put("familyName", family);
        return u.toString();
    }

    @Test
    void groupsAreReadFilteredAndPatchedByWhatTheirMembersAre() {
        TrackTikEngine e = engine();
        long n = System.nanoTime();
        String ada = e.ok(201, "POST", "/Users", namedUser("ada-" + n + "@example.com", "Ada", "Lovelace")).path("id").asText();
        String grace = e.ok(201, "POST", "/Users", namedUser("grace-" + n + "@example.com", "Grace", "Hopper")).path("id").asText();
        String name = "Members " + n;
        JsonNode group = e.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"" + ada + "\"},{\"value\":\"" + grace + "\"}]}");
        String gid = group.path("id").asText();

        // a filter on members is evaluated over the members even when the answer leaves them out
        JsonNode found = e.ok(200, "GET", "/Groups?excludedAttributes=members&filter="
                + java.net.URLEncoder.encode("members.value eq \"" + grace + "\"", java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(gid);
        assertThat(found.path("Resources").get(0).has("members")).isFalse();

        // a cursor page keeps to its filter (another group exists) and renders the members it is asked for
        e.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Others " + n + "\",\"members\":[{\"value\":\"" + ada + "\"}]}");
        JsonNode page = e.ok(200, "GET", "/Groups?cursor=&count=100&filter="
                + java.net.URLEncoder.encode("displayName eq \"" + name + "\"", java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(page.path("Resources")).hasSize(1);
        assertThat(page.path("Resources").get(0).path("members")).hasSize(2);

        // a PATCH that changes nothing keeps the version, with or without If-Match
        String version = group.path("meta").path("version").asText();
        e.ok(204, "PATCH", "/Groups/" + gid, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + name + "\"}]}",
                "If-Match", version);
        assertThat(e.ok(200, "GET", "/Groups/" + gid, null).path("meta").path("version").asText()).isEqualTo(version);

        // a member removed by its display name: the filter needs the members as clients see them
        e.ok(204, "PATCH", "/Groups/" + gid, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[display eq \\\"Grace Hopper\\\"]\"}]}");
        JsonNode after = e.ok(200, "GET", "/Groups/" + gid, null);
        assertThat(after.path("members")).hasSize(1);
        assertThat(after.path("members").get(0).path("value").asText()).isEqualTo(ada);
        assertThat(e.store.findEmployee(A, grace).orElseThrow().employee().roles()).isEmpty();
    }

    @Test
    void historyNamesTheCredentialOfEachWrite() {
        TrackTikEngine e = engine();
        ScimResponse created = e.callAs(TrackTikEngine.TOKEN_B, "POST", "/Users",
                entraUser("cred-" + System.nanoTime() + "@example.com", "c"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.bodyJson().path("id").asText();
        assertThat(e.store.history(TenantId.of("portal-b"), id)).extracting(HistoryEntry::actor)
                .containsExactly(new Actor("okta", "portal-b"));
    }

    @Test
    void uniquenessVersionsAndTenancyAreEnforced() {
        TrackTikEngine e = engine();
        String userName = "Uniq" + System.nanoTime() + "@example.com";
        String id = e.ok(201, "POST", "/Users", entraUser(userName, "u")).path("id").asText();
        ScimResponse dup = e.call("POST", "/Users", entraUser(userName.toLowerCase(), "v"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.bodyJson().path("scimType").asText()).isEqualTo("uniqueness");

        ScimResponse stale = e.call("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"X\"}]}", "If-Match", "W/\"99\"");
        assertThat(stale.status()).isEqualTo(412);

        // Another tenant does not see it.
        assertThat(e.callAs(TrackTikEngine.TOKEN_B, "GET", "/Users/" + id, null).status()).isEqualTo(404);

        String g = "Team" + System.nanoTime();
        e.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + g + "\"}");
        ScimResponse dupGroup = e.call("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + g.toUpperCase() + "\"}");
        assertThat(dupGroup.status()).isEqualTo(409);
    }

    @Test
    void aUserWithOnlyAUserNameGetsDerivedNamesThatHistoryNotesAndTheUserDoesNotShow() {
        TrackTikEngine e = engine();
        long n = System.nanoTime();
        String userName = "grace.hopper" + n + "@example.com";
        JsonNode created = e.ok(201, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\"}");
        String id = created.path("id").asText();
        // SCIM stays what the client sent: no invented name the IdP would see as drift.
        assertThat(created.has("name")).isFalse();
        assertThat(e.ok(200, "GET", "/Users/" + id, null).has("name")).isFalse();

        EmployeeRecord employee = e.store.findEmployee(A, id).orElseThrow();
        String family = userName.substring("grace.".length(), userName.indexOf('@'));
        assertThat(employee.employee().firstName()).isEqualTo("grace");
        assertThat(employee.employee().lastName()).isEqualTo(family);
        HistoryEntry create = e.store.history(A, id).get(0);
        assertThat(create.changes()).contains(new FieldChange("firstName", "", "grace", "derived from userName"),
                new FieldChange("lastName", "", family, "derived from userName"));

        // A real name from the IdP replaces the derived one, and History says it is no longer derived.
        e.ok(200, "PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"name.givenName\",\"value\":\"Grace\"}]}");
        employee = e.store.findEmployee(A, id).orElseThrow();
        assertThat(employee.employee().firstName()).isEqualTo("Grace");
        assertThat(employee.employee().lastName()).isEqualTo(family);
        List<HistoryEntry> history = e.store.history(A, id);
        assertThat(history.get(history.size() - 1).changes()).containsExactly(
                new FieldChange("firstName", "grace", "Grace", "as sent, replaces the value derived from userName"));

        // The still derived last name follows its source while no real value exists.
        e.ok(200, "PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"g_murray" + n + "\"}]}");
        employee = e.store.findEmployee(A, id).orElseThrow();
        assertThat(employee.employee().firstName()).isEqualTo("Grace");
        assertThat(employee.employee().lastName()).isEqualTo("murray" + n);
        history = e.store.history(A, id);
        assertThat(history.get(history.size() - 1).changes())
                .containsExactly(new FieldChange("lastName", family, "murray" + n, "derived from userName"));
        assertThat(e.ok(200, "GET", "/Users/" + id, null).path("name").has("familyName")).isFalse();
    }

    @Test
    void aNameIsDerivedFromDisplayNameWithoutShowingInTheUser() {
        TrackTikEngine e = engine();
        JsonNode created = e.ok(201, "POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"derived" + System.nanoTime() + "\",\"displayName\":\"Grace Brewster Hopper\"}");
        EmployeeRecord employee = e.store.findEmployee(A, created.path("id").asText()).orElseThrow();
        assertThat(employee.employee().firstName()).isEqualTo("Grace");
        assertThat(employee.employee().lastName()).isEqualTo("Brewster Hopper");
        assertThat(created.has("name")).isFalse();
        assertThat(ScimJson.getIgnoreCase(created, "displayName").asText()).isEqualTo("Grace Brewster Hopper");
        // The engine, not the store, filters on names: a derived name is not the User's name.
        JsonNode found = e.ok(200, "GET", "/Users?filter=" + enc("name.givenName eq \"Grace\" and displayName eq \"Grace Brewster Hopper\""), null);
        assertThat(found.path("totalResults").asInt()).isZero();
    }

    @Test
    void cursorPagesOverTheStoreNeitherRepeatNorSkipUnderConcurrentWrites() {
        TrackTikEngine e = engine();
        String run = "cur" + System.nanoTime();
        java.util.Set<String> stable = new java.util.HashSet<>();
        for (int i = 0; i < 12; i++) {
            stable.add(e.ok(201, "POST", "/Users", entraUser(run + "_s" + i + "@example.com", "x" + i)
                    .replace("\"Site Supervisor\"", "\"T" + (i % 3) + "\"")).path("id").asText());
        }
        // Unsorted with a pushed filter: the store seeks by SCIM id; sorted: the adapter pages in memory.
        for (String order : List.of("", "&sortBy=title", "&sortBy=userName&sortOrder=descending")) {
            String query = "&count=5&filter=" + enc("userName sw \"" + run + "\"") + order;
            List<String> seen = new java.util.ArrayList<>();
            List<String> churn = new java.util.ArrayList<>();
            String cursor = "";
            int round = 0;
            while (cursor != null) {
                JsonNode page = e.ok(200, "GET", "/Users?cursor=" + cursor + query, null);
                page.path("Resources").forEach(r -> seen.add(r.path("id").asText()));
                churn.add(e.ok(201, "POST", "/Users", entraUser(run + "_c" + order.length() + "_" + round + "@example.com",
                        "c" + round)).path("id").asText());
                if (churn.size() > 2) {
                    e.ok(204, "DELETE", "/Users/" + churn.remove(0), null);
                }
                cursor = page.path("nextCursor").asText(null);
                assertThat(++round).isLessThan(50);
            }
            assertThat(seen).as(order).doesNotHaveDuplicates().containsAll(stable);
            for (String id : churn) {
                e.ok(204, "DELETE", "/Users/" + id, null);
            }
        }

        String next = e.ok(200, "GET", "/Users?cursor=&count=2&filter=" + enc("userName sw \"" + run + "\""), null)
                .path("nextCursor").asText();
        ScimResponse otherTenant = e.callAs(TrackTikEngine.TOKEN_B, "GET", "/Users?cursor=" + next + "&count=2&filter="
                + enc("userName sw \"" + run + "\""), null);
        assertThat(otherTenant.status()).isEqualTo(400);
        assertThat(otherTenant.bodyJson().path("scimType").asText()).isEqualTo("invalidCursor");
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Tenant B sees and touches nothing of tenant A's Groups, on any read, search, list or write; and
     * A's own writes to them still work afterwards (nothing B tried changed them).
     */
    @Test
    void anotherTenantCanNeitherReadNorWriteAGroup() {
        TrackTikEngine e = engine();
        String name = "Isolated" + System.nanoTime();
        String member = e.ok(201, "POST", "/Users", entraUser("iso" + System.nanoTime() + "@example.com", "i")).path("id").asText();
        String group = e.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"" + member + "\"}]}").path("id").asText();
        String b = TrackTikEngine.TOKEN_B;

        assertThat(e.callAs(b, "GET", "/Groups/" + group, null).status()).isEqualTo(404);
        assertThat(e.callAs(b, "GET", "/Groups?filter=" + enc("displayName eq \"" + name + "\""), null).bodyJson()
                .path("totalResults").asInt()).isZero();
        assertThat(e.callAs(b, "POST", "/Groups/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"displayName eq \\\"" + name + "\\\"\"}").bodyJson().path("totalResults").asInt()).isZero();
        JsonNode listed = e.callAs(b, "GET", "/Groups?count=1000", null).bodyJson();
        assertThat(listed.path("Resources").findValuesAsText("id")).doesNotContain(group);
        assertThat(e.callAs(b, "PUT", "/Groups/" + group, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Taken over\"}").status()).isEqualTo(404);
        assertThat(e.callAs(b, "PATCH", "/Groups/" + group, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members\"}]}").status()).isEqualTo(404);
        assertThat(e.callAs(b, "DELETE", "/Groups/" + group, null).status()).isEqualTo(404);

        JsonNode still = e.ok(200, "GET", "/Groups/" + group, null);
        assertThat(still.path("displayName").asText()).isEqualTo(name);
        assertThat(still.path("members").findValuesAsText("value")).containsExactly(member);
    }

    /** {@code If-Match} holds on DELETE as on PATCH: a stale version is a 412 and nothing is deleted. */
    @Test
    void aStaleIfMatchOnDeleteIsRefusedAndDeletesNothing() {
        TrackTikEngine e = engine();
        String user = e.ok(201, "POST", "/Users", entraUser("stale" + System.nanoTime() + "@example.com", "s")).path("id").asText();
        String group = e.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Stale" + System.nanoTime() + "\"}").path("id").asText();

        assertThat(e.call("DELETE", "/Users/" + user, null, "If-Match", "W/\"7\"").status()).isEqualTo(412);
        assertThat(e.call("DELETE", "/Groups/" + group, null, "If-Match", "W/\"7\"").status()).isEqualTo(412);
        e.ok(200, "GET", "/Users/" + user, null);
        e.ok(200, "GET", "/Groups/" + group, null);

        e.ok(204, "DELETE", "/Users/" + user, null, "If-Match", "W/\"1\"");
        e.ok(204, "DELETE", "/Groups/" + group, null, "If-Match", "W/\"1\"");
        assertThat(e.call("GET", "/Users/" + user, null).status()).isEqualTo(404);
    }

    /**
     * A write that fails part-way leaves nothing behind: a PUT that renames a Group and lists a Group
     * as a member is refused after the rename was written, and the rename is rolled back with it.
     */
    @Test
    void aRefusedGroupReplaceRollsBackTheRenameItAlreadyWrote() {
        TrackTikEngine e = engine();
        String name = "Before" + System.nanoTime();
        String group = e.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\"}").path("id").asText();
        String other = e.ok(201, "POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Other" + System.nanoTime() + "\"}").path("id").asText();

        ScimResponse refused = e.call("PUT", "/Groups/" + group, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"After\",\"members\":[{\"value\":\"" + other + "\",\"type\":\"Group\"}]}");
        assertThat(refused.status()).as(refused.bodyText()).isEqualTo(400);

        JsonNode unchanged = e.ok(200, "GET", "/Groups/" + group, null);
        assertThat(unchanged.path("displayName").asText()).isEqualTo(name);
        assertThat(unchanged.path("meta").path("version").asText()).isEqualTo("W/\"1\"");
    }

}
