#!/usr/bin/env bash
# A/B comparison of two running catalog services in one run, so that both sides see the same machine (its
# absolute figures drift by ±15% from one hour to the next). Each side is a checkout whose bench/setup.sh has
# loaded a dataset and started a service (give the two different BENCH_PORT / BENCH_PGPORT values). Both
# services are warmed (every product grain or cache entry touched once), then each mode runs `rounds` times,
# the sides alternating and the side that goes first swapping every round. Prints the median requests/s and
# p99 of each side per mode and the ratio B/A; every wrk report is kept in bench/out/.
#   AB_A=<repo dir>@<url> AB_B=<repo dir>@<url> bench/ab.sh [modes="get search mix"] [rounds=3] [duration=20s] [connections=64]
# e.g. (the pre-Orleans commit checked out in /work/wt-before, started with BENCH_PGPORT=55434 BENCH_PORT=5081):
#   AB_A=/work/wt-before@http://127.0.0.1:5081 AB_B=$PWD@http://127.0.0.1:5080 bench/ab.sh
# AB_WARM (45s) is how long the 8-connection warm walk runs on each side; 0 skips it. AB_WARM_MODE (60s) is how long
# each side then runs each mode, unmeasured, with `connections`; 0 skips it. Without it the first rounds measure the
# runtime compiling the mode's code paths: tiered JIT took 28% of a fresh service's CPU in its first minute of
# searches and under 1% after three more (docs/PERFORMANCE.md).
# The idle side's service is paused (SIGSTOP) while the other side runs: idle, a service with 100k active grains
# still spends 5-9% of a core (grain collection, metrics), which counted against whichever side ran beside the
# older process. AB_PAUSE_IDLE=0 leaves it running.
set -euo pipefail
cd "$(dirname "$0")/.."
MODES=${1:-get search mix}
ROUNDS=${2:-3}
DURATION=${3:-20s}
CONNECTIONS=${4:-64}
: "${AB_A:?AB_A=<repo dir>@<url> is required}" "${AB_B:?AB_B=<repo dir>@<url> is required}"

side_dir() { local v="AB_$1"; echo "${!v%@*}"; }
side_url() { local v="AB_$1"; echo "${!v##*@}"; }

run_side() { # side mode connections duration -> the wrk report on stdout
  local dir; dir=$(side_dir "$1")
  BENCH_URL=$(side_url "$1") BENCH_DATASET="$dir/bench/out/dataset.lua" BENCH_PGDATA="$dir/.data/bench-postgres" \
    BENCH_SERVICE_PID=$(cat "$dir/.data/bench/service.pid") bench/run.sh "$2" "$3" "$4" || true
}

mkdir -p bench/out
OUT=bench/out/ab-$(date +%Y%m%d-%H%M%S).txt
RESULTS=$(mktemp)
{
  echo "A = $(side_dir A) ($(git -C "$(side_dir A)" log -1 --format='%h %s' | cut -c1-80)) at $(side_url A)"
  echo "B = $(side_dir B) ($(git -C "$(side_dir B)" log -1 --format='%h %s' | cut -c1-80)) at $(side_url B)"
  echo "modes: $MODES; rounds: $ROUNDS; $DURATION each; $CONNECTIONS connections"
} | tee "$OUT"

if [[ ${AB_WARM:-45s} != 0 ]]; then
  for side in A B; do
    echo "== warm $side" | tee -a "$OUT"
    run_side "$side" warm 8 "${AB_WARM:-45s}" | grep -E '^(requests|RESULT|service RSS)' | tee -a "$OUT"
  done
fi

if [[ ${AB_WARM_MODE:-60s} != 0 ]]; then
  for side in A B; do
    for mode in $MODES; do
      echo "== warm $side with $mode" | tee -a "$OUT"
      run_side "$side" "$mode" "$CONNECTIONS" "${AB_WARM_MODE:-60s}" | grep -E '^RESULT' | tee -a "$OUT"
    done
  done
fi

for round in $(seq 1 "$ROUNDS"); do
  order="A B"; (( round % 2 == 0 )) && order="B A"
  for mode in $MODES; do
    for side in $order; do
      echo "== round $round, $mode, side $side" | tee -a "$OUT"
      idle=$([[ $side == A ]] && echo B || echo A)
      [[ ${AB_PAUSE_IDLE:-1} == 1 ]] && kill -STOP "$(cat "$(side_dir "$idle")/.data/bench/service.pid")"
      report=$(run_side "$side" "$mode" "$CONNECTIONS" "$DURATION")
      [[ ${AB_PAUSE_IDLE:-1} == 1 ]] && kill -CONT "$(cat "$(side_dir "$idle")/.data/bench/service.pid")"
      echo "$report" | grep -E '^(requests|latency|non-2xx|socket|RESULT|CPU|service RSS)' | tee -a "$OUT"
      echo "$report" | sed -n "s/^RESULT /$side $mode /p" >>"$RESULTS"
    done
  done
done

# Medians per side and mode, then B relative to A.
{
  echo
  printf '%-8s %12s %12s %10s %10s %9s %9s %8s\n' mode "A req/s" "B req/s" "A p99 ms" "B p99 ms" "B/A rps" "B/A p99" errors
  for mode in $MODES; do
    awk -v mode="$mode" '
      function median(a, n,   i, j, t) {
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
        return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
      }
      $2 == mode {
        for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        if ($1 == "A") { ar[++na] = v["rps"]; ap[na] = v["p99_ms"] } else { br[++nb] = v["rps"]; bp[nb] = v["p99_ms"] }
        errors += v["non2xx"] + v["socket_errors"]
      }
      END {
        if (na == 0 || nb == 0) exit
        mar = median(ar, na); mbr = median(br, nb); map = median(ap, na); mbp = median(bp, nb)
        printf "%-8s %12.1f %12.1f %10.2f %10.2f %8.0f%% %8.0f%% %8d\n", mode, mar, mbr, map, mbp, 100*mbr/mar, 100*mbp/map, errors
      }' "$RESULTS"
  done
} | tee -a "$OUT"
rm -f "$RESULTS"
echo "(saved to $OUT)"
