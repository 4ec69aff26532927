package dev.scimkit.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.request.PatchOpRequest;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import dev.scimkit.benchmarks.fixtures.Fixtures;
import dev.scimkit.benchmarks.fixtures.ScimkitGroupStore;
import dev.scimkit.benchmarks.peers.ScimSdkPeer;
import dev.scimkit.benchmarks.peers.UnboundId6Peer;
import dev.scimkit.benchmarks.peers.UnboundIdPeer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One member added to a group of 10, 1,000 or 100,000 members with {@code add members [{value}]}.
 *
 * <ul>
 *   <li>scimkit: the server's own path, {@code PatchEngine.plan} then
 *       {@code InMemoryResourceRepository.patch} (membership applied as a delta, the group's members
 *       never copied; response without members, as Entra's PATCH answers 204).</li>
 *   <li>UnboundID: {@code PatchOperation.apply} on the group's tree, in place.</li>
 *   <li>SCIM-SDK: {@code PatchRequestHandler.handlePatchRequest} on the stored group.</li>
 * </ul>
 * After every call the added member is taken out again outside the measurement
 * ({@code @TearDown(Level.Invocation)}): for the peers by dropping the last array element, for scimkit
 * with a prepared remove through the repository. JMH's per-invocation fixtures cost some tens of
 * nanoseconds of timer overhead, the same for all three, small against these operations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GroupMemberAddBenchmark {

    /** Members in the group before the add. */
    @Param({"10", "1000", "100000"})
    public int size;

    private ScimkitGroupStore scimkit;

    private UnboundIdPeer unboundId;
    private com.unboundid.scim2.common.messages.PatchRequest unboundIdRequest;
    private ObjectNode unboundIdGroup;

    private UnboundId6Peer unboundId6;
    private dev.scimkit.benchmarks.unboundid6.scim2.common.messages.PatchRequest unboundId6Request;
    private tools.jackson.databind.node.ObjectNode unboundId6Group;

    private ScimSdkPeer scimSdk;
    private PatchOpRequest scimSdkRequest;
    private String groupId;

    /** Builds the group in each library's store. */
    @Setup(Level.Trial)
    public void setUp() {
        scimkit = new ScimkitGroupStore(size);

        unboundId = new UnboundIdPeer();
        unboundIdRequest = unboundId.readPatch(Fixtures.PATCH_ADD_MEMBER);
        unboundIdGroup = unboundId.readTree(Fixtures.group(size));

        unboundId6 = new UnboundId6Peer();
        unboundId6Request = unboundId6.readPatch(Fixtures.PATCH_ADD_MEMBER);
        unboundId6Group = unboundId6.readTree(Fixtures.group(size));

        scimSdk = new ScimSdkPeer();
        scimSdkRequest = scimSdk.readPatch(Fixtures.PATCH_ADD_MEMBER);
        Group group = scimSdk.readGroup(Fixtures.group(size));
        groupId = group.getId().orElseThrow();
        scimSdk.storeGroup(group);
    }

    /** Takes the added member out again, outside the measurement. */
    @TearDown(Level.Invocation)
    public void undo() {
        undoScimkit();
        undoUnboundId();
        undoUnboundId6();
        undoScimSdk();
    }

    /** scimkit's undo: the member removed through the repository, as the server would. */
    public void undoScimkit() {
        scimkit.removeAddedMember();
    }

    /** UnboundID's undo: the last member dropped from the group's tree. */
    public void undoUnboundId() {
        dropAdded((ArrayNode) unboundIdGroup.get("members"));
    }

    /** UnboundID 6's undo: the last member dropped from the group's tree. */
    public void undoUnboundId6() {
        tools.jackson.databind.node.ArrayNode members6 = (tools.jackson.databind.node.ArrayNode) unboundId6Group.get("members");
        if (members6.size() > size) {
            members6.remove(members6.size() - 1);
        }
    }

    /** SCIM-SDK's undo: the last member dropped from the stored group. */
    public void undoScimSdk() {
        dropAdded((ArrayNode) scimSdk.storedGroup(groupId).get("members"));
    }

    private void dropAdded(ArrayNode members) {
        if (members.size() > size) {
            members.remove(members.size() - 1);
        }
    }

    /** scimkit. */
    @Benchmark
    public ObjectNode scimkit() {
        return scimkit.addMember();
    }

    /** UnboundID SCIM 2 SDK. */
    @Benchmark
    public ObjectNode unboundId() {
        return unboundId.apply(unboundIdRequest, unboundIdGroup);
    }

    /** UnboundID SCIM 2 SDK 6 (Jackson 3). */
    @Benchmark
    public tools.jackson.databind.node.ObjectNode unboundId6() {
        return unboundId6.apply(unboundId6Request, unboundId6Group);
    }

    /** SCIM-SDK. */
    @Benchmark
    public Group scimSdk() {
        return scimSdk.patchGroup(groupId, scimSdkRequest);
    }
}
