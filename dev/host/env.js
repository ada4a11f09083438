'use strict';
/**
 * The environment of every n8n process of an instance (buildEnv): its own user folder and HOME,
 * sqlite DB inside it, every call to n8n's own servers switched off (per version: versionTraits),
 * 127.0.0.1 only, info logs on stdout, the host's node first on PATH (n8n spawns its task runner
 * as `node`), and the no-egress guard preloaded (N8N_HOST_EGRESS_LOG receives any attempt to go out).
 */
const path = require('node:path');
const { DEFAULT_HOST, versionTraits } = require('./versions');

const TEST_ENCRYPTION_KEY = 'n8n-nodes-chat-connectors-test-encryption-key-0001';
/** Preloaded into every n8n process: refuses and records connections beyond loopback. */
const NO_EGRESS = path.join(__dirname, 'no-egress.js');

function buildEnv(userFolder, extra = {}, host = DEFAULT_HOST, { egressGuard = true } = {}) {
	const env = { ...process.env };
	// Never inherit settings of another n8n (or of the developer's shell), nor a proxy.
	for (const k of Object.keys(env)) {
		if (
			k.startsWith('N8N_') ||
			k.startsWith('DB_') ||
			k.startsWith('EXECUTIONS_') ||
			k.startsWith('QUEUE_') ||
			/^(WEBHOOK_URL|OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS|NODE_OPTIONS)$/.test(k) ||
			/^(https?|all|no)_proxy$/i.test(k)
		) {
			delete env[k];
		}
	}
	const traits = versionTraits(host.version);
	Object.assign(env, {
		PATH: [path.dirname(host.nodeBin), process.env.PATH].filter(Boolean).join(path.delimiter),
		...(egressGuard
			? {
					NODE_OPTIONS: `--require=${JSON.stringify(NO_EGRESS)}`,
					N8N_HOST_EGRESS_LOG: path.join(userFolder, 'egress.log'),
				}
			: {}),
		HOME: userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		DB_SQLITE_DATABASE: path.join(userFolder, '.n8n', 'database.sqlite'),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ONBOARDING_FLOW_DISABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DEFAULT_LOCALE: 'en',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DEV_RELOAD: 'false',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		NO_COLOR: '1',
		FORCE_COLOR: '0',
		...traits.env,
	});
	for (const [k, v] of Object.entries(extra)) {
		if (v === undefined || v === null) delete env[k];
		else env[k] = String(v);
	}
	// The webhook base URL under the name this version reads (callers may pass either name).
	for (const name of ['WEBHOOK_URL', 'N8N_WEBHOOK_URL']) {
		if (name !== traits.webhookUrlVar && env[name] !== undefined) {
			if (env[traits.webhookUrlVar] === undefined) env[traits.webhookUrlVar] = env[name];
			delete env[name];
		}
	}
	return env;
}

module.exports = { TEST_ENCRYPTION_KEY, NO_EGRESS, buildEnv };
