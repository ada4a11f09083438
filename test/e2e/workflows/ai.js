'use strict';
/**
 * Workflows of the AI parts of the e2e suite (test/e2e/agent.js, test/e2e/chat.js), built as
 * objects: a trigger (Manual or Chat) → AI Agent, with n8n's OpenAI Chat Model sub-node (pointed at
 * the model simulator, dev/simulator/models/openai.js) and one of our nodes attached as a tool,
 * its parameters filled by $fromAI(); and Chat Trigger → Dify (streaming).
 *
 * Tool variants: n8n registers every `usableAsTool` node a second time as `<package>.<name>Tool`
 * (e.g. n8n-nodes-chat-connectors.difyTool), and offers it to the model under the node's name with
 * every character outside [A-Za-z0-9_-] turned into `_` ("Ask Dify" → "Ask_Dify").
 */
const { CREDENTIALS } = require('../lib');
const zaia = require('../../../dev/simulator/providers/zaia');
const gravityrail = require('../../../dev/simulator/providers/gravityrail');
const devrev = require('../../../dev/simulator/providers/devrev');
const knowledge = require('../../../dev/simulator/dify/knowledge');

const GRAVITY_CHATS_ROUTE = gravityrail.routes.find(
	(r) => r.method === 'POST' && r.path.endsWith('/chats'),
)?.path;

const PKG = 'n8n-nodes-chat-connectors';

/** Credential of n8n's OpenAI Chat Model, pointing at the model simulator. */
const OPENAI_CREDENTIAL = { id: 'e2eOpenAiModel01', name: 'OpenAI (model simulator)' };

const ref = (type) => ({ [type]: { id: CREDENTIALS[type].id, name: CREDENTIALS[type].name } });
const fromAI = (key, description, type = 'string') =>
	`={{ $fromAI('${key}', ${JSON.stringify(description)}, '${type}') }}`;
const toolName = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]/g, '_');

/**
 * The five action nodes as agent tools: the node (type, name, parameters with $fromAI), and what
 * the model asks in three tries: `bad` (rejected by the node's own validation, nothing sent),
 * `notFound` (a provider 404; `message` is the provider's own text, somewhere in what the model
 * gets), `good` (a real call), with the request the provider must receive (its simulator route),
 * and `pick`: a value of the tool's result the model's final answer quotes (the simulator made it).
 * `sim` names the provider simulator when it is not the key (two tools of one node).
 */
