package dev.scimkit.examples.tracktik;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.ServerOptions;
import dev.scimkit.examples.tracktik.TrackTikAdmin.Change;
import dev.scimkit.examples.tracktik.TrackTikAdmin.Entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.scimkit.examples.tracktik.ScimHttp.ENTERPRISE;
import static dev.scimkit.examples.tracktik.ScimHttp.q;
import static dev.scimkit.examples.tracktik.ScimMessages.patch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft Entra ID's provisioning cycle over HTTP, checked on the TrackTik side through the admin
 * views. Every store runs the same cycle; names carry a random run id so a shared database is fine.
 */
final class EntraCycle {

    private final ScimHttp scim;
    private final TrackTikAdmin trackTik;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    EntraCycle(ScimHttp scim) {
        this.scim = scim;
        this.trackTik = scim.trackTik();
    }

    void run() {
        testConnection();

        // Users: Ada manages Bob at first; Cy takes over later.
        String ada = createUser("ada", "Ada", "Lovelace", "E-1001", "Patrol", null);
        String cy = createUser("cy", "Cy", "Young", "E-1003", "Dispatch", null);
        String bobName = "bob." + run + "@contoso.example";
        String bobExternal = UUID.randomUUID().toString();
        // Entra looks a user up before it creates one.
        assertThat(scim.get("/Users?filter=" + q("userName eq \"" + bobName + "\"")).path("totalResults").asInt()).isZero();
        JsonNode bobCreated = scim.expect(201, "POST", "/Users",
                ScimMessages.entraUser(bobName, bobExternal, "Bob", "Stone", "E-1002", "Patrol", ada));
        String bob = bobCreated.path("id").asText();
        assertThat(bobCreated.path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(ada);

        employeeHasTheMappedFields(bob, bobName);
        foundByUserNameAndExternalId(bob, bobName, bobExternal);
        foundByWorkEmail(bob, bobName);

        // Groups: created empty, members added by PATCH in Entra's default dialect.
        String leadsName = "Patrol Leads " + run;
        String nightName = "Night Shift " + run;
        String leads = createGroup(leadsName);
        String night = createGroup(nightName);
        scim.patchOk("/Groups/" + leads, patch(addMembers(ada, bob)));
        scim.patchOk("/Groups/" + night, patch(addMembers(bob)));
        scim.patchOk("/Groups/" + night, patch(addMembers(cy)));
        assertThat(groupMembers(leads)).containsExactlyInAnyOrder(ada, bob);
        assertThat(groupMembers(night)).containsExactlyInAnyOrder(bob, cy);
        assertThat(trackTik.roleNames(ada)).containsExactly(leadsName);
        assertThat(trackTik.roleNames(bob)).containsExactlyInAnyOrder(leadsName, nightName);
        assertThat(trackTik.roleNames(cy)).containsExactly(nightName);
        assertThat(trackTik.holders(leads)).containsExactlyInAnyOrder(ada, bob);
        assertThat(trackTik.holders(night)).containsExactlyInAnyOrder(bob, cy);
        JsonNode leadsRole = trackTik.role(leads);
        assertThat(leadsRole.path("name").asText()).isEqualTo(leadsName);
        assertThat(leadsRole.path("kind").asText()).isEqualTo("STAFF_PORTAL_ROLE");
        assertThat(leadsRole.path("memberCount").asInt()).isEqualTo(2);
        assertThat(trackTik.role(night).path("memberCount").asInt()).isEqualTo(2);

        // Update in Entra's default dialect: title-case ops, string booleans, manager as a bare string.
        scim.expect(200, "PATCH", "/Users/" + bob, patch(
                "{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Night Supervisor\"}",
                "{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Mobile Patrol\"}",
                "{\"op\":\"Replace\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"+1 438 555 0142\"}",
                "{\"op\":\"Add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"" + cy + "\"}",
                "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}"));
        JsonNode bobEmployee = trackTik.employee(bob);
        assertThat(bobEmployee.path("jobTitle").asText()).isEqualTo("Night Supervisor");
        assertThat(bobEmployee.path("department").asText()).isEqualTo("Mobile Patrol");
        assertThat(bobEmployee.path("secondaryPhone").asText()).isEqualTo("+1 438 555 0142");
        assertThat(bobEmployee.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(scim.get("/Users/" + bob).path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(cy);

        // Entra repeats values it already sent: nothing changes, so History gains nothing.
        scim.expect(200, "PATCH", "/Users/" + bob, patch("{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Night Supervisor\"}"));

        // Update with aadOptscim062020: lower-case op, no path, dotted and URN-qualified keys.
        scim.expect(200, "PATCH", "/Users/" + bob, patch("""
                {"op":"replace","value":{"displayName":"Bob Stone-Smith","name.familyName":"Stone-Smith",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"E-2002",
                 "preferredLanguage":"fr-CA","active":true}}"""));
        bobEmployee = trackTik.employee(bob);
        assertThat(bobEmployee.path("lastName").asText()).isEqualTo("Stone-Smith");
        assertThat(bobEmployee.path("customId").asText()).isEqualTo("E-2002");
        assertThat(bobEmployee.path("language").asText()).isEqualTo("fr-CA");
        JsonNode bobUser = scim.get("/Users/" + bob);
        assertThat(bobUser.path("displayName").asText()).isEqualTo("Bob Stone-Smith");
        assertThat(bobUser.path("name").path("familyName").asText()).isEqualTo("Stone-Smith");
        // his roles name him by his new displayName on the next read
        assertThat(memberDisplays(leads)).containsEntry(bob, "Bob Stone-Smith").containsEntry(ada, "Ada Lovelace");

        // Disable, then enable again: Entra's string booleans.
        scim.expect(200, "PATCH", "/Users/" + bob, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
        assertThat(trackTik.employee(bob).path("status").asText()).isEqualTo("INACTIVE");
        assertThat(scim.get("/Users/" + bob).path("active").asBoolean(true)).isFalse();
        // A disabled user is still there for Entra's next lookup.
        assertThat(scim.get("/Users?filter=" + q("userName eq \"" + bobName + "\"")).path("totalResults").asInt()).isEqualTo(1);
        scim.expect(200, "PATCH", "/Users/" + bob, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}"));
        assertThat(trackTik.employee(bob).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(scim.get("/Users/" + bob).path("active").asBoolean(false)).isTrue();

        // Remove a member the way Entra does: by a value array on the members path.
        scim.patchOk("/Groups/" + leads, patch(
                "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}"));
        assertThat(groupMembers(leads)).containsExactly(ada);
        assertThat(trackTik.roleNames(bob)).containsExactly(nightName);
        assertThat(trackTik.holders(leads)).containsExactly(ada);
        assertThat(trackTik.role(leads).path("memberCount").asInt()).isEqualTo(1);

        // Delete: gone for SCIM and for the employee list, but its History stays readable.
        scim.expect(204, "DELETE", "/Users/" + bob, null);
        scim.expect(404, "GET", "/Users/" + bob, null);
        assertThat(scim.get("/Users?filter=" + q("userName eq \"" + bobName + "\"")).path("totalResults").asInt()).isZero();
        assertThat(trackTik.findEmployee(bob)).isEmpty();
        assertThat(groupMembers(night)).containsExactly(cy);
        assertThat(trackTik.holders(night)).containsExactly(cy);
        assertThat(trackTik.role(night).path("memberCount").asInt()).isEqualTo(1);

        bobHistoryHasOneEntryPerChange(bob, bobName, ada, cy, leadsName, nightName);
        assertThat(trackTik.actions(ada)).containsExactly("CREATED", "ROLE_ASSIGNED");
        assertThat(trackTik.actions(cy)).containsExactly("CREATED", "ROLE_ASSIGNED");
    }

    private void testConnection() {
        // Entra's "Test Connection": a filter on a random GUID, spaces as '+'.
        JsonNode probe = scim.get("/Users?filter=userName+eq+%22" + UUID.randomUUID() + "%22");
        assertThat(probe.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(probe.path("totalResults").asInt()).isZero();
        assertThat(probe.path("Resources").size()).isZero();
    }

    private String createUser(String handle, String given, String family, String employeeNumber, String department,
                              String managerId) {
        String userName = handle + "." + run + "@contoso.example";
        JsonNode created = scim.expect(201, "POST", "/Users", ScimMessages.entraUser(
                userName, UUID.randomUUID().toString(), given, family, employeeNumber, department, managerId));
        assertThat(created.path("userName").asText()).isEqualTo(userName);
        assertThat(created.path("id").asText()).isNotBlank();
        return created.path("id").asText();
    }

    private void employeeHasTheMappedFields(String id, String userName) {
        JsonNode e = trackTik.employee(id);
        assertThat(e.path("userName").asText()).isEqualTo(userName);
        assertThat(e.path("firstName").asText()).isEqualTo("Bob");
        assertThat(e.path("lastName").asText()).isEqualTo("Stone");
        assertThat(e.path("customId").asText()).isEqualTo("E-1002");
        assertThat(e.path("email").asText()).isEqualTo(userName);
        assertThat(e.path("primaryPhone").asText()).isEqualTo(ScimMessages.WORK_PHONE);
        assertThat(e.path("secondaryPhone").asText()).isEqualTo(ScimMessages.MOBILE_PHONE);
        assertThat(e.path("jobTitle").asText()).isEqualTo(ScimMessages.TITLE);
        assertThat(e.path("department").asText()).isEqualTo("Patrol");
        assertThat(e.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(e.path("region").path("name").asText()).isEqualTo("HQ");
        assertThat(e.path("address").asText()).contains(ScimMessages.STREET).contains(ScimMessages.CITY);
        assertThat(e.path("language").asText()).isEqualTo(ScimMessages.LANGUAGE);
        assertThat(e.path("roles").size()).isZero();
        assertThat(e.path("id").asText()).isNotBlank();
    }

    private void foundByUserNameAndExternalId(String id, String userName, String externalId) {
        JsonNode byUserName = scim.get("/Users?filter=" + q("userName eq \"" + userName + "\""));
        assertThat(byUserName.path("totalResults").asInt()).isEqualTo(1);
        assertThat(byUserName.path("Resources").get(0).path("id").asText()).isEqualTo(id);
        JsonNode byExternalId = scim.get("/Users?filter=" + q("externalId eq \"" + externalId + "\""));
        assertThat(byExternalId.path("totalResults").asInt()).isEqualTo(1);
        assertThat(byExternalId.path("Resources").get(0).path("id").asText()).isEqualTo(id);
    }

    /** Entra ID's matching query when an administrator matches users on their work e-mail. */
    private void foundByWorkEmail(String id, String workEmail) {
        JsonNode byWorkEmail = scim.get("/Users?filter="
                + q("emails[type eq \"work\"].value eq \"" + workEmail.toUpperCase(Locale.ROOT) + "\""));
        assertThat(byWorkEmail.path("totalResults").asInt()).isEqualTo(1);
        assertThat(byWorkEmail.path("Resources").get(0).path("id").asText()).isEqualTo(id);
        assertThat(scim.get("/Users?filter=" + q("emails[type eq \"home\"].value eq \"" + workEmail + "\""))
                .path("totalResults").asInt()).isZero();
        JsonNode searched = scim.expect(200, "POST", "/Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"emails[type eq \\"work\\"].value eq \\"%s\\"","attributes":["userName"]}
                """.formatted(workEmail));
        assertThat(searched.path("Resources")).singleElement()
                .satisfies(u -> assertThat(u.path("userName").asText()).isEqualTo(workEmail));
    }

    private String createGroup(String displayName) {
        // Entra looks the group up without its members first.
        JsonNode none = scim.get("/Groups?excludedAttributes=members&filter=" + q("displayName eq \"" + displayName + "\""));
        assertThat(none.path("totalResults").asInt()).isZero();
        JsonNode created = scim.expect(201, "POST", "/Groups",
                ScimMessages.emptyGroup(displayName, UUID.randomUUID().toString()));
        assertThat(created.path("displayName").asText()).isEqualTo(displayName);
        assertThat(created.path("members").size()).isZero();
        return created.path("id").asText();
    }

    private static String addMembers(String... ids) {
        return "{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + ScimMessages.memberValues(Arrays.asList(ids)) + "]}";
    }

    /** Member id → display, after checking each member's $ref names it. */
    private Map<String, String> memberDisplays(String groupId) {
        Map<String, String> displays = new HashMap<>();
        scim.get("/Groups/" + groupId).path("members").forEach(m -> {
            assertThat(m.path("$ref").asText()).endsWith("/Users/" + m.path("value").asText());
            displays.put(m.path("value").asText(), m.path("display").asText());
        });
        return displays;
    }

    private List<String> groupMembers(String groupId) {
        List<String> ids = new ArrayList<>();
        scim.get("/Groups/" + groupId).path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

    private void bobHistoryHasOneEntryPerChange(String bob, String bobName, String ada, String cy,
                                                String leadsName, String nightName) {
        List<Entry> history = trackTik.history(bob);
        assertThat(history).extracting(Entry::action).containsExactly(
                "CREATED", "ROLE_ASSIGNED", "ROLE_ASSIGNED", "UPDATED", "UPDATED",
                "DEACTIVATED", "REACTIVATED", "ROLE_UNASSIGNED", "ARCHIVED");
        assertThat(history).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(TestServers.CLIENT + "@" + ServerOptions.DEFAULT_TENANT);
            assertThat(e.at()).isBeforeOrEqualTo(Instant.now());
        });
        assertThat(history).extracting(Entry::at).isSorted();

        List<Change> created = history.get(0).changes();
        assertThat(created).allSatisfy(c -> assertThat(c.old()).isEmpty());
        assertThat(created).contains(
                new Change("customId", "", "E-1002"),
                new Change("firstName", "", "Bob"),
                new Change("lastName", "", "Stone"),
                new Change("email", "", bobName),
                new Change("primaryPhone", "", ScimMessages.WORK_PHONE),
                new Change("secondaryPhone", "", ScimMessages.MOBILE_PHONE),
                new Change("jobTitle", "", ScimMessages.TITLE),
                new Change("department", "", "Patrol"),
                new Change("manager", "", ada),
                new Change("status", "", "ACTIVE"),
                new Change("region", "", "HQ"),
                new Change("language", "", ScimMessages.LANGUAGE));
        assertThat(created).filteredOn(c -> c.field().equals("address")).singleElement()
                .satisfies(c -> assertThat(c.now()).contains(ScimMessages.STREET).contains(ScimMessages.CITY));

        assertRoles(history.get(1), Set.of(), Set.of(leadsName));
        assertRoles(history.get(2), Set.of(leadsName), Set.of(leadsName, nightName));
        assertThat(history.get(3).changes()).containsExactlyInAnyOrder(
                new Change("jobTitle", ScimMessages.TITLE, "Night Supervisor"),
                new Change("department", "Patrol", "Mobile Patrol"),
                new Change("secondaryPhone", ScimMessages.MOBILE_PHONE, "+1 438 555 0142"),
                new Change("manager", ada, cy));
        assertThat(history.get(4).changes()).containsExactlyInAnyOrder(
                new Change("lastName", "Stone", "Stone-Smith"),
                new Change("customId", "E-1002", "E-2002"),
                new Change("language", ScimMessages.LANGUAGE, "fr-CA"));
        assertThat(history.get(5).changes()).containsExactly(new Change("status", "ACTIVE", "INACTIVE"));
        assertThat(history.get(6).changes()).containsExactly(new Change("status", "INACTIVE", "ACTIVE"));
        assertRoles(history.get(7), Set.of(leadsName, nightName), Set.of(nightName));
        assertRoles(history.get(8), Set.of(nightName), Set.of());
    }

    /**
     * A {@code roles} change: the names of the groups before and after (the order within the list is not
     * the point); a {@code role} line for the held role may come with it.
     */
    static void assertRoles(Entry entry, Set<String> before, Set<String> after) {
        assertThat(entry.changes()).as("%s", entry).filteredOn(c -> !c.field().equals("role")).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("roles");
            assertThat(names(c.old())).isEqualTo(before);
            assertThat(names(c.now())).isEqualTo(after);
        });
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
