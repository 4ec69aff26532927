package dev.scimkit.benchmarks;

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

/**
 * One member added to a group of 10, 1,000 or 100,000 members and, on the next call, removed again,
 * every library through its own PATCH both ways: {@code add members [{value}]}, then Okta's
 * {@code remove members[value eq "id"]}. A score is the mean of one add and one remove.
 *
 * <p>Why it exists beside {@link GroupMemberAddBenchmark}: an add changes the group, so a batch of adds
 * needs an undo between calls. That benchmark undoes outside the measurement
 * ({@code @TearDown(Level.Invocation)}), which JMH can time per call but a batch timer of thread CPU
 * time ({@code CpuTimeRun}) cannot. Here the undo is inside the measurement and is the same kind of
 * operation for every library (a real PATCH remove, as an IdP sends), so the batches can run back to
 * back and be compared paired, and no library gets a cheaper undo than another. scimkit goes the
 * server's way, as in {@link GroupMemberAddBenchmark} ({@link ScimkitGroupStore}: {@code PatchEngine.plan}
 * + {@code InMemoryResourceRepository.patch}, answer without members).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GroupMemberAddRemoveBenchmark {

    /** Members in the group before the add. */
    @Param({"10", "1000", "100000"})
    public int size;

    private ScimkitGroupStore scimkit;
    private boolean scimkitAdded;

    private UnboundIdPeer unboundId;
    private com.unboundid.scim2.common.messages.PatchRequest unboundIdAdd;
    private com.unboundid.scim2.common.messages.PatchRequest unboundIdRemove;
    private ObjectNode unboundIdGroup;
    private boolean unboundIdAdded;

    private UnboundId6Peer unboundId6;
    private dev.scimkit.benchmarks.unboundid6.scim2.common.messages.PatchRequest unboundId6Add;
    private dev.scimkit.benchmarks.unboundid6.scim2.common.messages.PatchRequest unboundId6Remove;
    private tools.jackson.databind.node.ObjectNode unboundId6Group;
    private boolean unboundId6Added;

    private ScimSdkPeer scimSdk;
    private PatchOpRequest scimSdkAdd;
    private PatchOpRequest scimSdkRemove;
    private String groupId;
    private boolean scimSdkAdded;

    /** The remove that undoes {@link Fixtures#PATCH_ADD_MEMBER}, in Okta's form (every library takes it). */
    public static String removeAddedMember(String memberId) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + memberId + "\\\"]\"}]}";
    }

    /** Builds the group in each library's store. */
    @Setup(Level.Trial)
    public void setUp() {
        scimkit = new ScimkitGroupStore(size);

        String remove = removeAddedMember(Fixtures.ADDED_MEMBER_ID);
        unboundId = new UnboundIdPeer();
        unboundIdAdd = unboundId.readPatch(Fixtures.PATCH_ADD_MEMBER);
        unboundIdRemove = unboundId.readPatch(remove);
        unboundIdGroup = unboundId.readTree(Fixtures.group(size));

        unboundId6 = new UnboundId6Peer();
        unboundId6Add = unboundId6.readPatch(Fixtures.PATCH_ADD_MEMBER);
        unboundId6Remove = unboundId6.readPatch(remove);
        unboundId6Group = unboundId6.readTree(Fixtures.group(size));

        scimSdk = new ScimSdkPeer();
        scimSdkAdd = scimSdk.readPatch(Fixtures.PATCH_ADD_MEMBER);
        scimSdkRemove = scimSdk.readPatch(remove);
        Group group = scimSdk.readGroup(Fixtures.group(size));
        groupId = group.getId().orElseThrow();
        scimSdk.storeGroup(group);
    }

    /** scimkit's group as stored, with its members (for the fairness tests). */
    public ObjectNode scimkitGroup() {
        return scimkit.group();
    }

    /** scimkit: adds the member, or removes it when the previous call added it. */
    @Benchmark
    public ObjectNode scimkit() {
        scimkitAdded = !scimkitAdded;
        return scimkitAdded ? scimkit.addMember() : scimkit.removeAddedMember();
    }

    /** UnboundID SCIM 2 SDK. */
    @Benchmark
    public ObjectNode unboundId() {
        unboundIdAdded = !unboundIdAdded;
        return unboundId.apply(unboundIdAdded ? unboundIdAdd : unboundIdRemove, unboundIdGroup);
    }

    /** UnboundID SCIM 2 SDK 6 (Jackson 3). */
    @Benchmark
    public tools.jackson.databind.node.ObjectNode unboundId6() {
        unboundId6Added = !unboundId6Added;
        return unboundId6.apply(unboundId6Added ? unboundId6Add : unboundId6Remove, unboundId6Group);
    }

    /** SCIM-SDK. */
    @Benchmark
    public Group scimSdk() {
        scimSdkAdded = !scimSdkAdded;
        return scimSdk.patchGroup(groupId, scimSdkAdded ? scimSdkAdd : scimSdkRemove);
    }
}
