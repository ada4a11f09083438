#!/usr/bin/env bash
# Install the real n8n app (scripts/n8n-host/package.json: n8n@2.8.4) into .n8n-host/ at the
# repository root, apart from the package's own dependencies. Idempotent: when
# .n8n-host/node_modules/.bin/n8n exists, the stored hash of package.json + package-lock.json
# matches and sqlite3's native binding loads, nothing is done.
#
#   bash scripts/install-n8n.sh            # install or reuse
#   N8N_HOST_FORCE=1 bash scripts/install-n8n.sh   # reinstall from scratch
#   N8N_HOST_DIR=/some/dir bash scripts/install-n8n.sh   # install elsewhere
#
# Takes ~5-7 minutes and ~2.3 GB the first time (sqlite3 is compiled from source); < 1 s after.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/scripts/n8n-host"
DEST="${N8N_HOST_DIR:-$ROOT/.n8n-host}"
HASH_FILE="$DEST/.install-hash"
LOG="$DEST/install.log"

hash_inputs() {
	# node + npm major versions are part of the hash: a native module built for another ABI must be rebuilt
	{
		cat "$SRC/package.json" "$SRC/package-lock.json"
		node -p 'process.versions.modules'
	} | sha256sum | cut -d' ' -f1
}

sqlite_ok() {
	(cd "$DEST" && node -e "require('sqlite3'); require('n8n/package.json')" >/dev/null 2>&1)
}

WANT="$(hash_inputs)"
if [[ "${N8N_HOST_FORCE:-0}" != "1" && -x "$DEST/node_modules/.bin/n8n" && -f "$HASH_FILE" \
	&& "$(cat "$HASH_FILE")" == "$WANT" ]] && sqlite_ok; then
	echo "n8n-host: $(cd "$DEST" && node -p "require('n8n/package.json').version") already installed in $DEST (lockfile unchanged), skipping"
	exit 0
fi

echo "n8n-host: installing n8n into $DEST (a few minutes; log: $LOG)"
start=$(date +%s)
mkdir -p "$DEST"
rm -f "$HASH_FILE"
cp "$SRC/package.json" "$SRC/package-lock.json" "$DEST/"
cd "$DEST"
# package.json's allowScripts lets sqlite3 run its install script (npm 11 skips unapproved
# dependency install scripts); everything else with an install script stays unbuilt on purpose
# (some would try to download prebuilt binaries from outside the registry).
# `npm install` (not `npm ci`): the lockfile has no entries for some other-platform optional
# packages (e.g. @msgpackr-extract/*-darwin-*) that this registry does not serve, and `npm ci`
# refuses such a lockfile as "out of sync"; `npm install` follows the lockfile all the same.
if ! npm install --no-audit --no-fund --no-save >"$LOG" 2>&1; then
	tail -n 40 "$LOG" >&2
	echo "n8n-host: npm install failed (full log: $LOG)" >&2
	exit 1
fi
if ! sqlite_ok; then
	echo "n8n-host: sqlite3 native binding missing after npm install, building it (npm rebuild sqlite3)"
	if ! npm rebuild sqlite3 --foreground-scripts >>"$LOG" 2>&1 || ! sqlite_ok; then
		tail -n 40 "$LOG" >&2
		echo "n8n-host: could not build sqlite3 (full log: $LOG)" >&2
		exit 1
	fi
fi
"$DEST/node_modules/.bin/n8n" --version >/dev/null
echo "$WANT" >"$HASH_FILE"
echo "n8n-host: n8n $(node -p "require('n8n/package.json').version") installed in $(($(date +%s) - start)) s"
