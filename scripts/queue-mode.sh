#!/usr/bin/env bash
# Queue mode: the export-and-wait and Dify examples in n8n scaled out (EXECUTIONS_MODE=queue), with
# PostgreSQL and Redis from Debian's packages started here on 127.0.0.1 in a temp folder, one
# `n8n start` (main) and one `n8n worker`. Called by scripts/e2e.sh (skip with E2E_QUEUE_MODE=0).
#
#   bash scripts/queue-mode.sh        (after npm run build and bash scripts/install-n8n.sh)
#
# Installs redis-server / postgresql with apt-get when missing (root; `apt-get update` once).
# PostgreSQL runs as the `postgres` user when this runs as root (initdb refuses root).
# Everything started here is stopped on exit (trap), the temp folder removed.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "queue-mode: $*"; }

pg_bin_dir() {
	local d
	for d in /usr/lib/postgresql/*/bin; do
		if [ -x "$d/postgres" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
		fi
	done | sort -V | tail -n 1
}

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -n "$(pg_bin_dir)" ] || need+=(postgresql)
command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
if [ "${#need[@]}" -gt 0 ]; then
	if [ "$(id -u)" != "0" ]; then
		echo "queue-mode: missing ${need[*]} and not root: install them (apt-get install ${need[*]})" >&2
		exit 1
	fi
	log "installing ${need[*]} from Debian's packages"
	# Keep the packages' own services from starting (we start our own, on temp dirs and free ports).
	created_policy=0
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		created_policy=1
	fi
	apt_log="$(mktemp)"
	if ! { timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$apt_log" 2>&1; then
		tail -n 30 "$apt_log" >&2
		[ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
		echo "queue-mode: apt-get install ${need[*]} failed" >&2
		exit 1
	fi
	[ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
	rm -f "$apt_log"
fi
PG_BIN="$(pg_bin_dir)"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), Redis $(redis-server --version | sed -E 's/.*v=([^ ]+).*/\1/')"

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

WORK="$(mktemp -d /tmp/n8n-queue-mode-XXXXXX)"
chmod 755 "$WORK"
PG_PORT="$(free_port)"
REDIS_PORT="$(free_port)"
PGDATA="$WORK/pgdata"
mkdir -p "$PGDATA" "$WORK/pgsock" "$WORK/pglog"
if [ "$(id -u)" = "0" ]; then
	chown postgres:postgres "$PGDATA" "$WORK/pgsock" "$WORK/pglog"
	as_pg() { runuser -u postgres -- "$@"; }
else
	as_pg() { "$@"; }
fi
REDIS_PID=""

cleanup() {
	local code=$?
	if [ -n "$REDIS_PID" ]; then
		kill "$REDIS_PID" 2>/dev/null || true
		for _ in $(seq 1 50); do kill -0 "$REDIS_PID" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$REDIS_PID" 2>/dev/null || true
	fi
	if [ -f "$PGDATA/postmaster.pid" ]; then
		as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -t 30 stop >/dev/null 2>&1 || true
	fi
	if [ "${KEEP_QUEUE_FOLDER:-0}" != "1" ]; then rm -rf "$WORK"; fi
	exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT (temp folder $WORK)"
as_pg "$PG_BIN/initdb" -D "$PGDATA" -U n8n --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
	|| as_pg "$PG_BIN/initdb" -D "$PGDATA" -U n8n --auth=trust -E UTF8 >"$WORK/initdb.log" 2>&1 \
	|| { cat "$WORK/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -w -t 60 -l "$WORK/pglog/postgres.log" \
	-o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$WORK/pgsock -c fsync=off" start >/dev/null \
	|| { cat "$WORK/pglog/postgres.log" >&2; exit 1; }
psql -h 127.0.0.1 -p "$PG_PORT" -U n8n -d postgres -qtc "CREATE DATABASE n8n" >/dev/null

redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$WORK" --protected-mode yes \
	>"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 1 100); do
	if (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null; then break; fi
	kill -0 "$REDIS_PID" 2>/dev/null || { cat "$WORK/redis.log" >&2; exit 1; }
	sleep 0.1
done

QUEUE_PG_PORT="$PG_PORT" QUEUE_REDIS_PORT="$REDIS_PORT" node test/e2e/queue.js
