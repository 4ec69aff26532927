#!/usr/bin/env bash
# The Entra-like cycle of LoadRun through HTTP against the example server on its embedded H2 store,
# for one or more server jars, alternating them ROUNDS times (default 2) so that a busy machine
# weighs on each alike. Loopback only; each run is bounded (LoadRun's own bounds, 10 minutes at most).
#
#   benchmarks/store-load.sh OLD.jar NEW.jar          e.g. a build of an older commit against this one
#   USERS=2000 ROUNDS=3 benchmarks/store-load.sh examples/target/scimkit-server.jar
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
load_jar="$here/target/benchmarks.jar"
[[ -f "$load_jar" ]] || (cd "$here/.." && mvn -B -ntp -q -DskipTests -pl benchmarks -am package)
port="${PORT:-18095}"
token="load-$RANDOM$RANDOM"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for round in $(seq 1 "${ROUNDS:-2}"); do
  for jar in "$@"; do
    data="$work/data-$round-$(basename "$jar")"
    java -jar "$jar" --port "$port" --token "$token" --data-dir "$data" > "$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.5; done
    echo "== $jar, round $round"
    timeout 600 java -cp "$load_jar" dev.scimkit.benchmarks.load.LoadRun --external-port "$port" \
        --base-path /rest/scim/v2 --token "$token" --users "${USERS:-1000}" --groups 10 \
      | grep -E '^\| (phase|---|create users|add members|disable)'
    kill "$server"; wait "$server" 2> /dev/null || true
  done
done
