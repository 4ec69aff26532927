package dev.scimkit.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theRatioIsTheFasterPeerOverScimkitAndIsJudgedAgainstTheTarget() {
        ArrayNode results = json.createArrayNode();
        add(results, "FilterEvaluateBenchmark.scimkit", "input", "entra", 100, 5);
        add(results, "FilterEvaluateBenchmark.unboundId", "input", "entra", 900, 10);
        add(results, "FilterEvaluateBenchmark.scimSdk", "input", "entra", 120, 10);
        add(results, "FilterParseBenchmark.scimkit", "input", "okta", 200, 1);
        add(results, "FilterParseBenchmark.unboundId", "input", "okta", 150, 1);
        add(results, "PatchApplyBenchmark.scimkit", "input", "okta", 100, 1);
        add(results, "PatchApplyBenchmark.scimkitCopy", "input", "okta", 300, 1);
        add(results, "PatchApplyBenchmark.unboundId", "input", "okta", 400, 1);
        add(results, "PatchApplyBenchmark.unboundId6", "input", "okta", 200, 1);

        String table = ResultsTable.render(results);

        assertThat(table).contains("| FilterEvaluate | input=entra | ns/op | 100.0 ± 5.0 | n/a | 900.0 ± 10.0 | n/a | 120.0 ± 10.0 | 1.20× | ≥ 1.5× | **no** |");
        assertThat(table).contains("| FilterParse | input=okta | ns/op | 200.0 ± 1.0 | n/a | 150.0 ± 1.0 | n/a | n/a | 0.75× | ≥ 1.0× | **no** |");
        assertThat(table).as("UnboundID 6 is a peer; the copying scimkit is shown, not judged")
                .contains("| PatchApply | input=okta | ns/op | 100.0 ± 1.0 | 300.0 ± 1.0 | 400.0 ± 1.0 | 200.0 ± 1.0 | n/a | 2.00× | ≥ 1.5× | yes |");
    }

    @Test
    void theMembershipScalingLineComparesTheLargestGroupWithTheSmallest() {
        ArrayNode results = json.createArrayNode();
        add(results, "GroupMemberAddBenchmark.scimkit", "size", "10", 1_000, 1);
        add(results, "GroupMemberAddBenchmark.scimkit", "size", "100000", 1_400, 1);
        add(results, "GroupMemberAddBenchmark.scimkit", "size", "1000", 9_000, 1);

        assertThat(ResultsTable.render(results))
                .contains("100,000-member group ÷ to a 10-member group: **1.40×** (target ≤ 1.5×: met)");
    }

    private void add(ArrayNode results, String benchmark, String param, String value, double score, double error) {
        JsonNode result = json.createObjectNode()
                .put("benchmark", "dev.scimkit.benchmarks." + benchmark)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("params", json.createObjectNode().put(param, value))
                .set("primaryMetric", json.createObjectNode().put("score", score).put("scoreError", error)
                        .put("scoreUnit", "ns/op"));
        results.add(result);
    }
}
