#!/usr/bin/env bash
# End-to-end suite in real n8n apps (called by .ci/run after scripts/test.sh): for every hosted n8n
# version (dev/host/n8n/<version>/, newest first: 2.41.1 on node 24, then 2.8.4 on the
# machine's node), install it into .n8n-host/<version>/ (reused when already there), then run
# every e2e part against it:
#   run      test/e2e/run.js     every example via `n8n execute`, the Zaia Trigger and
#                                export-and-wait via `n8n start`, the editor's REST API
#   install  test/e2e/install.js every package (one per service + the bundle) packed, installed
#                                alone into a fresh ~/.n8n/nodes as its README says, n8n started,
#                                its nodes listed, its examples run
#   queue    scripts/queue-mode.sh -> test/e2e/queue.js: PostgreSQL 17 + Redis, main + worker
#   agent, chat, browser, ...    test/e2e/<part>.js, each run when its file exists
# A part is invoked with N8N_VERSION, N8N_HOST_DIR and N8N_NODE set for the version (see
# dev/host/README.md, "Adding an e2e part"); it prints `... N passed, N failed` last and
# exits non-zero on any failure.
#
#   bash scripts/e2e.sh
#   E2E_N8N_VERSIONS=2.41.1 bash scripts/e2e.sh        only some versions
#   E2E_PARTS="run agent" bash scripts/e2e.sh           only some parts
#   E2E_QUEUE_MODE=0 bash scripts/e2e.sh               without the queue-mode part
#   E2E_SKIP_BUILD=1 bash scripts/e2e.sh               use node_modules and dist/ as they are
#   E2E_PART_TIMEOUT / E2E_INSTALL_TIMEOUT (s)          backstops (default 1800 / 2700)
# Prints each part's time and count, a line per version, then `e2e: N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."

# The parts, in order. Add yours here: "name" runs test/e2e/<name>.js (when the file exists).
PARTS_DEFAULT="run install queue agent chat browser"

t_all=$SECONDS
# every version's host is .n8n-host/<version>/ with its own node: a caller's choice of one host
# (N8N_VERSION / N8N_HOST_DIR / N8N_NODE, meant for a single part run by hand) must not leak into all
unset N8N_VERSION N8N_HOST_DIR N8N_NODE
if [ "${E2E_SKIP_BUILD:-0}" != "1" ]; then
	bash scripts/install-deps.sh # npm ci (or the locked versions via npm install --no-save), when needed
	echo "==> build"
	npm run --silent build
fi

all_versions="$(find dev/host/n8n -mindepth 1 -maxdepth 1 -type d -regex '.*/[0-9]+\.[0-9]+\.[0-9]+$' -printf '%f\n' | sort -rV)"
versions="${E2E_N8N_VERSIONS:-$all_versions}"
parts="${E2E_PARTS:-$PARTS_DEFAULT}"

passed=0
failed=0
status=0
summary=()
log_dir="$(mktemp -d)"
trap 'rm -rf "$log_dir"' EXIT

# counts of the last "... N passed, N failed" line of a log; a part that printed none counts as 1 failure
counts_of() {
	local line
	line="$(grep -E '[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1 || true)"
	if [ -n "$line" ]; then
		echo "$line" | sed -E 's/.*(^|[^0-9])([0-9]+) passed, ([0-9]+) failed$/\2 \3/'
	else
		echo "0 1"
	fi
}

part_command() { # part_command <part>: the command line of a part, empty when it does not exist
	case "$1" in
	queue)
		if [ "${E2E_QUEUE_MODE:-1}" != "0" ] && [ -f scripts/queue-mode.sh ] && [ -f test/e2e/queue.js ]; then
			echo "bash scripts/queue-mode.sh"
		fi
		;;
	*)
		if [ -f "test/e2e/$1.js" ]; then echo "\"\$N8N_NODE\" test/e2e/$1.js"; fi
		;;
	esac
}

for version in $versions; do
	v_passed=0
	v_failed=0
	echo "==> n8n $version: install (reused when present)"
	t0=$SECONDS
	if ! timeout --kill-after=30 "${E2E_INSTALL_TIMEOUT:-2700}" bash scripts/install-n8n.sh "$version"; then
		echo "==> n8n $version: install failed, its parts are skipped"
		failed=$((failed + 1))
		status=1
		summary+=("n8n $version install: FAILED after $((SECONDS - t0)) s")
		continue
	fi
	summary+=("n8n $version install: $((SECONDS - t0)) s")
	# the host's folder and node, as dev/host resolves them
	eval "$(N8N_VERSION="$version" node -e "
		const h = require('./dev/host').DEFAULT_HOST;
		console.log('export N8N_VERSION=' + h.version + ' N8N_HOST_DIR=' + JSON.stringify(h.dir) + ' N8N_NODE=' + JSON.stringify(h.nodeBin));
	")"
	for part in $parts; do
		cmd="$(part_command "$part")"
		if [ -z "$cmd" ]; then
			if [ "$part" = "queue" ] && [ "${E2E_QUEUE_MODE:-1}" = "0" ]; then
				echo "==> e2e $part on n8n $version: skipped (E2E_QUEUE_MODE=0)"
			fi
			continue
		fi
		echo "==> e2e $part on n8n $version ($("$N8N_NODE" --version)): $cmd"
		t0=$SECONDS
		part_log="$log_dir/$version-$part.log"
		# bounded: each part has its own watchdog; this is the backstop (default 30 min)
		timeout --kill-after=30 "${E2E_PART_TIMEOUT:-1800}" bash -c "$cmd" 2>&1 | tee "$part_log" || status=1
		read -r p f <<<"$(counts_of "$part_log")"
		passed=$((passed + p))
		failed=$((failed + f))
		v_passed=$((v_passed + p))
		v_failed=$((v_failed + f))
		echo "==> e2e $part n8n $version: $p passed, $f failed in $((SECONDS - t0)) s"
		summary+=("e2e $part n8n $version: $p passed, $f failed, $((SECONDS - t0)) s")
	done
	echo "e2e n8n $version (all parts): $v_passed passed, $v_failed failed"
	summary+=("e2e n8n $version (all parts): $v_passed passed, $v_failed failed")
	unset N8N_VERSION N8N_HOST_DIR N8N_NODE
done

echo "==> e2e summary ($((SECONDS - t_all)) s in all)"
for line in "${summary[@]}"; do echo "    $line"; done
echo "e2e: $passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
	exit 1
fi
