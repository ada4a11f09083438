'use strict';
/**
 * Chat Trigger → Dify (scenarios 1-3 of the "chat" part): the answer streams into the chat while
 * Dify still streams, an `error` event ends the chat with Dify's message, and a cancel (the client
 * going away; n8n's Stop) is seen by Dify as a stop for that task and user.
 */
const host = require('../../../dev/host/index');
const { providers } = require('../../../dev/simulator');
const { sleep, sendChat, items, text, types, afterStop } = require('./client');
const {
	fixtureAnswer,
	executionOf,
	runningExecution,
	difyCall,
	waitFor,
	stopExecution,
} = require('./observe');

const N8N_VERSION = host.DEFAULT_HOST.version;
const since = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

async function difyStreams(t, wf) {
	const { check } = t;
	const label = 'chat → Dify';
	const marker = 'stream-1';
	const t0 = Date.now();
	const chat = sendChat(
		t,
		wf.webhookId,
		`Tell me something ${marker} sim:chat-unicode +paced`,
		'chat-session-1',
	);
	const res = await chat.done;
	const execution = await executionOf(t, wf.id);
	console.log(
		`     (${label}: ${res.chunks.length} chunks in ${since(t0)}, execution ${execution.status})`,
	);
	const call = difyCall(t, marker);
	const run = host.summarizeRun({ data: execution.data });
	const answer = run.nodeOutput('Dify')?.[0]?.answer;
	const expected = fixtureAnswer('chat-unicode');

	check(
		`${label}: n8n answers 200 with a chunked JSON-lines stream (application/json, no content-length)`,
		res.status === 200 &&
			/^application\/json/.test(res.headers['content-type'] ?? '') &&
			res.headers['transfer-encoding'] === 'chunked' &&
			res.headers['content-length'] === undefined,
		{ status: res.status, headers: res.headers },
	);
	check(
		`${label}: the Dify node sent the chat input to Dify, streaming, as the chat session's user`,
		call && call.body.response_mode === 'streaming' && call.body.user === 'chat-session-1',
		call?.body,
	);
	const difyItems = items(res.chunks, 'Dify');
	check(
		`${label}: the stream is begin, then the answer in ${difyItems.length} item chunks, then end, all from the Dify node`,
		res.chunks[0]?.type === 'begin' &&
			res.chunks[0]?.metadata?.nodeName === 'Dify' &&
			res.chunks.at(-1)?.type === 'end' &&
			difyItems.length >= 8 &&
			res.chunks.every((c) => c.metadata?.nodeName === 'Dify'),
		types(res.chunks),
	);
	const early = difyItems.filter((c) => call?.streamEndedAt && c.at < call.streamEndedAt);
	check(
		`${label}: ${early.length} of the chunks reached the chat client while the simulator was still streaming`,
		early.length >= 5 && difyItems[0].at + 3 * providers.dify.PACE_MS < call.streamEndedAt,
		{ streamEndedAt: call?.streamEndedAt, arrivals: difyItems.map((c) => c.at) },
	);
	check(
		`${label}: the chunks add up to the answer (the fixture's, and the node's output)`,
		text(res.chunks, 'Dify') === expected && answer === expected,
		{ chunks: text(res.chunks, 'Dify'), answer, expected },
	);
	check(`${label}: the execution succeeded`, execution.status === 'success', execution.status);
}

async function difyErrorEvent(t, wf) {
	const { check } = t;
	const label = 'chat → Dify, error event in the stream';
	const marker = 'stream-error';
	const chat = sendChat(
		t,
		wf.webhookId,
		`Numbers please ${marker} sim:error-event +paced`,
		'chat-session-2',
	);
	const res = await chat.done;
	const execution = await executionOf(t, wf.id);
	const errors = res.chunks.filter((c) => c.type === 'error');
	console.log(
		`     (${label}: ${JSON.stringify(types(res.chunks))}, execution ${execution.status}; error chunks say ${JSON.stringify(res.chunks.filter((c) => c.type === 'error').map((c) => c.content))})`,
	);
	check(
		`${label}: the partial answer streamed first`,
		text(res.chunks, 'Dify') === fixtureAnswer('error-event'),
		text(res.chunks, 'Dify'),
	);
	check(
		`${label}: an error chunk carries Dify's message ("Completion request failed.")`,
		errors.length >= 1 &&
			errors.some((c) => String(c.content).includes('Completion request failed.')),
		errors,
	);
	check(
		`${label}: the chat stream ends (n8n closes it) and the execution fails`,
		res.closedBy === 'server' && execution.status === 'error',
		{ closedBy: res.closedBy, status: execution.status, last: res.chunks.at(-1) },
	);
	const last = res.chunks.at(-1);
	check(
		`${label}: nothing comes after the error but its end`,
		(last?.type === 'error' || last?.type === 'end') &&
			res.chunks
				.slice(res.chunks.findIndex((c) => c.type === 'error'))
				.every((c) => c.type !== 'item'),
		types(res.chunks),
	);
}

