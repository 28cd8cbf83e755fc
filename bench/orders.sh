#!/usr/bin/env bash
# Orders benchmark (issue #11 item 5): the service against a conventional one-SQL-transaction-per-order baseline
# (bench/OrdersBaseline), both driven by bench/wrk/orders.lua, each run followed by bench/orders-check.sh.
#   bench/orders.sh seed [units=20]        gives every product of the manifest +units on_hand through the service's API
#   bench/orders.sh baseline-start         creates baseline_* tables seeded from products.on_hand, builds, starts it
#   bench/orders.sh baseline-stop
#   bench/orders.sh run service|baseline [connections=64] [duration=20s]   snapshot, bench/run.sh orders, check
# Environment: BENCH_PGPORT (55433), BENCH_PORT (5080, the service), BENCH_BASELINE_PORT (5081).
# Needs a service and dataset from bench/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${BENCH_PGPORT:-55433}
SERVICE_URL=http://127.0.0.1:${BENCH_PORT:-5080}
BASELINE_URL=http://127.0.0.1:${BENCH_BASELINE_PORT:-5081}
STATE=.data/bench
BIN=$(for d in /usr/lib/postgresql/*/bin; do echo "$d"; done | sort -V | tail -1)
PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d catalog -v ON_ERROR_STOP=1 -qtA)
CONNECTION="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=catalog"

case ${1:?seed, baseline-start, baseline-stop or run} in
seed)
  units=${2:-20}
  range=$(lua_first_last() { sed -n '/products *= *{/{s/.*first *= *\([0-9]*\).*last *= *\([0-9]*\).*/\1 \2/p;q}' bench/out/dataset.lua; }; lua_first_last)
  read -r first last <<<"$range"
  [[ -n $first && -n $last ]] || { echo "no product range in bench/out/dataset.lua" >&2; exit 2; }
  cfg=$(mktemp)
  for id in $(seq "$first" "$last"); do printf 'url = "%s/api/v1/products/%d/stock-adjustments"\noutput = "/dev/null"\n' "$SERVICE_URL" "$id"; done >"$cfg"
  echo "== +$units on_hand for products $first-$last through $SERVICE_URL"
  curl -sS --no-progress-meter -Z --parallel-max 16 -X POST -H 'Content-Type: application/json' \
    -d "{\"delta\":$units,\"reason\":\"bench seed\"}" -w '%{http_code}\n' -K "$cfg" | sort | uniq -c
  rm -f "$cfg"
  "${PSQL[@]}" -c "SELECT 'products ' || count(*) || ', on_hand total ' || sum(on_hand) FROM products"
  ;;
baseline-start)
  "${PSQL[@]}" <<'SQL'
DROP TABLE IF EXISTS baseline_order_lines, baseline_orders, baseline_stock;
CREATE TABLE baseline_stock (id bigint PRIMARY KEY, on_hand bigint NOT NULL);
INSERT INTO baseline_stock SELECT id, on_hand FROM products;
CREATE TABLE baseline_orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id text NOT NULL,
                              created_at timestamptz NOT NULL);
CREATE TABLE baseline_order_lines (order_id bigint NOT NULL REFERENCES baseline_orders, line_no int NOT NULL,
                                   product_id bigint NOT NULL, quantity bigint NOT NULL CHECK (quantity > 0),
                                   PRIMARY KEY (order_id, line_no));
VACUUM ANALYZE baseline_stock;
SQL
  [[ ${BENCH_NO_BUILD:-0} == 1 ]] || dotnet build bench/OrdersBaseline -c Release --nologo -v q -clp:ErrorsOnly
  ConnectionStrings__Catalog="$CONNECTION" setsid dotnet bench/OrdersBaseline/bin/Release/net10.0/Commerce.Bench.OrdersBaseline.dll \
    --urls "$BASELINE_URL" >"$STATE/baseline.log" 2>&1 </dev/null &
  echo $! >"$STATE/baseline.pid"
  for _ in $(seq 1 60); do curl -sf "$BASELINE_URL/health/ready" >/dev/null && break; sleep 0.5; done
  curl -sf "$BASELINE_URL/health/ready" >/dev/null || { echo "baseline not ready; see $STATE/baseline.log" >&2; exit 1; }
  echo "baseline on $BASELINE_URL (pid $(cat "$STATE/baseline.pid")), stock seeded from products.on_hand"
  ;;
baseline-stop)
  if [[ -f $STATE/baseline.pid ]]; then kill "$(cat "$STATE/baseline.pid")" 2>/dev/null || true; rm -f "$STATE/baseline.pid"; fi
  echo "baseline stopped"
  ;;
run)
  side=${2:?service or baseline}; connections=${3:-64}; duration=${4:-20s}
  if [[ $side == service ]]; then url=$SERVICE_URL; pid=$(cat "$STATE/service.pid"); else url=$BASELINE_URL; pid=$(cat "$STATE/baseline.pid"); fi
  bench/orders-check.sh snapshot "$side"
  status=0
  BENCH_URL=$url BENCH_SERVICE_PID=$pid BENCH_PGDATA=.data/bench-postgres bench/run.sh orders "$connections" "$duration" || status=$?
  # Requests wrk stopped reading are still being served: an order counted in the tables before its commit step has
  # taken its units reads as oversold (seen once: 59 units, 0 on a re-check a minute later). Let them finish.
  sleep "${BENCH_SETTLE_SECONDS:-3}"
  BENCH_CONNECTIONS=$connections bench/orders-check.sh check "$side" || status=1
  exit $status
  ;;
*) echo "unknown action $1" >&2; exit 2 ;;
esac
