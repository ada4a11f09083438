'use strict';
/**
 * Zaia's examples (test/e2e/run.js): the agent chat, the conversation and a bad API key in
 * `n8n execute`; then the two export examples: before `n8n start` the export to the Zaia Trigger and export-and-wait run
 * (the simulator's callbacks held by the gate), after it the trigger receives its export and the
 * waiting execution is resumed by its callback (and by nothing else).
 */
const host = require('../../../dev/host/index');
const { providers } = require('../../../dev/simulator');
const { N8nRest, WORKFLOWS, loadExamples, request, sameJson } = require('../lib');

/** The credentials of the variants below: a wrong API key, a trigger secret too short. */
function credentials(urls) {
	return [
		{
			id: 'e2eBadKeyZaia001',
			name: 'Zaia (bad key)',
			type: 'zaiaApi',
			data: {
				...providers.zaia.demoCredential(urls.zaia),
				apiKey: 'zaia_bad_key_0000000000000000000000000000',
			},
		},
		{
			id: 'e2eZaiaTrgShort1',
			name: 'Zaia Trigger (short secret)',
			type: 'zaiaTriggerApi',
			data: { secret: 'short-secret' },
		},
	];
}

/** The conversation example with the wrong API key. */
function badKeyWorkflow(workflows) {
	const zaiaCreateGet = workflows.find((w) => w.id === WORKFLOWS.zaiaCreateGet);
	const workflow = JSON.parse(JSON.stringify(zaiaCreateGet));
	workflow.id = 'e2eBadKeyZaia001';
	workflow.name = 'e2e: Zaia with a bad key';
	for (const n of workflow.nodes)
		if (n.credentials?.zaiaApi)
			n.credentials.zaiaApi = { id: 'e2eBadKeyZaia001', name: 'Zaia (bad key)' };
	return workflow;
}

/** The Zaia Trigger example with the 12-character secret. */
function shortSecretWorkflow(workflows) {
	const shortSecret = JSON.parse(
		JSON.stringify(workflows.find((w) => w.id === WORKFLOWS.zaiaTrigger)),
	);
	shortSecret.id = 'e2eZaiaTrgShort1';
	shortSecret.name = 'e2e: Zaia Trigger with a short secret';
	for (const n of shortSecret.nodes)
		if (n.credentials?.zaiaTriggerApi) {
			n.credentials.zaiaTriggerApi = {
				id: 'e2eZaiaTrgShort1',
				name: 'Zaia Trigger (short secret)',
			};
			n.webhookId = 'e2e0000a-0000-4000-8000-00000000f00d';
		}
	return shortSecret;
}

/**
 * zaia-agent-chat.json: a chat with a Zaia agent on the agent API (Bearer key): opened, asked,
 * asked for a person by its External ID, handed over to a ticket, read back.
 */
