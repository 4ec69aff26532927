package dev.scimkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.benchmarks.fixtures.Fixtures;
import dev.scimkit.benchmarks.peers.UnboundId6Peer;
import dev.scimkit.benchmarks.peers.UnboundIdPeer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * UnboundID 6.0.0 (relocated, on Jackson 3) does on the shared inputs exactly what 5.0.0 does, which
 * {@link PeerFairnessTest} checks against the fixtures: so its rows measure the same work, and the
 * relocation left it working.
 */
class UnboundId6FairnessTest {

    private final UnboundIdPeer five = new UnboundIdPeer();
    private final UnboundId6Peer six = new UnboundId6Peer();
    private final ObjectMapper jackson2 = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(FilterInput.class)
    void itMatchesTheEntraUserWithEveryFilterAndNotAFalseOne(FilterInput input) {
        assertThat(six.evaluate(six.parseFilter(input.text()), six.readTree(Fixtures.ENTRA_USER))).isTrue();
        String wrong = input.text().replace("contoso", "fabrikam").replace("Engineering", "Sales")
                .replace("00aa00aa", "11bb11bb");
        assertThat(six.evaluate(six.parseFilter(wrong), six.readTree(Fixtures.ENTRA_USER))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PatchInput.class)
    void itMakesTheSameChangeAs500(PatchInput input) {
        ObjectNode expected = five.apply(five.readPatch(input.unboundIdBody()), five.readTree(Fixtures.ENTRA_USER));
        tools.jackson.databind.node.ObjectNode user = six.readTree(Fixtures.ENTRA_USER);
        six.apply(six.readPatch(input.unboundIdBody()), user);
        assertThat(asJackson2(user)).isEqualTo(expected).isNotEqualTo(five.readTree(Fixtures.ENTRA_USER));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1_000})
    void itAddsOneMember(int size) {
        tools.jackson.databind.node.ObjectNode group = six.readTree(Fixtures.group(size));
        six.apply(six.readPatch(Fixtures.PATCH_ADD_MEMBER), group);
        JsonNode members = asJackson2(group).get("members");
        assertThat(members).hasSize(size + 1);
        assertThat(members.get(size).get("value").asText()).isEqualTo(Fixtures.ADDED_MEMBER_ID);
    }

    @Test
    void itBindsTheCreateBodyAs500Does() {
        byte[] body = Fixtures.ENTRA_CREATE_USER.getBytes(StandardCharsets.UTF_8);
        assertThat(six.parseUser(body).getUserName()).isEqualTo(five.parseUser(body).getUserName())
                .isEqualTo("alice.smith@contoso.com");
        assertThat(six.parseUser(body).getEmails()).hasSize(five.parseUser(body).getEmails().size());
    }

    private JsonNode asJackson2(tools.jackson.databind.JsonNode node) {
        try {
            return jackson2.readTree(node.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
