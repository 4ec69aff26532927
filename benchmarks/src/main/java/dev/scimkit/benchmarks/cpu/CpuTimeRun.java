package dev.scimkit.benchmarks.cpu;

import dev.scimkit.benchmarks.GroupMemberAddBatch;
import dev.scimkit.benchmarks.GroupMemberAddRemoveBenchmark;
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
import java.util.function.IntFunction;
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
 * [--only REGEX] [--sizes 10,1000,100000] [--adds 8]}; {@code --only} keeps the cases whose name matches
 * (such as {@code ParseCreateUser}); {@code --sizes} sets the group sizes of the member cases:
 * {@code GroupMemberAdd} times {@code --adds} member adds per clock read with the undo outside the
 * measurement ({@link GroupMemberAddBatch}), {@code GroupMemberAddRemove} alternates an add and a
 * remove, both timed ({@link GroupMemberAddRemoveBenchmark}).
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
        Pattern only = null;
        int[] sizes = {10, 1_000, 100_000};
        int adds = 8;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = Pattern.compile(args[++i]);
                case "--adds" -> adds = Integer.parseInt(args[++i]);
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("| case | scimkit ns/op (CPU) | UnboundID 5.0.0 | UnboundID 6.0.0 | SCIM-SDK "
                + "| faster peer ÷ scimkit, median [min–max] of rounds |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        // GroupMemberAddRemove measures mostly the peers' removes (see its class): only when asked for by name
        Pattern selected = only != null ? only : Pattern.compile("^(?!GroupMemberAddRemove)");
        for (Map.Entry<String, Map<String, Op>> c : cases(selected, sizes, adds).entrySet()) {
            if (!selected.matcher(c.getKey()).find()) {
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

    private static Map<String, Map<String, Op>> cases(Pattern only, int[] sizes, int adds) {
        Map<String, Map<String, Op>> cases = new LinkedHashMap<>();
        for (PatchInput input : PatchInput.values()) {
            PatchApplyBenchmark b = new PatchApplyBenchmark();
            b.input = input;
            b.setUp();
            Map<String, Op> libs = new LinkedHashMap<>();
            libs.put("scimkit", batched(b::scimkit));
            libs.put("unboundId", batched(b::unboundId));
            libs.put("unboundId6", batched(b::unboundId6));
            libs.put("scimSdk", batched(b::scimSdk));
            cases.put("PatchApply " + input, libs);
        }
        for (PatchInput input : PatchInput.values()) {   // the same through apply, as the stores call it
            PatchApplyBenchmark b = new PatchApplyBenchmark();
            b.input = input;
            b.setUp();
            Map<String, Op> libs = new LinkedHashMap<>();
            libs.put("scimkit", batched(b::scimkitCopy));
            libs.put("unboundId", batched(b::unboundId));
            libs.put("unboundId6", batched(b::unboundId6));
            libs.put("scimSdk", batched(b::scimSdk));
            cases.put("PatchApply " + input + " (apply)", libs);
        }
        // every call really flips active; scimkit as its stores call it (apply), then in place
        PatchFlipBenchmark flip = new PatchFlipBenchmark();
        flip.setUp();
        PatchFlipBenchmark flipInPlace = new PatchFlipBenchmark();
        flipInPlace.setUp();
        cases.put("PatchFlip okta (apply)", flipLibs(flip, flip::scimkit));
        cases.put("PatchFlip okta (applyInPlace)", flipLibs(flipInPlace, flipInPlace::scimkitInPlace));
        // the same through the in-memory store's patch (what the server's PATCH costs below HTTP)
        PatchFlipBenchmark flipStore = new PatchFlipBenchmark();
        flipStore.setUp();
        cases.put("PatchFlip okta (in-memory store)", flipLibs(flipStore, flipStore::scimkitStore));
        // not a PATCH: the top-level copy alone, which any copy-on-write apply must make, against the
        // peers' whole PATCH; its ratio bounds what the (apply) and store rows can reach
        PatchFlipBenchmark floor = new PatchFlipBenchmark();
        floor.setUp();
        cases.put("PatchFlip okta, floor: the User's top-level copy alone", flipLibs(floor, floor::floorTopLevelCopy));
        JsonBenchmark.ParseCreateUser parse = new JsonBenchmark.ParseCreateUser();
        parse.setUp();
        Map<String, Op> libs = new LinkedHashMap<>();
        libs.put("scimkit", batched(parse::scimkit));
        libs.put("unboundId", batched(parse::unboundId));
        libs.put("unboundId6", batched(parse::unboundId6));
        libs.put("scimSdk", batched(parse::scimSdk));
        cases.put("ParseCreateUser", libs);
        for (int size : sizes) {
            String name = "GroupMemberAdd size=" + size;
            if (only.matcher(name).find()) { // its setup creates size + adds users in scimkit's store: only when asked for
                GroupMemberAddBatch g = new GroupMemberAddBatch(size, adds);
                Map<String, Op> group = new LinkedHashMap<>();
                group.put("scimkit", addsThenUndo(adds, g::scimkit, g::undoScimkit));
                group.put("unboundId", addsThenUndo(adds, g::unboundId, g::undoUnboundId));
                group.put("unboundId6", addsThenUndo(adds, g::unboundId6, g::undoUnboundId6));
                group.put("scimSdk", addsThenUndo(adds, g::scimSdk, g::undoScimSdk));
                group.put(TIMER, addsThenUndo(adds, i -> null, () -> { }));
                cases.put(name, group);
            }
            name = "GroupMemberAddRemove size=" + size;
            if (only.matcher(name).find()) {
                GroupMemberAddRemoveBenchmark g = new GroupMemberAddRemoveBenchmark();
                g.size = size;
                g.setUp();
                Map<String, Op> group = new LinkedHashMap<>();
                group.put("scimkit", batched(g::scimkit));
                group.put("unboundId", batched(g::unboundId));
                group.put("unboundId6", batched(g::unboundId6));
                group.put("scimSdk", batched(g::scimSdk));
                cases.put(name, group);
            }
        }
        return cases;
    }

    private static Map<String, Op> flipLibs(PatchFlipBenchmark b, Supplier<Object> scimkit) {
        Map<String, Op> libs = new LinkedHashMap<>();
        libs.put("scimkit", batched(scimkit));
        libs.put("unboundId", batched(b::unboundId));
        libs.put("unboundId6", batched(b::unboundId6));
        libs.put("scimSdk", batched(b::scimSdk));
        return libs;
    }

    private static String measure(String name, Map<String, Op> libs, int rounds) {
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
                perOp.get(lib)[r] = libs.get(lib).cpuNanosPerOp(batch.get(lib));
            }
        }
        if (perOp.containsKey(TIMER)) {
            // The timed calls include reading the CPU clock; the empty call measured in the same
            // round is that cost, the same for every library: subtracted per round.
            double[] timer = perOp.remove(TIMER);
            names.remove(TIMER);
            for (double[] lib : perOp.values()) {
                for (int r = 0; r < rounds; r++) {
                    lib[r] -= timer[r];
                }
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
    private static int warmUpAndSize(Op op) {
        long end = System.nanoTime() + 2_000_000_000L;
        long cpuEnd = THREADS.getCurrentThreadCpuTime() + 1_000_000_000L;
        int calls = 0;
        while (System.nanoTime() < end || THREADS.getCurrentThreadCpuTime() < cpuEnd) {
            op.cpuNanosPerOp(64); // the CPU clock is a system call: read it once per 64 calls
            calls += 64;
        }
        double perOp = Math.max(1.0, op.cpuNanosPerOp(Math.max(2, calls / 40 & ~1)));
        // even, so a batch of a case that alternates two calls (add, remove) has as many of each
        return 2 * (int) Math.max(1, Math.min(2_500_000, 25_000_000 / Math.max(1.0, perOp)));
    }

    /** One library's side of a case: {@code n} calls, and the thread CPU time they took per call. */
    @FunctionalInterface
    private interface Op {
        double cpuNanosPerOp(int n);
    }

    /** The name of the empty call that measures the clock reads of {@link #addsThenUndo}. */
    private static final String TIMER = "timer";

    /** Calls that can follow each other: one clock read around the batch. */
    private static Op batched(Supplier<Object> op) {
        return n -> {
            int h = 0;
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                h += System.identityHashCode(op.get());
            }
            long cpu = THREADS.getCurrentThreadCpuTime() - start;
            sink += h;
            return (double) cpu / n;
        };
    }

    /**
     * Calls that change their input and need an undo (member adds): {@code adds} different calls
     * timed together, then the undo, outside the measurement. The clock reads' own cost is in every
     * library's time alike; the case's {@link #TIMER} entry measures it and {@code measure} subtracts it.
     */
    private static Op addsThenUndo(int adds, IntFunction<Object> op, Runnable undo) {
        return n -> {
            int h = 0;
            long cpu = 0;
            int batches = Math.max(1, n / adds);
            for (int b = 0; b < batches; b++) {
                long start = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < adds; i++) {
                    h += System.identityHashCode(op.apply(i));
                }
                cpu += THREADS.getCurrentThreadCpuTime() - start;
                undo.run();
            }
            sink += h;
            return (double) cpu / (batches * adds);
        };
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
