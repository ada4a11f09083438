'use strict';
/**
 * Reply-loop case for the Gravity Rail Trigger: examples/gravity-rail-new-chat.json published in
 * a real n8n, an Event Rule with a signed Webhook action registered in the simulated workspace
 * (by hand in Gravity Rail) pointed at its production URL with the demo credential's secret. A
 * chat created through the API fires `chat:created` → exactly one execution, the event as the
 * item and the chat read back; the same delivery again (a retry: the same bytes and signature)
 * starts nothing; an unsigned call is refused (401), nothing started.
 * Contract as reply-loop/clickup.js: `before(t)` runs before `n8n start` (publishes), `run(t)`
 * after; `t` has check, inst, server and sims.
 */
const host = require('../../../dev/host/index');
const { providers } = require('../../../dev/simulator');
const { WORKFLOWS, request, until } = require('../lib');

const gravityrail = providers.gravityrail;
const WEBHOOK_ID = 'e2e000e7-0000-4000-8000-00000000e7e7';
const PATH = `/webhook/${WEBHOOK_ID}/gravity-rail`;

async function before(t) {
	await t.inst.publishWorkflow(WORKFLOWS.gravityRailNewChat);
}

async function executions(t) {
	return await (t.db ?? t.inst).listExecutions({ workflowId: WORKFLOWS.gravityRailNewChat });
}

function reasonOf(call) {
	try {
		return JSON.parse(call.responseBody || call.text || '{}').reason;
	} catch {
		return undefined;
	}
}

async function run(t) {
	const { check, inst, server, sims } = t;
	const state = sims.gravityrail.state;
	const url = `${server.baseUrl}${PATH}`;
	const event = { event: 'chat:created', chat: { id: '1' } };

	// the production URL is there once the publication is through (2.41 publishes asynchronously)
	const unsigned = await until('the production webhook', async () => {
		const answer = await request(url, { method: 'POST', body: event });
		return answer.status === 404 ? undefined : answer;
	});
	check('Gravity Rail trigger: an unsigned call gets 401', unsigned.status === 401, unsigned);
	await host.sleep(1000);
	check(
		'Gravity Rail trigger: the refused call started nothing',
		(await executions(t)).length === 0,
		await executions(t),
	);

	const rule = gravityrail.addEventRule(state, {
		url,
		secret: gravityrail.TRIGGER_SECRET,
		events: ['chat:created'],
		name: 'n8n e2e: new chats',
	});
	// the simulator's calls outlive this n8n, and a later rule may get the same id
	const callsBefore = state.webhookCalls.length;
	try {
		const created = await request(
			`${sims.gravityrail.baseUrl}/api/v2/w/${gravityrail.WORKSPACE_UUID}/chats`,
			{
				method: 'POST',
				headers: { authorization: `Bearer ${gravityrail.API_KEY}` },
				body: { channel: 'web-chat', memberId: '202', title: 'New patient question' },
			},
		);
		const chat = created.json;
		check('Gravity Rail trigger: the simulator created the chat', created.status === 201, created);
		const done = await until('the execution', async () => {
			const rows = await executions(t);
			return rows.length && ['success', 'error', 'crashed'].includes(rows[0].status)
				? rows
				: undefined;
		});
		const execution = await (t.db ?? inst).queryExecution(done[0].id);
		const summary = host.summarizeRun({ data: execution.data });
		check(
			'Gravity Rail trigger: the execution succeeded',
			execution.status === 'success',
			execution.data?.resultData?.error?.message ?? execution.status,
		);
		const item = summary.nodeOutput('Gravity Rail Trigger')?.[0];
		check(
			"Gravity Rail trigger: the item is the rule's signed event (chat:created, the rule, the workspace, the chat)",
			item &&
				item.event === 'chat:created' &&
				item.eventRule?.id === rule.id &&
				item.eventRule?.uuid === rule.uuid &&
				item.workspace?.uuid === gravityrail.WORKSPACE_UUID &&
				item.chat?.id === chat?.id &&
				typeof item.receivedAt === 'string',
			item,
		);
		const read = summary.nodeOutput('Get Chat')?.[0];
		check(
			'Gravity Rail trigger: Get Chat read the new chat back by its ID',
			read && read.id === chat?.id && read.title === 'New patient question',
			read,
		);

		// a retry: Gravity Rail sends the same bytes with the same signature again
		await gravityrail.webhooksSettled(state);
		const calls = state.webhookCalls
			.slice(callsBefore)
			.filter((c) => c.ruleId === rule.id && c.url === url);
		check(
			'Gravity Rail trigger: the rule made one delivery, answered 200 at the first attempt',
			calls.length === 1 && calls[0].status === 200,
			calls,
		);
		const retried = await request(url, {
			method: 'POST',
			headers: calls[0]?.headers ?? {},
			body: calls[0]?.body ?? '{}',
		});
		check(
			'Gravity Rail trigger: the same delivery again (a retry) is answered 200 and ignored (duplicate)',
			retried.status === 200 && reasonOf(retried) === 'duplicate',
			retried,
		);
		await host.sleep(2000);
		const rows = await executions(t);
		check(
			'Gravity Rail trigger: exactly one execution (the retry did not start another)',
			rows.length === 1,
			rows,
		);
	} finally {
		// the simulators outlive this n8n (the install part starts one per package)
		state.eventRules = state.eventRules.filter((r) => r !== rule);
	}
}

module.exports = { name: 'gravityrail', WORKFLOW_ID: WORKFLOWS.gravityRailNewChat, before, run };
