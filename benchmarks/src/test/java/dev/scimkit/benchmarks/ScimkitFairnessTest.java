package dev.scimkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.resources.User;
import dev.scimkit.benchmarks.fixtures.Fixtures;
import dev.scimkit.benchmarks.fixtures.ScimkitGroupStore;
import dev.scimkit.benchmarks.peers.ScimSdkPeer;
import dev.scimkit.benchmarks.peers.UnboundIdPeer;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.eval.FilterEvaluator;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.patch.PatchResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * scimkit does, on the shared inputs, the same work as the peers (see {@link PeerFairnessTest}), and
 * the benchmarks' fixtures behave as their Javadoc says (repeatable application, undo restores).
 */
class ScimkitFairnessTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final FilterEvaluator evaluator = new FilterEvaluator(SchemaRegistry.standard().user());
    private final ObjectNode user = ScimJson.parseObject(Fixtures.ENTRA_USER.getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest
    @EnumSource(FilterInput.class)
    void scimkitMatchesTheEntraUserWithEveryFilter(FilterInput input) {
        assertThat(evaluator.matches(Filters.parse(input.text()), user)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(PatchInput.class)
    void theInPlaceBenchmarkMakesTheCopyingOnesChangeAndRepeatingItChangesNothingMore(PatchInput input) {
        PatchApplyBenchmark benchmark = new PatchApplyBenchmark();
        benchmark.input = input;
        benchmark.setUp();
        ObjectNode copied = benchmark.scimkitCopy().resource();
        // in place, resource() is the benchmark's own User: copied to compare one call with the next
        ObjectNode once = benchmark.scimkit().resource().deepCopy();
        ObjectNode twice = benchmark.scimkit().resource().deepCopy();
        assertThat(once).isEqualTo(copied);
        assertThat(twice).isEqualTo(once);
        assertThat(copied).isNotEqualTo(user);
    }

    @Test
    void theFlipBenchmarkChangesActiveOnEveryCallForEveryLibrary() {
        PatchFlipBenchmark flip = new PatchFlipBenchmark();
        flip.setUp();
        for (int call = 0; call < 4; call++) {
            boolean expected = call % 2 == 1;   // deactivate first, then reactivate
            PatchResult copied = flip.scimkit();
            PatchResult inPlace = flip.scimkitInPlace();
            assertThat(copied.touchedAttributes()).as("call %d", call).containsExactly("active");
            assertThat(inPlace.touchedAttributes()).as("call %d", call).containsExactly("active");
            assertThat(copied.resource().get("active").booleanValue()).isEqualTo(expected);
            assertThat(inPlace.resource().get("active").booleanValue()).isEqualTo(expected);
            assertThat(flip.scimkitStore().get("active").booleanValue()).isEqualTo(expected);
            assertThat(flip.unboundId().get("active").booleanValue()).isEqualTo(expected);
            assertThat(flip.unboundId6().get("active").booleanValue()).isEqualTo(expected);
            assertThat(flip.scimSdk().isActive()).contains(expected);
        }
    }

    @Test
    void theFloorCopiesTheWholeTopLevelOfEachUserAndSharesItsValues() {
        PatchFlipBenchmark flip = new PatchFlipBenchmark();
        flip.setUp();
        ObjectNode first = flip.floorTopLevelCopy();
        ObjectNode second = flip.floorTopLevelCopy();
        // the two Users the apply row alternates between: active, then inactive
        assertThat(first.get("active").booleanValue()).isTrue();
        assertThat(second.get("active").booleanValue()).isFalse();
        ObjectNode third = flip.floorTopLevelCopy();
        assertThat(third).isEqualTo(first).isNotSameAs(first);
        assertThat(third.size()).isEqualTo(user.size());
        assertThat(third.get("emails")).isSameAs(first.get("emails"));
    }

    @Test
    void theComplexFilterFailsWhenOneBranchDoes() {
        String filter = Fixtures.FILTER_COMPLEX.replace("\"Engineering\"", "\"Sales\"");
        assertThat(evaluator.matches(Filters.parse(filter), user)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PatchInput.class)
    void everyLibraryMakesTheSameChangeAndRepeatingItChangesNothingMore(PatchInput input) {
        PatchEngine engine = PatchEngine.defaults();
        JsonNode scimkit = engine.apply(SchemaRegistry.standard().user(),
                engine.parse(ScimJson.parse(input.body().getBytes(StandardCharsets.UTF_8))), user).resource();

        UnboundIdPeer unboundId = new UnboundIdPeer();
        ObjectNode unboundIdUser = unboundId.readTree(Fixtures.ENTRA_USER);
        var unboundIdRequest = unboundId.readPatch(input.unboundIdBody());
        unboundId.apply(unboundIdRequest, unboundIdUser);
        ObjectNode once = unboundIdUser.deepCopy();
        unboundId.apply(unboundIdRequest, unboundIdUser);
        assertThat(unboundIdUser).isEqualTo(once);

        ScimSdkPeer scimSdk = new ScimSdkPeer();
        User sdkUser = scimSdk.readUser(Fixtures.ENTRA_USER);
        scimSdk.storeUser(sdkUser);
        var sdkRequest = scimSdk.readPatch(input.body());
        String id = sdkUser.getId().orElseThrow();
        scimSdk.patchUser(id, sdkRequest);
        User sdkTwice = scimSdk.patchUser(id, sdkRequest);

        for (JsonNode result : new JsonNode[] {scimkit, unboundIdUser, sdkTwice}) {
            assertThat(text(result, "displayName")).isEqualTo(input == PatchInput.oktaDeactivate ? "Alice Smith" : "Alice Johnson");
            assertThat(result.get("active").asBoolean()).isEqualTo(input != PatchInput.oktaDeactivate);
            assertThat(text(result.get(ENTERPRISE), "department"))
                    .isEqualTo(input == PatchInput.oktaDeactivate ? "Engineering" : "Platform Engineering");
            assertThat(result.get("emails")).hasSize(3);
            assertThat(text(result.get("name"), "givenName")).isEqualTo("Alice");
        }
        assertThat(user.get("displayName").asText()).as("scimkit never mutates its input").isEqualTo("Alice Smith");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1_000})
    void theGroupBenchmarkAddsOneMemberAndItsUndoRestoresTheGroup(int size) {
        GroupMemberAddBenchmark benchmark = new GroupMemberAddBenchmark();
        benchmark.size = size;
        benchmark.setUp();
        for (int round = 0; round < 3; round++) {
            assertThat(benchmark.scimkit().has("members")).isFalse();
            ArrayNode unboundId = (ArrayNode) benchmark.unboundId().get("members");
            ArrayNode scimSdk = (ArrayNode) benchmark.scimSdk().get("members");
            assertThat(unboundId).hasSize(size + 1);
            assertThat(scimSdk).hasSize(size + 1);
            assertThat(unboundId.get(size).get("value").asText()).isEqualTo(Fixtures.ADDED_MEMBER_ID);
            assertThat(scimSdk.get(size).get("value").asText()).isEqualTo(Fixtures.ADDED_MEMBER_ID);
            benchmark.undo();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1_000})
    void theAddBatchAddsTheSameDifferentMembersEverywhereAndItsUndoRestoresTheGroup(int size) {
        GroupMemberAddBatch batch = new GroupMemberAddBatch(size, 4);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < batch.adds(); i++) {
                assertThat(batch.scimkit(i).has("members")).isFalse();
                batch.unboundId(i);
                batch.unboundId6(i);
                batch.scimSdk(i);
            }
            ArrayNode unboundId = (ArrayNode) batch.unboundIdGroup().get("members");
            ArrayNode scimSdk = (ArrayNode) batch.scimSdkGroup().get("members");
            assertThat(batch.scimkitGroup().get("members")).hasSize(size + 4);
            assertThat(unboundId).hasSize(size + 4);
            assertThat(batch.unboundId6Group().get("members").size()).isEqualTo(size + 4);
            assertThat(scimSdk).hasSize(size + 4);
            assertThat(unboundId.get(size).get("value").asText()).isEqualTo(Fixtures.ADDED_MEMBER_ID);
            assertThat(scimSdk.get(size + 3).get("value").asText()).isEqualTo(Fixtures.memberId(size + 3));
            batch.undoScimkit();
            batch.undoUnboundId();
            batch.undoUnboundId6();
            batch.undoScimSdk();
            assertThat(batch.scimkitGroup().get("members")).hasSize(size);
            assertThat(batch.unboundIdGroup().get("members")).hasSize(size);
            assertThat(batch.unboundId6Group().get("members").size()).isEqualTo(size);
            assertThat(batch.scimSdkGroup().get("members")).hasSize(size);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1_000})
    void theAddRemoveBenchmarkAddsAndThenRemovesTheMemberInEveryLibrary(int size) {
        GroupMemberAddRemoveBenchmark benchmark = new GroupMemberAddRemoveBenchmark();
        benchmark.size = size;
        benchmark.setUp();
        for (int round = 0; round < 2; round++) {
            assertThat(benchmark.scimkit().has("members")).isFalse();
            assertThat(benchmark.scimkitGroup().get("members")).hasSize(size + 1);
            assertThat(benchmark.unboundId().get("members")).hasSize(size + 1);
            assertThat(benchmark.unboundId6().get("members").size()).isEqualTo(size + 1);
            assertThat(benchmark.scimSdk().get("members")).hasSize(size + 1);
            benchmark.scimkit();
            assertThat(benchmark.scimkitGroup().get("members")).hasSize(size);
            ArrayNode unboundId = (ArrayNode) benchmark.unboundId().get("members");
            assertThat(unboundId).hasSize(size);
            assertThat(unboundId.findValuesAsText("value")).doesNotContain(Fixtures.ADDED_MEMBER_ID);
            assertThat(benchmark.unboundId6().get("members").size()).isEqualTo(size);
            assertThat(benchmark.scimSdk().get("members")).hasSize(size);
        }
    }

    @Test
    void theScimkitGroupStoreAddsAndRemovesTheExtraMember() {
        ScimkitGroupStore store = new ScimkitGroupStore(10);
        ObjectNode answer = store.addMember();
        assertThat(answer.has("members")).as("answered without members, as for Entra's 204").isFalse();
        assertThat(store.group().get("members")).hasSize(11);
        store.removeAddedMember();
        assertThat(store.group().get("members")).hasSize(10);
    }

    @Test
    void jsonBenchmarksProduceTheValidatedAndProjectedUser() {
        JsonBenchmark.ParseCreateUser in = new JsonBenchmark.ParseCreateUser();
        in.setUp();
        ObjectNode created = in.scimkit();
        assertThat(text(created, "userName")).isEqualTo("alice.smith@contoso.com");
        assertThat(text(created.get(ENTERPRISE), "department")).isEqualTo("Engineering");
        assertThat(text(in.scimSdk(), "userName")).isEqualTo("alice.smith@contoso.com");
        assertThat(in.unboundId().getUserName()).isEqualTo("alice.smith@contoso.com");

        JsonBenchmark.SerializeProjected out = new JsonBenchmark.SerializeProjected();
        out.setUp();
        for (byte[] json : new byte[][] {out.scimkit(), out.scimSdk()}) {
            JsonNode projected = ScimJson.parse(json);
            assertThat(projected.has("userName") && projected.has("emails") && projected.has("id")).isTrue();
            assertThat(projected.get("name").has("givenName")).isTrue();
            assertThat(projected.get("name").has("familyName")).isFalse();
            assertThat(projected.has("phoneNumbers") || projected.has(ENTERPRISE)).isFalse();
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null || node.get(field) == null ? null : node.get(field).asText();
    }
}
