'use strict';
/**
 * The example workflows (examples/*.json) and what they reference, shared by the demo
 * (scripts/demo.js) and the e2e suite: the credentials' fixed ids and names, the credentials
 * themselves pointing at running simulators (demoCredentials), the workflows' fixed ids, and the
 * n8n address the examples assume (retarget replaces it).
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The credentials every example references, by credential type: fixed ids and names. */
const CREDENTIALS = {
	clickUpChatApi: { id: 'demoCredClickUp1', name: 'ClickUp Chat (demo simulator)' },
	clickUpChatTriggerApi: { id: 'demoCredClickUpT', name: 'ClickUp Chat Trigger (demo secret)' },
	devRevApi: { id: 'demoCredDevRev01', name: 'DevRev (demo simulator)' },
	difyApi: { id: 'demoCredDify0001', name: 'Dify (demo simulator)' },
	difyKnowledgeApi: { id: 'demoCredDifyKnow', name: 'Dify Knowledge (demo simulator)' },
	gravityRailApi: { id: 'demoCredGravRail', name: 'Gravity Rail (demo simulator)' },
	gravityRailTriggerApi: { id: 'demoCredGravRaiT', name: 'Gravity Rail Trigger (demo secret)' },
	zaiaAgentApi: { id: 'demoCredZaiaAgnt', name: 'Zaia Agent (demo simulator)' },
	zaiaApi: { id: 'demoCredZaia0001', name: 'Zaia (demo simulator)' },
	zaiaTriggerApi: { id: 'demoCredZaiaTrg1', name: 'Zaia Trigger (demo secret)' },
};

/** Fixed ids of the example workflows (examples/*.json). */
const WORKFLOWS = {
	clickup: 'exClickUpDmMsg01',
	clickupAssistant: 'exClickUpAssist1',
	devrev: 'exDevRevChat0001',
	devrevConversation: 'exDevRevConvers1',
	devrevSupportConversation: 'exDevRevConvrsn2',
	devrevSupport: 'exDevRevSupprt01',
	difyConversation: 'exDifyConvers001',
	difyAgent: 'exDifyAgentStrm1',
	difyHumanInput: 'exDifyHumanLoop1',
	difyWorkflowRun: 'exDifyWorkflowR1',
	difyKnowledgeSync: 'exDifyKnowSync01',
	difyVoiceQuestion: 'exDifyVoiceQst01',
	gravityRail: 'exGravityRail001',
	gravityRailRoundTrip: 'exGravRailRound1',
	gravityRailTakeover: 'exGravRailTakeov',
	gravityRailNewChat: 'exGravRailNewCh1',
	zaiaAgentChat: 'exZaiaAgentChat1',
	zaiaCreateGet: 'exZaiaGetCreate1',
	zaiaTrigger: 'exZaiaTrigger001',
	zaiaExportUrl: 'exZaiaExportUrl1',
	zaiaExportWait: 'exZaiaExportWait',
};

/** The address the examples' hard-coded callback URL assumes (the demo's n8n). */
const EXAMPLE_N8N_URL = 'http://127.0.0.1:5678/';

/**
 * The credentials for n8n's import:credentials, pointing at running simulators.
 * urls: { providerName: baseUrl }; providers: the simulator's provider modules.
 */
function demoCredentials(providers, urls) {
	const out = [];
	for (const [name, provider] of Object.entries(providers)) {
		// a provider's main credential, then any others it declares (e.g. the Zaia Trigger's secret)
		for (const credential of [provider, ...(provider.moreCredentials ?? [])]) {
			const fixed = CREDENTIALS[credential.credentialType];
			if (!fixed)
				throw new Error(
					`no demo credential id for ${credential.credentialType} (add it to dev/examples.js)`,
				);
			if (!urls[name]) throw new Error(`no simulator URL for ${name}`);
			out.push({
				id: fixed.id,
				name: fixed.name,
				type: credential.credentialType,
				data: credential.demoCredential(urls[name]),
			});
		}
	}
	return out;
}

/** Every example workflow: [{ file, workflow }], sorted by file name. */
function loadExamples() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')),
		}));
}

/** A copy of a workflow with every occurrence of the example n8n address replaced. */
function retarget(workflow, baseUrl) {
	const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
	return JSON.parse(JSON.stringify(workflow).split(EXAMPLE_N8N_URL).join(base));
}

module.exports = {
	REPO_ROOT,
	EXAMPLES_DIR,
	CREDENTIALS,
	WORKFLOWS,
	EXAMPLE_N8N_URL,
	demoCredentials,
	loadExamples,
	retarget,
};
