'use strict';
/**
 * Dify simulator: chat streams that misbehave on purpose, for the node's bounds and the stream
 * soak (bench/dify-stream.soak.ts). Chosen by the query's directive in providers/dify.js:
 *   sim:pings     one answer chunk, then a `ping` every 200 ms that never ends (Max Duration)
 *   sim:flood     `message` chunks of 256 KiB as fast as the client reads, up to 64 MiB (Max Answer Size)
 *   sim:oversize  one `message` event of 64 MiB + 1 KiB, sent in 1 MiB pieces (the reader's bound for one event)
 * and the flag `+drip`: the reply in pieces of 1–8 bytes, 5–25 ms apart (seeded), a slow drip.
 * Each of the three streams has a task id of its own (`sim-task-<n>`) and ends with `message_end`
 * once that task is stopped (`POST /chat-messages/:task_id/stop` by the same user).
 */
const { rng } = require('../random');

const PING_MS = 200;
const FLOOD_CHUNK = 256 * 1024;
const FLOOD_LIMIT = 64 * 1024 * 1024;
const OVERSIZE = 64 * 1024 * 1024 + 1024;

function ids(taskId) {
	return {
		task_id: taskId,
		message_id: `sim-msg-${taskId}`,
		conversation_id: `sim-conv-${taskId}`,
	};
}

const line = (event) => Buffer.from(`data: ${JSON.stringify(event)}\n\n`);

function stoppedBy(state, taskId, user) {
	return state.stops.some((s) => s.task_id === taskId && s.user === user);
}

function end(taskId, tokens) {
	return line({
		event: 'message_end',
		...ids(taskId),
		created_at: 1705409200,
		metadata: { usage: { total_tokens: tokens } },
	});
}

/** An answer chunk, then pings until stopped (at most 10 minutes). */
async function* pings(state, taskId, user, record) {
	yield line({ event: 'message', ...ids(taskId), answer: 'Thinking', created_at: 1705409200 });
	for (let i = 0; i < 3000; i++) {
		if (stoppedBy(state, taskId, user)) {
			yield end(taskId, 1);
			return;
		}
		yield { delayMs: PING_MS };
		yield Buffer.from('event: ping\n\n');
		record.pings = i + 1;
	}
}

/** Answer chunks of 256 KiB until stopped or 64 MiB were sent; `record.sentBytes` counts them. */
async function* flood(state, taskId, user, record) {
	const answer = 'a'.repeat(FLOOD_CHUNK);
	const chunk = line({ event: 'message', ...ids(taskId), answer, created_at: 1705409200 });
	record.sentBytes = 0;
	while (record.sentBytes < FLOOD_LIMIT) {
		if (stoppedBy(state, taskId, user)) break;
		yield chunk;
		record.sentBytes += chunk.length;
		yield { delayMs: 1 };
	}
	yield end(taskId, 2);
}

/** One event larger than any reader should hold, in 1 MiB pieces; `record.sentBytes` counts them. */
async function* oversize(taskId, record) {
	const head = `data: {"event":"message","task_id":"${taskId}","answer":"`;
	const piece = Buffer.alloc(1024 * 1024, 'x');
	record.sentBytes = 0;
	yield Buffer.from(head);
	while (record.sentBytes < OVERSIZE) {
		yield piece;
		record.sentBytes += piece.length;
		yield { delayMs: 1 };
	}
	yield Buffer.from(`"}\n\n`);
	yield end(taskId, 3);
}

/** The bytes in pieces of 1–8 bytes, 5–25 ms apart: a slow drip (`record.dripMs` is the pace). */
async function* drip(bytes, { seed, record }) {
	const random = rng(seed);
	const pace = 5 + Math.floor(random() * 21);
	record.dripMs = pace;
	let offset = 0;
	while (offset < bytes.length) {
		const size = 1 + Math.floor(random() * 8);
		yield bytes.subarray(offset, offset + size);
		offset += size;
		yield { delayMs: pace };
	}
	record.streamEndedAt = Date.now();
}

/** The stream for a misbehaving scenario, or undefined when `scenario` is none of them. */
function faultyStream(scenario, { state, taskId, user, record }) {
	if (scenario === 'pings') return pings(state, taskId, user, record);
	if (scenario === 'flood') return flood(state, taskId, user, record);
	if (scenario === 'oversize') return oversize(taskId, record);
	return undefined;
}

module.exports = { faultyStream, drip, PING_MS, FLOOD_CHUNK, OVERSIZE };