async function difyCancel(t, wf) {
	const { check, sims, inst } = t;
	const dify = sims.dify;
	// (a) the chat client goes away mid-answer
	{
		const label = 'chat → Dify, client disconnects';
		const sessionId = 'chat-session-3';
		const chat = sendChat(t, wf.webhookId, 'Go on forever cancel-a sim:endless', sessionId);
		await chat.until((c) => items(c, 'Dify').length >= 3);
		const call = difyCall(t, 'cancel-a');
		const taskId = call?.taskId;
		chat.abort();
		const res = await chat.done;
		const before = dify.state.streamed[taskId] ?? 0;
		await sleep(1500);
		const after = dify.state.streamed[taskId] ?? 0;
		const rows = await inst.listExecutions({ workflowId: wf.id, limit: 1 });
		const stopsNow = dify.state.stops.filter((s) => s.task_id === taskId);
		const observed = {
			closedBy: res.closedBy,
			streamedBefore: before,
			streamedAfter: after,
			execution: rows[0]?.status,
			stops: stopsNow.length,
		};
		console.log(`     (${label}, n8n ${N8N_VERSION}: ${JSON.stringify(observed)})`);
		check(
			`${label}: n8n ${N8N_VERSION} does not cancel the execution when the chat client disconnects: Dify keeps streaming, no stop`,
			res.closedBy === 'client' &&
				after > before &&
				rows[0]?.status === 'running' &&
				stopsNow.length === 0,
			observed,
		);
		// clean up through n8n's stop, which is the cancel path n8n has
		const status = rows[0] ? await stopExecution(t, rows[0].id) : 0;
		await waitFor(
			() => dify.state.stops.some((s) => s.task_id === taskId),
			15000,
			'stop after disconnect',
		).catch(() => {});
		const stop = dify.state.stops.find((s) => s.task_id === taskId);
		check(
			`${label}: stopping that execution in n8n (the editor's Stop) makes the node call Dify's stop for ${taskId}`,
			status === 200 && stop && stop.user === sessionId,
			{ status, stops: dify.state.stops },
		);
	}
	// (b) n8n's stop while the chat client is still reading
	{
		const label = 'chat → Dify, execution stopped in n8n';
		const sessionId = 'chat-session-4';
		const chat = sendChat(t, wf.webhookId, 'Go on forever cancel-b sim:endless', sessionId);
		await chat.until((c) => items(c, 'Dify').length >= 3);
		const call = difyCall(t, 'cancel-b');
		const taskId = call?.taskId;
		const id = await runningExecution(t, wf.id);
		const t0 = Date.now();
		const status = await stopExecution(t, id);
		const res = await afterStop(chat);
		const execution = await inst.waitForExecutionStatus(id, { timeoutMs: 30000 });
		const stop = dify.state.stops.find((s) => s.task_id === taskId);
		const stopIndex = res.chunks.findIndex((c) => c.at >= t0);
		console.log(
			`     (${label}: after the stop the chat got ${JSON.stringify(types(res.chunks.slice(stopIndex < 0 ? res.chunks.length : stopIndex)).slice(-6))}, ${res.leftOpen ? 'and n8n left the response open' : 'and n8n closed it'})`,
		);
		const stopCall = dify.requests.find((r) => r.path === `/chat-messages/${taskId}/stop`);
		console.log(
			`     (${label}: stop ${status}, chat ended in ${since(t0)}, execution ${execution.status})`,
		);
		check(
			`${label}: the node called POST /chat-messages/${taskId}/stop with the same user`,
			stop &&
				stop.user === sessionId &&
				stopCall?.headers.authorization === `Bearer ${providers.dify.TOKEN}`,
			{
				stops: dify.state.stops,
				stopCall: stopCall && { path: stopCall.path, body: stopCall.body },
			},
		);
		const afterIt = res.chunks.filter((c) => c.at >= t0);
		console.log(
			`     (${label}: error chunks after the stop say ${JSON.stringify(afterIt.filter((c) => c.type === 'error').map((c) => c.content))})`,
		);
		check(
			`${label}: Dify stopped streaming and the node closed its chat message (an end chunk)`,
			(dify.state.streamed[taskId] ?? 0) < 200 &&
				items(res.chunks, 'Dify').length >= 3 &&
				afterIt.some((c) => c.type === 'end' && c.metadata?.nodeName === 'Dify'),
			{ streamed: dify.state.streamed[taskId], after: types(afterIt) },
		);
		check(
			`${label}: n8n ${N8N_VERSION} then sends an error chunk but leaves the chat response open (it does not end a streamed webhook response when the execution is canceled)`,
			res.leftOpen === true && afterIt.some((c) => c.type === 'error'),
			{ leftOpen: res.leftOpen, closedBy: res.closedBy, after: types(afterIt) },
		);
		check(`${label}: the execution is canceled`, execution.status === 'canceled', {
			status: execution.status,
			error: execution.data?.resultData?.error?.message,
		});
	}
}

module.exports = { difyStreams, difyErrorEvent, difyCancel };
