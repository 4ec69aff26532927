#!/usr/bin/env bash
# Runs the whole comparison: the JMH benchmarks (scimkit vs UnboundID SCIM 2 SDK vs SCIM-SDK, same JVM
# settings, same inputs, one run) and the HTTP load run, then writes the tables.
# About 8 minutes on 2 cores. Results: benchmarks/target/results/.
#
#   benchmarks/run.sh                 build, then run everything
#   SKIP_BUILD=1 benchmarks/run.sh    reuse benchmarks/target/benchmarks.jar
#   benchmarks/run.sh Filter          only the JMH benchmarks whose name matches (a JMH regexp); no load run
#   MODE=long benchmarks/run.sh "$(cat benchmarks/deciding-rows.txt)"
#                                     the rows that decide a target, with error bars smaller than the
#                                     effects: 3 forks x (4 x 1 s warm-up, 8 x 1 s measured; groups of
#                                     10 and 100,000 members), then the
#                                     CPU-time comparison (CpuTimeRun), which survives a loaded machine.
#                                     About 20 minutes for those rows; no load run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target/results"
jar="$here/target/benchmarks.jar"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  # -am builds the library modules the benchmarks measure; tests are the normal build's job.
  (cd "$root" && mvn -B -ntp -q -DskipTests -pl benchmarks -am package)
fi
mkdir -p "$out"

filter="${1:-}"
# JMH settings: one fork, 4 × 1 s warm-up, 5 × 1 s measurement. With 3 warm-up seconds the C2
# compiles of scimkit's PATCH path were still landing in the first measured iteration (error bars
# larger than the means); 4 settles them and keeps the whole run under 10 minutes on 2 cores.
jmh_opts=(-f 1 -wi 4 -w 1s -i 5 -r 1s -tu ns -bm avgt -rf json -rff "$out/jmh.json")
if [[ "${MODE:-}" == "long" ]]; then
  # Several JVMs, because one fork can flatter or wrong a sub-microsecond operation by up to 2x (JIT
  # and heap layout differ between forks); JMH's error then spans the forks, not just one JVM's noise.
  jmh_opts=(-f 3 -wi 4 -w 1s -i 8 -r 1s -p size=10,100000 -tu ns -bm avgt -rf json -rff "$out/jmh.json")
fi
java -jar "$jar" ${filter:+"$filter"} "${jmh_opts[@]}" | tee "$out/jmh.txt"
java -cp "$jar" dev.scimkit.benchmarks.report.ResultsTable "$out/jmh.json" "$out/jmh.md"

if [[ "${MODE:-}" == "long" ]]; then
  # A fixed, pre-touched heap: while a heap grows, the first touch of each new page is a page fault
  # charged to the allocating thread's CPU time, which inflated the member-add case (it builds a
  # 100,000-user store) 5-15x for whichever library allocates more.
  java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp "$jar" dev.scimkit.benchmarks.cpu.CpuTimeRun --rounds 30 --out "$out/cpu.md" | tee "$out/cpu.txt"
  cat "$out/cpu.md"
fi

if [[ -z "$filter" && "${MODE:-}" != "long" ]]; then
  # Loopback only, bounded in requests and time; see LoadRun's Javadoc.
  java -Xms1g -Xmx1g -cp "$jar" dev.scimkit.benchmarks.load.LoadRun --out "$out/load.md" | tee "$out/load.txt"
fi

echo
cat "$out/jmh.md"
[[ -f "$out/load.md" && -z "$filter" && "${MODE:-}" != "long" ]] && cat "$out/load.md"
echo "results in $out"
