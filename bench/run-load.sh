#!/usr/bin/env bash
# Starts `gatehouse serve` on a fresh temporary data directory (127.0.0.1, port 0), runs the load scenarios
# against it from a second JVM (bench LoadMain), stops the server by its PID and prints the summary table.
#
#   bench/run-load.sh                         # all scenarios, 2 rounds, 20 s windows, 32 connections
#   bench/run-load.sh --scenario get,healthz --duration 10s --repeat 3
#
# Any argument is passed on to LoadMain (see bench/README.md). Environment:
#   SERVE_JAR / BENCH_JAR  the jars to run (default: cli/target/gatehouse.jar, bench/target/benchmarks.jar)
#   SERVER_JAVA_OPTS  JVM options of the server (default: none)
#   CLIENT_JAVA_OPTS  JVM options of the load generator (default: none)
#   KEEP_DATA=1       keep the data directory (printed at the end)
#   JFR=1             record a JFR profile of the server to $DATA/server.jfr
set -euo pipefail

cd "$(dirname "$0")/.."
SERVE_JAR=${SERVE_JAR:-cli/target/gatehouse.jar}
BENCH_JAR=${BENCH_JAR:-bench/target/benchmarks.jar}

source bench/serve-lifecycle.sh gatehouse-load

JFR_OPTS=()
if [[ "${JFR:-0}" == "1" ]]; then
  KEEP_DATA=1
  JFR_OPTS=("-XX:StartFlightRecording=filename=$DATA/server.jfr,dumponexit=true,settings=profile")
fi

# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} "${JFR_OPTS[@]}" -jar "$SERVE_JAR" serve --data-dir "$DATA" --kube-port 0 \
  > "$DATA/serve.log" 2>&1 &
SERVER_PID=$!

URL=""
for _ in $(seq 1 600); do
  URL=$(grep -o 'https://127\.0\.0\.1:[0-9]*' "$DATA/serve.log" | head -1 || true)
  [[ -n "$URL" ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$DATA/serve.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$URL" ]] || { echo "server did not print its URL" >&2; cat "$DATA/serve.log" >&2; exit 1; }
echo "server pid $SERVER_PID at $URL (data $DATA); nproc $(nproc); load avg $(cut -d' ' -f1-3 /proc/loadavg)"

ARGS=("$@")
[[ " ${ARGS[*]-} " == *" --repeat "* ]] || ARGS+=(--repeat 2)

# shellcheck disable=SC2086
java ${CLIENT_JAVA_OPTS:-} -cp "$BENCH_JAR" dev.gatehouse.bench.load.LoadMain \
  --url "$URL" --data-dir "$DATA" --server-pid "$SERVER_PID" "${ARGS[@]}"
