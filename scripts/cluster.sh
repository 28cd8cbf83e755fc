#!/usr/bin/env bash
# Runs a local cluster without Docker: one PostgreSQL, N silos and M front-ends (pure clients), each a
# separate process on 127.0.0.1. Stop everything with Ctrl+C (or `scripts/cluster.sh stop`).
#   scripts/cluster.sh [silos=3] [front-ends=1]
# Front-ends listen on 5100, 5101, ...; silos serve health on 5200+ and silo calls on 11100+.
set -euo pipefail
cd "$(dirname "$0")/.."
SILOS=${1:-3}
FRONTENDS=${2:-1}
STATE=.data/cluster
PGDATA=$STATE/postgres
PGPORT=${PGPORT:-55432}
LOGS=$STATE/logs
mkdir -p "$LOGS"

pg_bin() { local d; for d in /usr/lib/postgresql/*/bin; do echo "$d"; done | sort -V | tail -1; }
BIN=$(pg_bin)
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_all() {
  [[ -f $STATE/pids ]] && xargs -r kill <"$STATE/pids" 2>/dev/null || true
  rm -f "$STATE/pids"
  as_pg "$BIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null 2>&1 || true
}
if [[ ${1:-} == stop ]]; then stop_all; exit 0; fi

if [[ ! -f $PGDATA/PG_VERSION ]]; then
  mkdir -p "$PGDATA"
  [[ $(id -u) -eq 0 ]] && chown -R postgres "$STATE" && chmod o+x "$PWD" "$PWD/.data"
  as_pg "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
as_pg "$BIN/pg_ctl" -D "$PGDATA" -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=400" -l "$PGDATA/server.log" -w start >/dev/null
as_pg "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='catalog'" | grep -q 1 \
  || as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres catalog

dotnet build src/WebApi -c Release --nologo -v q >/dev/null
OUT=src/WebApi/bin/Release/net10.0
export ConnectionStrings__Catalog="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=catalog"
trap stop_all EXIT INT TERM
: >"$STATE/pids"
for i in $(seq 0 $((SILOS - 1))); do
  Cluster__Mode=Silo Cluster__SiloPort=$((11100 + i)) ASPNETCORE_URLS=http://127.0.0.1:$((5200 + i)) \
    dotnet "$OUT/Commerce.Silo.dll" >"$LOGS/silo-$i.log" 2>&1 &
  echo $! >>"$STATE/pids"
done
for i in $(seq 0 $((FRONTENDS - 1))); do
  Cluster__Mode=Client dotnet "$OUT/Commerce.WebApi.dll" --urls "http://127.0.0.1:$((5100 + i))" >"$LOGS/frontend-$i.log" 2>&1 &
  echo $! >>"$STATE/pids"
done
for i in $(seq 0 $((FRONTENDS - 1))); do
  until curl -sf "http://127.0.0.1:$((5100 + i))/health/ready" >/dev/null; do sleep 0.5; done
done
echo "cluster up: $SILOS silo(s), $FRONTENDS front-end(s) at http://127.0.0.1:5100..; logs in $LOGS; Ctrl+C stops it"
wait
