#!/usr/bin/env bash
# Runs a local Orleans cluster without Docker: one private PostgreSQL, N silos (src/Silo) and M front-ends (src/WebApi
# as pure Orleans clients), each a separate process on 127.0.0.1. Ctrl+C stops everything, as does
# `scripts/cluster.sh stop` from another shell.
#   scripts/cluster.sh [silos=3] [front-ends=1]
#   scripts/cluster.sh stop
# Front-ends serve the API on 5100, 5101, ...; silo i serves health on 5200+i, silo calls on 11111+i and the gateway
# (where front-ends connect) on 30000+i. All join cluster "$CLUSTER_ID" (default commerce), whose members are the
# rows of OrleansMembershipTable. .data/cluster/pids lists the silo PIDs first, then the front-ends'.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=$PWD/.data/cluster
LOGS=$STATE/logs
PGPORT=${PGPORT:-55432}
CLUSTER_ID=${CLUSTER_ID:-commerce}

pg_bin() { local d; for d in /usr/lib/postgresql/*/bin; do echo "$d"; done | sort -V | tail -1; }
BIN=$(pg_bin)
[[ -x $BIN/pg_ctl ]] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_all() {
  trap - EXIT INT TERM
  if [[ -f $STATE/pids ]]; then
    # SIGTERM: silos leave the cluster gracefully and hand their grains over.
    xargs -r kill <"$STATE/pids" 2>/dev/null || true
    while read -r pid; do
      while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    done <"$STATE/pids"
    rm -f "$STATE/pids"
  fi
  if [[ -f $STATE/pgdata ]]; then
    as_pg "$BIN/pg_ctl" -D "$(cat "$STATE/pgdata")" stop -m fast >/dev/null 2>&1 || true
  fi
}
if [[ ${1:-} == stop ]]; then stop_all; exit 0; fi

SILOS=${1:-3}
FRONTENDS=${2:-1}
[[ -f $STATE/pids ]] && { echo "a cluster seems to run already ($STATE/pids); scripts/cluster.sh stop first" >&2; exit 1; }
mkdir -p "$LOGS"

# As root the server runs as the postgres user, which must reach its data folder: when the checkout sits under a
# folder others cannot traverse (a 0700 home), the data goes to a folder of its own under /var/tmp instead.
PGDATA=$STATE/postgres
if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$STATE"; then
  PGDATA=/var/tmp/commerce-cluster-$(echo -n "$PWD" | md5sum | cut -c1-8)/postgres
fi
echo "$PGDATA" >"$STATE/pgdata"
if [[ ! -f $PGDATA/PG_VERSION ]]; then
  mkdir -p "$PGDATA"
  [[ $(id -u) -eq 0 ]] && chown postgres "$PGDATA" && chmod 700 "$PGDATA"
  as_pg "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
echo "PostgreSQL data in $PGDATA, port $PGPORT"
as_pg "$BIN/pg_ctl" -D "$PGDATA" -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=400" \
  -l "$PGDATA/server.log" -w start >/dev/null
as_pg "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='catalog'" | grep -q 1 \
  || as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres catalog
trap stop_all EXIT INT TERM

dotnet build src/Silo -c Release --nologo -v q >/dev/null
dotnet build src/WebApi -c Release --nologo -v q >/dev/null
export ConnectionStrings__Catalog="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=catalog"
export Cluster__ClusterId=$CLUSTER_ID

# Waits for a process's /health/ready, failing if the process is gone (its log says why).
wait_ready() {
  local pid=$1 url=$2 log=$3
  until curl -sf "$url/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "process $pid exited; see $log" >&2; exit 1; }
    sleep 0.5
  done
}

: >"$STATE/pids"
declare -a READY=()
for i in $(seq 0 $((SILOS - 1))); do
  Cluster__SiloPort=$((11111 + i)) Cluster__GatewayPort=$((30000 + i)) \
    dotnet src/Silo/bin/Release/net10.0/Commerce.Silo.dll --urls "http://127.0.0.1:$((5200 + i))" >"$LOGS/silo-$i.log" 2>&1 &
  echo $! >>"$STATE/pids"
  READY+=("$! http://127.0.0.1:$((5200 + i)) $LOGS/silo-$i.log")
  # The first silo applies the migrations and creates the cluster; the others join it.
  [[ $i -eq 0 ]] && wait_ready $! "http://127.0.0.1:5200" "$LOGS/silo-0.log"
done
for i in $(seq 0 $((FRONTENDS - 1))); do
  # A grain call that a dying silo swallowed fails after 5 s (503) instead of Orleans' 30 s (docs/DEPLOYMENT.md).
  Cluster__Mode=Client Orleans__Messaging__ResponseTimeout=00:00:05 dotnet src/WebApi/bin/Release/net10.0/Commerce.WebApi.dll --urls "http://127.0.0.1:$((5100 + i))" \
    >"$LOGS/frontend-$i.log" 2>&1 &
  echo $! >>"$STATE/pids"
  READY+=("$! http://127.0.0.1:$((5100 + i)) $LOGS/frontend-$i.log")
done
for entry in "${READY[@]}"; do
  # shellcheck disable=SC2086
  wait_ready $entry
done
echo "cluster $CLUSTER_ID up: $SILOS silo(s), $FRONTENDS front-end(s) at http://127.0.0.1:5100..; logs in $LOGS; Ctrl+C stops it"
wait
