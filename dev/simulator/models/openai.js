'use strict';
/**
 * A scripted OpenAI-compatible model API for n8n's OpenAI Chat Model node (credential `openAiApi`,
 * Base URL pointed here), used by the agent and chat e2e parts. Not a provider of this package, so
 * it lives outside providers/ (which the simulator auto-discovers) but plugs into the same core:
 *
 *   const model = new ProviderSimulator(require('./openai'));   await model.start();
 *   openai.script(model, [ { tool: 'Ask_Dify', args: { query: 'hi' } }, (turn) => ({ text: ... }) ]);
 *
 * Routes: POST /v1/responses (the Responses API, the node's default since v1.3), POST
 * /v1/chat/completions, each plain or streamed (`stream: true`, SSE shaped as OpenAI sends them);
 * GET /v1/models. Auth: `Authorization: Bearer <TOKEN>`. Errors: `{ error: { message, type, param, code } }`.
 */
const crypto = require('crypto');

const TOKEN = 'sk-sim-openai-00000000000000000000000000000001';

function errorBody(status, message, extra = {}) {
	const type =
		status === 401
			? 'invalid_request_error'
			: status === 429
				? 'rate_limit_error'
				: status >= 500
					? 'server_error'
					: 'invalid_request_error';
	return { error: { message, type, param: extra.param ?? null, code: extra.code ?? null } };
}

const hex = (n = 12) => crypto.randomBytes(n).toString('hex');
const now = () => Math.floor(Date.now() / 1000);

/** Text of a message content: a string, or an array of parts (input_text / output_text / text). */
function contentText(content) {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return content === undefined ? '' : JSON.stringify(content);
	return content.map((part) => (typeof part === 'string' ? part : (part?.text ?? ''))).join('');
}

/**
 * What a request says, in one shape for both APIs:
 * { api: 'responses' | 'chat', stream, model, tools: [names], toolSchemas: { name: parameters },
 *   messages: [{ role, text }], toolCalls: [{ callId, name, args }] (earlier calls of the model),
 *   toolResults: [{ callId, name, output }] (what came back from the tools, in order), body }
 */
function parseTurn(api, body) {
	const turn = {
		api,
		stream: body.stream === true,
		model: body.model,
		tools: [],
		toolSchemas: {},
		messages: [],
		toolCalls: [],
		toolResults: [],
		body,
	};
	for (const tool of body.tools || []) {
		const name = api === 'responses' ? tool.name : tool.function?.name;
		const parameters = api === 'responses' ? tool.parameters : tool.function?.parameters;
		if (name) {
			turn.tools.push(name);
			turn.toolSchemas[name] = parameters;
		}
	}
	const names = {};
	if (api === 'responses') {
		const input = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : [];
		for (const item of Array.isArray(body.input) ? body.input : input) {
			if (item.type === 'function_call') {
				names[item.call_id] = item.name;
				turn.toolCalls.push({ callId: item.call_id, name: item.name, args: item.arguments });
			} else if (item.type === 'function_call_output') {
				turn.toolResults.push({
					callId: item.call_id,
					name: names[item.call_id],
					output: contentText(item.output),
				});
			} else if (item.role) {
				turn.messages.push({ role: item.role, text: contentText(item.content) });
			}
		}
		if (body.instructions) turn.messages.unshift({ role: 'system', text: body.instructions });
	} else {
		for (const message of body.messages || []) {
			if (message.role === 'tool') {
				turn.toolResults.push({
					callId: message.tool_call_id,
					name: names[message.tool_call_id],
					output: contentText(message.content),
				});
				continue;
			}
			for (const call of message.tool_calls || []) {
				names[call.id] = call.function?.name;
				turn.toolCalls.push({
					callId: call.id,
					name: call.function?.name,
					args: call.function?.arguments,
				});
			}
			turn.messages.push({ role: message.role, text: contentText(message.content) });
		}
	}
	return turn;
}

