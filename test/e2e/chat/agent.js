'use strict';
/**
 * Chat Trigger → AI Agent (streaming) with the Dify node as a tool (scenario 4 of the "chat" part),
 * for the Responses API and chat completions: the model simulator streams, the agent's answer
 * streams into the chat, the Dify answer and a Dify error event reach the model, a stop reaches Dify.
 */
const host = require('../../../dev/host/index');
const openai = require('../../../dev/simulator/models/openai');
const { TOOLS, toolName } = require('../workflows/ai');
const { sendChat, items, text, types, afterStop, lastMessage } = require('./client');
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

async function agentStreams(t, wf, api) {
	const { check, model } = t;
	const spec = TOOLS.dify;
	const name = toolName(spec.nodeName);
	const label = `chat → AI Agent + Dify tool [${api === 'chat' ? 'chat completions' : 'Responses API'}]`;
	const marker = `agent-${api}`;
	const sessionId = `agent-session-${api}`;
	let final;
	openai.script(model, [
		{
			tool: name,
			args: { query: `Specs please ${marker} sim:chat-unicode +paced`, conversation_id: '' },
		},
		(turn) => {
			const result = JSON.parse(turn.toolResults.at(-1)?.output ?? '[]');
			final = `Dify says: ${result[0]?.answer} (conversation ${result[0]?.conversation_id})`;
			return { text: final, chunks: 8, paceMs: 60 };
		},
	]);
	const t0 = Date.now();
	const chat = sendChat(t, wf.webhookId, 'What are the specs?', sessionId);
	const res = await chat.done;
	const execution = await executionOf(t, wf.id);
	const turns = model.state.turns;
	console.log(
		`     (${label}: ${JSON.stringify(types(res.chunks).reduce((a, type) => (a.at(-1)?.[0] === type ? a.at(-1)[1]++ : a.push([type, 1]), a), []))} in ${since(t0)}, execution ${execution.status})`,
	);
	const expectedAnswer = fixtureAnswer('chat-unicode');
	check(
		`${label}: the model was asked twice, streaming (stream: true) over ${api === 'chat' ? '/v1/chat/completions' : '/v1/responses'}`,
		turns.length === 2 && turns.every((turn) => turn.api === api && turn.stream),
		turns.map((turn) => ({ api: turn.api, stream: turn.stream })),
	);
	check(
		`${label}: the Dify answer reached the model as the tool result`,
		(turns[1]?.toolResults?.[0]?.output ?? '').includes(
			JSON.stringify(expectedAnswer).slice(1, -1),
		),
		turns[1]?.toolResults,
	);
	const agentItems = lastMessage(res.chunks, 'AI Agent');
	const answerTurn = turns[1];
	const emptyItems = items(res.chunks, 'AI Agent').filter((c) => c.content === '').length;
	if (emptyItems)
		console.log(
			`     (${label}: n8n also sent ${emptyItems} empty AI Agent item chunks while the model streamed its tool call)`,
		);
	check(
		`${label}: the agent's answer streams into the chat in ${agentItems.length} chunks that add up to it`,
		agentItems.length >= 4 &&
			agentItems.map((c) => c.content).join('') === final &&
			text(res.chunks, 'AI Agent') === final,
		{ chunks: agentItems.map((c) => c.content), final },
	);
	const agentOutput = host
		.summarizeRun({ data: execution.data })
		.nodeOutput('AI Agent')?.[0]?.output;
	check(
		`${label}: the execution succeeds with the streamed answer as the agent's output`,
		execution.status === 'success' && agentOutput === final,
		{ status: execution.status, agentOutput },
	);
	const beforeModelEnd = agentItems.filter(
		(c) => answerTurn?.streamEndedAt && c.at < answerTurn.streamEndedAt,
	);
	check(
		`${label}: ${beforeModelEnd.length} of the agent's chunks reached the chat client while the model simulator was still streaming`,
		beforeModelEnd.length >= 3,
		{ streamEndedAt: answerTurn?.streamEndedAt, arrivals: agentItems.map((c) => c.at) },
	);
	// What the Dify node does with its own chunks when it runs as the agent's tool in a streaming chat
	const difyItems = items(res.chunks, spec.nodeName);
	console.log(
		`     (${label}: the Dify tool forwarded ${difyItems.length} chunks of its own to the chat${difyItems.length ? `: "${text(res.chunks, spec.nodeName).slice(0, 60)}…"` : ''})`,
	);
	check(
		`${label}: the Dify tool streams nothing of its own into the chat (the agent answers)`,
		difyItems.length === 0,
		types(res.chunks),
	);
}

