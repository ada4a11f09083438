#!/usr/bin/env bash
# The demo (README Quick start, command 1): on a fresh clone, installs what it needs (npm ci, n8n
# 2.8.4 into .n8n-host/ — about 7 minutes the first time, reused afterwards), builds the package,
# then scripts/demo.js: the provider simulator on 127.0.0.1:5710+, n8n on http://127.0.0.1:5678
# (or N8N_PORT) with credentials for the simulator, every example workflow and an owner account
# (demo@example.com / Demo-n8n-2024). Data in .n8n-demo/ (or N8N_DEMO_DIR). Ctrl-C stops both.
# Safe to run again: the package, credentials and examples are refreshed, the rest is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh   # npm ci (or the locked versions via npm install --no-save), when needed
echo "==> build"
npm run --silent build
echo "==> n8n (installed into .n8n-host/ once, then reused)"
bash scripts/install-n8n.sh
echo "==> demo"
exec node scripts/demo.js
