# Sourced by the bench scripts: builds the jars when missing, makes the temporary data directory $DATA and
# stops the server ($SERVER_PID) on exit, removing $DATA unless KEEP_DATA=1.
# Usage: source bench/serve-lifecycle.sh <mktemp prefix>

if [[ ! -f "$SERVE_JAR" || ! -f "$BENCH_JAR" ]]; then
  echo "building $SERVE_JAR and $BENCH_JAR ..." >&2
  ./mvnw -q -B -o install -DskipTests -pl cli,bench -am || ./mvnw -q -B install -DskipTests -pl cli,bench -am
fi

DATA=$(mktemp -d -t "$1-XXXXXX")
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ "${KEEP_DATA:-0}" == "1" ]]; then
    echo "data directory kept: $DATA" >&2
  else
    rm -rf "$DATA"
  fi
}
trap stop_server EXIT
