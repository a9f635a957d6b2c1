#!/usr/bin/env bash
# EKS token vs x509: how much server time does `kubectl get pods` as an IAM-mapped user add over the x509 admin?
#
# Starts `gatehouse serve` on a fresh temporary data directory (127.0.0.1, both ports chosen by the OS), creates
# EKS cluster `bench` with the real `aws` CLI (the creator, gatehouse-admin, is mapped to kubernetes-admin in
# system:masters, CONFIG_MAP mode), then runs LoadMain from a second JVM against /clusters/bench, alternately
# with the admin client certificate and with a fresh `aws eks get-token` token (fetched before every token run,
# so none is near its 15 minutes):
#
#   for each round, for each concurrency (1 and 32): x509, token        (x509, token, x509, token, ...)
#   then, still in the round, InterleavedAuthMain: one client JVM, one request at a time, credentials switched
#   per request (x509, token, token, x509, ...), so both see the same background load
#
# Scenarios `get` (one ConfigMap) and `get-pods` (kubectl get pods: LIST of 10 pods as a Table). Any failed
# request fails the run (--max-errors 0). At the end AuthComparisonMain pairs the windows and prints the
# differences; the audit log's own durations per credential are summarised too. Stops the server by its PID.
#
#   bench/run-eks-load.sh                         # 2 rounds, 10 s windows: about 8 minutes
#   ROUNDS=3 DURATION=15s bench/run-eks-load.sh
#
# Environment:
#   ROUNDS (2), CONCURRENCIES ("1 32"), SCENARIOS (get,get-pods), DURATION (10s), WARMUP (5s), PREWARM (10s: each
#   client JVM, unmeasured), SERVER_WARMUP (20s per credential, once, before the first measured run),
#   INTERLEAVED_DURATION (15s per scenario, shared by both credentials; 0 skips the interleaved runs)
#   SERVE_JAR / BENCH_JAR, SERVER_JAVA_OPTS / CLIENT_JAVA_OPTS, KEEP_DATA=1 as in run-load.sh
set -euo pipefail

cd "$(dirname "$0")/.."
SERVE_JAR=${SERVE_JAR:-cli/target/gatehouse.jar}
BENCH_JAR=${BENCH_JAR:-bench/target/benchmarks.jar}
ROUNDS=${ROUNDS:-2}
CONCURRENCIES=${CONCURRENCIES:-"1 32"}
SCENARIOS=${SCENARIOS:-get,get-pods}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
PREWARM=${PREWARM:-10s}
SERVER_WARMUP=${SERVER_WARMUP:-20s}
INTERLEAVED_DURATION=${INTERLEAVED_DURATION:-15s}
CLUSTER=bench

command -v aws >/dev/null || { echo "the aws CLI is needed" >&2; exit 1; }
source bench/serve-lifecycle.sh gatehouse-eks-load

# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} -jar "$SERVE_JAR" serve --data-dir "$DATA/server" --kube-port 0 --aws-port 0 \
  > "$DATA/serve.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 600); do
  grep -q '^export AWS_ENDPOINT_URL=' "$DATA/serve.log" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$DATA/serve.log" >&2; exit 1; }
  sleep 0.1
done
grep -q '^export AWS_ENDPOINT_URL=' "$DATA/serve.log" || { echo "server did not start" >&2; cat "$DATA/serve.log" >&2; exit 1; }
KUBE_URL=$(grep -o 'https://127\.0\.0\.1:[0-9]*' "$DATA/serve.log" | head -1)

# The aws CLI sees only what the server printed: a fresh HOME, its config and credentials files, its endpoint
# (also for STS, so that get-token presigns for Gatehouse's STS and not sts.amazonaws.com).
export HOME="$DATA/home"
mkdir -p "$HOME"
eval "$(grep -E '^export AWS_(CONFIG_FILE|SHARED_CREDENTIALS_FILE|PROFILE|ENDPOINT_URL)=' "$DATA/serve.log")"
export AWS_ENDPOINT_URL_STS="$AWS_ENDPOINT_URL"
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_DEFAULT_PROFILE

aws eks create-cluster --name "$CLUSTER" --role-arn arn:aws:iam::123456789012:role/any \
  --resources-vpc-config subnetIds=subnet-1 --query 'cluster.[status,endpoint,accessConfig.authenticationMode]' \
  --output text > "$DATA/create-cluster.txt"
echo "server pid $SERVER_PID at $KUBE_URL, AWS $AWS_ENDPOINT_URL (data $DATA); cluster: $(cat "$DATA/create-cluster.txt")"
echo "nproc $(nproc); load avg $(cut -d' ' -f1-3 /proc/loadavg); $(aws --version 2>&1)"

RESULTS="$DATA/results.tsv"
fresh_token() {
  aws eks get-token --cluster-name "$CLUSTER" --output json > "$DATA/token.json"
}

