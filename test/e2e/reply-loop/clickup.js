'use strict';
/**
 * Reply-loop case for ClickUp Chat: examples/clickup-channel-assistant.json published in a real
 * n8n, the simulated #general's "Message is posted" → "Call webhook" Automation pointed at its
 * production URL. A person posts → exactly one execution; the reply is in that message's thread
 * with Dify's answer; the reply's own Automation call is ignored (no second execution); a call
 * with a wrong secret is refused (401) with nothing started.
 * Contract: `before(t)` runs before `n8n start` (publishes), `run(t)` after; `t` has check, inst,
 * server and sims (the in-process simulators), and optionally db (listExecutions, queryExecution
 * read through n8n's REST API where the instance's database is not sqlite: queue mode).
 */
const host = require('../../../dev/host/index');
const { providers } = require('../../../dev/simulator');
const { WORKFLOWS, request, until } = require('../lib');

const clickup = providers.clickup;
const WEBHOOK_ID = 'e2e000c1-0000-4000-8000-00000000c1c1';
const WS = '9012345678';
const GENERAL = '8cdu0general0001';
const QUESTION = 'What are the specs of the iPhone 13 Pro Max?';

async function before(t) {
	await t.inst.publishWorkflow(WORKFLOWS.clickupAssistant);
}

async function executions(t) {
	return await (t.db ?? t.inst).listExecutions({ workflowId: WORKFLOWS.clickupAssistant });
}

async function run(t) {
	const { check, inst, server, sims } = t;
	const state = sims.clickup.state;
	const url = `${server.baseUrl}/webhook/${WEBHOOK_ID}/clickup-chat`;
	const secretHeader = { [clickup.TRIGGER_HEADER]: clickup.TRIGGER_SECRET };

	// the production URL is there once the publication is through (2.41 publishes asynchronously)
	const early = clickup.addMessage(state, WS, GENERAL, { content: 'before', user_id: '183' });
	const forged = await until('the production webhook', async () => {
		const answer = await request(`${url}?channel_id=${GENERAL}&comment_id=${early.id}`, {
			method: 'POST',
			headers: { [clickup.TRIGGER_HEADER]: 'forged-secret-0000000000000' },
			body: { payload: early },
		});
		return answer.status === 404 ? undefined : answer;
	});
	check('ClickUp reply loop: a call with a wrong secret gets 401', forged.status === 401, forged);
	await host.sleep(1000);
	check(
		'ClickUp reply loop: the refused call started nothing',
		(await executions(t)).length === 0,
		await executions(t),
	);

	state.automations = [];
	state.automationCalls = [];
	clickup.addAutomation(state, {
		channelId: GENERAL,
		url: `${url}?channel_id={{Channel ID}}&comment_id={{Comment ID}}`,
		headers: secretHeader,
	});
	const difyBefore = sims.dify.calls('POST', '/chat-messages').length;
	const asked = clickup.postAs(state, WS, GENERAL, { content: QUESTION, user_id: '183' });
	const done = await until('the execution', async () => {
		const rows = await executions(t);
		return rows.length && ['success', 'error', 'crashed'].includes(rows[0].status)
			? rows
			: undefined;
	});
	const execution = await (t.db ?? inst).queryExecution(done[0].id);
	const summary = host.summarizeRun({ data: execution.data });
	check(
		'ClickUp reply loop: the execution succeeded',
		execution.status === 'success',
		execution.status,
	);
	const item = summary.nodeOutput('ClickUp Chat Trigger')?.[0];
	check(
		'ClickUp reply loop: the trigger read the message through the Chat API (id, content, user, channel, its own thread)',
		item &&
			item.id === asked.id &&
			item.content === QUESTION &&
			item.user_id === '183' &&
			item.parent_channel === GENERAL &&
			item.workspace_id === WS &&
			item.is_reply === false &&
			item.thread_id === asked.id,
		item,
	);
	const answer = summary.nodeOutput('Ask Dify')?.[0]?.answer;
	const difyCall = sims.dify.calls('POST', '/chat-messages')[difyBefore];
	check(
		'ClickUp reply loop: Dify was asked the question with the channel as the user',
		difyCall?.body?.query === QUESTION && difyCall.body.user === `clickup-channel-${GENERAL}`,
		difyCall?.body,
	);
	const replies = () => state.messages.filter((m) => m.parent_message === asked.id);
	await until('the reply', () => replies().length > 0);
	const reply = replies()[0];
	check(
		"ClickUp reply loop: the reply is in the message's thread with Dify's answer, by the bot",
		replies().length === 1 &&
			typeof answer === 'string' &&
			answer.length > 0 &&
			reply.content === answer &&
			reply.user_id === String(clickup.ME.id),
		{ reply, answer },
	);
	// the reply was posted in #general too: its Automation call is answered, and ignored
	const calls = await until('both Automation calls', async () => {
		await clickup.automationsSettled(state);
		return state.automationCalls.length >= 2 ? state.automationCalls : undefined;
	});
	const own = calls.find((c) => c.messageId === reply.id);
	check(
		"ClickUp reply loop: the reply's own webhook call is answered 200 and ignored (own message)",
		own?.status === 200 && JSON.parse(own.responseBody || '{}').reason === 'own message',
		own,
	);
	await host.sleep(3000);
	const rows = await executions(t);
	check(
		'ClickUp reply loop: exactly one execution (the reply did not start another)',
		rows.length === 1,
		rows,
	);
}

module.exports = { name: 'clickup', WORKFLOW_ID: WORKFLOWS.clickupAssistant, before, run };
