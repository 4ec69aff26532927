package dev.scimkit.benchmarks.cpu;

import dev.scimkit.benchmarks.JsonBenchmark;
import dev.scimkit.benchmarks.PatchApplyBenchmark;
import dev.scimkit.benchmarks.PatchFlipBenchmark;
import dev.scimkit.benchmarks.PatchInput;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The small operations whose target is decided by a ratio of a few hundred nanoseconds, measured in
 * CPU time of the measuring thread rather than wall time, on a machine shared with other builds.
 * Wall time on two loaded cores counts every time the thread waits for a core (JMH's error bars there
 * are larger than the scores); thread CPU time does not. The libraries run in alternating batches
 * (round r: scimkit, then each peer, the order rotating), so a change of load affects all of them in
 * the same round, and the ratio (the faster peer of the round over scimkit) is taken per round
 * (paired) and summarised by its median and range.
 *
 * <p>It uses the JMH benchmark classes' own setup and methods (the same inputs and calls), after a
 * warm-up long enough for C2. It complements JMH, it does not replace it: CPU time still includes the
 * cache and hyper-thread interference of the neighbours, so treat a ratio within about ±10% as equal.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.scimkit.benchmarks.cpu.CpuTimeRun [--rounds 30] [--out f.md]
 * [--only REGEX]}; {@code --only} keeps the cases whose name matches (such as {@code ParseCreateUser}).
 */
public final class CpuTimeRun {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Results feed this so that the JIT cannot drop the calls. */
    private static volatile int sink;

    private CpuTimeRun() {
    }