/** Split text into n pieces of about equal length (n >= 1; never empty pieces). */
function split(text, n) {
	const count = Math.max(1, Math.min(n, text.length));
	const size = Math.ceil(text.length / count);
	const parts = [];
	for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
	return parts.length ? parts : [''];
}

function usage(api, turn, outputText) {
	const input = Math.ceil(JSON.stringify(turn.body).length / 4);
	const output = Math.max(1, Math.ceil(outputText.length / 4));
	return api === 'responses'
		? {
				input_tokens: input,
				input_tokens_details: { cached_tokens: 0 },
				output_tokens: output,
				output_tokens_details: { reasoning_tokens: 0 },
				total_tokens: input + output,
			}
		: {
				prompt_tokens: input,
				completion_tokens: output,
				total_tokens: input + output,
				prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
				completion_tokens_details: {
					reasoning_tokens: 0,
					audio_tokens: 0,
					accepted_prediction_tokens: 0,
					rejected_prediction_tokens: 0,
				},
			};
}

// ---------------------------------------------------------------- Responses API

function responseObject(turn, id, status, output, usageValue) {
	const body = turn.body;
	return {
		id,
		object: 'response',
		created_at: now(),
		status,
		background: false,
		error: null,
		incomplete_details: null,
		instructions: body.instructions ?? null,
		max_output_tokens: body.max_output_tokens ?? null,
		model: body.model,
		output,
		parallel_tool_calls: body.parallel_tool_calls ?? true,
		previous_response_id: body.previous_response_id ?? null,
		reasoning: { effort: null, summary: null },
		store: body.store ?? true,
		temperature: body.temperature ?? 1,
		text: { format: { type: 'text' } },
		tool_choice: body.tool_choice ?? 'auto',
		tools: body.tools ?? [],
		top_p: body.top_p ?? 1,
		truncation: 'disabled',
		usage: usageValue,
		user: null,
		metadata: {},
	};
}

function responsesItem(step) {
	if (step.tool !== undefined) {
		return {
			type: 'function_call',
			id: `fc_${hex()}`,
			call_id: `call_${hex(8)}`,
			name: step.tool,
			arguments: JSON.stringify(step.args ?? {}),
			status: 'completed',
		};
	}
	return {
		type: 'message',
		id: `msg_${hex()}`,
		status: 'completed',
		role: 'assistant',
		content: [{ type: 'output_text', text: step.text, annotations: [], logprobs: [] }],
	};
}

async function* responsesStream(turn, step, item) {
	const id = `resp_${hex()}`;
	let seq = 0;
	const event = (type, data) =>
		Buffer.from(
			`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: seq++, ...data })}\n\n`,
		);
	const started = responseObject(turn, id, 'in_progress', [], null);
	yield event('response.created', { response: started });
	yield event('response.in_progress', { response: started });
	const outputIndex = 0;
	if (item.type === 'function_call') {
		yield event('response.output_item.added', {
			output_index: outputIndex,
			item: { ...item, arguments: '', status: 'in_progress' },
		});
		for (const delta of split(item.arguments, step.chunks ?? 3)) {
			yield event('response.function_call_arguments.delta', {
				item_id: item.id,
				output_index: outputIndex,
				delta,
			});
		}
		yield event('response.function_call_arguments.done', {
			item_id: item.id,
			output_index: outputIndex,
			arguments: item.arguments,
		});
	} else {
		const text = item.content[0].text;
		yield event('response.output_item.added', {
			output_index: outputIndex,
			item: { ...item, status: 'in_progress', content: [] },
		});
		const part = { type: 'output_text', text: '', annotations: [], logprobs: [] };
		yield event('response.content_part.added', {
			item_id: item.id,
			output_index: outputIndex,
			content_index: 0,
			part,
		});
		for (const delta of split(text, step.chunks ?? 4)) {
			if (step.paceMs) yield { delayMs: step.paceMs };
			yield event('response.output_text.delta', {
				item_id: item.id,
				output_index: outputIndex,
				content_index: 0,
				delta,
				logprobs: [],
			});
		}
		yield event('response.output_text.done', {
			item_id: item.id,
			output_index: outputIndex,
			content_index: 0,
			text,
			logprobs: [],
		});
		yield event('response.content_part.done', {
			item_id: item.id,
			output_index: outputIndex,
			content_index: 0,
			part: { ...part, text },
		});
	}
	yield event('response.output_item.done', { output_index: outputIndex, item });
	const outputText = item.type === 'function_call' ? item.arguments : item.content[0].text;
	yield event('response.completed', {
		response: responseObject(turn, id, 'completed', [item], usage('responses', turn, outputText)),
	});
	turn.streamEndedAt = Date.now();
}

