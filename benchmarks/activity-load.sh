#!/usr/bin/env bash
# What recording activity costs a SCIM request: LoadRun's Entra-like cycle through HTTP against the
# example server on its embedded H2 store, with --activity off and --activity on (the entries written to
# H2 beside the TrackTik tables, off the request path), alternating ROUNDS times (default 3) so that a
# busy machine weighs on both alike. Loopback only; each run is bounded (10 minutes at most). Besides
# the rates, each run prints the server process's CPU time per request ("CPU ..." lines, from
# /proc/<pid>/stat, so Linux only): CPU time depends far less than wall time on what else the machine runs.
#
#   benchmarks/activity-load.sh [examples/target/scimkit-server.jar]      USERS=1000 ROUNDS=3 by default
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${1:-$here/../examples/target/scimkit-server.jar}"
load_jar="$here/target/benchmarks.jar"
[[ -f "$load_jar" ]] || (cd "$here/.." && mvn -B -ntp -q -DskipTests -pl benchmarks -am package)
port="${PORT:-18096}"
token="load-$RANDOM$RANDOM"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# utime + stime of a process, in clock ticks (Linux /proc; the command name in field 2 may hold spaces).
server_cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
for round in $(seq 1 "${ROUNDS:-3}"); do
  for activity in off on; do
    data="$work/data-$round-$activity"
    java -jar "$jar" --port "$port" --token "$token" --data-dir "$data" --activity "$activity" > "$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.5; done
    echo "== --activity $activity, round $round, load average $(cut -d' ' -f1 /proc/loadavg)"
    cpu_before=$(server_cpu_ticks "$server")
    timeout 600 java -cp "$load_jar" dev.scimkit.benchmarks.load.LoadRun --external-port "$port" \
        --base-path /rest/scim/v2 --token "$token" --users "${USERS:-1000}" --groups 10 > "$work/load.md"
    # The recorder gathers a batch for 200 ms before it writes: let it finish this run's entries, so
    # their cost is counted in this run's CPU time.
    sleep 2
    cpu_after=$(server_cpu_ticks "$server")
    grep -E '^\| (phase|---|test connection|Test-Connection|create users|create groups|add members|lookup|disable)' "$work/load.md"
    requests=$(awk -F'|' '/^\| (Test-Connection|create|add members|lookup|disable)/ { gsub(/[ ,]/, "", $4); n += $4 } END { print n }' "$work/load.md")
    # Server CPU time (user + system, all threads: requests, the recorder, JIT, GC) per request; the
    # same requests in both runs, so the ratio on ÷ off is what recording costs in CPU.
    awk -v a="$activity" -v r="$round" -v t="$((cpu_after - cpu_before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN { printf "CPU activity=%s round=%s requests=%d server_cpu_s=%.2f cpu_us_per_request=%.1f\n", a, r, n, t / hz, t / hz / n * 1e6 }'
    kill "$server"; wait "$server" 2> /dev/null || true
  done
done
