#!/usr/bin/env bash
# Load-tests a running catalog service with wrk and prints requests/s, p50/p90/p99/max latency and the
# number of non-2xx answers (any non-2xx, or a socket error, makes the exit status 1).
#   bench/run.sh [mix|search|get|orders] [connections=64] [duration=30s]
# (orders: 409 = not enough stock is expected and counted apart, not as non-2xx; see bench/orders.sh)
# Environment: BENCH_URL (http://127.0.0.1:5080), BENCH_THREADS (2 = this machine's cores),
# BENCH_DATASET (bench/out/dataset.lua, written by bench/DataGen), BENCH_PRODUCT_IDS / BENCH_CATEGORY_IDS
# ("first-last", override the manifest's ranges), BENCH_SERVICE_PID (the service whose CPU and RSS are reported;
# default: .data/bench/service.pid), BENCH_PGDATA (the PostgreSQL data folder; .data/bench-postgres), BENCH_SLOW_MS (100:
# the bound of the per-route "over" count, one of the histogram's bucket bounds). bench/setup.sh starts a service with a loaded dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-mix}
CONNECTIONS=${2:-64}
DURATION=${3:-30s}
URL=${BENCH_URL:-http://127.0.0.1:5080}
THREADS=${BENCH_THREADS:-2}
export BENCH_DATASET=${BENCH_DATASET:-bench/out/dataset.lua}
export BENCH_RUN_TAG=${BENCH_RUN_TAG:-$(date +%s%N)}

[[ -f bench/wrk/$MODE.lua ]] || { echo "unknown mode '$MODE' (mix, search, get, orders or warm)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get update && apt-get install -y wrk" >&2; exit 2; }
[[ -f $BENCH_DATASET ]] || { echo "no dataset manifest at $BENCH_DATASET: run bench/setup.sh (or bench/DataGen) first" >&2; exit 2; }
curl -sf "$URL/health/ready" >/dev/null || { echo "service at $URL is not ready: start it with bench/setup.sh" >&2; exit 2; }
(( THREADS <= CONNECTIONS )) || THREADS=$CONNECTIONS

# CPU accounting (clock ticks): the whole machine, the service (pid file of bench/setup.sh), the bench
# PostgreSQL (postmaster, its reaped children and its live backends), wrk; the rest is other processes,
# which matters on a shared machine.
SERVICE_PID=${BENCH_SERVICE_PID:-$(cat .data/bench/service.pid 2>/dev/null || true)}
PG_PID=$(head -1 "${BENCH_PGDATA:-.data/bench-postgres}/postmaster.pid" 2>/dev/null || true)
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
proc_ticks() { [[ -n $1 && -r /proc/$1/stat ]] && awk '{sub(/^.*\) /, ""); print $12+$13+$14+$15}' "/proc/$1/stat" || echo 0; }
pg_ticks() {
  local total; total=$(proc_ticks "$PG_PID")
  for child in $(pgrep -P "$PG_PID" 2>/dev/null); do total=$((total + $(proc_ticks "$child"))); done
  echo "$total"
}
seconds() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.1f", t/hz}'; }

mkdir -p bench/out
OUT=bench/out/$MODE-c$CONNECTIONS-$(date +%Y%m%d-%H%M%S).txt
echo "== wrk $MODE: $CONNECTIONS connections, $THREADS threads, $DURATION against $URL" | tee "$OUT"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
TIMES=$(mktemp)
# `times` must run in this shell (not in a $(...) subshell) to see the CPU of its finished children (wrk).
children_ticks() { tail -1 "$TIMES" | sed 's/m/ /g; s/s//g' | awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($1*60+$2+$3*60+$4)*hz}'; }
# The service's request histogram before and after tells which kind of request makes the tail (route-latency.py).
METRICS_BEFORE=$(mktemp); METRICS_AFTER=$(mktemp)
curl -sf "$URL/metrics" >"$METRICS_BEFORE" || true
b0=$(busy_ticks); s0=$(proc_ticks "$SERVICE_PID"); p0=$(pg_ticks); times >"$TIMES"; c0=$(children_ticks)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "bench/wrk/$MODE.lua" "$URL" | tee -a "$OUT"
b1=$(busy_ticks); s1=$(proc_ticks "$SERVICE_PID"); p1=$(pg_ticks); times >"$TIMES"; c1=$(children_ticks)
rm -f "$TIMES"
curl -sf "$URL/metrics" >"$METRICS_AFTER" || true
wrk_ticks=$((c1 - c0))
other=$(( (b1 - b0) - (s1 - s0) - (p1 - p0) - wrk_ticks ))
(( other < 0 )) && other=0
{
  echo "CPU seconds   machine busy $(seconds $((b1 - b0))) of $(nproc) cores x run: service $(seconds $((s1 - s0))), postgres $(seconds $((p1 - p0))), wrk+tools $(seconds "$wrk_ticks"), other processes $(seconds "$other")"
  requests=$(sed -n 's/^RESULT .* requests=\([0-9]*\).*/\1/p' "$OUT")
  ours=$(( (s1 - s0) + (p1 - p0) + wrk_ticks ))
  (( ours > 0 )) && echo "efficiency    $(awk -v r="${requests:-0}" -v t="$ours" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.0f", r/(t/hz)}') requests per CPU-second of service+postgres+wrk (comparable across runs on a shared machine)"
  [[ -n $SERVICE_PID ]] && echo "service RSS   $(ps -o rss= -p "$SERVICE_PID" | awk '{printf "%.0f MiB", $1/1024}') (pid $SERVICE_PID)"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [[ -s $METRICS_BEFORE && -s $METRICS_AFTER ]] && command -v python3 >/dev/null; then
    python3 bench/route-latency.py "$METRICS_BEFORE" "$METRICS_AFTER" "${BENCH_SLOW_MS:-100}"
  fi
} | tee -a "$OUT"
rm -f "$METRICS_BEFORE" "$METRICS_AFTER"
echo "(saved to $OUT)"
grep -q '^RESULT .* non2xx=0 socket_errors=0 ' "$OUT"
