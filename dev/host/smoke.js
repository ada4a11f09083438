#!/usr/bin/env node
'use strict';
/**
 * Smoke test of the n8n host (no node of this package involved, only n8n-nodes-base):
 *   1. Manual Trigger -> Set -> No-Op, run with `n8n execute`, output checked.
 *   2. Webhook -> Set, published, `n8n start` on 127.0.0.1, POSTed to, response checked.
 *   3. Manual Trigger -> Wait (resume on webhook) -> Set: `n8n execute` leaves it waiting;
 *      then `n8n start`, POST /webhook-waiting/<executionId>, the execution finishes.
 * Prints timings and a closing line "N passed, N failed".
 *
 *   node dev/host/smoke.js                      (after bash scripts/install-n8n.sh; newest version)
 *   N8N_VERSION=2.8.4 node dev/host/smoke.js    another hosted version
 *   KEEP_N8N_FOLDER=1 node dev/host/smoke.js    keep the temp user folder
 *   SMOKE_LINK=1 ...                            also link the built package (needs dist/)
 */
const host = require('./index');
if (host.runUnderHostNode()) return; // the host's sqlite3 is built for its node

const results = [];
function check(name, cond, detail) {
	results.push({ name, ok: !!cond });
	console.log(
		`${cond ? 'ok  ' : 'FAIL'} ${name}${!cond && detail !== undefined ? `\n     ${detail}` : ''}`,
	);
}

const manualWorkflow = {
	id: 'smokeManual00001',
	name: 'Smoke: manual -> set -> noop',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: '6f0e7c1a-0000-4000-8000-000000000001',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: '6f0e7c1a-0000-4000-8000-000000000002',
			name: 'Set',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{ id: 'a1', name: 'greeting', value: 'hello from n8n', type: 'string' },
						{ id: 'a2', name: 'answer', value: '={{ 6 * 7 }}', type: 'number' },
					],
				},
				options: {},
			},
		},
		{
			id: '6f0e7c1a-0000-4000-8000-000000000003',
			name: 'Done',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [440, 0],
			parameters: {},
		},
	],
	connections: {
		Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] },
		Set: { main: [[{ node: 'Done', type: 'main', index: 0 }]] },
	},
};

const webhookWorkflow = {
	id: 'smokeWebhook0001',
	name: 'Smoke: webhook -> set',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: '6f0e7c1a-0000-4000-8000-000000000011',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '6f0e7c1a-0000-4000-8000-0000000000aa',
			parameters: { httpMethod: 'POST', path: 'smoke-hook', responseMode: 'lastNode', options: {} },
		},
		{
			id: '6f0e7c1a-0000-4000-8000-000000000012',
			name: 'Echo',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [{ id: 'b1', name: 'echo', value: '={{ $json.body.say }}', type: 'string' }],
				},
				options: {},
			},
		},
	],
	connections: { Webhook: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
};

const waitWorkflow = {
	id: 'smokeWait0000001',
	name: 'Smoke: manual -> wait for webhook -> set',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: '6f0e7c1a-0000-4000-8000-000000000021',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: '6f0e7c1a-0000-4000-8000-000000000022',
			name: 'Wait',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			position: [220, 0],
			webhookId: '6f0e7c1a-0000-4000-8000-0000000000bb',
			parameters: { resume: 'webhook', httpMethod: 'POST', options: {} },
		},
		{
			id: '6f0e7c1a-0000-4000-8000-000000000023',
			name: 'After',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [440, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{ id: 'c1', name: 'resumedWith', value: '={{ $json.body.value }}', type: 'string' },
					],
				},
				options: {},
			},
		},
	],
	connections: {
		Start: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
		Wait: { main: [[{ node: 'After', type: 'main', index: 0 }]] },
	},
};

const errorWorkflow = {
	id: 'smokeError000001',
	name: 'Smoke: manual -> stop and error',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: '6f0e7c1a-0000-4000-8000-000000000031',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: '6f0e7c1a-0000-4000-8000-000000000032',
			name: 'Boom',
			type: 'n8n-nodes-base.stopAndError',
			typeVersion: 1,
			position: [220, 0],
			parameters: { errorMessage: 'Provider said: {"error":"bad key"}' },
		},
	],
	connections: { Start: { main: [[{ node: 'Boom', type: 'main', index: 0 }]] } },
};

async function post(url, body) {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, text, json };
}

