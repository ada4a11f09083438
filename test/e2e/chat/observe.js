'use strict';
/**
 * What a chat scenario looks at besides the chat stream: the execution the message started (in
 * n8n's database), n8n's Stop, the Dify simulator's call for a marker, a Dify fixture's answer.
 */
const { providers } = require('../../../dev/simulator');
const { sleep } = require('./client');

/** The answer a Dify fixture streams (its `message` events in order; no replace events in these). */
function fixtureAnswer(name) {
	return providers.dify.FIXTURES[name]
		.toString('utf8')
		.split('\n')
		.filter((l) => l.startsWith('data:'))
		.map((l) => JSON.parse(l.slice(5)))
		.filter((e) => e.event === 'message')
		.map((e) => e.answer)
		.join('');
}

/** The newest execution of a workflow once it is final (or in `statuses`). */
async function executionOf(t, workflowId, { statuses, timeoutMs = 60000 } = {}) {
	const { inst } = t;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const [row] = await inst.listExecutions({ workflowId, limit: 1 });
		if (row) return await inst.waitForExecutionStatus(row.id, { statuses, timeoutMs });
		if (Date.now() > deadline)
			throw new Error(`no execution of ${workflowId} within ${timeoutMs} ms`);
		await sleep(200);
	}
}

async function runningExecution(t, workflowId, { timeoutMs = 30000 } = {}) {
	const { inst } = t;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const rows = await inst.listExecutions({ workflowId, limit: 5 });
		const row = rows.find((r) => r.status === 'running' || r.status === 'new');
		if (row) return row.id;
		if (Date.now() > deadline) throw new Error(`no running execution of ${workflowId}`);
		await sleep(150);
	}
}

/** The /chat-messages request of the Dify simulator whose query contains `marker`. */
const difyCall = (t, marker) =>
	t.sims.dify.requests.find((r) => r.path === '/chat-messages' && r.body?.query?.includes(marker));

async function waitFor(test, ms, what) {
	const deadline = Date.now() + ms;
	while (!test()) {
		if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
		await sleep(50);
	}
}

/** Stop an execution as the editor's Stop button does. */
async function stopExecution(t, id) {
	const r = await t.rest.call('POST', `/rest/executions/${id}/stop`);
	return r.status;
}

module.exports = { fixtureAnswer, executionOf, runningExecution, difyCall, waitFor, stopExecution };
