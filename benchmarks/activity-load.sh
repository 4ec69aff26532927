#!/usr/bin/env bash
# What recording activity costs a SCIM request: LoadRun's Entra-like cycle through HTTP against the
# example server on its embedded H2 store, with --activity off and --activity on (the entries written to
# H2 beside the TrackTik tables, off the request path), alternating ROUNDS times (default 3) so that a
# busy machine weighs on both alike. Loopback only; each run is bounded (10 minutes at most).
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
for round in $(seq 1 "${ROUNDS:-3}"); do
  for activity in off on; do
    data="$work/data-$round-$activity"
    java -jar "$jar" --port "$port" --token "$token" --data-dir "$data" --activity "$activity" > "$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.5; done
    echo "== --activity $activity, round $round, load average $(cut -d' ' -f1 /proc/loadavg)"
    timeout 600 java -cp "$load_jar" dev.scimkit.benchmarks.load.LoadRun --external-port "$port" \
        --base-path /rest/scim/v2 --token "$token" --users "${USERS:-1000}" --groups 10 \
      | grep -E '^\| (phase|---|test connection|create users|create groups|add members|lookup|disable)'
    kill "$server"; wait "$server" 2> /dev/null || true
  done
done