async function main() {
	host.assertInstalled();
	const timings = {};
	const inst = host.createInstance({ link: process.env.SMOKE_LINK === '1' });
	console.log(`user folder: ${inst.userFolder}`);
	try {
		let t = Date.now();
		await inst.importWorkflow([manualWorkflow, webhookWorkflow, waitWorkflow, errorWorkflow]);
		timings.importWorkflowMs = Date.now() - t;

		// 1. n8n execute
		const run = await inst.execute(manualWorkflow.id);
		timings.executeMs = run.durationMs;
		const out = run.nodeOutput('Done');
		check(
			'execute: exit code 0',
			run.code === 0,
			`exit ${run.code}\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`,
		);
		check('execute: run JSON parsed', !!run.run, run.stdout.slice(-2000));
		check('execute: status success', run.status === 'success', run.status);
		check(
			'execute: Set output reaches No-Op',
			out?.[0]?.greeting === 'hello from n8n' && out?.[0]?.answer === 42,
			JSON.stringify(out),
		);

		// 1b. a failing run: exit 1, but the run JSON (with the node's error) is still parsed
		const errRun = await inst.execute(errorWorkflow.id);
		check(
			'execute(error): exit 1, status error, node error message parsed',
			errRun.code === 1 &&
				errRun.status === 'error' &&
				errRun.nodeError('Boom')?.message === 'Provider said: {"error":"bad key"}',
			`${errRun.code} ${errRun.status} ${JSON.stringify(errRun.nodeError('Boom'))}`,
		);

		// 3a. Wait node under n8n execute
		const waitRun = await inst.execute(waitWorkflow.id);
		timings.executeWaitMs = waitRun.durationMs;
		const waitingId = (await inst.listExecutions({ workflowId: waitWorkflow.id }))[0]?.id;
		console.log(
			`     wait workflow under execute: exit ${waitRun.code}, status=${waitRun.status}, ` +
				`waitTill=${waitRun.run?.waitTill ?? waitRun.run?.data?.waitTill}, lastNode=${waitRun.lastNodeExecuted}, executionId=${waitingId}`,
		);
		check(
			'execute(wait): exit 0 and status waiting',
			waitRun.code === 0 && waitRun.status === 'waiting',
			`${waitRun.code} ${waitRun.status}`,
		);

		// 2. n8n start + production webhook
		await inst.publishWorkflow(webhookWorkflow.id);
		t = Date.now();
		const srv = await inst.start();
		timings.startReadyMs = Date.now() - t;
		console.log(`     n8n started at ${srv.baseUrl} in ${timings.startReadyMs} ms`);
		try {
			const r = await post(`${srv.baseUrl}/webhook/smoke-hook`, { say: 'ping' });
			check(
				'webhook: 200 and echoed body',
				r.status === 200 && r.json?.echo === 'ping',
				`${r.status} ${r.text}`,
			);

			// 3b. resume the waiting execution
			if (waitingId) {
				// n8n 2.41 gives every waiting execution a resume token ($execution.resumeUrl carries
				// it as ?signature=…) and refuses a resume without it; 2.8 has none and needs none.
				const token = (await inst.queryExecution(waitingId))?.data?.resumeToken;
				const resumeUrl = `${srv.baseUrl}/webhook-waiting/${waitingId}${token ? `?signature=${token}` : ''}`;
				if (token) {
					const bare = await post(`${srv.baseUrl}/webhook-waiting/${waitingId}`, { value: 'x' });
					check(
						'resume (2.41): a call without the resume token is refused (401)',
						bare.status === 401,
						`${bare.status} ${bare.text}`,
					);
				}
				t = Date.now();
				const r2 = await post(resumeUrl, { value: 'resumed!' });
				console.log(
					`     POST /webhook-waiting/${waitingId}${token ? '?signature=…' : ''} -> ${r2.status} ${r2.text.slice(0, 200)}`,
				);
				check(
					'resume: /webhook-waiting answered 200',
					r2.status === 200,
					`${r2.status} ${r2.text}`,
				);
				const st = await inst
					.waitForExecutionStatus(waitingId, { timeoutMs: 15000 })
					.catch(() => inst.queryExecution(waitingId));
				timings.resumeToFinishedMs = Date.now() - t;
				console.log(
					`     execution ${waitingId} in DB after resume: ${JSON.stringify({ status: st?.status, finished: st?.finished })}`,
				);
				const after = st && host.summarizeRun({ data: st.data }).nodeOutput('After');
				check(
					'resume: execution finished with the callback content',
					st?.status === 'success' && after?.[0]?.resumedWith === 'resumed!',
					`${st?.status} ${JSON.stringify(after)}`,
				);
				const r3 = await post(resumeUrl, { value: 'again' });
				console.log(`     second POST -> ${r3.status} ${r3.text.slice(0, 120)}`);
				check(
					'resume: second call on the finished execution refused (409)',
					r3.status === 409,
					`${r3.status} ${r3.text}`,
				);
			} else {
				check('resume: found the waiting execution id', false);
			}
		} finally {
			await srv.stop();
		}
	} finally {
		console.log(`timings: ${JSON.stringify(timings)}`);
		await inst.cleanup();
	}
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
	console.error(e);
	process.exitCode = 1;
});
