#!/usr/bin/env bash
# The fast suite, from a fresh clone: install (if needed), build, typecheck, lint, scan, then every jest test
# (nodes run through n8n-core's engine against the provider simulator). About 2-4 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
echo "==> build"
npm run --silent build
echo "==> typecheck (nodes, credentials, tests, tooling)"
npx tsc --noEmit -p tsconfig.json
echo "==> lint"
npm run --silent lint
echo "==> scan"
npm run --silent scan
echo "==> jest"
npx jest --ci "$@"
