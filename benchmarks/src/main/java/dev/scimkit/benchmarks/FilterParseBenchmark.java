package dev.scimkit.benchmarks;

import dev.scimkit.benchmarks.peers.ScimSdkPeer;
import dev.scimkit.benchmarks.peers.UnboundId6Peer;
import dev.scimkit.benchmarks.peers.UnboundIdPeer;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.Filter;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
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
 * Filter text to a tree, for each library: scimkit's {@link Filters#parse}, UnboundID's
 * {@code Filter.fromString} and SCIM-SDK's {@code RequestUtils.parseFilter} (which also resolves every
 * attribute against the User schema while it parses; that is its design, so it is its cost).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterParseBenchmark {

    /** Which filter: Entra's userName lookup, Okta's externalId lookup, or the complex one. */
    @Param({"entra", "okta", "complex"})
    public FilterInput input;

    private String text;
    private UnboundIdPeer unboundId;
    private UnboundId6Peer unboundId6;
    private ScimSdkPeer scimSdk;

    /** Resolves the input and sets up the peers (SCIM-SDK's resource types) outside the measurement. */
    @Setup
    public void setUp() {
        text = input.text();
        unboundId = new UnboundIdPeer();
        unboundId6 = new UnboundId6Peer();
        scimSdk = new ScimSdkPeer();
    }

    /** scimkit. */
    @Benchmark
    public Filter scimkit() {
        return Filters.parse(text);
    }

    /** UnboundID SCIM 2 SDK. */
    @Benchmark
    public com.unboundid.scim2.common.filters.Filter unboundId() {
        return unboundId.parseFilter(text);
    }

    /** UnboundID SCIM 2 SDK 6 (Jackson 3). */
    @Benchmark
    public dev.scimkit.benchmarks.unboundid6.scim2.common.filters.Filter unboundId6() {
        return unboundId6.parseFilter(text);
    }

    /** SCIM-SDK. */
    @Benchmark
    public FilterNode scimSdk() {
        return scimSdk.parseUserFilter(text);
    }
}
