#!/usr/bin/env bash
# Gatehouse on etcd against Gatehouse on its embedded (SQLite) engine, in one run on one machine:
#   1. a single-member etcd (loopback ports, temporary data dir) and replica A on it (--store etcd://...):
#      LoadMain scenarios create,get,list500 against A;
#   2. replica B on the same etcd: watch-fanout with the watchers on B and the writes through A, so that every
#      event travels A -> etcd -> B -> watcher;
#   3. etcd, A and B stopped; one embedded-engine server: the same create,get,list500 and a watch-fanout on it alone.
# Prints both summary tables, a ratio table (etcd / embedded) and nproc + load average.
#
#   bench/run-etcd-load.sh                                   # 2 rounds, 20 s windows, 32 connections, 1000 watchers
#   bench/run-etcd-load.sh --duration 5s --warmup 3s --prewarm 5s --repeat 1 --watchers 200   # a quick check
#
# Arguments go to every LoadMain run (not --scenario, --url, --data-dir, --server-pid, --write-url, --results-file:
# the script sets those). Environment:
#   SERVE_JAR / BENCH_JAR  the jars (default: cli/target/gatehouse.jar, bench/target/benchmarks.jar)
#   ETCD                   the etcd binary (default: /usr/bin/etcd)
#   REQUEST_SCENARIOS      default create,get,list500
#   SERVER_JAVA_OPTS / CLIENT_JAVA_OPTS  JVM options of the servers / of the load generator
#   KEEP_DATA=1            keep the temporary directory (logs, etcd and data dirs, results .tsv)
set -euo pipefail

cd "$(dirname "$0")/.."
SERVE_JAR=${SERVE_JAR:-cli/target/gatehouse.jar}
BENCH_JAR=${BENCH_JAR:-bench/target/benchmarks.jar}
ETCD=${ETCD:-/usr/bin/etcd}
REQUEST_SCENARIOS=${REQUEST_SCENARIOS:-create,get,list500}

[[ -x "$ETCD" ]] || { echo "etcd not found at $ETCD (set ETCD=...)" >&2; exit 1; }
for arg in "$@"; do
  case "$arg" in
    --scenario|--url|--data-dir|--server-pid|--write-url|--results-file)
      echo "$arg is set by this script (REQUEST_SCENARIOS chooses the request scenarios)" >&2; exit 2 ;;
  esac
done

source bench/serve-lifecycle.sh gatehouse-etcd-load   # $DATA, stop_pid, await_kube_url, the EXIT trap
STARTED=()   # every process this script started, in order; stopped newest first
stop_all() {
  local i
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    stop_pid "${STARTED[i]}"
  done
  stop_server   # nothing left to stop; removes $DATA unless KEEP_DATA=1
}
trap stop_all EXIT

ARGS=("$@")
[[ " ${ARGS[*]-} " == *" --repeat "* ]] || ARGS+=(--repeat 2)
START=$(date +%s)
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# load NAME URL DATA_DIR PIDS [LoadMain options...]: one LoadMain run, its output shown and kept in $DATA/NAME.out,
# one line per window in $DATA/<engine>.tsv (NAME = engine-what).
load() {
  local name=$1 url=$2 dir=$3 pids=$4
  shift 4
  echo
  echo "=== $name: $url (load avg $(loadavg))"
  # shellcheck disable=SC2086
  java ${CLIENT_JAVA_OPTS:-} -cp "$BENCH_JAR" dev.gatehouse.bench.load.LoadMain --url "$url" --data-dir "$dir" \
    --server-pid "$pids" --results-file "$DATA/${name%%-*}.tsv" "$@" "${ARGS[@]}" | tee "$DATA/$name.out"
}

# serve NAME DATA_DIR [serve options...]: starts a Gatehouse server in the background, logs to $DATA/NAME.log;
# sets LAST_PID and LAST_URL.
serve() {
  local name=$1 dir=$2
  shift 2
  # shellcheck disable=SC2086
  java ${SERVER_JAVA_OPTS:-} -jar "$SERVE_JAR" serve --data-dir "$dir" --kube-port 0 --aws-port 0 "$@" \
    > "$DATA/$name.log" 2>&1 &
  LAST_PID=$!
  STARTED+=("$LAST_PID")
  LAST_URL=$(await_kube_url "$DATA/$name.log" "$LAST_PID" 180)
  echo "$name: pid $LAST_PID at $LAST_URL (data $dir)"
}

# --- etcd: two loopback ports free right now (etcd cannot pick its own and report them).
read -r CLIENT_PORT PEER_PORT < <(python3 -c 'import socket
ss = [socket.socket() for _ in range(2)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])')
"$ETCD" --name default --data-dir "$DATA/etcd" \
  --listen-client-urls "http://127.0.0.1:$CLIENT_PORT" --advertise-client-urls "http://127.0.0.1:$CLIENT_PORT" \
  --listen-peer-urls "http://127.0.0.1:$PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$PEER_PORT" \
  --initial-cluster "default=http://127.0.0.1:$PEER_PORT" > "$DATA/etcd.log" 2>&1 &
