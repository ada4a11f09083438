'use strict';
/**
 * Runs n8n-nodes-chat-connectors inside a real n8n app (installed by scripts/install-n8n.sh into
 * .n8n-host/<version>/ from dev/host/n8n/<version>/). This file is the public API; dev/host/README.md
 * says what each module does and what differs between the hosted versions.
 *
 *   const host = require('../dev/host');
 *   const inst = host.createInstance();            // fresh temp N8N_USER_FOLDER, package linked
 *   await inst.importCredentials([{ id, name, type, data }]);
 *   await inst.importWorkflow(workflowJson);        // object or file path
 *   const run = await inst.execute(workflowJson.id); // { ok, status, run, lastNodeOutput(), ... }
 *   const srv = await inst.start({ port });          // n8n start on 127.0.0.1, webhooks registered
 *   await srv.stop();
 *   inst.cleanup();
 *
 * Nothing here touches the network beyond 127.0.0.1, and nothing reads outside the repository and
 * the temp folders it creates.
 */
const versions = require('./versions');
const { PACKAGE_NAME, linkPackage } = require('./link');
const { TEST_ENCRYPTION_KEY, NO_EGRESS, buildEnv } = require('./env');
const { EDITOR_READY_RE, runUnderHostNode, runN8n } = require('./process');
const output = require('./output');
const db = require('./db');
const { freePort, httpGet, sleep } = require('./util');
const { N8nInstance, createInstance, CommandError } = require('./instance');

module.exports = {
	REPO_ROOT: versions.REPO_ROOT,
	HOSTS_SRC_DIR: versions.HOSTS_SRC_DIR,
	HOSTS_DIR: versions.HOSTS_DIR,
	VERSIONS: versions.VERSIONS,
	NEWEST_VERSION: versions.NEWEST_VERSION,
	OLDEST_VERSION: versions.OLDEST_VERSION,
	DEFAULT_HOST: versions.DEFAULT_HOST,
	HOST_DIR: versions.HOST_DIR,
	N8N_BIN: versions.N8N_BIN,
	NO_EGRESS,
	compareVersions: versions.compareVersions,
	availableVersions: versions.availableVersions,
	resolveHost: versions.resolveHost,
	versionTraits: versions.versionTraits,
	runUnderHostNode,
	systemNode: versions.systemNode,
	PACKAGE_NAME,
	TEST_ENCRYPTION_KEY,
	EDITOR_READY_RE,
	isInstalled: versions.isInstalled,
	assertInstalled: versions.assertInstalled,
	freePort,
	linkPackage,
	buildEnv,
	runN8n,
	extractJsonBlocks: output.extractJsonBlocks,
	stripAnsi: output.stripAnsi,
	parseExecuteOutput: output.parseExecuteOutput,
	summarizeRun: output.summarizeRun,
	httpGet,
	sleep,
	requireFromHost: versions.requireFromHost,
	sqliteAll: db.sqliteAll,
	listExecutions: db.listExecutions,
	queryExecution: db.queryExecution,
	waitForExecutionStatus: db.waitForExecutionStatus,
	createInstance,
	N8nInstance,
	CommandError,
};
