#!/usr/bin/env bash
# The demo (README Quick start, command 1): on a fresh clone, installs what it needs (npm ci, then
# the newest hosted n8n — 2.41.1 with its own node 24 from the npm registry — into
# .n8n-host/2.41.1/: 3-10 minutes the first time, with a progress line every 20 s; reused
# afterwards), builds the package, then scripts/demo.js: the provider simulator on 127.0.0.1:5710+,
# n8n on http://127.0.0.1:5678 (or N8N_PORT) with credentials for the simulator, every example
# workflow and an owner account (demo@example.com / Demo-n8n-2024). Data in .n8n-demo/ (or
# N8N_DEMO_DIR). Ctrl-C stops both. Safe to run again: the package, credentials and examples are
# refreshed, the rest is kept. N8N_VERSION=2.8.4 runs the oldest supported n8n instead (use another
# N8N_DEMO_DIR: a folder 2.41 has migrated cannot go back to 2.8).
set -euo pipefail
cd "$(dirname "$0")/.."

t0=$SECONDS
bash scripts/install-deps.sh # npm ci (or the locked versions via npm install --no-save), when needed
echo "==> build"
npm run --silent build
version="${N8N_VERSION:-$(node -p "require('./dev/host').NEWEST_VERSION")}"
echo "==> n8n $version (installed into .n8n-host/$version/ once, then reused)"
bash scripts/install-n8n.sh "$version"
echo "==> demo (setup took $((SECONDS - t0)) s so far)"
N8N_VERSION="$version" exec node scripts/demo.js