const TOOLS = {
	clickup: {
		label: 'ClickUp Chat (Channel → Create Direct Message)',
		nodeName: 'Open ClickUp DM',
		type: `${PKG}.clickUpChatTool`,
		credentials: ref('clickUpChatApi'),
		parameters: {
			descriptionType: 'manual',
			toolDescription:
				'Open (or find) a ClickUp Chat direct message with the given users. Returns the DM channel.',
			authentication: 'accessToken',
			resource: 'channel',
			operation: 'createDirectMessage',
			workspaceId: {
				__rl: true,
				mode: 'id',
				value: fromAI('workspace_id', 'The numeric ClickUp Workspace ID'),
			},
			userIds: fromAI('user_ids', 'Comma-separated ClickUp user IDs to open the DM with'),
			options: {},
		},
		bad: {
			args: {
				workspace_id: '9012345678',
				user_ids: Array.from({ length: 16 }, (_, i) => String(200 + i)).join(','),
			},
			message: 'User IDs: allows at most 15 entries, got 16',
		},
		notFound: {
			args: { workspace_id: '9099999999', user_ids: '183' },
			message: 'Workspace 9099999999 not found',
		},
		good: { args: { workspace_id: '9012345678', user_ids: '183' } },
		request: {
			method: 'POST',
			route: '/api/v3/workspaces/:workspace_id/chat/channels/direct_message',
			path: '/api/v3/workspaces/9012345678/chat/channels/direct_message',
			body: { user_ids: ['183'] },
		},
		pick: (result) => result?.[0]?.id,
	},
	devrev: {
		label: 'DevRev (Chat → Create Direct Message)',
		nodeName: 'Create DevRev DM',
		type: `${PKG}.devRevTool`,
		credentials: ref('devRevApi'),
		parameters: {
			descriptionType: 'manual',
			toolDescription: 'Create a DevRev direct message (DM) with the given users.',
			resource: 'chat',
			operation: 'createDirectMessage',
			type: 'dm',
			users: fromAI('users', 'Comma-separated DevRev user IDs (DEVU-<number>)'),
			addAuthenticatedUser: true,
			additionalFields: { title: fromAI('title', 'A short title for the DM') },
			options: {},
		},
		bad: {
			args: { users: 'DEVU-42,DEVU-42', title: 'Release sync' },
			message: 'Users:',
		},
		notFound: {
			args: { users: 'DEVU-404', title: 'Release sync' },
			message: 'Dev user DEVU-404 does not exist',
			fault: { status: 404, message: 'Dev user DEVU-404 does not exist' },
			faultMatch: { method: 'POST', path: '/chats.create' },
		},
		good: { args: { users: 'DEVU-7', title: 'Release sync' } },
		request: {
			method: 'POST',
			route: '/chats.create',
			path: '/chats.create',
			// the node adds you (Add Me to the Users) by the full ID DevRev's dev-users.self returned
			body: { type: 'dm', title: 'Release sync', users: ['DEVU-7', devrev.ME.id] },
		},
		pick: (result) => result?.[0]?.chat?.display_id,
	},
	dify: {
		label: 'Dify (Chat Message → Send)',
		nodeName: 'Ask Dify',
		type: `${PKG}.difyTool`,
		credentials: ref('difyApi'),
		parameters: {
			descriptionType: 'manual',
			toolDescription:
				'Ask the Dify support assistant a question. Returns its answer and the conversation_id to continue the conversation.',
			resource: 'chatMessage',
			operation: 'send',
			query: fromAI('query', 'The question for the assistant'),
			user: 'agent-e2e-user',
			inputsFormat: 'pairs',
			inputs: {},
			additionalFields: {
				conversationId: fromAI(
					'conversation_id',
					'The conversation_id of an earlier answer to continue, or empty for a new conversation',
				),
			},
			options: {},
		},
		bad: { args: { query: '   ', conversation_id: '' }, message: 'Query: must not be empty' },
		notFound: {
			args: {
				query: 'What are the specs?',
				conversation_id: '00000000-0000-4000-8000-000000000404',
			},
			message: 'Conversation Not Exists.',
		},
		good: { args: { query: 'What are the specs of the iPhone 13 Pro Max?', conversation_id: '' } },
		request: {
			method: 'POST',
			route: '/chat-messages',
			path: '/chat-messages',
			body: {
				query: 'What are the specs of the iPhone 13 Pro Max?',
				inputs: {},
				user: 'agent-e2e-user',
				response_mode: 'streaming',
			},
		},
		pick: (result) => result?.[0]?.conversation_id,
	},
	knowledge: {
		label: 'Dify (Knowledge Base → Retrieve)',
		nodeName: 'Search Help Center',
		type: `${PKG}.difyTool`,
		sim: 'dify',
		credentials: ref('difyKnowledgeApi'),
		parameters: {
			descriptionType: 'manual',
			toolDescription:
				'Search the Acme help center (its knowledge base) for passages that answer a question. Returns each passage with its score and document name.',
			resource: 'knowledgeBase',
			operation: 'retrieve',
			datasetId: knowledge.HELP_DATASET,
			query: fromAI('query', 'What to search the help center for, in a few words'),
			retrievalSettings: 'knowledgeBase',
			additionalBodyFields: '{}',
			options: {},
		},
		bad: {
			args: { query: `kettle warranty ${'please '.repeat(40)}`.trim() },
			message: 'Query: must be at most 250 characters',
		},
		notFound: {
			args: { query: 'kettle warranty' },
			message: 'Dataset not found.',
			fault: { status: 404, message: 'Dataset not found.' },
			faultMatch: { method: 'POST', path: `/datasets/${knowledge.HELP_DATASET}/retrieve` },
		},
		good: { args: { query: 'How long is the warranty on the X200 kettle?' } },
		request: {
			method: 'POST',
			route: '/datasets/:dataset_id/retrieve',
			path: `/datasets/${knowledge.HELP_DATASET}/retrieve`,
			body: { query: 'How long is the warranty on the X200 kettle?' },
		},
		// the chunk only the simulator's knowledge base holds (knowledge.KETTLE_WARRANTY)
		pick: (result) => (result?.[0]?.document_name === 'Warranty' ? result[0].content : undefined),
	},
	gravityrail: {
		label: 'Gravity Rail (Chat → Create)',
		nodeName: 'Start Gravity Rail Chat',
		type: `${PKG}.gravityRailTool`,
		credentials: ref('gravityRailApi'),
		parameters: {
			descriptionType: 'manual',
			toolDescription: 'Start a Gravity Rail chat with a member on a channel.',
			resource: 'chat',
			operation: 'create',
			channel: fromAI('channel', 'The channel: web-chat, phone-sms, phone-voice or email'),
			additionalFields: {
				memberId: fromAI('member_id', 'The Gravity Rail member ID'),
				title: fromAI('title', 'A title for the chat'),
			},
			options: {},
		},
		bad: {
			args: { channel: 'fax', member_id: '202', title: 'Intake follow-up' },
			message: 'Channel: must be one of',
		},
		notFound: {
			args: { channel: 'web-chat', member_id: '999', title: 'Intake follow-up' },
			message: 'Member 999 not found',
		},
		good: { args: { channel: 'web-chat', member_id: '202', title: 'Intake follow-up' } },
		request: {
			method: 'POST',
			route: GRAVITY_CHATS_ROUTE,
			path: `/api/v2/w/${gravityrail.WORKSPACE_UUID}/chats`,
			body: { channel: 'web-chat', memberId: '202', title: 'Intake follow-up' },
		},
		pick: (result) => result?.[0]?.id,
	},
	zaia: {
		label: 'Zaia (Chat Message → Send)',
		nodeName: 'Post Zaia Message',
		type: `${PKG}.zaiaTool`,
		credentials: ref('zaiaApi'),
		parameters: {
			descriptionType: 'manual',
			toolDescription: 'Post a message into a Zaia chat as the customer. Returns the new message.',
			resource: 'chatMessage',
			operation: 'send',
			chatId: fromAI('chat_id', 'The Zaia chat ID (a UUID)'),
			senderId: 'f0e1d2c3-b4a5-4968-8776-655443322110',
			role: 'user',
			content: fromAI('content', 'The message text'),
			additionalFields: {},
			options: {},
		},
		bad: {
			args: { chat_id: 'order-4411', content: 'Any news about order #4411?' },
			message: 'Chat ID:',
		},
		notFound: {
			args: { chat_id: '9a9a9a9a-1b1b-4c4c-8d8d-2e2e2e2e2e2e', content: 'Any news?' },
			message: 'Chat 9a9a9a9a-1b1b-4c4c-8d8d-2e2e2e2e2e2e not found.',
		},
		good: { args: { chat_id: zaia.CHAT_ID, content: 'Any news about order #4411?' } },
		request: {
			method: 'POST',
			route: '/api/v1/chat-messages',
			path: '/api/v1/chat-messages',
			body: {
				chatId: zaia.CHAT_ID,
				chatThreadId: null,
				content: 'Any news about order #4411?',
				externalId: null,
				senderId: 'f0e1d2c3-b4a5-4968-8776-655443322110',
				role: 'user',
				detail: { attachments: [] },
			},
		},
		pick: (result) => result?.[0]?.id,
	},
};

