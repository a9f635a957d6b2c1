# Sourced by the bench scripts: builds the jars when missing, makes the temporary data directory $DATA and
# stops the server ($SERVER_PID) on exit, removing $DATA unless KEEP_DATA=1.
# Usage: source bench/serve-lifecycle.sh <mktemp prefix>
# Also defines stop_pid PID (TERM, then KILL after 10 s) and await_kube_url LOG PID [SECONDS] (prints the Kubernetes
# API URL once the server has logged it, waiting at most SECONDS, default 60; fails with the log if the process ends
# first).

if [[ ! -f "$SERVE_JAR" || ! -f "$BENCH_JAR" ]]; then
  echo "building $SERVE_JAR and $BENCH_JAR ..." >&2
  ./mvnw -q -B -o install -DskipTests -pl cli,bench -am || ./mvnw -q -B install -DskipTests -pl cli,bench -am
fi

DATA=$(mktemp -d -t "$1-XXXXXX")
SERVER_PID=""
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
await_kube_url() {
  local log=$1 pid=$2 seconds=${3:-60} url=""
  for _ in $(seq 1 $((seconds * 10))); do
    url=$(grep -o 'https://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)
    [[ -n "$url" ]] && { echo "$url"; return 0; }
    kill -0 "$pid" 2>/dev/null || { echo "server $pid ended:" >&2; cat "$log" >&2; return 1; }
    sleep 0.1
  done
  echo "server $pid did not print its URL within $seconds s" >&2
  cat "$log" >&2
  return 1
}
stop_server() {
  stop_pid "$SERVER_PID"
  if [[ "${KEEP_DATA:-0}" == "1" ]]; then
    echo "data directory kept: $DATA" >&2
  else
    rm -rf "$DATA"
  fi
}
trap stop_server EXIT