# load CRED CONCURRENCY PHASE [LoadMain options...]: one client JVM with one credential at one concurrency; its
# User-Agent gatehouse-bench-PHASE-CRED-cN tells its requests apart in the audit log.
load() {
  local cred=$1 concurrency=$2 phase=$3
  shift 3
  local auth=()
  if [[ "$cred" == token ]]; then
    fresh_token
    auth=(--bearer-token-file "$DATA/token.json")
  fi
  local out="$DATA/load-$cred-c$concurrency-$(date +%s%N).log"
  # shellcheck disable=SC2086
  if ! java ${CLIENT_JAVA_OPTS:-} -cp "$BENCH_JAR" dev.gatehouse.bench.load.LoadMain --url "$KUBE_URL" \
      --data-dir "$DATA/server" --server-pid "$SERVER_PID" --path-prefix "/clusters/$CLUSTER" \
      --user-agent "gatehouse-bench-$phase-$cred-c$concurrency" --scenario "$SCENARIOS" \
      --concurrency "$concurrency" --max-errors 0 \
      "${auth[@]}" "$@" > "$out" 2>&1; then
    cat "$out" >&2
    echo "LoadMain ($cred, concurrency $concurrency) failed" >&2
    exit 1
  fi
  # The run must really have authenticated with what it claims: the token run as the IAM user, mapped.
  local who
  who=$(grep '^authenticated' "$out")
  if [[ "$cred" == token && "$who" != *"arn=arn:aws:iam::"*":user/gatehouse-admin"* ]]; then
    echo "the token run did not authenticate through the EKS token: $who" >&2
    exit 1
  fi
  if [[ "$cred" == x509 && "$who" == *"arn="* ]]; then
    echo "the x509 run authenticated as an IAM identity: $who" >&2
    exit 1
  fi
  grep -E '^(authenticated|get|get-pods) ' "$out" | sed "s/^/  [$cred c=$concurrency] /" | cut -c1-200
}

echo "server warm-up: $SERVER_WARMUP per credential at concurrency 32 (not measured)"
for cred in x509 token; do
  load "$cred" 32 warmup --prewarm "$SERVER_WARMUP" --warmup 0s --duration 1s > /dev/null
done

for round in $(seq 1 "$ROUNDS"); do
  for concurrency in $CONCURRENCIES; do
    for cred in x509 token; do
      echo "round $round, concurrency $concurrency, $cred (load avg $(cut -d' ' -f1-3 /proc/loadavg))"
      load "$cred" "$concurrency" window --prewarm "$PREWARM" --warmup "$WARMUP" --duration "$DURATION" \
        --results-file "$RESULTS"
    done
  done
  if [[ "$INTERLEAVED_DURATION" != 0 && "$INTERLEAVED_DURATION" != 0s ]]; then
    echo "round $round, interleaved x509/token, concurrency 1 (load avg $(cut -d' ' -f1-3 /proc/loadavg))"
    fresh_token
    # shellcheck disable=SC2086
    java ${CLIENT_JAVA_OPTS:-} -cp "$BENCH_JAR" dev.gatehouse.bench.load.InterleavedAuthMain --url "$KUBE_URL" \
      --data-dir "$DATA/server" --bearer-token-file "$DATA/token.json" --path-prefix "/clusters/$CLUSTER" \
      --scenario "$SCENARIOS" --prewarm 0s --warmup "$WARMUP" --duration "$INTERLEAVED_DURATION" \
      --user-agent gatehouse-bench-interleaved \
      | tee -a "$DATA/interleaved.txt" | sed 's/^/  /'
  fi
done

echo
echo "== token vs x509 (cluster $CLUSTER; $SCENARIOS; $DURATION windows; load avg now $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "$BENCH_JAR" dev.gatehouse.bench.load.AuthComparisonMain "$RESULTS"
if [[ -s "$DATA/interleaved.txt" ]]; then
  echo
  echo "== interleaved (same JVM, same moment; token - x509 per round)"
  grep -E '^(get|get-pods) |token - x509' "$DATA/interleaved.txt" | sed 's/^/  /'
fi

# The server's own view, from the audit log: stageTimestamp (ResponseComplete) - requestReceivedTimestamp per
# request, by User-Agent (phase, credential, concurrency). requestReceivedTimestamp is taken when the request's
# headers arrive, before the hop to a worker thread and before authentication (the audit record itself is
# begun only after authentication, but carries that earlier time), so this does include the token's
# verification and mapping. Whole client runs are counted (their pre-warm and warm-up too), and at
# concurrency 32 it includes waiting for a worker thread.
if command -v python3 >/dev/null; then
  echo
  echo "== audit log: ResponseComplete stageTimestamp - requestReceivedTimestamp (server side, incl. authentication)"
  python3 - "$DATA/server/audit.log" <<'EOF'
import json, sys
from datetime import datetime
def ts(s):
    return datetime.strptime(s.rstrip("Z"), "%Y-%m-%dT%H:%M:%S.%f").timestamp()
samples = {}
with open(sys.argv[1]) as f:
    for line in f:
        if "gatehouse-bench-" not in line:
            continue
        e = json.loads(line)
        if e.get("stage") != "ResponseComplete" or not e.get("requestURI", "").startswith("/clusters/"):
            continue
        uri = e["requestURI"]
        kind = "list pods" if "/pods" in uri else "get configmap" if "/configmaps/" in uri else None
        if kind is None or "-warmup-" in e.get("userAgent", ""):
            continue
        d = (ts(e["stageTimestamp"]) - ts(e["requestReceivedTimestamp"])) * 1000
        samples.setdefault((kind, e.get("userAgent")), []).append(d)
for (kind, agent), v in sorted(samples.items()):
    v.sort()
    n = len(v)
    print(f"  {kind:14s} {agent:38s} {n:8d} requests, mean {sum(v) / n:.3f} ms, p50 {v[(n - 1) // 2]:.3f} ms,"
          f" p99 {v[min(n - 1, int(0.99 * n))]:.3f} ms")
EOF
fi
