package dev.scimkit.benchmarks;

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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A PATCH applied to the Entra-created User, for each library. Each library's PatchOp message is read
 * from the body in setup; the measurement is turning that message into the patched User.
 *
 * <ul>
 *   <li>scimkit: {@code engine.plan(type, request).applyInPlace(user)} on a User it owns, as UnboundID
 *       does: planned on every call (a server plans each request; path resolutions are cached per
 *       engine), dialect rewritten, values checked, applied atomically (an undo log puts the User back
 *       if anything fails), the changed attributes validated against the schema.
 *       {@code scimkitCopy}: the same through {@code apply}, which leaves its input untouched and
 *       returns a new User (what a copy-on-write store such as the in-memory one needs).</li>
 *   <li>UnboundID: {@code PatchOperation.apply(ObjectNode)} for each operation, in place, schema-less;
 *       its paths were already parsed when the message was read (in setup).</li>
 *   <li>SCIM-SDK: {@code PatchRequestHandler.handlePatchRequest}, which fetches the stored User from
 *       the in-memory handler (the object itself, no copy), applies and stores it.</li>
 * </ul>
 * Every input is a replace, so applying it again to its own result does the same work: the peers'
 * in-place application needs no reset between calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PatchApplyBenchmark {

    /** Which PATCH: Entra with paths, Entra path-less, Okta deactivate. */
    @Param({"entraPaths", "entraPathless", "oktaDeactivate"})
    public PatchInput input;

    private PatchEngine engine;
    private ResourceTypeDefinition userType;
    private PatchRequest scimkitRequest;
    private ObjectNode scimkitUser;
    private ObjectNode scimkitOwnedUser;

    private UnboundIdPeer unboundId;
    private com.unboundid.scim2.common.messages.PatchRequest unboundIdRequest;
    private ObjectNode unboundIdUser;

    private UnboundId6Peer unboundId6;
    private dev.scimkit.benchmarks.unboundid6.scim2.common.messages.PatchRequest unboundId6Request;
    private tools.jackson.databind.node.ObjectNode unboundId6User;

    private ScimSdkPeer scimSdk;
    private PatchOpRequest scimSdkRequest;
    private String userId;

    /** Reads the message and the User for every library. */
    @Setup
    public void setUp() {
        engine = PatchEngine.defaults();
        userType = SchemaRegistry.standard().user();
        scimkitRequest = engine.parse(ScimJson.parse(input.body().getBytes(StandardCharsets.UTF_8)));
        scimkitUser = ScimJson.parseObject(Fixtures.ENTRA_USER.getBytes(StandardCharsets.UTF_8));
        scimkitOwnedUser = scimkitUser.deepCopy();

        unboundId = new UnboundIdPeer();
        unboundIdRequest = unboundId.readPatch(input.unboundIdBody());
        unboundIdUser = unboundId.readTree(Fixtures.ENTRA_USER);

        unboundId6 = new UnboundId6Peer();
        unboundId6Request = unboundId6.readPatch(input.unboundIdBody());
        unboundId6User = unboundId6.readTree(Fixtures.ENTRA_USER);

        scimSdk = new ScimSdkPeer();
        scimSdkRequest = scimSdk.readPatch(input.body());
        User user = scimSdk.readUser(Fixtures.ENTRA_USER);
        userId = user.getId().orElseThrow();
        scimSdk.storeUser(user);
    }

    /** scimkit, in place on a User it owns (as the peers patch theirs). */
    @Benchmark
    public PatchResult scimkit() {
        return engine.plan(userType, scimkitRequest).applyInPlace(scimkitOwnedUser);
    }

    /** scimkit, to a new User (its input untouched). */
    @Benchmark
    public PatchResult scimkitCopy() {
        return engine.plan(userType, scimkitRequest).apply(scimkitUser);
    }

    /** UnboundID SCIM 2 SDK. */
    @Benchmark
    public ObjectNode unboundId() {
        return unboundId.apply(unboundIdRequest, unboundIdUser);
    }

    /** UnboundID SCIM 2 SDK 6 (Jackson 3). */
    @Benchmark
    public tools.jackson.databind.node.ObjectNode unboundId6() {
        return unboundId6.apply(unboundId6Request, unboundId6User);
    }

    /** SCIM-SDK. */
    @Benchmark
    public User scimSdk() {
        return scimSdk.patchUser(userId, scimSdkRequest);
    }
}
