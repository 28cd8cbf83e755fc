#!/usr/bin/env bash
# Prepares a benchmark run from scratch: builds Release, starts a fresh private PostgreSQL in
# .data/bench-postgres, starts the service on http://127.0.0.1:5080, loads a generated catalog through its
# REST API with bench/DataGen, then restarts the service (so a run starts with no grain active, as after a
# deploy) and waits until /health/ready answers. Then run bench/run.sh.
#   bench/setup.sh [products=100000] [categories=5000]
#   bench/setup.sh stop          stops the service and the PostgreSQL it started
# Environment: BENCH_PGPORT (55433), BENCH_PORT (5080), BENCH_KEEP_DB=1 reuses the loaded database
# instead of re-creating it (skips the load; restarts the service only), BENCH_NO_BUILD=1 skips the build,
# BENCH_LOAD_PARALLEL (32) is how many create requests DataGen keeps in flight,
# BENCH_AS_IS=1 starts the service without --contentRoot (see below); BENCH_SERVICE_DIR runs the service from another
# build output (e.g. a `dotnet publish` directory) instead of src/WebApi/bin/Release/net10.0. Other variables (ConnectionStrings__*,
# Database__*, DOTNET_*) reach the service as they are; BENCH_SERVICE_CONNECTION_EXTRA is appended to the
# service's connection string (e.g. ";Max Auto Prepare=32").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
STATE=.data/bench
PGDATA=.data/bench-postgres
PGPORT=${BENCH_PGPORT:-55433}
PORT=${BENCH_PORT:-5080}
URL=http://127.0.0.1:$PORT
mkdir -p "$STATE" bench/out

pg_bin() { local d; for d in /usr/lib/postgresql/*/bin; do echo "$d"; done | sort -V | tail -1; }
BIN=$(pg_bin)
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_service() {
  if [[ -f $STATE/service.pid ]]; then
    local pid; pid=$(cat "$STATE/service.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$STATE/service.pid"
  fi
}
stop_postgres() { [[ -f $PGDATA/postmaster.pid ]] && as_pg "$BIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null 2>&1 || true; }

if [[ ${1:-} == stop ]]; then
  stop_service
  stop_postgres
  echo "bench service and PostgreSQL stopped"
  exit 0
fi

PRODUCTS=${1:-100000}
CATEGORIES=${2:-5000}

if [[ ${BENCH_NO_BUILD:-0} != 1 ]]; then
  echo "== build (Release)"
  dotnet build src/WebApi -c Release --nologo -v q -clp:ErrorsOnly
  dotnet build bench/DataGen -c Release --nologo -v q -clp:ErrorsOnly
fi

stop_service
if [[ ${BENCH_KEEP_DB:-0} != 1 ]]; then
  echo "== fresh PostgreSQL in $PGDATA (port $PGPORT)"
  stop_postgres
  rm -rf "$PGDATA"
  mkdir -p "$PGDATA"
  if [[ $(id -u) -eq 0 ]]; then chown -R postgres "$PGDATA" && chmod o+x "$ROOT" "$ROOT/.data"; fi
  as_pg "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  # The embedded server's settings (src/Postgres/PostgresDataDirectory.cs: shared_buffers a quarter of
  # memory between 128 MB and 2 GB, jit off), plus pg_stat_statements.
  mem_mb=$(( $(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024 ))
  buffers_mb=$(( mem_mb / 4 )); (( buffers_mb < 128 )) && buffers_mb=128; (( buffers_mb > 2048 )) && buffers_mb=2048
  cat >>"$PGDATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '/tmp'
max_connections = 300
shared_buffers = '${buffers_mb}MB'
jit = off
fsync = on
synchronous_commit = on
full_page_writes = on
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
track_io_timing = on
EOF
fi
if ! as_pg "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w start >/dev/null
fi
PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
"${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'catalog'" | grep -q 1 \
  || "${PSQL[@]}" -d postgres -c "CREATE DATABASE catalog"
"${PSQL[@]}" -d catalog -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
export ConnectionStrings__Catalog="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=catalog"

# The app finds appsettings.json in its content root, which defaults to the working directory (here the repo
# root, which has none): without --contentRoot it runs with no appsettings at all and logs every request and
# every SQL command at Information level (docs/PERFORMANCE.md). BENCH_AS_IS=1 starts it exactly as documented.
OUT=${BENCH_SERVICE_DIR:-src/WebApi/bin/Release/net10.0}
[[ $OUT == /* ]] || OUT=$ROOT/$OUT
CONTENT_ROOT=(--contentRoot "$OUT")
[[ ${BENCH_AS_IS:-0} == 1 ]] && CONTENT_ROOT=()
start_service() {
  echo "== service on $URL (log: $STATE/service.log)"
  ConnectionStrings__Catalog="$ConnectionStrings__Catalog${BENCH_SERVICE_CONNECTION_EXTRA:-}" \
    setsid dotnet $OUT/Commerce.WebApi.dll --urls "$URL" "${CONTENT_ROOT[@]}" >>"$STATE/service.log" 2>&1 < /dev/null &
  echo $! >"$STATE/service.pid"
  for _ in $(seq 1 240); do
    curl -sf "$URL/health/ready" >/dev/null && return 0
    kill -0 "$(cat "$STATE/service.pid")" 2>/dev/null || { echo "service exited; see $STATE/service.log" >&2; tail -20 "$STATE/service.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "service not ready after 120 s; see $STATE/service.log" >&2
  exit 1
}
: >"$STATE/service.log"
start_service

if [[ ${BENCH_KEEP_DB:-0} != 1 ]]; then
  echo "== load $PRODUCTS products, $CATEGORIES categories through $URL"
  start=$(date +%s%N)
  dotnet bench/DataGen/bin/Release/net10.0/Commerce.Bench.DataGen.dll --api "$URL" \
    --products "$PRODUCTS" --categories "$CATEGORIES" --parallel "${BENCH_LOAD_PARALLEL:-32}" --manifest bench/out/dataset.lua | tee "$STATE/load.log"
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  printf 'dataset load wall time (process start to exit): %d.%03d s\n' $((ms / 1000)) $((ms % 1000)) | tee -a "$STATE/load.log"
  # The load activated every product and SKU grain; a fresh process starts the benchmark cold, as before.
  stop_service
  start_service
fi
"${PSQL[@]}" -d catalog -c "SELECT pg_stat_statements_reset()" >/dev/null
echo "ready: $URL (pid $(cat "$STATE/service.pid")); now: bench/run.sh [mix|search|get] [connections] [duration]"
