package dev.scimkit.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the Markdown table of {@code benchmarks/README.md}:
 * one row per benchmark and input, scimkit next to each peer with the 99.9% error bars, the ratio to the
 * faster peer (how many times faster scimkit is) and whether the target is met.
 *
 * <p>Convention: a benchmark class has one method per library, named {@code scimkit}, {@code unboundId}
 * (5.0.0), {@code unboundId6} (6.0.0) and {@code scimSdk}; scores are average times (lower is better).
 * A {@code scimkitCopy} method (the PATCH to a new resource, beside the in-place {@code scimkit}) gets
 * a column of its own; the ratio and the target are scimkit's.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.scimkit.benchmarks.report.ResultsTable results.json [out.md]}
 */
public final class ResultsTable {

    private static final String SCIMKIT = "scimkit";
    private static final String SCIMKIT_COPY = "scimkitCopy";
    private static final String UNBOUNDID = "unboundId";
    private static final String UNBOUNDID6 = "unboundId6";
    private static final String SCIMSDK = "scimSdk";

    /** The targets of issues 6 and 16: minimum speed-up over the faster peer, by benchmark class. */
    private static final Map<String, Double> TARGETS = Map.of(
            "ParseCreateUser", 1.0,
            "FilterParseBenchmark", 1.0,
            "FilterEvaluateBenchmark", 1.5,
            "PatchApplyBenchmark", 1.5,
            "GroupMemberAddBenchmark", 1.5);

    private ResultsTable() {
    }

    /** Reads the JMH JSON file named first and prints (or writes to the second argument) the table. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ResultsTable results.json [out.md]");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Files.readAllBytes(Path.of(args[0])));
        String table = render(results);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), table, StandardCharsets.UTF_8);
        } else {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.print(table);
        }
    }

    /** The Markdown table for a JMH JSON result array. */
    public static String render(JsonNode results) {
        Map<String, Map<String, Score>> rows = new TreeMap<>();
        Map<String, String> unitByRow = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            int lastDot = benchmark.lastIndexOf('.');
            String method = benchmark.substring(lastDot + 1);
            String clazz = benchmark.substring(benchmark.lastIndexOf('.', lastDot - 1) + 1, lastDot);
            String row = clazz + " " + params(result.path("params"));
            JsonNode metric = result.path("primaryMetric");
            rows.computeIfAbsent(row, k -> new LinkedHashMap<>())
                    .put(method, new Score(metric.path("score").asDouble(), metric.path("scoreError").asDouble()));
            unitByRow.put(row, metric.path("scoreUnit").asText());
        }

        StringBuilder md = new StringBuilder();
        md.append("| benchmark | input | unit | scimkit | scimkit, to a copy | UnboundID 5.0.0 | UnboundID 6.0.0 | SCIM-SDK "
                + "| faster peer ÷ scimkit | target | met |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (Map.Entry<String, Map<String, Score>> row : rows.entrySet()) {
            String clazz = row.getKey().substring(0, row.getKey().indexOf(' '));
            String input = row.getKey().substring(row.getKey().indexOf(' ') + 1);
            Map<String, Score> scores = row.getValue();
            Optional<Score> scimkit = Optional.ofNullable(scores.get(SCIMKIT));
            Optional<Score> fasterPeer = fasterPeer(scores);
            Optional<Double> ratio = scimkit.flatMap(s -> fasterPeer.map(p -> p.score / s.score));
            Double target = TARGETS.get(clazz);
            md.append("| ").append(clazz.replace("Benchmark", ""))
                    .append(" | ").append(input.isEmpty() ? "–" : input)
                    .append(" | ").append(unitByRow.get(row.getKey()))
                    .append(" | ").append(cell(scores.get(SCIMKIT)))
                    .append(" | ").append(cell(scores.get(SCIMKIT_COPY)))
                    .append(" | ").append(cell(scores.get(UNBOUNDID)))
                    .append(" | ").append(cell(scores.get(UNBOUNDID6)))
                    .append(" | ").append(cell(scores.get(SCIMSDK)))
                    .append(" | ").append(ratio.map(r -> format(r < 0.1 ? "%.3f×" : "%.2f×", r)).orElse("–"))
                    .append(" | ").append(target == null ? "–" : format("≥ %.1f×", target))
                    .append(" | ").append(target == null || ratio.isEmpty() ? "–" : ratio.get() >= target ? "yes" : "**no**")
                    .append(" |\n");
        }
        md.append(scalingLine(rows));
        return md.toString();
    }

    /**
     * The membership target: scimkit adding one member to the largest group against the smallest, from
     * {@code GroupMemberAddBenchmark}'s {@code size} parameter.
     */
    private static String scalingLine(Map<String, Map<String, Score>> rows) {
        TreeMap<Integer, Score> bySize = new TreeMap<>();
        for (Map.Entry<String, Map<String, Score>> row : rows.entrySet()) {
            if (row.getKey().startsWith("GroupMemberAddBenchmark ") && row.getValue().containsKey(SCIMKIT)) {
                String size = row.getKey().replaceAll(".*size=(\\d+).*", "$1");
                if (size.matches("\\d+")) {
                    bySize.put(Integer.parseInt(size), row.getValue().get(SCIMKIT));
                }
            }
        }
        if (bySize.size() < 2) {
            return "";
        }
        double ratio = bySize.lastEntry().getValue().score / bySize.firstEntry().getValue().score;
        return format("%nscimkit, one member added to a %,d-member group ÷ to a %,d-member group: **%.2f×** "
                + "(target ≤ 1.5×: %s)%n", bySize.lastKey(), bySize.firstKey(), ratio, ratio <= 1.5 ? "met" : "**missed**");
    }

    private static Optional<Score> fasterPeer(Map<String, Score> scores) {
        List<Score> peers = new ArrayList<>();
        Optional.ofNullable(scores.get(UNBOUNDID)).ifPresent(peers::add);
        Optional.ofNullable(scores.get(UNBOUNDID6)).ifPresent(peers::add);
        Optional.ofNullable(scores.get(SCIMSDK)).ifPresent(peers::add);
        return peers.stream().min((a, b) -> Double.compare(a.score, b.score));
    }

    private static String params(JsonNode params) {
        List<String> parts = new ArrayList<>();
        params.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(", ", parts);
    }

    private static String cell(Score score) {
        if (score == null) {
            return "n/a";
        }
        return Double.isNaN(score.error) ? format("%,.1f", score.score) : format("%,.1f ± %,.1f", score.score, score.error);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** One JMH score with its error bar. */
    private record Score(double score, double error) {
    }
}