async function agentErrorEvent(t, wf, api) {
	const { check, model } = t;
	const spec = TOOLS.dify;
	const name = toolName(spec.nodeName);
	const label = `chat → AI Agent + Dify tool, Dify error event [${api === 'chat' ? 'chat completions' : 'Responses API'}]`;
	openai.script(model, [
		{
			tool: name,
			args: { query: `Numbers agent-error-${api} sim:error-event +paced`, conversation_id: '' },
		},
		(turn) => ({
			text: `Sorry, Dify failed: ${JSON.parse(turn.toolResults.at(-1)?.output ?? '[{}]')[0]?.error}`,
			chunks: 3,
		}),
	]);
	const chat = sendChat(t, wf.webhookId, 'Numbers?', `agent-error-${api}`);
	const res = await chat.done;
	const execution = await executionOf(t, wf.id);
	const turns = model.state.turns;
	const toolResult = turns[1]?.toolResults?.[0]?.output ?? '';
	console.log(
		`     (${label}: ${JSON.stringify(types(res.chunks))}, execution ${execution.status})`,
	);
	check(
		`${label}: Dify's error reaches the model as the tool result`,
		toolResult.includes('Completion request failed.'),
		toolResult,
	);
	check(
		`${label}: the agent answers in the chat with it and the run succeeds`,
		text(res.chunks, 'AI Agent').includes('Completion request failed.') &&
			execution.status === 'success',
		{ agent: text(res.chunks, 'AI Agent'), status: execution.status },
	);
}

async function agentStop(t, wf, api) {
	const { check, sims, inst, model } = t;
	const spec = TOOLS.dify;
	const name = toolName(spec.nodeName);
	const label = `chat → AI Agent + Dify tool, execution stopped in n8n [${api === 'chat' ? 'chat completions' : 'Responses API'}]`;
	const sessionId = `agent-stop-${api}`;
	const marker = `agent-stop-${api}`;
	openai.script(model, [
		{ tool: name, args: { query: `Forever ${marker} sim:endless`, conversation_id: '' } },
		() => ({ text: 'unexpected second model call' }),
	]);
	const chat = sendChat(t, wf.webhookId, 'Talk forever', sessionId);
	await waitFor(
		() => {
			const call = difyCall(t, marker);
			return call && (sims.dify.state.streamed[call.taskId] ?? 0) >= 3;
		},
		30000,
		'Dify streaming as the tool',
	);
	const taskId = difyCall(t, marker).taskId;
	const id = await runningExecution(t, wf.id);
	const status = await stopExecution(t, id);
	const res = await afterStop(chat);
	const execution = await inst.waitForExecutionStatus(id, { timeoutMs: 30000 });
	await waitFor(
		() => sims.dify.state.stops.some((s) => s.task_id === taskId),
		10000,
		'Dify stop',
	).catch(() => {});
	const stop = sims.dify.state.stops.find((s) => s.task_id === taskId);
	console.log(
		`     (${label}: stop ${status}, execution ${execution.status}, ${model.state.turns.length} model requests)`,
	);
	check(
		`${label}: the Dify tool called POST /chat-messages/${taskId}/stop with the session's user`,
		status === 200 && stop && stop.user === sessionId,
		{ status, stops: sims.dify.state.stops },
	);
	check(
		`${label}: the execution is canceled, the model is not asked again, and the Dify tool sent nothing of its own to the chat`,
		execution.status === 'canceled' &&
			model.state.turns.length === 1 &&
			!res.chunks.some((c) => c.metadata?.nodeName === spec.nodeName),
		{
			status: execution.status,
			turns: model.state.turns.length,
			last: types(res.chunks).slice(-4),
		},
	);
	check(
		`${label}: n8n ${N8N_VERSION} leaves the chat response open after the stop (as without the agent)`,
		res.leftOpen === true,
		{ leftOpen: res.leftOpen, closedBy: res.closedBy, last: types(res.chunks).slice(-4) },
	);
}

module.exports = { agentStreams, agentErrorEvent, agentStop };
