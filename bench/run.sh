#!/usr/bin/env bash
# Load-tests a running catalog service with wrk and prints requests/s, p50/p90/p99/max latency and the
# number of non-2xx answers (any non-2xx, or a socket error, makes the exit status 1).
#   bench/run.sh [mix|search|get] [connections=64] [duration=30s]
# Environment: BENCH_URL (http://127.0.0.1:5080), BENCH_THREADS (2 = this machine's cores),
# BENCH_DATASET (bench/out/dataset.lua, written by bench/DataGen), BENCH_PRODUCT_IDS / BENCH_CATEGORY_IDS
# ("first-last", override the manifest's ranges). bench/setup.sh starts a service with a loaded dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-mix}
CONNECTIONS=${2:-64}
DURATION=${3:-30s}
URL=${BENCH_URL:-http://127.0.0.1:5080}
THREADS=${BENCH_THREADS:-2}
export BENCH_DATASET=${BENCH_DATASET:-bench/out/dataset.lua}
export BENCH_RUN_TAG=${BENCH_RUN_TAG:-$(date +%s%N)}

[[ -f bench/wrk/$MODE.lua ]] || { echo "unknown mode '$MODE' (mix, search or get)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get update && apt-get install -y wrk" >&2; exit 2; }
[[ -f $BENCH_DATASET ]] || { echo "no dataset manifest at $BENCH_DATASET: run bench/setup.sh (or bench/DataGen) first" >&2; exit 2; }
curl -sf "$URL/health/ready" >/dev/null || { echo "service at $URL is not ready: start it with bench/setup.sh" >&2; exit 2; }
(( THREADS <= CONNECTIONS )) || THREADS=$CONNECTIONS

mkdir -p bench/out
OUT=bench/out/$MODE-c$CONNECTIONS-$(date +%Y%m%d-%H%M%S).txt
echo "== wrk $MODE: $CONNECTIONS connections, $THREADS threads, $DURATION against $URL"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "bench/wrk/$MODE.lua" "$URL" | tee "$OUT"
echo "(saved to $OUT)"
grep -q '^RESULT .* non2xx=0 socket_errors=0 ' "$OUT"
