#!/usr/bin/env bash
# Starts `gatehouse serve` (fresh temporary data directory, --kube-port 0 --aws-port 0, 127.0.0.1) and a moto_server
# (127.0.0.1, a free port, IAM auth switched on by the generator after its setup), runs the AWS load scenarios
# against both from a second JVM (bench AwsLoadMain), stops both servers by their PIDs and prints the table with
# the Gatehouse/moto ratio.
#
#   bench/run-aws-load.sh                                   # get-caller-identity + assume-role; moto: get-caller-identity
#   bench/run-aws-load.sh --duration 10s --warmup 5s --repeat 2
#   bench/run-aws-load.sh --scenario all --moto-scenario all --moto-concurrency 8
#
# Any argument is passed on to AwsLoadMain (see bench/README.md or --help). Environment:
#   SERVE_JAR / BENCH_JAR  the jars to run (default: cli/target/gatehouse.jar, bench/target/benchmarks.jar)
#   BUILD=auto|0|1    auto (default): rebuild cli+bench when a jar is missing or older than a source file or pom;
#                     0: never build; 1: always build
#   SERVER_JAVA_OPTS  JVM options of Gatehouse (default: none)
#   CLIENT_JAVA_OPTS  JVM options of the load generator (default: none)
#   MOTO_SERVER       the moto_server executable (default: moto_server on PATH, else /root/.pyenv/shims/moto_server)
#   NO_MOTO=1         measure Gatehouse only
#   KEEP_DATA=1       keep the data directory (printed at the end); it holds serve.log and moto.log
#   JFR=1             record a JFR profile of Gatehouse to $DATA/server.jfr (implies KEEP_DATA=1)
set -euo pipefail

cd "$(dirname "$0")/.."
SERVE_JAR=${SERVE_JAR:-cli/target/gatehouse.jar}
BENCH_JAR=${BENCH_JAR:-bench/target/benchmarks.jar}

# A jar is stale when a pom or a main source/resource of a module that goes into the jars is newer than it (like
# ./gatehouse's check, minus tests and e2e, which the build below does not touch: an edited test must not cause a
# rebuild on every run).
stale() {
  [[ ! -f "$1" ]] || [[ -n "$(find . \( -path ./.git -o -path ./e2e -o -path '*/target' -o -path '*/src/test' \) -prune \
    -o \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$1" -print -quit)" ]]
}
case "${BUILD:-auto}" in
  1) build=1 ;;
  0) build=0 ;;
  *) if stale "$SERVE_JAR" || stale "$BENCH_JAR"; then build=1; else build=0; fi ;;
esac
if [[ "$build" == "1" ]]; then
  echo "building $SERVE_JAR and $BENCH_JAR ..." >&2
  ./mvnw -q -B -o install -DskipTests -pl cli,bench -am || ./mvnw -q -B install -DskipTests -pl cli,bench -am
fi

if [[ -z "${MOTO_SERVER:-}" ]]; then
  MOTO_SERVER=$(command -v moto_server || echo /root/.pyenv/shims/moto_server)
fi

DATA=$(mktemp -d -t gatehouse-aws-load-XXXXXX)
SERVER_PID=""
MOTO_PID=""
stop_pid() {
  local pid=$1
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
}
stop_servers() {
  stop_pid "$SERVER_PID"
  stop_pid "$MOTO_PID"
  echo "load avg at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  if [[ "${KEEP_DATA:-0}" == "1" ]]; then
    echo "data directory kept: $DATA" >&2
  else
    rm -rf "$DATA"
  fi
}
trap stop_servers EXIT

JFR_OPTS=()
if [[ "${JFR:-0}" == "1" ]]; then
  KEEP_DATA=1
  JFR_OPTS=("-XX:StartFlightRecording=filename=$DATA/server.jfr,dumponexit=true,settings=profile")
fi

# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} "${JFR_OPTS[@]}" -jar "$SERVE_JAR" serve --data-dir "$DATA" --kube-port 0 --aws-port 0 \
  > "$DATA/serve.log" 2>&1 &
SERVER_PID=$!

MOTO_ARGS=()
if [[ "${NO_MOTO:-0}" != "1" ]]; then
  # A port free right now on 127.0.0.1 (moto_server cannot pick one itself and report it).
  MOTO_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # Auth stays off (moto's default) until the generator has created its user, key and policy.
  "$MOTO_SERVER" -H 127.0.0.1 -p "$MOTO_PORT" > "$DATA/moto.log" 2>&1 &
  MOTO_PID=$!
  MOTO_ARGS=(--moto-url "http://127.0.0.1:$MOTO_PORT" --moto-pid "$MOTO_PID")
fi

URL=""
for _ in $(seq 1 600); do
  URL=$(grep -o 'AWS endpoint (IAM, STS): http://127\.0\.0\.1:[0-9]*' "$DATA/serve.log" | grep -o 'http://.*' | head -1 || true)
  [[ -n "$URL" ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$DATA/serve.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$URL" ]] || { echo "gatehouse did not print its AWS endpoint" >&2; cat "$DATA/serve.log" >&2; exit 1; }

if [[ -n "$MOTO_PID" ]]; then
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$MOTO_PORT") 2>/dev/null && break
    kill -0 "$MOTO_PID" 2>/dev/null || { cat "$DATA/moto.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "moto pid $MOTO_PID ($(ps -o comm= -p "$MOTO_PID")) at http://127.0.0.1:$MOTO_PORT"
fi
echo "gatehouse pid $SERVER_PID at $URL (data $DATA); nproc $(nproc); load avg $(cut -d' ' -f1-3 /proc/loadavg)"

# shellcheck disable=SC2086
java ${CLIENT_JAVA_OPTS:-} -cp "$BENCH_JAR" dev.gatehouse.bench.load.aws.AwsLoadMain \
  --gatehouse-url "$URL" --gatehouse-data-dir "$DATA" --gatehouse-pid "$SERVER_PID" "${MOTO_ARGS[@]}" "$@"
