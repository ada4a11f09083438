#!/usr/bin/env bash
# Installs the package's own (dev) dependencies from package-lock.json when they are missing or stale.
# `npm ci` is tried first; it refuses this lockfile on registries that do not serve other platforms'
# optional binaries (the lockfile then lacks them and npm calls it "out of sync"), in which case
# `npm install --no-save` installs the same locked versions without touching the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
	exit 0
fi
echo "==> installing dependencies"
if ! npm ci --no-audit --no-fund 2>/tmp/npm-ci-$$.log; then
	grep -m3 -E "npm error (Missing|code)" /tmp/npm-ci-$$.log || true
	echo "    npm ci refused the lockfile; installing the locked versions with npm install --no-save"
	npm install --no-audit --no-fund --no-save
fi
rm -f /tmp/npm-ci-$$.log
