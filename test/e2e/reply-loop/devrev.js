'use strict';
/**
 * Reply-loop case for the DevRev Trigger: examples/devrev-dm-support.json published in a real
 * n8n. On activation the trigger registers its webhook through the simulated DevRev API, and
 * the simulator's verification handshake must be answered by n8n (the webhook turns `active`).
 * A person comments in a DM → exactly one execution; the reply is on that DM's timeline with
 * Dify's answer; the reply's own timeline_entry_created event is answered and ignored (own
 * comment: no second execution); an event with a bad signature is refused (401), nothing started.
 * Contract as reply-loop/clickup.js: `before(t)` runs before `n8n start` (publishes), `run(t)`
 * after; `t` has check, inst, server, sims and, in the run part, the gate (n8n's webhook URL).
 */
const crypto = require('node:crypto');
const host = require('../../../dev/host/index');
const { providers } = require('../../../dev/simulator');
const { SIGNATURE_HEADER } = require('../../../dev/simulator/devrev/webhooks');
const { N8nRest, WORKFLOWS, request, until } = require('../lib');

const devrev = providers.devrev;
const WEBHOOK_ID = 'e2e000d7-0000-4000-8000-00000000d7d7';
const PATH = `/webhook/${WEBHOOK_ID}/devrev`;
const QUESTION = 'What are the specs of the iPhone 13 Pro Max?';
const PERSON = 7;

async function before(t) {
	// the handshake arrives while n8n activates the workflow: it cannot wait at the gate
	if (t.gate) await t.gate.letThrough(PATH);
	await t.inst.publishWorkflow(WORKFLOWS.devrevSupport);
}

/** The `reason` of the trigger's answer to a delivery (ignored ones name one). */
function reasonOf(call) {
	try {
		return JSON.parse(call.responseBody || '{}').reason;
	} catch {
		return `unparsed ${String(call.responseBody).slice(0, 80)}`;
	}
}

async function executions(t) {
	return await (t.db ?? t.inst).listExecutions({ workflowId: WORKFLOWS.devrevSupport });
}

