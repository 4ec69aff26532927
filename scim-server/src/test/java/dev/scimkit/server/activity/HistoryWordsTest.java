package dev.scimkit.server.activity;

import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a History line says a request did, for each kind of change the provisioning clients send
 * (Entra ID's and Okta's PATCH shapes among them): the words an administrator reads in the console,
 * decided by the method, the path and the body alone, never by the answer.
 */
class HistoryWordsTest {

    private static final ScimPrincipal ENTRA = ScimPrincipal.client(TenantId.of("portal-a"), "entra-prod");

    private final ActivityDescriber describer = new ActivityDescriber(Map.of("users", "User", "groups", "Group"));

    /** The operation a History line names for a request answered 200 without a body. */
    private String words(String method, String path, String body) {
        ScimRequest.Builder request = ScimRequest.builder(method, path);
        if (body != null) {
            request.body(body);
        }
        return describer.describe(new ScimExchange(Instant.EPOCH, 0, ENTRA, request.build(), ScimResponse.empty(200)))
                .operation();
    }

    private String patch(String path, String... operations) {
        return words("PATCH", path, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + String.join(",", operations) + "]}");
    }

    private static String op(String op, String path, String valueJson) {
        return "{\"op\":\"" + op + "\"" + (path == null ? "" : ",\"path\":\"" + path.replace("\"", "\\\"") + "\"")
                + (valueJson == null ? "" : ",\"value\":" + valueJson) + "}";
    }

    @Test
    void theRestVerbsReadAsWhatTheyDidToWhichKindOfResource() {
        assertThat(words("POST", "/Users", "{\"userName\":\"ann\"}")).isEqualTo("created user");
        assertThat(words("POST", "/Groups", "{\"displayName\":\"Ops\"}")).isEqualTo("created group");
        assertThat(words("GET", "/Users/2819c223", null)).isEqualTo("read user");
        assertThat(words("GET", "/Groups", null)).isEqualTo("listed groups");
        assertThat(words("GET", "/users", null)).as("endpoints ignore case").isEqualTo("listed users");
        assertThat(words("DELETE", "/Groups/7", null)).isEqualTo("deleted group");
        assertThat(words("PUT", "/Users/7", "{\"userName\":\"ann\"}")).isEqualTo("replaced user");
        assertThat(words("OPTIONS", "/Users", null)).as("a method the engine refuses is named as it came")
                .isEqualTo("options user");
    }

    @Test
    void aListWithAFilterIsALookup() {
        ScimRequest request = ScimRequest.builder("GET", "/Users").queryParameter("filter", "userName eq \"ann\"").build();
        assertThat(describer.describe(new ScimExchange(Instant.EPOCH, 0, ENTRA, request, ScimResponse.empty(200)))
                .operation()).isEqualTo("lookup");
        assertThat(words("POST", "/Users/.search", "{\"filter\":\"userName eq \\\"ann\\\"\"}")).isEqualTo("lookup");
    }

