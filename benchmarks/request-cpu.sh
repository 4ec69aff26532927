#!/usr/bin/env bash
# What one small request costs the example server in CPU time, end to end through HTTP: RequestCpuRun's
# Okta and Entra ID PATCHes and userName lookups, one at a time, against the server on the in-memory
# store (STORE=memory, the default) or its embedded H2 store (STORE=h2), for one or more server jars,
# alternating them ROUNDS times (default 3) so that a busy machine weighs on each alike. The server's CPU
# time comes from /proc/<pid>/stat (Linux only). Loopback only; activity recording off unless ACTIVITY=on.
#
#   benchmarks/request-cpu.sh OLD.jar NEW.jar                 e.g. a build of an older commit against this one
#   STORE=h2 REQUESTS=3000 ROUNDS=4 benchmarks/request-cpu.sh examples/target/scimkit-server.jar
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
load_jar="$here/target/benchmarks.jar"
[[ -f "$load_jar" ]] || (cd "$here/.." && mvn -B -ntp -q -DskipTests -pl benchmarks -am package)
[[ $# -gt 0 ]] || set -- "$here/../examples/target/scimkit-server.jar"
port="${PORT:-18097}"
token="cpu-$RANDOM$RANDOM"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "${STORE:-memory}" in
  memory) store=(--store memory) ;;
  h2) store=() ;;
  *) echo "STORE is memory or h2" >&2; exit 2 ;;
esac
for round in $(seq 1 "${ROUNDS:-3}"); do
  for jar in "$@"; do
    java -jar "$jar" --port "$port" --token "$token" "${store[@]}" --data-dir "$work/data-$round-$RANDOM" \
        --activity "${ACTIVITY:-off}" > "$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.5; done
    echo "== $jar, round $round, store ${STORE:-memory}, load average $(cut -d' ' -f1 /proc/loadavg)"
    timeout 900 java -cp "$load_jar" dev.scimkit.benchmarks.load.RequestCpuRun --port "$port" --pid "$server" \
        --token "$token" --requests "${REQUESTS:-20000}" --kinds "${KINDS:-okta,entra,get}"
    kill "$server"; wait "$server" 2> /dev/null || true
  done
done