async function run(t) {
	const { check, inst, server, sims } = t;
	if (t.gate) await t.gate.letThrough(PATH);
	const state = sims.devrev.state;
	const url = `${server.baseUrl}${PATH}`;
	const mine = () => state.webhooks.filter((w) => String(w.url).endsWith(PATH));

	// registered on activation (2.41 publishes after its ready line), verified by n8n itself
	const webhook = await until('the DevRev webhook, active', () =>
		mine().find((w) => w.status === 'active'),
	).catch((error) => ({ error: error.message, webhooks: mine() }));
	check(
		"DevRev reply loop: publishing registered one webhook (Timeline Comment Created) and n8n answered DevRev's handshake (active)",
		mine().length === 1 &&
			webhook.status === 'active' &&
			JSON.stringify(webhook.event_types) === '["timeline_entry_created"]' &&
			state.webhookCalls.some((c) => c.webhookId === webhook.id && c.type === 'verify'),
		{ webhook, calls: state.webhookCalls.filter((c) => c.type === 'verify') },
	);
	if (webhook.status !== 'active') return;

	// an event signed with another secret, straight to the production URL
	const forgedBody = JSON.stringify({
		id: `don:integration:dvrv-us-1:devo/0:event/${crypto.randomUUID()}`,
		webhook_id: webhook.id,
		type: 'timeline_entry_created',
		timestamp: new Date().toISOString(),
		timeline_entry_created: { entry: { type: 'timeline_comment', body: 'forged' } },
	});
	const forged = await request(url, {
		method: 'POST',
		headers: {
			[SIGNATURE_HEADER]: crypto
				.createHmac('sha256', 'not-the-secret')
				.update(forgedBody)
				.digest('hex'),
		},
		body: forgedBody,
	});
	check('DevRev reply loop: an event with a bad signature gets 401', forged.status === 401, forged);
	await host.sleep(1000);
	check(
		'DevRev reply loop: the refused event started nothing',
		(await executions(t)).length === 0,
		await executions(t),
	);

	const dm = devrev.seedChat(state, [PERSON]);
	const difyBefore = sims.dify.calls('POST', '/chat-messages').length;
	const callsBefore = state.webhookCalls.length;
	const posted = await request(`${sims.devrev.baseUrl}/sim/timeline-comments`, {
		method: 'POST',
		body: { object: dm.id, body: QUESTION, created_by: PERSON },
	});
	const asked = posted.json?.timeline_entry;
	check(
		'DevRev reply loop: the simulator took the comment',
		posted.status === 201 && asked,
		posted,
	);
	const done = await until('the execution', async () => {
		const rows = await executions(t);
		return rows.length && ['success', 'error', 'crashed'].includes(rows[0].status)
			? rows
			: undefined;
	});
	const execution = await (t.db ?? inst).queryExecution(done[0].id);
	const summary = host.summarizeRun({ data: execution.data });
	check(
		'DevRev reply loop: the execution succeeded',
		execution.status === 'success',
		execution.data?.resultData?.error?.message ?? execution.status,
	);
	const item = summary.nodeOutput('DevRev Trigger')?.[0];
	check(
		"DevRev reply loop: the trigger's item is the signed event with the comment (entry, body, DM, author)",
		item &&
			item.type === 'timeline_entry_created' &&
			item.webhook_id === webhook.id &&
			item.entry_id === asked?.id &&
			item.body === QUESTION &&
			item.object_id === dm.id &&
			item.author_id === `don:identity:dvrv-us-1:devo/0:devu/${PERSON}`,
		item,
	);
	const answer = summary.nodeOutput('Ask Dify')?.[0]?.answer;
	const difyCall = sims.dify.calls('POST', '/chat-messages')[difyBefore];
	check(
		'DevRev reply loop: Dify was asked the comment with the DM as the user',
		difyCall?.body?.query === QUESTION && difyCall.body.user === `devrev-${dm.id}`,
		difyCall?.body,
	);
	const replies = () => (state.entries.get(dm.id) || []).filter((e) => e.id !== asked?.id);
	await until('the reply', () => replies().length > 0).catch(() => undefined);
	const reply = replies()[0];
	check(
		"DevRev reply loop: the reply is on the DM's timeline with Dify's answer, by the credential's user",
		replies().length === 1 &&
			typeof answer === 'string' &&
			answer.length > 0 &&
			reply.body === answer &&
			reply.created_by?.id === devrev.ME.id,
		{ replies: replies(), answer },
	);
	// the reply is a comment too: DevRev sends its event, which the trigger answers and ignores
	const own = await until('the reply event', async () => {
		await devrev.webhooksSettled(state);
		const after = state.webhookCalls.slice(callsBefore).filter((c) => c.webhookId === webhook.id);
		return after.length >= 2 ? after : undefined;
	}).catch(() => state.webhookCalls.slice(callsBefore));
	const reasons = own.map((c) => `${c.status} ${reasonOf(c) ?? 'started'}`);
	check(
		"DevRev reply loop: both comments' events answered 200, the person's started, the reply's ignored (own comment)",
		reasons.join(', ') === '200 started, 200 own comment',
		own,
	);
	await host.sleep(3000);
	const rows = await executions(t);
	check(
		'DevRev reply loop: exactly one execution (the reply did not start another)',
		rows.length === 1,
		rows,
	);

	// the editor's Unpublish: n8n calls the trigger's delete, which removes the webhook in DevRev
	const rest = new N8nRest(server.baseUrl);
	await rest.ensureOwner();
	const off = await rest.call('POST', `/rest/workflows/${WORKFLOWS.devrevSupport}/deactivate`, {});
	const gone = await until('the webhook deleted', () => mine().length === 0, 30000).catch(
		() => false,
	);
	check(
		'DevRev reply loop: unpublishing the workflow (REST deactivate, as the editor does) deleted its webhook in DevRev',
		off.status === 200 && gone,
		{ status: off.status, answer: off.text.slice(0, 300), webhooks: mine() },
	);
}

module.exports = { name: 'devrev', WORKFLOW_ID: WORKFLOWS.devrevSupport, before, run };