ETCD_PID=$!
STARTED+=("$ETCD_PID")
for _ in $(seq 1 300); do
  (exec 3<>"/dev/tcp/127.0.0.1/$CLIENT_PORT") 2>/dev/null && break
  kill -0 "$ETCD_PID" 2>/dev/null || { cat "$DATA/etcd.log" >&2; exit 1; }
  sleep 0.1
done
echo "etcd: pid $ETCD_PID at http://127.0.0.1:$CLIENT_PORT ($("$ETCD" --version | head -1)); data $DATA/etcd"
STORE="etcd://127.0.0.1:$CLIENT_PORT"

# Replicas share their CA and admin identity: through the store when the server has --encryption-key-file (one
# key file for every replica), otherwise by copying A's pki/ to B before B starts.
SHARED=()
# (grep without -q reads to the end: with -q, pipefail would see java killed by SIGPIPE and call it a miss.)
if java -jar "$SERVE_JAR" serve --help 2>&1 | grep -- '--encryption-key-file' > /dev/null; then
  KEYFILE="$DATA/encryption.key"
  (umask 077 && head -c 32 /dev/urandom | base64 > "$KEYFILE")
  SHARED=(--encryption-key-file "$KEYFILE")
  echo "replicas share --encryption-key-file $KEYFILE"
fi

serve etcd-a "$DATA/a" --store "$STORE" "${SHARED[@]}"
A_PID=$LAST_PID A_URL=$LAST_URL
load etcd-requests "$A_URL" "$DATA/a" "$A_PID,$ETCD_PID" --scenario "$REQUEST_SCENARIOS"

if [[ ${#SHARED[@]} -eq 0 ]]; then
  mkdir -p "$DATA/b"
  cp -r "$DATA/a/pki" "$DATA/b/pki"
  echo "replica B gets a copy of A's pki/"
fi
serve etcd-b "$DATA/b" --store "$STORE" "${SHARED[@]}"
B_PID=$LAST_PID B_URL=$LAST_URL
load etcd-watch "$B_URL" "$DATA/b" "$B_PID,$A_PID,$ETCD_PID" --scenario watch-fanout --write-url "$A_URL"

stop_pid "$B_PID"
stop_pid "$A_PID"
stop_pid "$ETCD_PID"

serve embedded "$DATA/embedded"
E_PID=$LAST_PID E_URL=$LAST_URL
load embedded-requests "$E_URL" "$DATA/embedded" "$E_PID" --scenario "$REQUEST_SCENARIOS"
load embedded-watch "$E_URL" "$DATA/embedded" "$E_PID" --scenario watch-fanout
stop_pid "$E_PID"

# --- Summary: LoadMain's own tables, then mean ops/s and p99 per scenario side by side.
summary() {  # the table LoadMain printed last (from its header to the end)
  awk '/^round +scenario/ {on = 1} on' "$DATA/$1.out"
}
echo
echo "================ etcd ($STORE; replica A $A_URL, B $B_URL) ================"
summary etcd-requests
echo
echo "watch-fanout: watchers on B, writes through A; srv cpu = B + A + etcd"
summary etcd-watch
echo
echo "================ embedded (SQLite) ================"
summary embedded-requests
echo
summary embedded-watch
echo
echo "etcd / embedded (mean over rounds; ops/s ratio < 1 = etcd slower, p99 ratio > 1 = etcd slower):"
awk -F'\t' '
  FNR == 1 { engine = (FILENAME ~ /etcd\.tsv$/) ? "etcd" : "emb"; next }
  { key = $2; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    ops[engine, key] += $5; p99[engine, key] += $8; us[engine, key] += $13; cnt[engine, key]++ }
  function mean(a, e, k) { return cnt[e, k] ? a[e, k] / cnt[e, k] : 0 }
  function ratio(x, y) { return y > 0 ? sprintf("x%.2f", x / y) : "-" }
  END {
    printf "%-13s %10s %10s %7s %10s %10s %7s %9s %9s\n", "scenario", "etcd ops/s", "emb ops/s", "ratio",
      "etcd p99", "emb p99", "ratio", "etcd us/op", "emb us/op"
    for (i = 1; i <= n; i++) {
      k = order[i]
      eo = mean(ops, "etcd", k); bo = mean(ops, "emb", k); ep = mean(p99, "etcd", k); bp = mean(p99, "emb", k)
      printf "%-13s %10.0f %10.0f %7s %8.2fms %8.2fms %7s %9.1f %9.1f\n", k, eo, bo, ratio(eo, bo), ep, bp,
        ratio(ep, bp), mean(us, "etcd", k), mean(us, "emb", k)
    }
  }' "$DATA/etcd.tsv" "$DATA/embedded.tsv"
echo "(us/op = server CPU per operation; on etcd it counts A + etcd, and for watch-fanout also B)"
echo "nproc $(nproc); load avg now $(loadavg); whole run $(( $(date +%s) - START )) s"