function modelNode({ responsesApi = true, version = 1.3 } = {}) {
	return {
		id: 'a1000000-0000-4000-8000-000000000003',
		name: 'OpenAI Chat Model',
		type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		typeVersion: version,
		position: [220, 220],
		credentials: { openAiApi: OPENAI_CREDENTIAL },
		parameters: {
			model: { __rl: true, mode: 'list', value: 'gpt-4.1-mini' },
			...(version >= 1.3 ? { responsesApiEnabled: responsesApi } : {}),
			options: { maxRetries: 0 },
		},
	};
}

function agentNode({ text, streaming = false }) {
	return {
		id: 'a1000000-0000-4000-8000-000000000002',
		name: 'AI Agent',
		type: '@n8n/n8n-nodes-langchain.agent',
		typeVersion: 3.1,
		position: [240, 0],
		parameters: {
			promptType: text === undefined ? 'auto' : 'define',
			...(text === undefined ? {} : { text }),
			options: {
				systemMessage: 'You are a helpful assistant. Use the tools you are given.',
				enableStreaming: streaming,
			},
		},
	};
}

/**
 * The tool node. onError 'continueRegularOutput' is the node's Settings → On Error → Continue: the
 * node then outputs the error as an item ({ error, errorDescription, httpCode }), which n8n hands to
 * the model as the tool's result; without it a failing tool fails the whole execution (n8n 2.8).
 */
function toolNode(spec, { onError } = {}) {
	return {
		id: 'a1000000-0000-4000-8000-000000000004',
		name: spec.nodeName,
		type: spec.type,
		typeVersion: 1,
		position: [480, 220],
		credentials: spec.credentials,
		parameters: spec.parameters,
		...(onError ? { onError } : {}),
	};
}

