package dev.scimkit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.UserResource;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.base.ScimObjectNode;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import dev.scimkit.benchmarks.fixtures.Fixtures;
import dev.scimkit.benchmarks.peers.ScimSdkPeer;
import dev.scimkit.benchmarks.peers.UnboundId6Peer;
import dev.scimkit.benchmarks.peers.UnboundIdPeer;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.resource.ResourceValidator;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.server.query.Projector;
import dev.scimkit.server.spi.Projection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JSON in and out. In: the bytes of Entra's create-user body to a validated resource. Out: the
 * Entra-created User serialised with the projection {@code attributes=userName,displayName,emails,
 * name.givenName,active}. The attribute list is resolved once in setup for both libraries that
 * project.
 */
public class JsonBenchmark {

    /** Parse and validate a create body. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public static class ParseCreateUser {
        private byte[] body;
        private ResourceValidator validator;
        private UnboundIdPeer unboundId;
        private UnboundId6Peer unboundId6;
        private ScimSdkPeer scimSdk;

        /** The body and each library's validator. */
        @Setup
        public void setUp() {
            body = Fixtures.ENTRA_CREATE_USER.getBytes(StandardCharsets.UTF_8);
            validator = new ResourceValidator(SchemaRegistry.standard().user());
            unboundId = new UnboundIdPeer();
            unboundId6 = new UnboundId6Peer();
            scimSdk = new ScimSdkPeer();
        }

        /** scimkit: its bounded parser, then schema validation and normalisation. */
        @Benchmark
        public ObjectNode scimkit() {
            return validator.validateForCreate(ScimJson.parse(body));
        }

        /** UnboundID: binding to its typed UserResource (it has no schema validation). */
        @Benchmark
        public UserResource unboundId() {
            return unboundId.parseUser(body);
        }

        /** UnboundID SCIM 2 SDK 6 (Jackson 3): the same binding. */
        @Benchmark
        public dev.scimkit.benchmarks.unboundid6.scim2.common.types.UserResource unboundId6() {
            return unboundId6.parseUser(body);
        }

        /** SCIM-SDK: its reader (a String API, so the bytes are decoded first), then its request validator. */
        @Benchmark
        public ScimObjectNode scimSdk() {
            return scimSdk.parseAndValidateUser(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Serialise a User with a projection. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public static class SerializeProjected {
        private Projector projector;
        private ObjectNode scimkitUser;
        private ScimSdkPeer scimSdk;
        private List<SchemaAttribute> scimSdkAttributes;
        private User scimSdkUser;

        /** The User and the resolved attribute list for each library. */
        @Setup
        public void setUp() {
            ResourceTypeDefinition type = SchemaRegistry.standard().user();
            List<AttributePath> paths = new ArrayList<>();
            for (String name : Fixtures.PROJECTION.split(",")) {
                paths.add(Filters.parseAttributePath(name));
            }
            projector = new Projector(type, Projection.attributes(paths));
            scimkitUser = ScimJson.parseObject(Fixtures.ENTRA_USER.getBytes(StandardCharsets.UTF_8));
            scimSdk = new ScimSdkPeer();
            scimSdkAttributes = scimSdk.attributes(Fixtures.PROJECTION);
            scimSdkUser = scimSdk.readUser(Fixtures.ENTRA_USER);
        }

        /** scimkit: projection, then bytes. */
        @Benchmark
        public byte[] scimkit() {
            return ScimJson.write(projector.apply(scimkitUser));
        }

        /** SCIM-SDK: its response validator with the attribute list, then text (UTF-8 bytes, as sent). */
        @Benchmark
        public byte[] scimSdk() {
            return scimSdk.serialiseProjected(scimSdkUser, scimSdkAttributes).getBytes(StandardCharsets.UTF_8);
        }
    }
}
