#!/usr/bin/env bash
# End-to-end suite in a real n8n (called by .ci/run after scripts/test.sh):
#   install n8n 2.8.4 into .n8n-host/ (reused when already there), build the package, then
#   test/e2e/run.js: every example workflow through `n8n execute` against the provider simulator,
#   the Zaia Trigger and export-and-wait through `n8n start`; then queue mode (scripts/queue-mode.sh:
#   PostgreSQL + Redis + one main + one worker) unless E2E_QUEUE_MODE=0.
# Closing line of each part: `N passed, N failed`; a combined one is printed last.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh   # npm ci (or the locked versions via npm install --no-save), when needed
if [ "${E2E_SKIP_BUILD:-0}" != "1" ]; then
	echo "==> build"
	npm run --silent build
fi
echo "==> n8n install (reused when present)"
bash scripts/install-n8n.sh

passed=0
failed=0
count() { # adds the counts of the last "N passed, N failed" line of a log file
	local line
	line="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1 || true)"
	if [ -n "$line" ]; then
		passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
		failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
	else
		failed=$((failed + 1))
	fi
}

log_dir="$(mktemp -d)"
trap 'rm -rf "$log_dir"' EXIT
status=0

echo "==> e2e: examples in n8n (n8n execute, n8n start)"
start=$(date +%s)
node test/e2e/run.js 2>&1 | tee "$log_dir/run.log" || status=1
echo "==> e2e: $(($(date +%s) - start)) s"
count "$log_dir/run.log"

if [ "${E2E_QUEUE_MODE:-1}" != "0" ] && [ -f scripts/queue-mode.sh ]; then
	echo "==> e2e: queue mode (PostgreSQL + Redis, main + worker)"
	start=$(date +%s)
	bash scripts/queue-mode.sh 2>&1 | tee "$log_dir/queue.log" || status=1
	echo "==> queue mode: $(($(date +%s) - start)) s"
	count "$log_dir/queue.log"
else
	echo "==> queue mode skipped (E2E_QUEUE_MODE=0)"
fi

echo "e2e: $passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
	exit 1
fi