function subConnections(spec) {
	return {
		'OpenAI Chat Model': {
			ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
		},
		[spec.nodeName]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
	};
}

/** Manual Trigger → AI Agent (OpenAI Chat Model, our node as a tool). */
function agentWorkflow(
	id,
	spec,
	{ responsesApi = true, modelVersion = 1.3, prompt, onError = 'continueRegularOutput' } = {},
) {
	return {
		id,
		name: `e2e agent: ${spec.label}${responsesApi ? '' : ' (chat completions)'}${onError ? '' : ' (tool errors not caught)'}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a1000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			agentNode({ text: prompt ?? `Use the ${toolName(spec.nodeName)} tool for me.` }),
			modelNode({ responsesApi, version: modelVersion }),
			toolNode(spec, { onError }),
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			...subConnections(spec),
		},
		pinData: {},
	};
}

function chatTriggerNode(webhookId) {
	return {
		id: 'c1000000-0000-4000-8000-000000000001',
		name: 'When chat message received',
		type: '@n8n/n8n-nodes-langchain.chatTrigger',
		typeVersion: 1.3,
		position: [0, 0],
		webhookId,
		parameters: { public: true, mode: 'hostedChat', options: { responseMode: 'streaming' } },
	};
}

/** Chat Trigger (public, streaming) → Dify Chat Message → Send (streaming), the query from the chat. */
function chatDifyWorkflow(id, webhookId) {
	return {
		id,
		name: 'e2e chat: Chat Trigger → Dify (streaming)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			chatTriggerNode(webhookId),
			{
				id: 'c1000000-0000-4000-8000-000000000002',
				name: 'Dify',
				type: `${PKG}.dify`,
				typeVersion: 1,
				position: [240, 0],
				credentials: ref('difyApi'),
				parameters: {
					resource: 'chatMessage',
					operation: 'send',
					query: '={{ $json.chatInput }}',
					user: '={{ $json.sessionId }}',
					inputsFormat: 'pairs',
					inputs: {},
					additionalFields: { responseMode: 'streaming' },
					options: {},
				},
			},
		],
		connections: {
			'When chat message received': { main: [[{ node: 'Dify', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/** Chat Trigger (public, streaming) → AI Agent (streaming) with Dify as a tool. */
function chatAgentWorkflow(id, webhookId, { responsesApi = true } = {}) {
	const spec = {
		...TOOLS.dify,
		parameters: {
			...TOOLS.dify.parameters,
			user: '={{ $json.sessionId }}',
			additionalFields: {},
		},
	};
	return {
		id,
		name: `e2e chat: Chat Trigger → AI Agent (streaming) with Dify as a tool${responsesApi ? '' : ' (chat completions)'}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			chatTriggerNode(webhookId),
			agentNode({ streaming: true }),
			modelNode({ responsesApi }),
			toolNode(spec, { onError: 'continueRegularOutput' }),
		],
		connections: {
			'When chat message received': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			...subConnections(spec),
		},
		pinData: {},
	};
}

/**
 * What the agent and chat parts start with: every provider simulator (into `sims`, so a teardown
 * finds the ones already started), the model simulator, and an n8n instance holding the demo
 * credentials plus the OpenAI credential that points at the model simulator.
 */
async function startAiFixtures(part, sims) {
	const host = require('../../../dev/host/index');
	const { ProviderSimulator, providers } = require('../../../dev/simulator');
	const openai = require('../../../dev/simulator/models/openai');
	const { demoCredentials } = require('../lib');
	if (!host.isInstalled()) throw new Error(`n8n is not installed in ${host.HOST_DIR}`);
	for (const name of Object.keys(providers).sort()) {
		sims[name] = new ProviderSimulator(providers[name]);
		await sims[name].start();
	}
	const model = new ProviderSimulator(openai);
	await model.start();
	const urls = Object.fromEntries(Object.entries(sims).map(([n, s]) => [n, s.baseUrl]));
	const inst = host.createInstance();
	console.log(
		`${part}: n8n ${host.DEFAULT_HOST.version} (${host.HOST_DIR}), folder ${inst.userFolder}, model ${model.baseUrl}`,
	);
	await inst.importCredentials([
		...demoCredentials(providers, urls),
		{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: openai.credentialData(model.baseUrl) },
	]);
	return { model, inst };
}

module.exports = {
	startAiFixtures,
	PKG,
	TOOLS,
	OPENAI_CREDENTIAL,
	toolName,
	agentWorkflow,
	chatDifyWorkflow,
	chatAgentWorkflow,
};
