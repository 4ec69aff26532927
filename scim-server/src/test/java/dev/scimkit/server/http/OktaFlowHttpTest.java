package dev.scimkit.server.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static dev.scimkit.server.http.HttpScimServer.patch;
import static dev.scimkit.server.http.HttpScimServer.q;
import static org.assertj.core.api.Assertions.assertThat;

/** The request flows of Okta's SCIM 2.0 provisioning, over real HTTP. */
class OktaFlowHttpTest {

    @RegisterExtension
    static final HttpScimServer server = HttpScimServer.perClass();

    private static String oktaUser(String userName, boolean active, String given) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"name\":{\"givenName\":\"" + given + "\",\"familyName\":\"Doe\"},"
                + "\"emails\":[{\"primary\":true,\"value\":\"" + userName + "\",\"type\":\"work\"}],"
                + "\"displayName\":\"" + given + " Doe\",\"locale\":\"en-US\",\"externalId\":\"00u" + UUID.randomUUID().toString().substring(0, 8) + "\","
                + "\"groups\":[],\"password\":\"1mz050nq\",\"active\":" + active + "}";
    }

    @Test
    void userImportCreateUpdateDeactivateReactivate() {
        String userName = "runscope" + UUID.randomUUID().toString().substring(0, 6) + "@atko.com";
        var lookup = server.get("/Users?filter=" + q("userName eq \"" + userName + "\"") + "&startIndex=1&count=100");
        assertThat(lookup.json().path("totalResults").asInt()).isZero();

        var created = server.post("/Users", oktaUser(userName, true, "Ann"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().has("password")).as("password is returned never").isFalse();
        assertThat(created.json().path("groups").isMissingNode() || created.json().path("groups").isEmpty()).isTrue();
        String id = created.json().path("id").asText();

        var duplicate = server.post("/Users", oktaUser(userName.toUpperCase(), true, "Ann"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("scimType").asText()).isEqualTo("uniqueness");

        var page = server.get("/Users?count=1&startIndex=1");
        assertThat(page.json().path("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(page.json().path("Resources").get(0).path("userName").asText()).isNotBlank();

        var put = server.put("/Users/" + id, oktaUser(userName, true, "Annie"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("name").path("givenName").asText()).isEqualTo("Annie");
        assertThat(put.json().path("id").asText()).isEqualTo(id);
        assertThat(put.json().path("meta").path("created").asText()).isEqualTo(created.json().path("meta").path("created").asText());

        var deactivated = server.patch("/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();

        var reactivatedByPut = server.put("/Users/" + id, oktaUser(userName, true, "Annie"));
        assertThat(reactivatedByPut.json().path("active").asBoolean()).isTrue();
    }

    @Test
    void groupPushCreateMembersRenameDelete() {
        String u1 = server.post("/Users", oktaUser("g1" + UUID.randomUUID() + "@atko.com", true, "A")).json().path("id").asText();
        String u2 = server.post("/Users", oktaUser("g2" + UUID.randomUUID() + "@atko.com", true, "B")).json().path("id").asText();
        String name = "Okta Group " + UUID.randomUUID();
        var lookup = server.get("/Groups?filter=" + q("displayName eq \"" + name + "\"") + "&startIndex=1&count=100");
        assertThat(lookup.json().path("totalResults").asInt()).isZero();

        var created = server.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"" + u1 + "\",\"display\":\"A\"}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String gid = created.json().path("id").asText();
        assertThat(created.json().path("members").get(0).path("value").asText()).isEqualTo(u1);

        var dup = server.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + name.toLowerCase() + "\"}");
        assertThat(dup.status()).isEqualTo(409);

        var rename = server.patch("/Groups/" + gid, patch("{\"op\":\"replace\",\"value\":{\"id\":\"" + gid + "\",\"displayName\":\"" + name + " 2\"}}"));
        assertThat(rename.status()).as(rename.toString()).isEqualTo(204);

        var add = server.patch("/Groups/" + gid, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + u2 + "\",\"display\":\"B\"}]}"));
        assertThat(add.status()).isEqualTo(204);
        var remove = server.patch("/Groups/" + gid, patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + u1 + "\\\"]\"}"));
        assertThat(remove.status()).isEqualTo(204);
        var group = server.get("/Groups/" + gid).json();
        assertThat(group.path("displayName").asText()).isEqualTo(name + " 2");
        assertThat(group.path("members")).hasSize(1);
        assertThat(group.path("members").get(0).path("value").asText()).isEqualTo(u2);

        var missing = server.patch("/Groups/" + gid, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"no-such-user\"}]}"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(missing.json().path("detail").asText()).contains("no-such-user");

        var put = server.put("/Groups/" + gid, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"" + name + "\",\"members\":[{\"value\":\"" + u1 + "\"},{\"value\":\"" + u2 + "\"}]}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("members")).hasSize(2);

        assertThat(server.delete("/Groups/" + gid).status()).isEqualTo(204);
        assertThat(server.get("/Users/" + u1).json().has("groups")).isFalse();
    }

    @Test
    void anotherTenantSeesNothing() {
        String userName = "tenant" + UUID.randomUUID() + "@atko.com";
        String id = server.post("/Users", oktaUser(userName, true, "T")).json().path("id").asText();
        var other = server.send("GET", "/Users/" + id, null, HttpScimServer.TOKEN_B, null);
        assertThat(other.status()).isEqualTo(404);
        var otherSearch = server.send("GET", "/Users?filter=" + q("userName eq \"" + userName + "\""), null, HttpScimServer.TOKEN_B, null);
        assertThat(otherSearch.json().path("totalResults").asInt()).isZero();
        var otherDelete = server.send("DELETE", "/Users/" + id, null, HttpScimServer.TOKEN_B, null);
        assertThat(otherDelete.status()).isEqualTo(404);
        // The same userName is free in the other tenant.
        var otherCreate = server.send("POST", "/Users", oktaUser(userName, true, "T").getBytes(), HttpScimServer.TOKEN_B, "application/json");
        assertThat(otherCreate.status()).isEqualTo(201);
        assertThat(server.get("/Users/" + id).status()).isEqualTo(200);
    }
}
