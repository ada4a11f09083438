#!/usr/bin/env bash
# Installs the package's own (dev) dependencies from package-lock.json when they are missing or stale.
# `npm ci` is tried first; it refuses this lockfile on registries that do not serve other platforms'
# optional binaries (the lockfile then lacks them and npm calls it "out of sync"), in which case
# `npm install --no-save` installs the same locked versions without touching the lockfile.
# npm's own output goes to a log file (colour codes stripped); only a plain summary is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
	exit 0
fi
log="$(mktemp /tmp/npm-install-deps-XXXXXX.log)"
strip_ansi() { sed -u -E 's/\x1b\[[0-9;?]*[ -\/]*[@-~]//g'; }
echo "==> installing dependencies (npm ci; usually 1-3 minutes; log: $log)"
t0=$SECONDS
if npm ci --no-audit --no-fund --color=false 2>&1 | strip_ansi >"$log"; then
	echo "    installed with npm ci in $((SECONDS - t0)) s"
	rm -f "$log"
	exit 0
fi
# the packages npm says the lockfile lacks; harmless when every one is another platform's build
missing="$(grep -oE 'Missing: [^ ]+ from lock file' "$log" | cut -d' ' -f2 || true)"
platform_re='(darwin|win32|android|freebsd|openbsd|netbsd|sunos|aix|wasm|linux-(arm|ia32|ppc|s390|riscv|loong|mips)|musl)'
if [ -n "$missing" ] && ! echo "$missing" | grep -qvE "$platform_re"; then
	echo "    npm ci refused the lockfile only because it lacks other platforms' optional packages"
	echo "    (e.g. macOS/Windows builds of esbuild) that this registry does not serve: harmless here."
	echo "    Installing the same locked versions with npm install --no-save instead."
elif [ -n "$missing" ]; then
	echo "    npm ci refused the lockfile: it lacks $(echo "$missing" | grep -vE "$platform_re" | head -n 3 | tr '\n' ' ')"
	echo "    (not only other platforms' builds: the lockfile may need regenerating); trying npm install --no-save"
else
	echo "    npm ci failed (last lines of $log below); trying npm install --no-save with the same lockfile"
	tail -n 15 "$log" | sed 's/^/    | /'
fi
if ! npm install --no-audit --no-fund --no-save --color=false 2>&1 | strip_ansi >>"$log"; then
	tail -n 30 "$log" >&2
	echo "==> npm install failed too (full log: $log)" >&2
	exit 1
fi
echo "    installed with npm install --no-save in $((SECONDS - t0)) s"
rm -f "$log"
