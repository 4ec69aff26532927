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
import java.util.ArrayList;
import java.util.List;

/**
 * {@link GroupMemberAddBenchmark}'s member add, for a timer that reads a clock around a batch rather
 * than around each call ({@code CpuTimeRun}'s thread CPU time). Each library adds {@code adds}
 * different members one after the other ({@code add members [{value}]}, one PATCH each, the same
 * calls as the JMH class), so a batch can be timed as a whole; {@link #undoScimkit()} and its peers
 * then put the group back to its {@code size} members, outside the measurement.
 *
 * <p>Why not one call per clock read: reading the thread CPU clock is a system call (about 0.7 µs on
 * this machine), and the kernel entry disturbs the caches and branch predictors, which made a timed
 * call measurably slower than the same call in a loop; with a few adds per read that cost is shared
 * and measured apart. Why not a remove in the batch: a remove by filter costs UnboundID 10–20× its add,
 * so an add + remove pair measures the remove. The price of this scheme: during a batch the group grows
 * from {@code size} to {@code size + adds - 1} members, for every library alike.
 */
public final class GroupMemberAddBatch {

    private final int size;
    private final int adds;
    private final ScimkitGroupStore scimkit;

    private final UnboundIdPeer unboundId = new UnboundIdPeer();
    private final List<com.unboundid.scim2.common.messages.PatchRequest> unboundIdAdds = new ArrayList<>();
    private final ObjectNode unboundIdGroup;

    private final UnboundId6Peer unboundId6 = new UnboundId6Peer();
    private final List<dev.scimkit.benchmarks.unboundid6.scim2.common.messages.PatchRequest> unboundId6Adds = new ArrayList<>();
    private final tools.jackson.databind.node.ObjectNode unboundId6Group;

    private final ScimSdkPeer scimSdk = new ScimSdkPeer();
    private final List<PatchOpRequest> scimSdkAdds = new ArrayList<>();
    private final String groupId;

    /** A group of {@code size} members in each library's store, and {@code adds} members to add to it. */
    public GroupMemberAddBatch(int size, int adds) {
        this.size = size;
        this.adds = adds;
        this.scimkit = new ScimkitGroupStore(size, adds);
        for (int i = 0; i < adds; i++) {
            // members the generated group does not hold: the fixture's own, then ids past the group's
            String id = i == 0 ? Fixtures.ADDED_MEMBER_ID : Fixtures.memberId(size + i);
            String add = Fixtures.PATCH_ADD_MEMBER.replace(Fixtures.ADDED_MEMBER_ID, id);
            unboundIdAdds.add(unboundId.readPatch(add));
            unboundId6Adds.add(unboundId6.readPatch(add));
            scimSdkAdds.add(scimSdk.readPatch(add));
        }
        unboundIdGroup = unboundId.readTree(Fixtures.group(size));
        unboundId6Group = unboundId6.readTree(Fixtures.group(size));
        Group group = scimSdk.readGroup(Fixtures.group(size));
        groupId = group.getId().orElseThrow();
        scimSdk.storeGroup(group);
    }

    /** Members added per batch. */
    public int adds() {
        return adds;
    }

    /** scimkit: the {@code index}-th member added, through the repository as the server does. */
    public ObjectNode scimkit(int index) {
        return scimkit.addMember(index);
    }

    /** UnboundID SCIM 2 SDK: the {@code index}-th member added to the group's tree. */
    public ObjectNode unboundId(int index) {
        return unboundId.apply(unboundIdAdds.get(index), unboundIdGroup);
    }

    /** UnboundID SCIM 2 SDK 6 (Jackson 3). */
    public tools.jackson.databind.node.ObjectNode unboundId6(int index) {
        return unboundId6.apply(unboundId6Adds.get(index), unboundId6Group);
    }

    /** SCIM-SDK: the {@code index}-th member added to the stored group. */
    public Group scimSdk(int index) {
        return scimSdk.patchGroup(groupId, scimSdkAdds.get(index));
    }

    /** Removes scimkit's added members through the repository. */
    public void undoScimkit() {
        for (int i = 0; i < adds; i++) {
            scimkit.removeAddedMember(i);
        }
    }

    /** Drops UnboundID's added members (the array's tail). */
    public void undoUnboundId() {
        dropTail((ArrayNode) unboundIdGroup.get("members"));
    }

    /** Drops UnboundID 6's added members (the array's tail). */
    public void undoUnboundId6() {
        tools.jackson.databind.node.ArrayNode members = (tools.jackson.databind.node.ArrayNode) unboundId6Group.get("members");
        while (members.size() > size) {
            members.remove(members.size() - 1);
        }
    }

    /** Drops SCIM-SDK's added members (the array's tail). */
    public void undoScimSdk() {
        dropTail((ArrayNode) scimSdk.storedGroup(groupId).get("members"));
    }

    private void dropTail(ArrayNode members) {
        while (members.size() > size) {
            members.remove(members.size() - 1);
        }
    }

    /** scimkit's group as stored, with its members (for the fairness tests). */
    public ObjectNode scimkitGroup() {
        return scimkit.group();
    }

    /** UnboundID's group tree (for the fairness tests). */
    public ObjectNode unboundIdGroup() {
        return unboundIdGroup;
    }

    /** UnboundID 6's group tree (for the fairness tests). */
    public tools.jackson.databind.node.ObjectNode unboundId6Group() {
        return unboundId6Group;
    }

    /** SCIM-SDK's stored group (for the fairness tests). */
    public Group scimSdkGroup() {
        return scimSdk.storedGroup(groupId);
    }
}
