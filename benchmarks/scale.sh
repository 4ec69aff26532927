#!/usr/bin/env bash
# The scale run of issue 16, never part of `mvn verify`: userName/externalId lookups and single-user
# PATCHes through HTTP (loopback) on the JDBC store, H2 file and embedded PostgreSQL, at 1,000 and
# 1,000,000 users (each on a fresh database, loaded by the batched import), then the in-memory store's
# heap per user. Results: benchmarks/target/results/scale-<store>.md and heap.md.
# On the shared 2-core machine: about 40 minutes for H2 at a million users, 15 for PostgreSQL, 5 for
# the heap; every phase is bounded in time (timeout 3600 s per step).
#
#   benchmarks/scale.sh                                   everything, 1,000 vs 1,000,000 users
#   STEPS=h2 USERS=1000,20000 benchmarks/scale.sh         a small run of one store (a minute or two)
#   SKIP_BUILD=1 STEPS="postgres heap" benchmarks/scale.sh
#   SECONDS_MEASURED=20 WARMUP=10 CONCURRENCY=4 WORK=/big/disk benchmarks/scale.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target/results"
jar="$here/target/benchmarks.jar"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  (cd "$root" && mvn -B -ntp -q -DskipTests -pl benchmarks -am package)
fi
mkdir -p "$out"
work="${WORK:-$(mktemp -d)}"   # the databases (about 5 GB for H2 at a million users); removed after each size
users="${USERS:-1000,1000000}"
for step in ${STEPS:-h2 postgres heap}; do
  echo "== $step, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  case "$step" in
    h2|postgres)
      timeout 3600 java -Xms2g -Xmx2g -cp "$jar" dev.scimkit.benchmarks.load.ScaleRun --store "$step" --users "$users" \
          --work "$work" --seconds "${SECONDS_MEASURED:-20}" --warmup "${WARMUP:-10}" --concurrency "${CONCURRENCY:-4}" \
          --out "$out/scale-$step.md" 2>&1 | grep -vE 'INFO|^SLF4J' ;;
    heap)
      # Users at each checkpoint; the largest must fit in the heap with room for a full GC.
      timeout 3600 java -Xms8g -Xmx8g -cp "$jar" dev.scimkit.benchmarks.load.HeapPerUser \
          --users "${HEAP_USERS:-100000,500000,1000000}" --out "$out/heap.md" ;;
    *) echo "unknown step $step (h2, postgres, heap)" >&2; exit 2 ;;
  esac
done
echo "results in $out"
