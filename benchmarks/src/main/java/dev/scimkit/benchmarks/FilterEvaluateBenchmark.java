package dev.scimkit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import dev.scimkit.benchmarks.fixtures.Fixtures;
import dev.scimkit.benchmarks.peers.ScimSdkPeer;
import dev.scimkit.benchmarks.peers.UnboundId6Peer;
import dev.scimkit.benchmarks.peers.UnboundIdPeer;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;
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
 * A parsed filter against the Entra-created User, for each library. The filters are parsed and the
 * User read into each library's own representation in setup; the measurement is the match decision.
 * scimkit's {@link FilterEvaluator#matches} checks and compiles a filter once per filter instance and
 * caches the result, as a search does for its one filter over many resources; the measurement is then
 * the evaluation itself, like the peers' evaluators on their already parsed filters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterEvaluateBenchmark {

    /** Which filter: Entra's userName lookup, Okta's externalId lookup, or the complex one. */
    @Param({"entra", "okta", "complex"})
    public FilterInput input;

    private FilterEvaluator evaluator;
    private Filter scimkitFilter;
    private ObjectNode scimkitUser;

    private UnboundIdPeer unboundId;
    private com.unboundid.scim2.common.filters.Filter unboundIdFilter;
    private ObjectNode unboundIdUser;

    private UnboundId6Peer unboundId6;
    private dev.scimkit.benchmarks.unboundid6.scim2.common.filters.Filter unboundId6Filter;
    private tools.jackson.databind.node.ObjectNode unboundId6User;

    private ScimSdkPeer scimSdk;
    private FilterNode scimSdkFilter;
    private User scimSdkUser;

    /** Parses the filter and reads the User for every library. */
    @Setup
    public void setUp() {
        evaluator = new FilterEvaluator(SchemaRegistry.standard().user());
        scimkitFilter = Filters.parse(input.text());
        scimkitUser = ScimJson.parseObject(Fixtures.ENTRA_USER.getBytes(StandardCharsets.UTF_8));

        unboundId = new UnboundIdPeer();
        unboundIdFilter = unboundId.parseFilter(input.text());
        unboundIdUser = unboundId.readTree(Fixtures.ENTRA_USER);

        unboundId6 = new UnboundId6Peer();
        unboundId6Filter = unboundId6.parseFilter(input.text());
        unboundId6User = unboundId6.readTree(Fixtures.ENTRA_USER);

        scimSdk = new ScimSdkPeer();
        scimSdkFilter = scimSdk.parseUserFilter(input.text());
        scimSdkUser = scimSdk.readUser(Fixtures.ENTRA_USER);
    }

    /** scimkit. */
    @Benchmark
    public boolean scimkit() {
        return evaluator.matches(scimkitFilter, scimkitUser);
    }

    /** UnboundID SCIM 2 SDK. */
    @Benchmark
    public boolean unboundId() {
        return unboundId.evaluate(unboundIdFilter, unboundIdUser);
    }

    /** UnboundID SCIM 2 SDK 6 (Jackson 3). */
    @Benchmark
    public boolean unboundId6() {
        return unboundId6.evaluate(unboundId6Filter, unboundId6User);
    }

    /** SCIM-SDK (its resolver over a one-element list: its only public evaluation entry point). */
    @Benchmark
    public boolean scimSdk() {
        return scimSdk.evaluate(scimSdkFilter, scimSdkUser);
    }
}
