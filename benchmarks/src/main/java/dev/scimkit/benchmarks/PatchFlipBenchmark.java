package dev.scimkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.request.PatchOpRequest;
import de.captaingoldfish.scim.sdk.common.resources.User;
import dev.scimkit.benchmarks.fixtures.Fixtures;
import dev.scimkit.benchmarks.peers.ScimSdkPeer;
import dev.scimkit.benchmarks.peers.UnboundId6Peer;
import dev.scimkit.benchmarks.peers.UnboundIdPeer;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.PatchRequest;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.patch.PatchEngine;
import dev.scimkit.patch.PatchResult;
import dev.scimkit.server.memory.InMemoryStore;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Okta's deactivate and its reactivation, alternately, so that every call really changes the User
 * (in {@link PatchApplyBenchmark}'s {@code oktaDeactivate} only the first call does: after it, every
 * library sets an inactive User inactive, and scimkit then finds nothing changed). Every library
 * alternates the same two messages.
 *
 * <ul>
 *   <li>scimkit: {@code engine.plan(type, request).apply(user)}, the call every scimkit store makes
 *       (the in-memory store patches its stored tree through {@code apply}, which copies; the JDBC
 *       stores patch a tree read for the request the same way), on a plain tree as the stores hold it.
 *       {@code apply} never modifies its input, so the deactivate is applied to an active User and the
 *       reactivation to an inactive one, kept side by side: each call changes {@code active}.
 *       {@code scimkitInPlace}: the same through {@code applyInPlace} on one User it owns, as the peers
 *       patch theirs. {@code scimkitStore}: what the server's PATCH costs below HTTP, the plan and the
 *       in-memory store's {@code patch} of its stored User (the revision, its indexes and the answer,
 *       as {@code ResourceEndpoint} calls it for a 200 with the resource).</li>
 *   <li>UnboundID 5.0.0 and 6.0.0: {@code PatchOperation.apply(ObjectNode)}, in place, schema-less.</li>
 *   <li>SCIM-SDK: {@code PatchRequestHandler.handlePatchRequest} on the stored User.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PatchFlipBenchmark {

    private PatchEngine engine;
    private ResourceTypeDefinition userType;
    private final PatchRequest[] scimkitRequests = new PatchRequest[2];
    /** [0]: the User active (the deactivate's input), [1]: inactive (the reactivation's input). */
    private final ObjectNode[] scimkitUsers = new ObjectNode[2];
    private ObjectNode scimkitOwnedUser;
    private int scimkitTurn;
    private int scimkitInPlaceTurn;
    private static final ScimPrincipal CALLER = ScimPrincipal.client(TenantId.of("benchmarks"), "benchmarks");
    private ResourceRepository scimkitUsersStore;
    private String scimkitStoredId;
    private int scimkitStoreTurn;
    private int floorTurn;

    private UnboundIdPeer unboundId;
    private final com.unboundid.scim2.common.messages.PatchRequest[] unboundIdRequests =
            new com.unboundid.scim2.common.messages.PatchRequest[2];
    private ObjectNode unboundIdUser;
    private int unboundIdTurn;

    private UnboundId6Peer unboundId6;
    private final dev.scimkit.benchmarks.unboundid6.scim2.common.messages.PatchRequest[] unboundId6Requests =
            new dev.scimkit.benchmarks.unboundid6.scim2.common.messages.PatchRequest[2];
    private tools.jackson.databind.node.ObjectNode unboundId6User;
    private int unboundId6Turn;

    private ScimSdkPeer scimSdk;
    private final PatchOpRequest[] scimSdkRequests = new PatchOpRequest[2];
    private String userId;
    private int scimSdkTurn;

    /** Reads both messages and the (active) User for every library. */
    @Setup
    public void setUp() {
        String[] bodies = {Fixtures.PATCH_OKTA_DEACTIVATE, Fixtures.PATCH_OKTA_REACTIVATE};
        engine = PatchEngine.defaults();
        userType = SchemaRegistry.standard().user();
        scimkitUsers[0] = ScimJson.parseObject(Fixtures.ENTRA_USER.getBytes(StandardCharsets.UTF_8));
        scimkitUsers[1] = scimkitUsers[0].deepCopy();
        scimkitUsers[1].set("active", BooleanNode.FALSE);
        scimkitOwnedUser = scimkitUsers[0].deepCopy();
        scimkitUsersStore = InMemoryStore.create(SchemaRegistry.standard()).users();
        scimkitStoredId = scimkitUsersStore.create(CALLER, scimkitUsers[0]).get("id").asText();
        unboundId = new UnboundIdPeer();
        unboundIdUser = unboundId.readTree(Fixtures.ENTRA_USER);
        unboundId6 = new UnboundId6Peer();
        unboundId6User = unboundId6.readTree(Fixtures.ENTRA_USER);
        scimSdk = new ScimSdkPeer();
        for (int i = 0; i < 2; i++) {
            scimkitRequests[i] = engine.parse(ScimJson.parse(bodies[i].getBytes(StandardCharsets.UTF_8)));
            unboundIdRequests[i] = unboundId.readPatch(bodies[i]);
            unboundId6Requests[i] = unboundId6.readPatch(bodies[i]);
            scimSdkRequests[i] = scimSdk.readPatch(bodies[i]);
        }
        User user = scimSdk.readUser(Fixtures.ENTRA_USER);
        userId = user.getId().orElseThrow();
        scimSdk.storeUser(user);
    }

    /** scimkit as its stores call it: {@code apply}, to a new User (deactivates an active one, reactivates an inactive one). */
    @Benchmark
    public PatchResult scimkit() {
        int turn = scimkitTurn;
        scimkitTurn = turn ^ 1;
        return engine.plan(userType, scimkitRequests[turn]).apply(scimkitUsers[turn]);
    }

    /** scimkit in place on a User it owns, deactivated and reactivated in turn. */
    @Benchmark
    public PatchResult scimkitInPlace() {
        int turn = scimkitInPlaceTurn;
        scimkitInPlaceTurn = turn ^ 1;
        return engine.plan(userType, scimkitRequests[turn]).applyInPlace(scimkitOwnedUser);
    }

    /** scimkit's in-memory store: the plan and the repository's patch of its stored User, deactivated and reactivated in turn. */
    @Benchmark
    public ObjectNode scimkitStore() {
        int turn = scimkitStoreTurn;
        scimkitStoreTurn = turn ^ 1;
        return scimkitUsersStore.patch(CALLER, scimkitStoredId, engine.plan(userType, scimkitRequests[turn]),
                Optional.empty(), Projection.DEFAULT);
    }

    /**
     * Not a PATCH: the least that any {@code apply} leaving the stored User as it is must do, a new top
     * level holding the same members (a sized {@code LinkedHashMap}, as Jackson's {@code ObjectNode}
     * keeps them), alternating between the two Users as {@link #scimkit()} does. No plan, no write, no
     * check, no undo: the floor that copy-on-write revisions put under the PATCH rows (CpuTimeRun's
     * "floor" case sets it against the peers' whole PATCH).
     */
    @Benchmark
    public ObjectNode floorTopLevelCopy() {
        int turn = floorTurn;
        floorTurn = turn ^ 1;
        ObjectNode source = scimkitUsers[turn];
        ObjectNode copy = new ObjectNode(ScimJson.nodes(), new LinkedHashMap<>(source.size() * 4 / 3 + 2));
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            copy.set(member.getKey(), member.getValue());
        }
        return copy;
    }

    /** UnboundID SCIM 2 SDK. */
    @Benchmark
    public ObjectNode unboundId() {
        int turn = unboundIdTurn;
        unboundIdTurn = turn ^ 1;
        return unboundId.apply(unboundIdRequests[turn], unboundIdUser);
    }

    /** UnboundID SCIM 2 SDK 6 (Jackson 3). */
    @Benchmark
    public tools.jackson.databind.node.ObjectNode unboundId6() {
        int turn = unboundId6Turn;
        unboundId6Turn = turn ^ 1;
        return unboundId6.apply(unboundId6Requests[turn], unboundId6User);
    }

    /** SCIM-SDK. */
    @Benchmark
    public User scimSdk() {
        int turn = scimSdkTurn;
        scimSdkTurn = turn ^ 1;
        return scimSdk.patchUser(userId, scimSdkRequests[turn]);
    }
}
