#!/usr/bin/env bash
# Throughput and latency of the same load against 1, 2 and 3 silos behind one front-end (pure client), all
# on this machine: scripts/cluster.sh runs PostgreSQL, the silos and the front-end; DataGen loads the catalog
# once; bench/run.sh drives the front-end.
#   bench/cluster-scaling.sh [modes="get mix"] [duration=20s] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
MODES=${1:-get mix}
DURATION=${2:-20s}
CONNECTIONS=${3:-64}
export ConnectionStrings__Catalog="Host=127.0.0.1;Port=${PGPORT:-55432};Username=postgres;Database=catalog"
export BENCH_URL=http://127.0.0.1:5100

dotnet build bench/DataGen -c Release --nologo -v q -clp:ErrorsOnly
for silos in 1 2 3; do
  bash scripts/cluster.sh "$silos" 1 >"/tmp/cluster-scaling-$silos.log" 2>&1 &
  until curl -sf "$BENCH_URL/health/ready" >/dev/null 2>&1; do sleep 1; done
  if [[ $silos == 1 ]]; then
    dotnet bench/DataGen/bin/Release/net10.0/Commerce.Bench.DataGen.dll --connection "$ConnectionStrings__Catalog" --truncate \
      --products 100000 --categories 5000 --manifest bench/out/dataset.lua >/dev/null
  fi
  sleep 3 # let every silo appear in the front-end's view
  for mode in $MODES; do
    echo "=== $silos silo(s), $mode"
    bench/run.sh "$mode" "$CONNECTIONS" "$DURATION" | grep -E "requests/s|latency|non-2xx|p50|p90|p99|max" || true
  done
  bash scripts/cluster.sh stop
  wait || true
done