async function agentChat(t) {
	const { check, sims, execute, describeRun } = t;
	const zaia = providers.zaia;
	const since = sims.zaia.requests.length;
	const run = await execute(WORKFLOWS.zaiaAgentChat, 'Zaia agent chat');
	check('Zaia agent chat example runs to success', run.ok, describeRun(run));
	const chat = run.nodeOutput('Open Chat')?.[0];
	const answer = run.nodeOutput('Ask the Agent')?.[0];
	const handover = run.nodeOutput('Ask for a Person')?.[0];
	const ticket = run.nodeOutput('Ticket for Support')?.[0];
	const readBack = run.nodeOutput('Read Back')?.[0];
	check(
		'Zaia Generative Chat → Create outputs the new chat of agent 20733 with the External ID',
		chat &&
			Number.isInteger(chat.id) &&
			chat.agentId === zaia.ZAIA_AGENT_ID &&
			chat.externalId === 'n8n-order-4411' &&
			chat.status === 'active',
		chat,
	);
	check(
		"Zaia Generative Message → Send outputs the agent's answer in that chat, with the e-mail it extracted",
		answer &&
			answer.externalGenerativeChatId === chat?.id &&
			answer.text === 'Order #4411 left our warehouse yesterday; it should arrive tomorrow.' &&
			answer.chatStage?.name === 'Order status' &&
			answer.extractedData?.userEmail === 'ana@example.com',
		answer,
	);
	check(
		'Zaia Send by External ID reaches the same chat; the agent hands over (stage Human handover)',
		handover &&
			handover.externalGenerativeChatId === chat?.id &&
			handover.chatStage?.name === 'Human handover',
		handover,
	);
	check(
		'the IF node passes the handover on: the ticket for support carries the chat, the e-mail and both answers',
		ticket &&
			sameJson(ticket, {
				generativeChatId: chat?.id,
				customerEmail: 'ana@example.com',
				agentAnswered: answer?.text,
				agentSaid: handover?.text,
			}),
		ticket,
	);
	check(
		'Zaia Generative Chat → Get reads the chat back',
		readBack && readBack.id === chat?.id && readBack.externalId === 'n8n-order-4411',
		readBack,
	);
	const calls = sims.zaia.requests.slice(since).filter((r) => r.path.startsWith('/v1.1/'));
	check(
		'the simulator received create, send (by ID), send (by External ID), get, each signed with the agent key as Bearer',
		sameJson(
			calls.map((r) => `${r.method} ${r.path}`),
			[
				'POST /v1.1/api/external-generative-chat/create',
				'POST /v1.1/api/external-generative-message/create',
				'POST /v1.1/api/external-generative-message/create',
				'GET /v1.1/api/external-generative-chat/retrieve',
			],
		) &&
			calls.every(
				(r) => r.headers.authorization === `Bearer ${zaia.AGENT_API_KEY}` && !r.rejected,
			) &&
			sameJson(calls[0].body, { agentId: zaia.ZAIA_AGENT_ID, externalId: 'n8n-order-4411' }) &&
			sameJson(calls[1].body, {
				agentId: zaia.ZAIA_AGENT_ID,
				externalGenerativeChatId: chat?.id,
				prompt: 'Hi, I am ana@example.com. Where is my order #4411?',
				streaming: false,
				custom: { channel: 'n8n' },
			}) &&
			sameJson(calls[2].body, {
				agentId: zaia.ZAIA_AGENT_ID,
				externalGenerativeChatExternalId: 'n8n-order-4411',
				prompt: 'Thanks. Can I talk to a person, please?',
				streaming: false,
			}) &&
			calls[3].rawQuery === `?id=${chat?.id}`,
		calls.map((r) => [r.method, r.path, r.rawQuery, r.body, r.headers.authorization?.slice(0, 12)]),
	);
}

/** zaia-create-and-get.json: a conversation, the customer asks, support answers, the chat is read back. */
async function examples(t) {
	await agentChat(t);
	const { check, sims, execute, describeRun } = t;
	const run = await execute(WORKFLOWS.zaiaCreateGet, 'Zaia conversation');
	const asked = run.nodeOutput('Create Message')?.[0];
	const answered = run.nodeOutput('Support Answers')?.[0];
	const list = run.nodeOutput('Get Messages') ?? [];
	check('Zaia conversation example runs to success', run.ok, describeRun(run));
	check(
		'Zaia Create outputs the customer message',
		asked &&
			asked.content === 'Any news about order #4411?' &&
			asked.chatId === providers.zaia.CHAT_ID &&
			asked.role === 'user' &&
			asked.externalId === 'n8n-demo-1',
		asked,
	);
	check(
		'Zaia Create (support) answers in the same chat',
		answered &&
			answered.chatId === asked?.chatId &&
			answered.role === 'support' &&
			answered.senderId === providers.zaia.AGENT_ID &&
			answered.externalId === 'n8n-demo-2',
		answered,
	);
	check(
		'Zaia Get Many (Return All) reads the whole chat back: the 3 earlier messages, then the question and the answer, each with its sender',
		sameJson(
			list.map((m) => [m.role, m.content]),
			[
				['user', 'Hi, my order has not arrived'],
				['assistant', 'Sorry to hear that! Which order number?'],
				['user', 'It is #4411'],
				['user', 'Any news about order #4411?'],
				['support', 'Order #4411 left our warehouse yesterday; it should arrive tomorrow.'],
			],
		) &&
			sameJson(
				list.slice(-2).map((m) => m.id),
				[asked?.id, answered?.id],
			) &&
			list.every((m) => m.senderSuperIdentity && m.senderSuperIdentity.id === m.senderId),
		list.map((m) => [m.role, m.content, m.senderSuperIdentity?.entity]),
	);
	const read = sims.zaia.calls('GET', '/api/v1/chat-messages').at(-1);
	check(
		'Zaia Get Many with Return All asked for limit=1000 (the most Zaia gives)',
		read?.rawQuery === `?chatId=${providers.zaia.CHAT_ID}&limit=1000&joins=senders`,
		read?.rawQuery,
	);
	const threads = run.nodeOutput('Chat Threads') ?? [];
	check(
		"Zaia Chat Threads (run once) lists the chat's one thread",
		threads.length === 1 &&
			threads[0].id === providers.zaia.THREAD_ID &&
			threads[0].chatId === providers.zaia.CHAT_ID,
		threads,
	);
	const threadCalls = sims.zaia.calls('GET', '/api/v1/chat-threads');
	check(
		'Zaia simulator was asked for the threads once, page 1 of 100',
		threadCalls.length === 1 &&
			threadCalls[0].rawQuery === `?chatId=${providers.zaia.CHAT_ID}&pageNumber=1&pageSize=100`,
		threadCalls.map((c) => c.rawQuery),
	);
}