    /** Runs every case and prints (or writes) the table. */
    public static void main(String[] args) throws IOException {
        int rounds = 30;
        Path out = null;
        Pattern only = Pattern.compile(".*");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = Pattern.compile(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("| case | scimkit ns/op (CPU) | UnboundID 5.0.0 | UnboundID 6.0.0 | SCIM-SDK "
                + "| faster peer ÷ scimkit, median [min–max] of rounds |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Supplier<Object>>> c : cases().entrySet()) {
            if (!only.matcher(c.getKey()).find()) {
                continue;
            }
            md.append(measure(c.getKey(), c.getValue(), rounds));
            System.out.println(md.substring(md.lastIndexOf("| " + c.getKey())).trim());
        }
        if (out != null) {
            Files.writeString(out, md, StandardCharsets.UTF_8);
        }
        new PrintStream(System.out, true, StandardCharsets.UTF_8).print(md);
    }

    private static Map<String, Map<String, Supplier<Object>>> cases() {
        Map<String, Map<String, Supplier<Object>>> cases = new LinkedHashMap<>();
        for (PatchInput input : PatchInput.values()) {
            PatchApplyBenchmark b = new PatchApplyBenchmark();
            b.input = input;
            b.setUp();
            Map<String, Supplier<Object>> libs = new LinkedHashMap<>();
            libs.put("scimkit", b::scimkit);
            libs.put("unboundId", b::unboundId);
            libs.put("unboundId6", b::unboundId6);
            libs.put("scimSdk", b::scimSdk);
            cases.put("PatchApply " + input, libs);
        }
        for (PatchInput input : PatchInput.values()) {   // the same through apply, as the stores call it
            PatchApplyBenchmark b = new PatchApplyBenchmark();
            b.input = input;
            b.setUp();
            Map<String, Supplier<Object>> libs = new LinkedHashMap<>();
            libs.put("scimkit", b::scimkitCopy);
            libs.put("unboundId", b::unboundId);
            libs.put("unboundId6", b::unboundId6);
            libs.put("scimSdk", b::scimSdk);
            cases.put("PatchApply " + input + " (apply)", libs);
        }
        // every call really flips active; scimkit as its stores call it (apply), then in place
        PatchFlipBenchmark flip = new PatchFlipBenchmark();
        flip.setUp();
        PatchFlipBenchmark flipInPlace = new PatchFlipBenchmark();
        flipInPlace.setUp();
        cases.put("PatchFlip okta (apply)", flipLibs(flip, flip::scimkit));
        cases.put("PatchFlip okta (applyInPlace)", flipLibs(flipInPlace, flipInPlace::scimkitInPlace));
        JsonBenchmark.ParseCreateUser parse = new JsonBenchmark.ParseCreateUser();
        parse.setUp();
        Map<String, Supplier<Object>> libs = new LinkedHashMap<>();
        libs.put("scimkit", parse::scimkit);
        libs.put("unboundId", parse::unboundId);
        libs.put("unboundId6", parse::unboundId6);
        libs.put("scimSdk", parse::scimSdk);
        cases.put("ParseCreateUser", libs);
        return cases;
    }

    private static Map<String, Supplier<Object>> flipLibs(PatchFlipBenchmark b, Supplier<Object> scimkit) {
        Map<String, Supplier<Object>> libs = new LinkedHashMap<>();
        libs.put("scimkit", scimkit);
        libs.put("unboundId", b::unboundId);
        libs.put("unboundId6", b::unboundId6);
        libs.put("scimSdk", b::scimSdk);
        return libs;
    }

    private static String measure(String name, Map<String, Supplier<Object>> libs, int rounds) {
        List<String> names = new ArrayList<>(libs.keySet());
        Map<String, Integer> batch = new LinkedHashMap<>();
        for (String lib : names) {
            batch.put(lib, warmUpAndSize(libs.get(lib)));
        }
        Map<String, double[]> perOp = new LinkedHashMap<>();
        names.forEach(n -> perOp.put(n, new double[rounds]));
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < names.size(); k++) {
                String lib = names.get((r + k) % names.size());
                perOp.get(lib)[r] = cpuNanosPerOp(libs.get(lib), batch.get(lib));
            }
        }
        double[] scimkit = perOp.get("scimkit");
        double[] fasterPeer = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            fasterPeer[r] = Double.MAX_VALUE;
            for (String lib : names) {
                if (!lib.equals("scimkit")) {
                    fasterPeer[r] = Math.min(fasterPeer[r], perOp.get(lib)[r]);
                }
            }
        }
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", name, median(scimkit),
                median(perOp.get("unboundId")), median(perOp.get("unboundId6")), median(perOp.get("scimSdk")),
                pairedRatio(fasterPeer, scimkit));
    }

    /**
     * Calls for the JIT, two seconds and at least one second of this thread's CPU time (on a loaded
     * machine two seconds of wall time can be a tenth of that, too little for C2), then a batch size
     * that takes about 50 ms of CPU.
     */
    private static int warmUpAndSize(Supplier<Object> op) {
        long end = System.nanoTime() + 2_000_000_000L;
        long cpuEnd = THREADS.getCurrentThreadCpuTime() + 1_000_000_000L;
        int calls = 0;
        while (System.nanoTime() < end || THREADS.getCurrentThreadCpuTime() < cpuEnd) {
            for (int i = 0; i < 64; i++) {    // the CPU clock is a system call: read it once per 64 calls
                sink += System.identityHashCode(op.get());
                calls++;
            }
        }
        double perOp = cpuNanosPerOp(op, Math.max(1, calls / 40));
        return (int) Math.max(1, Math.min(5_000_000, 50_000_000 / Math.max(1.0, perOp)));
    }

    private static double cpuNanosPerOp(Supplier<Object> op, int n) {
        int h = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            h += System.identityHashCode(op.get());
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        sink += h;
        return (double) cpu / n;
    }

    private static String median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%,.0f", s[s.length / 2]);
    }

    private static String pairedRatio(double[] peer, double[] scimkit) {
        double[] ratios = new double[scimkit.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = peer[i] / scimkit[i];
        }
        Arrays.sort(ratios);
        return String.format(Locale.ROOT, "%.2f× [%.2f–%.2f]", ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1]);
    }
}