// ---------------------------------------------------------------- Chat Completions API

function chatToolCall(step) {
	return {
		id: `call_${hex(8)}`,
		type: 'function',
		function: { name: step.tool, arguments: JSON.stringify(step.args ?? {}) },
	};
}

async function* chatStream(turn, step, call) {
	const id = `chatcmpl-${hex()}`;
	const created = now();
	const chunk = (choices, extra = {}) =>
		Buffer.from(
			`data: ${JSON.stringify({
				id,
				object: 'chat.completion.chunk',
				created,
				model: turn.body.model,
				service_tier: 'default',
				system_fingerprint: 'fp_simulator',
				choices,
				...extra,
			})}\n\n`,
		);
	let outputText;
	let finish;
	if (step.tool !== undefined) {
		outputText = call.function.arguments;
		finish = 'tool_calls';
		yield chunk([
			{
				index: 0,
				delta: {
					role: 'assistant',
					content: null,
					tool_calls: [
						{ index: 0, ...call, function: { name: call.function.name, arguments: '' } },
					],
					refusal: null,
				},
				logprobs: null,
				finish_reason: null,
			},
		]);
		for (const piece of split(outputText, step.chunks ?? 3)) {
			yield chunk([
				{
					index: 0,
					delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] },
					logprobs: null,
					finish_reason: null,
				},
			]);
		}
	} else {
		outputText = step.text;
		finish = 'stop';
		yield chunk([
			{
				index: 0,
				delta: { role: 'assistant', content: '', refusal: null },
				logprobs: null,
				finish_reason: null,
			},
		]);
		for (const piece of split(outputText, step.chunks ?? 4)) {
			if (step.paceMs) yield { delayMs: step.paceMs };
			yield chunk([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]);
		}
	}
	yield chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: finish }]);
	if (turn.body.stream_options?.include_usage)
		yield chunk([], { usage: usage('chat', turn, outputText) });
	yield Buffer.from('data: [DONE]\n\n');
	turn.streamEndedAt = Date.now();
}

function chatCompletion(turn, step, call) {
	const message = { role: 'assistant', content: null, refusal: null, annotations: [] };
	let outputText;
	if (step.tool !== undefined) {
		message.tool_calls = [call];
		outputText = call.function.arguments;
	} else {
		message.content = step.text;
		outputText = step.text;
	}
	return {
		id: `chatcmpl-${hex()}`,
		object: 'chat.completion',
		created: now(),
		model: turn.body.model,
		choices: [
			{
				index: 0,
				message,
				logprobs: null,
				finish_reason: step.tool !== undefined ? 'tool_calls' : 'stop',
			},
		],
		usage: usage('chat', turn, outputText),
		service_tier: 'default',
		system_fingerprint: 'fp_simulator',
	};
}

// ---------------------------------------------------------------- routing

/** The next scripted step for this turn, or a { problem } when there is none / it is unusable. */
function nextStep(state, turn) {
	let step = state.script.shift();
	if (typeof step === 'function') step = step(turn, state);
	if (!step) return { problem: 'simulator: the test scripted no answer for this model request' };
	if (step.tool !== undefined && !turn.tools.includes(step.tool)) {
		return {
			problem: `simulator: scripted tool "${step.tool}" is not among the offered tools [${turn.tools.join(', ')}]`,
		};
	}
	if (step.tool === undefined && typeof step.text !== 'string')
		return { problem: 'simulator: a scripted step needs `tool` or `text`' };
	return step;
}

