#!/usr/bin/env bash
# Single-client latency of one- and two-character searches (issue #13 item 5 asks ≤ 10 ms): every short term of
# the manifest and the ten grams the most products hold (read from gram_counts: the broadest one- and
# two-character searches the catalog has), each searched alone and within the first bushy root tree, at offset 0 and
# at offset 1,000. Per query: one warm-up request, then N sequential requests on one connection.
#   bench/short-terms.sh [requests=20]
# Environment: BENCH_URL (http://127.0.0.1:5080), BENCH_PGPORT (55433), BENCH_DATASET (bench/out/dataset.lua).
# Prints per query its total and the median and slowest of the N times (curl's time_total, in ms), then the
# slowest median and the slowest request of all.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
URL=${BENCH_URL:-http://127.0.0.1:5080}
PGPORT=${BENCH_PGPORT:-55433}
MANIFEST=${BENCH_DATASET:-bench/out/dataset.lua}
BIN=$(for d in /usr/lib/postgresql/*/bin; do echo "$d"; done | sort -V | tail -1)
[[ -f $MANIFEST ]] || { echo "no $MANIFEST: run bench/setup.sh first" >&2; exit 2; }

encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
manifest_terms=$(sed -n 's/^    short = { \(.*\) },/\1/p' "$MANIFEST" | tr -d '" ' | tr ',' '\n')
broad_terms=$("$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d catalog -qtA -c \
  "SELECT gram FROM gram_counts WHERE gram !~ '\s' GROUP BY gram ORDER BY sum(products) DESC LIMIT 10" |
  while IFS= read -r gram; do encode "$gram"; done)
root=$(sed -n 's/^  bushy_roots = { \([0-9]*\).*/\1/p' "$MANIFEST")

worst_median=0; worst=0
measure() { # $1: query string
  local url="$URL/api/v1/products/search?$1" total times median max
  total=$(curl -sf "$url" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  # One curl for all N requests: it keeps the connection, as a shopper's browser does.
  times=$(curl -sf -w '%{time_total}\n' $(for _ in $(seq "$N"); do echo "-o /dev/null $url"; done) |
    awk '{ printf "%.2f\n", $1 * 1000 }' | sort -n)
  median=$(sed -n "$(( (N + 1) / 2 ))p" <<<"$times"); max=$(tail -1 <<<"$times")
  printf '%-60s total %7s  median %7s ms  max %7s ms\n' "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$1")" "$total" "$median" "$max"
  worst_median=$(awk -v a="$worst_median" -v b="$median" 'BEGIN { print (b > a ? b : a) }')
  worst=$(awk -v a="$worst" -v b="$max" 'BEGIN { print (b > a ? b : a) }')
}
echo "== single client, $N requests per query, $URL"
for term in $manifest_terms $broad_terms; do
  measure "q=$term"
  measure "q=$term&offset=1000"
  measure "q=$term&category_id=$root"
  measure "q=$term&category_id=$root&offset=1000"
done
echo "slowest median: $worst_median ms; slowest request: $worst ms"