/** zaia-create-and-get.json with a bad API key: the provider's own message in the execution. */
async function badKey(t) {
	const { check, sims, execute, describeRun } = t;
	const run = await execute('e2eBadKeyZaia001', 'Zaia with a bad key');
	const error = run.nodeError('Create Message');
	check(
		'bad key: execution fails (exit 1, status error)',
		run.code !== 0 && run.status === 'error',
		describeRun(run),
	);
	check(
		'bad key: the node error carries Zaia\'s message "Invalid API key."',
		error && /Invalid API key\./.test(`${error.message} ${error.description ?? ''}`),
		error,
	);
	check(
		'bad key: the key itself appears nowhere in the output',
		!run.stdout.includes('zaia_bad_key_') && !run.stderr.includes('zaia_bad_key_'),
	);
	const last = sims.zaia.requests.at(-1);
	check(
		'bad key: the request reached Zaia and was refused with 401',
		last && last.headers.authorization?.startsWith('zaia_bad_key_'),
		last?.headers,
	);
}

/**
 * Before `n8n start`: zaia-export-to-trigger.json and zaia-export-and-wait.json run, their callbacks
 * wait in the gate, zaia-export-trigger.json is published. Resolves what afterStart() needs.
 */
async function beforeStart(t) {
	const { check, inst, gate, execute, describeRun } = t;
	const exported = await execute(WORKFLOWS.zaiaExportUrl, 'Zaia export to trigger');
	const ack = exported.nodeOutput('Export to Trigger')?.[0];
	check(
		"Zaia export (send to URL) outputs Zaia's acknowledgement",
		exported.ok &&
			/Export started/.test(ack?.message ?? '') &&
			ack?.exportRequested?.rangeStart === '2025-01-01T00:00:00.000Z',
		ack ?? describeRun(exported),
	);
	const secret = providers.zaia.TRIGGER_SECRET;
	check(
		'the export example holds no trigger secret: its Zaia node takes it from the Zaia Trigger credential',
		loadExamples().some(
			({ workflow }) =>
				workflow.id === WORKFLOWS.zaiaExportUrl &&
				!JSON.stringify(workflow).includes(secret) &&
				workflow.nodes.some(
					(n) => n.parameters?.triggerSecret === 'credential' && n.credentials?.zaiaTriggerApi,
				),
		),
	);
	check(
		"the export's execution (n8n execute's output) does not show the trigger secret",
		!exported.stdout.includes(secret) && !exported.stderr.includes(secret),
	);

	const waited = await execute(WORKFLOWS.zaiaExportWait, 'Zaia export and wait');
	check(
		'Zaia export-and-wait: `n8n execute` ends with status waiting',
		waited.code === 0 && waited.status === 'waiting',
		describeRun(waited),
	);
	const waiting = await inst.listExecutions({
		workflowId: WORKFLOWS.zaiaExportWait,
		status: 'waiting',
	});
	check('Zaia export-and-wait: the execution is stored as waiting', waiting.length === 1, waiting);
	const executionId = waiting[0]?.id;

	// The simulator has called back by now (held by the gate): to the trigger, and to the resume URL.
	const triggerCallback = await gate.waitFor('/zaia-export', { timeoutMs: 30000 }).catch((e) => e);
	const resumeCallback = await gate
		.waitFor(`/webhook-waiting/${executionId}`, { timeoutMs: 30000 })
		.catch((e) => e);
	check(
		'the simulator called the trigger URL with the secret the Zaia node appended from the Zaia Trigger credential',
		!(triggerCallback instanceof Error) &&
			new URL(triggerCallback.url, 'http://x').searchParams.get('secret') ===
				providers.zaia.TRIGGER_SECRET,
		String(triggerCallback?.url ?? triggerCallback),
	);
	check(
		"the simulator called the execution's resume URL with the node's token",
		!(resumeCallback instanceof Error) && /[?&]zaiaToken=/.test(resumeCallback.url),
		String(resumeCallback?.url ?? resumeCallback),
	);

	await inst.publishWorkflow(WORKFLOWS.zaiaTrigger);
	return { triggerCallback, resumeCallback, executionId };
}

