package dev.scimkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.UserResource;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.User;
import dev.scimkit.benchmarks.fixtures.Fixtures;
import dev.scimkit.benchmarks.peers.ScimSdkPeer;
import dev.scimkit.benchmarks.peers.UnboundIdPeer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmarks compare like with like only if every peer really does the work on the shared inputs:
 * each filter matches, each PATCH changes what it should. These checks run in the normal build (they are
 * fast); the benchmarks themselves never do.
 */
class PeerFairnessTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final UnboundIdPeer unboundId = new UnboundIdPeer();
    private final ScimSdkPeer scimSdk = new ScimSdkPeer();

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.FILTER_ENTRA, Fixtures.FILTER_OKTA, Fixtures.FILTER_COMPLEX})
    void unboundIdMatchesTheEntraUserWithEveryFilter(String filter) {
        ObjectNode user = unboundId.readTree(Fixtures.ENTRA_USER);
        assertThat(unboundId.evaluate(unboundId.parseFilter(filter), user)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.FILTER_ENTRA, Fixtures.FILTER_OKTA, Fixtures.FILTER_COMPLEX})
    void scimSdkMatchesTheEntraUserWithEveryFilter(String filter) {
        User user = scimSdk.readUser(Fixtures.ENTRA_USER);
        assertThat(scimSdk.evaluate(scimSdk.parseUserFilter(filter), user)).isTrue();
    }

    @Test
    void aFilterThatDoesNotHoldIsFalseForBothPeers() {
        String filter = Fixtures.FILTER_COMPLEX.replace("\"Engineering\"", "\"Sales\"");
        assertThat(unboundId.evaluate(unboundId.parseFilter(filter), unboundId.readTree(Fixtures.ENTRA_USER)))
                .isFalse();
        assertThat(scimSdk.evaluate(scimSdk.parseUserFilter(filter), scimSdk.readUser(Fixtures.ENTRA_USER)))
                .isFalse();
    }

    @Test
    void unboundIdAppliesEntrasPathedReplace() {
        ObjectNode user = unboundId.readTree(Fixtures.ENTRA_USER);
        unboundId.apply(unboundId.readPatch(Fixtures.PATCH_ENTRA_PATHS), user);
        assertEntraPathedChange(user);
    }

    @Test
    void scimSdkAppliesEntrasPathedReplace() {
        User user = scimSdk.readUser(Fixtures.ENTRA_USER);
        scimSdk.storeUser(user);
        User patched = scimSdk.patchUser(user.getId().orElseThrow(), scimSdk.readPatch(Fixtures.PATCH_ENTRA_PATHS));
        assertEntraPathedChange(patched);
    }

    @Test
    void unboundIdAppliesThePathlessReplaceInRfcForm() {
        ObjectNode user = unboundId.readTree(Fixtures.ENTRA_USER);
        unboundId.apply(unboundId.readPatch(Fixtures.PATCH_ENTRA_PATHLESS_RFC), user);
        assertEntraPathlessChange(user);
    }

    @Test
    void scimSdkAppliesEntrasPathlessReplaceWithDottedKeys() {
        User user = scimSdk.readUser(Fixtures.ENTRA_USER);
        scimSdk.storeUser(user);
        User patched = scimSdk.patchUser(user.getId().orElseThrow(),
                scimSdk.readPatch(Fixtures.PATCH_ENTRA_PATHLESS));
        assertEntraPathlessChange(patched);
    }

    @Test
    void bothPeersDeactivateTheOktaWay() {
        ObjectNode user = unboundId.readTree(Fixtures.ENTRA_USER);
        unboundId.apply(unboundId.readPatch(Fixtures.PATCH_OKTA_DEACTIVATE), user);
        assertThat(user.get("active").asBoolean(true)).isFalse();

        User sdkUser = scimSdk.readUser(Fixtures.ENTRA_USER);
        scimSdk.storeUser(sdkUser);
        User patched = scimSdk.patchUser(sdkUser.getId().orElseThrow(),
                scimSdk.readPatch(Fixtures.PATCH_OKTA_DEACTIVATE));
        assertThat(patched.get("active").asBoolean(true)).isFalse();
        assertThat(patched.get("userName").asText()).isEqualTo("alice.smith@contoso.com");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1_000})
    void bothPeersAddOneMember(int size) {
        ObjectNode group = unboundId.readTree(Fixtures.group(size));
        unboundId.apply(unboundId.readPatch(Fixtures.PATCH_ADD_MEMBER), group);
        assertOneMemberAdded(group, size);

        Group sdkGroup = scimSdk.readGroup(Fixtures.group(size));
        scimSdk.storeGroup(sdkGroup);
        Group patched = scimSdk.patchGroup(sdkGroup.getId().orElseThrow(),
                scimSdk.readPatch(Fixtures.PATCH_ADD_MEMBER));
        assertOneMemberAdded(patched, size);
    }

    @Test
    void bothPeersReadTheCreateBody() {
        UserResource user = unboundId.parseUser(Fixtures.ENTRA_CREATE_USER.getBytes(StandardCharsets.UTF_8));
        assertThat(user.getUserName()).isEqualTo("alice.smith@contoso.com");
        JsonNode validated = scimSdk.parseAndValidateUser(Fixtures.ENTRA_CREATE_USER);
        assertThat(validated.get("userName").asText()).isEqualTo("alice.smith@contoso.com");
        assertThat(validated.get(ENTERPRISE).get("department").asText()).isEqualTo("Engineering");
    }

    @Test
    void scimSdkProjectsTheRequestedAttributes() {
        User user = scimSdk.readUser(Fixtures.ENTRA_USER);
        String json = scimSdk.serialiseProjected(user, scimSdk.attributes(Fixtures.PROJECTION));
        assertThat(json).contains("\"userName\"", "\"emails\"", "\"givenName\"", "\"id\"")
                .doesNotContain("phoneNumbers", "addresses", "familyName", ENTERPRISE);
    }

    private static void assertEntraPathedChange(JsonNode user) {
        assertEntraPathlessChange(user);
        assertThat(workValue(user, "emails")).isEqualTo("alice.johnson@contoso.com");
        assertThat(user.get("emails")).hasSize(3);
        assertThat(workValue(user, "phoneNumbers")).isEqualTo("+1 416 555 0100");
        assertThat(typedValue(user, "phoneNumbers", "mobile")).isEqualTo("+1 647 555 0142");
    }

    private static void assertEntraPathlessChange(JsonNode user) {
        assertThat(user.get("displayName").asText()).isEqualTo("Alice Johnson");
        assertThat(user.get("title").asText()).isEqualTo("Principal Software Engineer");
        assertThat(user.get("name").get("familyName").asText()).isEqualTo("Johnson");
        assertThat(user.get("name").get("givenName").asText()).isEqualTo("Alice");
        assertThat(user.get(ENTERPRISE).get("department").asText()).isEqualTo("Platform Engineering");
        assertThat(user.get(ENTERPRISE).get("costCenter").asText()).isEqualTo("4210");
        assertThat(user.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("701984");
        assertThat(user.has("name.familyName")).isFalse();
    }

    private static String workValue(JsonNode user, String attribute) {
        return typedValue(user, attribute, "work");
    }

    private static String typedValue(JsonNode user, String attribute, String type) {
        for (JsonNode value : user.get(attribute)) {
            if (type.equals(value.path("type").asText())) {
                return value.get("value").asText();
            }
        }
        return null;
    }

    private static void assertOneMemberAdded(JsonNode group, int size) {
        assertThat(group.get("members")).hasSize(size + 1);
        boolean found = false;
        for (JsonNode member : group.get("members")) {
            found |= Fixtures.ADDED_MEMBER_ID.equals(member.get("value").asText());
        }
        assertThat(found).isTrue();
    }
}