function handle(api) {
	return ({ body, state, record }) => {
		if (!body || typeof body !== 'object' || !body.model)
			return { status: 400, body: errorBody(400, 'you must provide a model parameter') };
		if (api === 'responses' && body.input === undefined)
			return { status: 400, body: errorBody(400, "Missing required parameter: 'input'.") };
		if (api === 'chat' && !Array.isArray(body.messages))
			return { status: 400, body: errorBody(400, "Missing required parameter: 'messages'.") };
		const turn = parseTurn(api, body);
		const step = nextStep(state, turn);
		turn.step = step;
		turn.at = Date.now();
		record.turn = turn;
		state.turns.push(turn);
		if (step.problem) return { status: 500, body: errorBody(500, step.problem) };
		if (api === 'responses') {
			const item = responsesItem(step);
			turn.answer = item;
			if (turn.stream) return { status: 200, stream: responsesStream(turn, step, item) };
			const outputText = item.type === 'function_call' ? item.arguments : item.content[0].text;
			return {
				status: 200,
				body: responseObject(
					turn,
					`resp_${hex()}`,
					'completed',
					[item],
					usage('responses', turn, outputText),
				),
			};
		}
		const call = step.tool !== undefined ? chatToolCall(step) : undefined;
		turn.answer = call
			? { role: 'assistant', content: null, tool_calls: [call] }
			: { role: 'assistant', content: step.text };
		if (turn.stream) return { status: 200, stream: chatStream(turn, step, call) };
		return { status: 200, body: chatCompletion(turn, step, call) };
	};
}

/** The call id a turn's answer issued (Responses: call_id; Chat Completions: tool_calls[0].id). */
function issuedCallId(turn) {
	return turn.answer?.call_id ?? turn.answer?.tool_calls?.[0]?.id;
}

/**
 * Replace the script (and forget earlier turns). Every model request takes the next step:
 *   { tool: '<tool name>', args: { ... } }       answer with one function/tool call
 *   { text: '...', chunks?: n, paceMs?: ms }     answer with text (streamed in `chunks` deltas,
 *                                                `paceMs` apart)
 *   (turn) => step                               decide from the request (see parseTurn)
 * and the request is recorded in state.turns as parseTurn() describes it, with the step it got,
 * `answer` (the Responses output item, or the Chat Completions message, with the call id it
 * issued) and, when streamed, `streamEndedAt` (when its last event was written).
 * A step naming a tool the request did not offer, or an empty script, answers 500 with the reason
 * (so the test fails with a readable message instead of a made-up answer).
 */
function script(sim, steps) {
	sim.state.script = [...steps];
	sim.state.turns = [];
	return sim;
}

module.exports = {
	name: 'openai',
	displayName: 'OpenAI (model simulator)',
	credentialType: 'openAiApi',
	basePath: '/v1',
	TOKEN,
	/** Data of n8n's `openAiApi` credential pointing at a running model simulator. */
	credentialData: (baseUrl) => ({ apiKey: TOKEN, url: baseUrl, header: false }),
	errorBody,
	parseTurn,
	issuedCallId,
	script,
	rateLimitHeaders: (seconds) => ({ 'retry-after': String(seconds) }),
	createState: () => ({ script: [], turns: [] }),
	authenticate(req) {
		const value = req.headers.authorization;
		if (value === `Bearer ${TOKEN}`) return null;
		return {
			status: 401,
			body: errorBody(
				401,
				value
					? 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.'
					: "You didn't provide an API key.",
				{ code: 'invalid_api_key' },
			),
		};
	},
	routes: [
		{
			method: 'GET',
			path: '/models',
			handle: () => ({
				status: 200,
				body: {
					object: 'list',
					data: [{ id: 'gpt-4.1-mini', object: 'model', created: 1744316542, owned_by: 'system' }],
				},
			}),
		},
		{
			method: 'POST',
			path: '/responses',
			contentType: 'application/json',
			handle: handle('responses'),
		},
		{
			method: 'POST',
			path: '/chat/completions',
			contentType: 'application/json',
			handle: handle('chat'),
		},
	],
};
