package dev.scimkit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.UUID;

import static dev.scimkit.server.http.HttpScimServer.patch;
import static dev.scimkit.server.http.HttpScimServer.q;
import static dev.scimkit.server.http.HttpScimServer.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request Microsoft Entra ID's provisioning service sends, over real HTTP, in both of its
 * PATCH dialects: the default job (title-case ops, string booleans, removal by value array) and the
 * {@code aadOptscim062020} flag (RFC form).
 */
class EntraFlowHttpTest {

    @RegisterExtension
    static final HttpScimServer server = HttpScimServer.perClass();

    enum Dialect { DEFAULT_JOB, AAD_OPT_SCIM_062020 }

    @Test
    void testConnectionFindsNoUserForARandomGuid() {
        var r = server.get("/Users?filter=" + q("userName eq \"" + UUID.randomUUID() + "\""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/scim+json");
        assertThat(r.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(r.json().path("totalResults").asInt()).isZero();
        assertThat(r.json().path("Resources").isArray()).isTrue();
        assertThat(r.json().path("Resources")).isEmpty();
    }

    @Test
    void plusInTheQueryStringIsASpace() {
        String userName = "plus_" + UUID.randomUUID();
        assertThat(server.post("/Users", user(userName, UUID.randomUUID().toString())).status()).isEqualTo(201);
        var r = server.get("/Users?filter=userName+eq+%22" + userName + "%22");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalResults").asInt()).isEqualTo(1);
    }

    /**
     * An administrator who makes {@code emails[type eq "work"].value} (or a mobile phone, or a work
     * postal code) the matching attribute gets this query from Entra ID before every create.
     */
    @Test
    void matchingOnAWorkEmailMobilePhoneOrPostalCodeFindsTheOneUserWhoseValueOfThatTypeMatches() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String work = "ann." + tag + "@contoso.com";
        String ann = server.post("/Users", typedUser("ann-" + tag, work, "home-" + tag + "@example.org",
                "+1 555 " + tag, "H0H " + tag)).json().path("id").asText();
        // bob has ann's work address as his home address, and ann's postal code at home
        String bob = server.post("/Users", typedUser("bob-" + tag, "bob." + tag + "@contoso.com", work,
                "+1 666 " + tag, "K1A " + tag)).json().path("id").asText();
        assertThat(ann).isNotBlank();
        assertThat(bob).isNotBlank();

        assertThat(ids(server.get("/Users?filter=" + q("emails[type eq \"work\"].value eq \"" + work.toUpperCase() + "\""))))
                .containsExactly(ann);
        assertThat(ids(server.get("/Users?filter=" + q("emails[type eq \"home\"].value eq \"" + work + "\""))))
                .containsExactly(bob);
        assertThat(ids(server.get("/Users?filter=" + q("phoneNumbers[type eq \"mobile\"].value eq \"+1 555 " + tag + "\""))))
                .containsExactly(ann);
        assertThat(ids(server.get("/Users?filter=" + q("addresses[type eq \"work\"].postalCode eq \"H0H " + tag + "\""))))
                .containsExactly(ann);
        assertThat(ids(server.get("/Users?filter=" + q("addresses[type eq \"home\"].postalCode eq \"H0H " + tag + "\""))))
                .isEmpty();
        var search = server.post("/Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"userName sw \\\"bob-" + tag + "\\\" and emails[type eq \\\"work\\\"].value pr\"}");
        assertThat(ids(search)).containsExactly(bob);
    }

    private static String typedUser(String userName, String workEmail, String homeEmail, String mobile, String postalCode) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"emails\":[{\"type\":\"home\",\"value\":\"" + homeEmail + "\"},"
                + "{\"type\":\"work\",\"value\":\"" + workEmail + "\",\"primary\":true}],"
                + "\"phoneNumbers\":[{\"type\":\"work\",\"value\":\"+1 000 0000\"},{\"type\":\"mobile\",\"value\":\"" + mobile + "\"}],"
                + "\"addresses\":[{\"type\":\"work\",\"postalCode\":\"" + postalCode + "\"},"
                + "{\"type\":\"home\",\"postalCode\":\"Z9Z 9Z9\"}]}";
    }

    private static java.util.List<String> ids(HttpScimServer.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        reply.json().path("Resources").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void userLifecycle(Dialect dialect) {
        String userName = "Test_User_" + UUID.randomUUID();
        String externalId = UUID.randomUUID().toString();

        var created = server.post("/Users", user(userName, externalId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(id).isNotBlank();
        assertThat(created.header("Location")).isEqualTo(server.base + "/Users/" + id);
        assertThat(created.header("ETag")).startsWith("W/\"");
        assertThat(created.json().path("meta").path("version").asText()).isEqualTo(created.header("ETag"));
        assertThat(created.json().path("meta").path("location").asText()).isEqualTo(server.base + "/Users/" + id);
        assertThat(created.json().path("active").asBoolean()).isTrue();

        var byUserName = server.get("/Users?filter=" + q("userName eq \"" + userName.toUpperCase() + "\""));
        assertThat(byUserName.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(byUserName.json().path("Resources").get(0).path("id").asText()).isEqualTo(id);
        var byExternalId = server.get("/Users?filter=" + q("externalId eq \"" + externalId + "\""));
        assertThat(byExternalId.json().path("Resources").get(0).path("id").asText()).isEqualTo(id);

        String update = dialect == Dialect.DEFAULT_JOB
                ? patch("{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"updated@example.com\"},"
                + "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"updatedFamilyName\"}")
                : patch("{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"updated@example.com\"},"
                + "{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"updatedFamilyName\"}");
        var updated = server.patch("/Users/" + id, update);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("name").path("familyName").asText()).isEqualTo("updatedFamilyName");
        assertThat(updated.json().path("emails").get(0).path("value").asText()).isEqualTo("updated@example.com");
        assertThat(updated.header("ETag")).isNotEqualTo(created.header("ETag"));

        String disable = dialect == Dialect.DEFAULT_JOB
                ? patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")
                : patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}");
        var disabled = server.patch("/Users/" + id, disable);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().path("active").isBoolean()).isTrue();
        assertThat(disabled.json().path("active").asBoolean()).isFalse();

        String enable = dialect == Dialect.DEFAULT_JOB
                ? patch("{\"op\":\"Replace\",\"value\":{\"active\":\"True\",\"name.givenName\":\"Reenabled\"}}")
                : patch("{\"op\":\"replace\",\"value\":{\"active\":true}}");
        var enabled = server.patch("/Users/" + id, enable);
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().path("active").asBoolean()).isTrue();
        if (dialect == Dialect.DEFAULT_JOB) {
            assertThat(enabled.json().path("name").path("givenName").asText()).isEqualTo("Reenabled");
        }

        assertThat(server.delete("/Users/" + id).status()).isEqualTo(204);
        assertThat(server.get("/Users/" + id).status()).isEqualTo(404);
        assertThat(server.get("/Users?filter=" + q("userName eq \"" + userName + "\"")).json().path("totalResults").asInt()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void groupLifecycle(Dialect dialect) {
        String alice = server.post("/Users", user("alice_" + UUID.randomUUID(), null)).json().path("id").asText();
        String bob = server.post("/Users", user("bob_" + UUID.randomUUID(), null)).json().path("id").asText();
        String name = "Group_" + UUID.randomUUID();

        var created = server.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"externalId\":\"" + UUID.randomUUID() + "\",\"displayName\":\"" + name + "\",\"meta\":{\"resourceType\":\"Group\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String gid = created.json().path("id").asText();

        var found = server.get("/Groups?excludedAttributes=members&filter=" + q("displayName eq \"" + name + "\""));
        assertThat(found.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().path("Resources").get(0).has("members")).isFalse();

        String add = dialect == Dialect.DEFAULT_JOB
                ? patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + alice + "\"},{\"$ref\":null,\"value\":\"" + bob + "\"}]}")
                : patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"},{\"value\":\"" + bob + "\"}]}");
        var added = server.patch("/Groups/" + gid, add);
        assertThat(added.status()).as(added.toString()).isEqualTo(204);
        assertThat(added.bytes()).isEmpty();
        assertThat(memberIds(gid)).containsExactlyInAnyOrder(alice, bob);
        assertThat(server.get("/Users/" + alice).json().path("groups").get(0).path("value").asText()).isEqualTo(gid);

        var memberFilter = server.get("/Groups?filter=" + q("id eq \"" + gid + "\" and members.value eq \"" + alice + "\"")
                + "&excludedAttributes=members");
        assertThat(memberFilter.json().path("totalResults").asInt()).isEqualTo(1);

        String remove = dialect == Dialect.DEFAULT_JOB
                ? patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"}]}")
                : patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + alice + "\\\"]\"}");
        assertThat(server.patch("/Groups/" + gid, remove).status()).isEqualTo(204);
        assertThat(memberIds(gid)).containsExactly(bob);
        assertThat(server.get("/Users/" + alice).json().has("groups")).isFalse();

        String renamed = name + "-renamed";
        String rename = dialect == Dialect.DEFAULT_JOB
                ? patch("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"" + renamed + "\"}")
                : patch("{\"op\":\"replace\",\"value\":{\"id\":\"" + gid + "\",\"displayName\":\"" + renamed + "\"}}");
        var r = server.patch("/Groups/" + gid, rename);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(server.get("/Groups/" + gid).json().path("displayName").asText()).isEqualTo(renamed);

        var withAttributes = server.patch("/Groups/" + gid + "?attributes=displayName",
                patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + name + "\"}"));
        assertThat(withAttributes.status()).isEqualTo(200);
        assertThat(withAttributes.json().path("displayName").asText()).isEqualTo(name);

        assertThat(server.delete("/Users/" + bob).status()).isEqualTo(204);
        assertThat(memberIds(gid)).isEmpty();
        assertThat(server.delete("/Groups/" + gid).status()).isEqualTo(204);
        assertThat(server.get("/Groups/" + gid).status()).isEqualTo(404);
    }

    private static java.util.List<String> memberIds(String gid) {
        JsonNode group = server.get("/Groups/" + gid).json();
        java.util.List<String> ids = new java.util.ArrayList<>();
        group.path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }
}