/** After `n8n start`, zaia-export-trigger.json: the export callback released to it; a copy with a too-short secret. */
async function triggerReceives(t, { triggerCallback }) {
	const { check, inst, gate, server, sims } = t;
	const triggerUrl = new URL(triggerCallback.url, server.baseUrl);
	const noSecret = await request(`${server.baseUrl}${triggerUrl.pathname}`, {
		method: 'POST',
		body: { messages: [] },
	});
	check('Zaia Trigger: a call without the secret gets 401', noSecret.status === 401, noSecret);
	const [triggerAnswer] = await gate.release('/zaia-export');
	check(
		"Zaia Trigger answered the simulator's export callback with 200",
		triggerAnswer?.status === 200,
		triggerAnswer,
	);
	let triggered;
	const deadline = Date.now() + 60000;
	while (Date.now() < deadline) {
		const rows = await inst.listExecutions({ workflowId: WORKFLOWS.zaiaTrigger });
		if (rows.length && ['success', 'error', 'crashed'].includes(rows[0].status)) {
			triggered = await inst.queryExecution(rows[0].id);
			break;
		}
		await host.sleep(300);
	}
	const triggeredRows = await inst.listExecutions({ workflowId: WORKFLOWS.zaiaTrigger });
	check(
		'Zaia Trigger: exactly one execution (the 401 call started nothing)',
		triggeredRows.length === 1,
		triggeredRows,
	);
	const triggerOut =
		triggered && host.summarizeRun({ data: triggered.data }).nodeOutput('Count Messages')?.[0];
	const job = [...sims.zaia.state.exports.values()].find((j) =>
		j.callbackUrl.includes('/zaia-export'),
	);
	check(
		'Zaia Trigger execution succeeded',
		triggered?.status === 'success',
		triggered && { status: triggered.status, error: triggered.data?.resultData?.error },
	);
	check(
		"Zaia Trigger execution carries the export (format json, the 3 messages of the simulator's export)",
		triggerOut &&
			triggerOut.format === 'json' &&
			triggerOut.messageCount === 3 &&
			sameJson(
				triggerOut.body.messages.map((m) => m.id),
				job.messages.map((m) => m.id),
			),
		triggerOut,
	);
	check(
		'the Zaia Trigger example keeps its secret in its credential: the workflow JSON does not hold it',
		loadExamples().some(
			({ workflow }) =>
				workflow.id === WORKFLOWS.zaiaTrigger &&
				!JSON.stringify(workflow).includes(providers.zaia.TRIGGER_SECRET) &&
				workflow.nodes.some((n) => n.credentials?.zaiaTriggerApi),
		),
	);
	{
		// a trigger whose secret is too short is not activated, and n8n says what to set
		const rest = new N8nRest(server.baseUrl);
		await rest.ensureOwner();
		const stored = await rest.call('GET', '/rest/workflows/e2eZaiaTrgShort1');
		const versionId = (stored.json?.data ?? stored.json)?.versionId;
		const activation = await rest.call('POST', '/rest/workflows/e2eZaiaTrgShort1/activate', {
			versionId,
		});
		const refusal = 'needs a secret of at least 16 characters in the Zaia Trigger credential';
		if (!host.versionTraits(inst.version).publicationService) {
			check(
				'Zaia Trigger with a 12-character secret: n8n refuses to activate it, naming what to set',
				activation.status >= 400 && activation.text.includes(refusal),
				{ status: activation.status, body: activation.text.slice(0, 400) },
			);
			const after = await rest.call('GET', '/rest/workflows/e2eZaiaTrgShort1');
			check(
				'…and it stays inactive',
				(after.json?.data ?? after.json)?.active === false,
				(after.json?.data ?? after.json)?.active,
			);
		} else {
			// n8n 2.41 publishes through an outbox: the activate call is accepted at once and the
			// trigger is activated afterwards; a trigger that refuses shows up in the publication
			// status (what the editor reports to the user), and its URL is never registered
			let status;
			for (let tries = 0; tries < 60; tries++) {
				const answer = await rest.call(
					'GET',
					'/rest/workflows/e2eZaiaTrgShort1/publication-status',
				);
				status = answer.json?.data ?? answer.json;
				if (status && status.status !== 'in_progress' && status.status !== 'not_published') break;
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
			check(
				'Zaia Trigger with a 12-character secret: n8n 2.41 fails its publication with our message, naming what to set',
				activation.status === 200 &&
					status?.status === 'failed' &&
					status.triggers?.length === 1 &&
					status.triggers[0].status === 'failed' &&
					String(status.triggers[0].errorMessage).includes(refusal),
				{ activation: activation.status, status },
			);
			const stored = (await rest.call('GET', '/rest/workflows/e2eZaiaTrgShort1')).json;
			const path = (stored?.data ?? stored)?.nodes?.find((n) =>
				n.type.endsWith('zaiaTrigger'),
			)?.webhookId;
			const call = await request(`${server.baseUrl}/webhook/${path}/zaia-export`, {
				method: 'POST',
				body: { messages: [] },
			});
			check('…and its URL is not registered (404), so nothing can start it', call.status === 404, {
				status: call.status,
				path,
			});
		}
	}
	check(
		'Zaia Trigger hides the secret from the output',
		triggerOut && !JSON.stringify(triggerOut).includes('demo-secret-change-me'),
		triggerOut?.query,
	);
}

/** After `n8n start`, zaia-export-and-wait.json: resumed only by the simulator's own callback. */
async function waitResumes(t, { resumeCallback, executionId }) {
	const { check, checks, inst, gate, server, sims } = t;
	const resumePath = new URL(resumeCallback.url, server.baseUrl);
	const bare = `${server.baseUrl}${resumePath.pathname}`;
	const noToken = await request(bare, { method: 'POST', body: { messages: [] } });
	check('resume without the token: 401', noToken.status === 401, noToken);
	const wrong = new URL(resumeCallback.url, server.baseUrl);
	wrong.searchParams.set('zaiaToken', 'f'.repeat(64));
	const wrongToken = await request(wrong.toString(), { method: 'POST', body: { messages: [] } });
	check('resume with a wrong token: 401', wrongToken.status === 401, wrongToken);
	const still = await inst.listExecutions({ workflowId: WORKFLOWS.zaiaExportWait });
	check(
		'after the refused calls the execution is still waiting',
		still[0]?.id === executionId && still[0]?.status === 'waiting',
		still,
	);

	const [resumeAnswer] = await gate.release(`/webhook-waiting/${executionId}`);
	check(
		"the simulator's real callback is accepted (200)",
		resumeAnswer?.status === 200,
		resumeAnswer,
	);
	let done;
	try {
		done = await inst.waitForExecutionStatus(executionId, { timeoutMs: 60000 });
	} catch (error) {
		checks.fail('the resumed execution finishes', error);
	}
	const run = done && host.summarizeRun({ data: done.data });
	const out = run?.nodeOutput('Export and Wait')?.[0];
	const waitJob = [...sims.zaia.state.exports.values()].find((j) =>
		j.callbackUrl.includes('/webhook-waiting/'),
	);
	check(
		'the resumed execution finished with success and ran the next node',
		done?.status === 'success' && run.nodeOutput('Export Received')?.length === 1,
		done && { status: done.status, error: done.data?.resultData?.error },
	);
	check(
		"Zaia node outputs the callback's export first (Zaia's field names), then callbackReceived, then callback",
		out &&
			sameJson(Object.keys(out), [
				'exportId',
				'status',
				'language',
				'rangeStart',
				'rangeEnd',
				'count',
				'messages',
				'callbackReceived',
				'callback',
			]) &&
			out.callbackReceived === true &&
			out.callback.format === 'json' &&
			out.exportId === waitJob?.id &&
			sameJson(
				out.messages.map((m) => m.id),
				waitJob.messages.map((m) => m.id),
			),
		out && { keys: Object.keys(out), callback: out.callback },
	);
	check(
		'the resume token is not in the output',
		out &&
			!JSON.stringify(out).includes('zaiaToken=') &&
			!JSON.stringify(out?.callback?.query ?? {}).includes('zaiaToken'),
		out?.callback?.query,
	);
	const replay = await request(
		resumeCallback.url.startsWith('http')
			? resumeCallback.url
			: `${server.baseUrl}${resumeCallback.url}`,
		{ method: 'POST', body: { messages: [] } },
	);
	check(
		'a replayed callback on the finished execution is refused (409)',
		replay.status === 409,
		replay.status,
	);
}

async function afterStart(t, pending) {
	await triggerReceives(t, pending);
	await waitResumes(t, pending);
}

module.exports = {
	credentials,
	badKeyWorkflow,
	shortSecretWorkflow,
	examples,
	badKey,
	beforeStart,
	afterStart,
};