    @ParameterizedTest(name = "PUT with active {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "false       | disabled user",
            "\"False\"   | disabled user",
            "\" false \" | disabled user",
            "true        | replaced user",
            "\"True\"    | replaced user",
            "\"maybe\"   | replaced user",
            "0           | replaced user",
            "null        | replaced user"})
    void aReplaceThatSwitchesTheUserOffReadsAsDisabling(String active, String expected) {
        assertThat(words("PUT", "/Users/7", "{\"userName\":\"ann\",\"active\":" + active + "}")).isEqualTo(expected);
    }

    @Test
    void enablingAndDisablingByPatchAsEntraAndOktaSendIt() {
        assertThat(patch("/Users/7", op("Replace", "active", "\"False\""))).isEqualTo("disabled user");
        assertThat(patch("/Users/7", op("replace", "active", "false"))).isEqualTo("disabled user");
        assertThat(patch("/Users/7", op("Replace", "active", "\"True\""))).isEqualTo("enabled user");
        assertThat(patch("/Users/7", op("replace", null, "{\"active\":false}"))).as("Okta's path-less form")
                .isEqualTo("disabled user");
        assertThat(patch("/Users/7", op("replace", null, "{\"active\":true}"))).isEqualTo("enabled user");
        assertThat(patch("/Users/7", op("replace", "active", "\"perhaps\""))).as("an unreadable value changes nothing we can name")
                .isEqualTo("updated user");
    }

    @Test
    void disablingWinsOverOtherChangesButEnablingDoesNot() {
        assertThat(patch("/Users/7", op("replace", "active", "false"), op("replace", "title", "\"Former\"")))
                .isEqualTo("disabled user");
        assertThat(patch("/Users/7", op("replace", "active", "true"), op("replace", "title", "\"Lead\"")))
                .isEqualTo("updated user");
        assertThat(patch("/Users/7", op("replace", null, "{\"active\":true,\"title\":\"Lead\"}")))
                .isEqualTo("updated user");
    }

    @Test
    void addingAndRemovingMembersCountsThem() {
        assertThat(patch("/Groups/g", op("Add", "members", "[{\"value\":\"a\"},{\"value\":\"b\"},{\"value\":\"c\"}]")))
                .isEqualTo("added 3 members to");
        assertThat(patch("/Groups/g", op("add", "members", "[{\"value\":\"a\"}]"))).isEqualTo("added 1 member to");
        assertThat(patch("/Groups/g", op("add", "members", "{\"value\":\"a\"}"))).as("one member as an object")
                .isEqualTo("added 1 member to");
        assertThat(patch("/Groups/g", op("add", "members", "[{\"value\":\"a\"}]"), op("add", "Members", "[{\"value\":\"b\"}]")))
                .as("counts add up across operations, paths ignore case").isEqualTo("added 2 members to");
        assertThat(patch("/Groups/g", op("Remove", "members[value eq \"a\"]", null))).as("Entra ID removes one by filter")
                .isEqualTo("removed 1 member from");
        assertThat(patch("/Groups/g", op("remove", "members", "[{\"value\":\"a\"},{\"value\":\"b\"}]")))
                .as("Okta removes by value").isEqualTo("removed 2 members from");
        assertThat(patch("/Groups/g", op("remove", "members", null))).isEqualTo("removed all members from");
        assertThat(patch("/Groups/g", op("add", null, "{\"members\":[{\"value\":\"a\"},{\"value\":\"b\"}]}")))
                .as("a path-less add").isEqualTo("added 2 members to");
    }

    @Test
    void mixedOrWholesaleMembershipChangesReadAsChangingTheMembers() {
        assertThat(patch("/Groups/g", op("replace", "members", "[{\"value\":\"a\"}]"))).isEqualTo("changed the members of");
        assertThat(patch("/Groups/g", op("replace", null, "{\"members\":[{\"value\":\"a\"}]}")))
                .isEqualTo("changed the members of");
        assertThat(patch("/Groups/g", op("add", "members", "[{\"value\":\"a\"}]"), op("remove", "members[value eq \"b\"]", null)))
                .isEqualTo("changed the members of");
        assertThat(patch("/Groups/g", op("remove", "members", null), op("add", "members", "[{\"value\":\"a\"}]")))
                .as("emptied, then one added").isEqualTo("changed the members of");
        assertThat(patch("/Groups/g", op("add", "members", "[{\"value\":\"a\"}]"), op("replace", "members", "[]")))
                .isEqualTo("changed the members of");
        assertThat(patch("/Groups/g", op("remove", "members[value eq \"a\"]", null), op("replace", "members", "[]")))
                .isEqualTo("changed the members of");
        assertThat(patch("/Groups/g", op("add", "members", "[]"))).as("adding nobody changes no membership")
                .isEqualTo("updated group");
    }

    @Test
    void aMembershipChangeNamesTheMembersEvenBesideARename() {
        assertThat(patch("/Groups/g", op("replace", "displayName", "\"Ops\""), op("add", "members", "[{\"value\":\"a\"}]")))
                .isEqualTo("added 1 member to");
        assertThat(patch("/Groups/g", op("replace", null, "{\"displayName\":\"Ops\",\"members\":[{\"value\":\"a\"}]}")))
                .isEqualTo("changed the members of");
    }

    @Test
    void renamingReadsAsRenamingOnlyWhenNothingElseChanges() {
        assertThat(patch("/Groups/g", op("Replace", "displayName", "\"Night shift\""))).as("Entra ID's form")
                .isEqualTo("renamed group");
        assertThat(patch("/Groups/g", op("replace", "DISPLAYNAME", "\"Night shift\""))).isEqualTo("renamed group");
        assertThat(patch("/Groups/g", op("replace", null, "{\"id\":\"g\",\"displayName\":\"Night shift\"}")))
                .as("Okta's form: the id it echoes is no change").isEqualTo("renamed group");
        assertThat(patch("/Groups/g", op("replace", null, "{\"displayName\":\"Night shift\"}"))).isEqualTo("renamed group");
        assertThat(patch("/Groups/g", op("replace", "displayName", "\"Night shift\""), op("add", "externalId", "\"x\"")))
                .isEqualTo("updated group");
        assertThat(patch("/Groups/g", op("replace", null, "{\"displayName\":\"Night shift\",\"externalId\":\"x\"}")))
                .isEqualTo("updated group");
    }

    @Test
    void anythingElseIsAnUpdate() {
        assertThat(patch("/Users/7", op("replace", "name.givenName", "\"Ann\""))).isEqualTo("updated user");
        assertThat(patch("/Users/7", op("replace", null, "{\"title\":\"Lead\"}"))).isEqualTo("updated user");
        assertThat(patch("/Users/7", op("replace", null, "\"not an object\""))).isEqualTo("updated user");
        assertThat(patch("/Users/7")).as("no operations").isEqualTo("updated user");
        assertThat(words("PATCH", "/Users/7", "{not json")).as("a body that is not JSON").isEqualTo("updated user");
        assertThat(words("PATCH", "/Users/7", null)).as("no body").isEqualTo("updated user");
    }

    @Test
    void pathsOutsideTheResourceEndpointsHaveTheirOwnWords() {
        assertThat(words("GET", "/", null)).isEqualTo("get on the base URL");
        assertThat(words("POST", "", null)).isEqualTo("post on the base URL");
        assertThat(words("POST", "/Bulk", "{\"Operations\":[{},{},{}]}")).isEqualTo("bulk request (3 operations)");
        assertThat(words("POST", "/bulk", "not json")).isEqualTo("bulk request (0 operations)");
        assertThat(words("POST", "/.search", "{}")).isEqualTo("search");
        assertThat(words("GET", "/ServiceProviderConfig", null)).isEqualTo("read ServiceProviderConfig");
        assertThat(words("GET", "/schemas/urn:ietf:params:scim:schemas:core:2.0:User", null)).isEqualTo("read schemas");
        assertThat(words("GET", "/ResourceTypes", null)).isEqualTo("read ResourceTypes");
        assertThat(words("GET", "/Me", null)).isEqualTo("own user (/Me)");
        assertThat(words("DELETE", "/Devices/1", null)).as("an endpoint this server does not serve")
                .isEqualTo("delete Devices");
        String longName = "x".repeat(100);
        assertThat(words("GET", "/" + longName, null)).isEqualTo("get " + "x".repeat(60) + "…");
    }
}
