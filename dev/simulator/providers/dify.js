'use strict';
/**
 * Dify service API (app API key), the part the Dify node uses: POST /chat-messages (blocking JSON
 * or Server-Sent Events), POST /files/upload (multipart), POST /chat-messages/:task_id/stop, and
 * GET /info + GET /parameters (credential test); conversations, messages, variables, feedback,
 * suggested questions and GET /meta come from ../dify/resources.js; audio, annotations, end users,
 * GET /site and file previews from ../dify/app.js. Every streamed request's
 * exact bytes are kept on its record as `sseBytes`.
 * Auth: `Authorization: Bearer <app key>`; the Knowledge API routes (../dify/knowledge*.js: knowledge
 * bases, documents, chunks, tags, metadata, models) take the Knowledge API key instead, and
 * answer 401 to an app key, as Dify does. Errors: `{ code, message, status }`.
 *
 * Streams are the real SSE bytes of dev/simulator/fixtures/dify/*.sse (read once, when this module loads),
 * written in chunks of random sizes (seeded per request) with small pauses.
 *
 * The reply is picked from the request's `query` text, by directives anywhere in it:
 *   sim:<fixture>      a fixture by file name without .sse, e.g. `sim:agent-chat`, `sim:human-input-pause`
 *                      (default: an answer composed for the query by ../dify/answers.js, in several `message`
 *                      chunks, continuing the conversation's earlier turns; `sim:chat-basic` is the docs'
 *                      one-chunk sample; a blocking request gets the composed answer as one JSON body;
 *                      two plain questions the examples ask play a fixture too: RECORDED_QUESTIONS)
 *   sim:blocking-response  the docs' blocking body (dev/simulator/fixtures/dify/blocking-response.json)
 *   sim:endless        a chat stream that keeps sending `message` chunks (40 ms apart, at most 500)
 *                      with a task id of its own (`sim-task-<n>`), for cancel tests
 *   sim:pings / sim:flood / sim:oversize  streams that never end, grow without bound, or hold one
 *                      huge event (../dify/faults.js); a blocking sim:flood answers 4 MiB of text
 *   sim:http-<status>  the documented error body for 400 / 403 / 404 / 429 / 500
 *   sim:error-<code>   the documented error body for that code (e.g. sim:error-provider_quota_exceeded)
 * and flags:
 *   +crlf              CRLF line endings      +bytes   one byte per chunk     +whole  one chunk
 *   +sse               a blocking request is answered with text/event-stream (seen with some Dify versions)
 *   +mislabelled       the event stream is sent as `Content-Type: application/json`
 *   +cut               the connection is dropped halfway through the stream
 *   +paced             one SSE event per write, PACE_MS apart (a stream a client can watch arrive)
 *   +drip              1–8 bytes at a time, 5–25 ms apart (seeded): a slow drip
 *   +fresh             a Chatflow fixture under a workflow_run_id of its own (many runs at once)
 *   +cut@N / +stall@N / +cutresume / +summary / +expired   run flags, see ../dify/runs.js
 * Workflow-backed replies are kept as runs (../dify/runs.js: Human Input forms, reopened streams);
 * Workflow and Text Generator routes are in ../dify/workflows.js.
 * Agent (`agent-chat`) and New Agent (`agent`) fixtures refuse blocking mode with 400 `bad_request`,
 * as Dify documents. A `conversation_id` must be one the simulator knows (a fixture's, or one of
 * an earlier reply), else 404 `not_found`; local files must have been uploaded by the same `user`.
 */
const { rng, uuidFrom } = require('../random');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const schemas = require('../schemas/dify.json');
const difyResources = require('../dify/resources');
const runStore = require('../dify/runs');
const workflowRoutes = require('../dify/workflows');
const knowledge = require('../dify/knowledge');
const faults = require('../dify/faults');
const appRoutes = require('../dify/app');

const TOKEN = 'app-SIMULATORDIFYKEY0000000001';
const FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'dify');

/** Every fixture's bytes, and the app mode it was recorded for. */
const FIXTURES = {};
for (const file of fs.readdirSync(FIXTURES_DIR).sort()) {
	if (file.endsWith('.sse'))
		FIXTURES[file.slice(0, -4)] = fs.readFileSync(path.join(FIXTURES_DIR, file));
}
const BLOCKING_RESPONSE = JSON.parse(
	fs.readFileSync(path.join(FIXTURES_DIR, 'blocking-response.json'), 'utf8'),
);

const MODES = {
	'chat-basic': 'chat',
	'chat-unicode': 'chat',
	'agent-chat': 'agent-chat',
	'new-agent': 'agent',
	'advanced-chat': 'advanced-chat',
	'advanced-chat-iteration': 'advanced-chat',
	'human-input-pause': 'advanced-chat',
	'error-event': 'chat',
	'workflow-failed': 'advanced-chat',
	'message-replace': 'chat',
	reasoning: 'advanced-chat',
	tts: 'chat',
	'keepalive-multiline': 'chat',
	'cut-mid-answer': 'chat',
};

/** Documented error bodies of POST /chat-messages (and the upload / auth ones), by code. */
const ERRORS = {
	app_unavailable: [400, 'App unavailable, please check your app configurations.'],
	not_chat_app: [400, 'Please check if your app mode matches the right API route.'],
	conversation_completed: [400, 'The conversation has ended. Please start a new conversation.'],
	provider_not_initialize: [
		400,
		'No valid model provider credentials found. Please go to Settings -> Model Provider to complete your provider credentials.',
	],
	provider_quota_exceeded: [
		400,
		'Your quota for Dify Hosted OpenAI has been exhausted. Please go to Settings -> Model Provider to complete your own provider credentials.',
	],
	model_currently_not_support: [
		400,
		'Dify Hosted OpenAI trial currently not support the GPT-4 model.',
	],
	completion_request_error: [400, 'Completion request failed.'],
	workflow_version_execution_not_allowed: [
		403,
		'Workflow version execution is not allowed on the Sandbox plan.',
	],
	not_found: [404, 'Conversation Not Exists.'],
	too_many_requests: [429, 'Too many requests. Please try again later.'],
	rate_limit_error: [429, 'Rate Limit Error'],
	internal_server_error: [500, 'Internal server error.'],
};
const DEFAULT_CODE = {
	400: 'invalid_param',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	413: 'file_too_large',
	415: 'unsupported_file_type',
	429: 'too_many_requests',
	500: 'internal_server_error',
};

function errorBody(status, message, extra = {}) {
	return { code: extra.code || DEFAULT_CODE[status] || 'unknown', message, status };
}

function fail(status, code, message) {
	return { status, body: errorBody(status, message, { code }) };
}

// chunk sizes are random but reproducible from the request number (rng from ../random)

/** The JSON objects of a fixture's `data:` lines (fixtures are LF, one event per blank-line block). */
function fixtureEvents(bytes) {
	return bytes
		.toString('utf8')
		.split('\n\n')
		.map((block) =>
			block
				.split('\n')
				.filter((line) => line.startsWith('data:'))
				.map((line) => line.slice(5).replace(/^ /, ''))
				.join('\n'),
		)
		.filter((data) => data.trim().startsWith('{'))
		.map((data) => {
			try {
				return JSON.parse(data);
			} catch {
				return null;
			}
		})
		.filter(Boolean);
}

const KNOWN_CONVERSATIONS = new Set([BLOCKING_RESPONSE.conversation_id]);
for (const bytes of Object.values(FIXTURES)) {
	for (const event of fixtureEvents(bytes))
		if (event.conversation_id) KNOWN_CONVERSATIONS.add(event.conversation_id);
}

/** What a blocking request to a streaming-only fixture would have answered, built from its events. */
function blockingFromFixture(name) {
	const events = fixtureEvents(FIXTURES[name]);
	const error = events.find((e) => e.event === 'error');
	if (error) return fail(error.status || 500, error.code, error.message);
	if (events.some((e) => e.event === 'workflow_paused'))
		return fail(400, 'bad_request', 'This run pauses for Human Input: use streaming mode.');
	let answer = '';
	for (const e of events) {
		if (e.event === 'message') answer += e.answer || '';
		if (e.event === 'message_replace') answer = e.answer || '';
	}
	const first = events.find((e) => e.message_id) || {};
	const end = events.find((e) => e.event === 'message_end') || {};
	const body = {
		event: 'message',
		task_id: first.task_id,
		id: end.id || first.message_id,
		message_id: first.message_id,
		conversation_id: first.conversation_id,
		mode: MODES[name],
		answer,
		metadata: end.metadata || {},
		created_at: first.created_at,
	};
	return { status: 200, body };
}

/**
 * Questions the examples ask that play a recorded stream, so that no `sim:` directive shows in a
 * workflow a user opens: an Agent app drawing a picture (the docs' Agent stream, its placeholder ids
 * like `task123` replaced by UUIDs, as a real app gives) and a Chatflow pausing for a review.
 */
const RECORDED_QUESTIONS = [
	{ pattern: /\bdraw (?:me )?an? (?:cute )?cat\b/i, fixture: 'agent-chat' },
	{ pattern: /\blaunch note for review\b/i, fixture: 'human-input-pause' },
];

function parseDirectives(query) {
	const scenario = /(?:^|\s)sim:([\w-]+)/.exec(query);
	const flags = new Set((query.match(/(?:^|\s)\+([a-z]+)/g) || []).map((f) => f.trim().slice(1)));
	if (!scenario) {
		const recorded = RECORDED_QUESTIONS.find((q) => q.pattern.test(query));
		if (recorded) {
			flags.add('realids');
			return { scenario: recorded.fixture, flags };
		}
	}
	return { scenario: scenario ? scenario[1] : undefined, flags };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A fixture's placeholder ids (`task123`, `msg123`, `file_id_1`, ...) replaced by UUIDs, new per request. */
function withRealIds(bytes, n) {
	let text = bytes.toString('utf8');
	const ids = new Set();
	for (const m of text.matchAll(
		/"(?:id|task_id|message_id|conversation_id|workflow_run_id|workflow_id)": "([^"]+)"/g,
	))
		if (!UUID_RE.test(m[1]) && /\d/.test(m[1])) ids.add(m[1]); // placeholders, not names like `approve`
	for (const id of ids) text = text.split(`"${id}"`).join(`"${uuidFrom(id, n)}"`);
	return Buffer.from(text, 'utf8');
}

const PACE_MS = 80;

/** Splits bytes into chunks and yields them with a short pause now and then. */
async function* chunked(bytes, { seed, flags, cutAt, stallAt, record }) {
	if (flags.has('drip')) {
		yield* faults.drip(bytes, { seed, record });
		return;
	}
	if (stallAt !== undefined) {
		yield bytes.subarray(0, stallAt);
		// up to 60 s of silence; the core stops writing as soon as the client closes
		for (let i = 0; i < 1200; i++) yield { delayMs: 50 };
		return;
	}
	if (flags.has('paced')) {
		const events = bytes.toString('utf8').split(/(?<=\n\n)/);
		for (let i = 0; i < events.length; i++) {
			if (i > 0) yield { delayMs: PACE_MS };
			yield Buffer.from(events[i], 'utf8');
		}
		record.streamEndedAt = Date.now();
		return;
	}
	const random = rng(seed);
	const maxChunk = flags.has('bytes') ? 1 : flags.has('whole') ? bytes.length : 64;
	let offset = 0;
	let n = 0;
	while (offset < bytes.length) {
		const size =
			flags.has('bytes') || flags.has('whole') ? maxChunk : 1 + Math.floor(random() * maxChunk);
		const end = Math.min(bytes.length, offset + size, cutAt ?? Infinity);
		yield bytes.subarray(offset, end);
		offset = end;
		if (cutAt !== undefined && offset >= cutAt) {
			yield { delayMs: 20 };
			yield { cut: true };
			return;
		}
		if (++n % 16 === 0) yield { delayMs: 2 };
	}
	record.streamEndedAt = Date.now();
}

async function* endless(state, taskId, user) {
	const ids = {
		task_id: taskId,
		message_id: `sim-msg-${taskId}`,
		conversation_id: `sim-conv-${taskId}`,
	};
	for (let i = 0; i < 500; i++) {
		if (state.stops.some((s) => s.task_id === taskId && s.user === user)) {
			yield Buffer.from(
				`data: ${JSON.stringify({ event: 'message_end', ...ids, created_at: 1705409200, metadata: { usage: { total_tokens: i } } })}\n\n`,
			);
			return;
		}
		yield Buffer.from(
			`data: ${JSON.stringify({ event: 'message', ...ids, answer: `part${i} `, created_at: 1705409200 })}\n\n`,
		);
		state.streamed[taskId] = i + 1;
		yield { delayMs: 40 };
	}
	yield Buffer.from(
		`data: ${JSON.stringify({ event: 'message_end', ...ids, created_at: 1705409200, metadata: { usage: { total_tokens: 500 } } })}\n\n`,
	);
}

function checkFiles(files, user, state) {
	for (const file of files || []) {
		if (file.transfer_method !== 'local_file') continue;
		const upload = state.uploads.get(file.upload_file_id);
		if (!upload || upload.user !== user)
			return fail(400, 'invalid_param', `Invalid upload file id: ${file.upload_file_id}`);
	}
	for (const file of files || [])
		if (file.transfer_method === 'local_file')
			state.uploads.get(file.upload_file_id).referenced = true;
	return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

module.exports = {
	name: 'dify',
	displayName: 'Dify',
	credentialType: 'difyApi',
	basePath: '/v1',
	demoCredential: (baseUrl) => ({ apiKey: TOKEN, baseUrl }),
	/** This provider's other credential types and their demo values (dev/examples.js imports them too). */
	moreCredentials: [
		{
			credentialType: 'difyKnowledgeApi',
			demoCredential: (baseUrl) => ({ apiKey: knowledge.KNOWLEDGE_TOKEN, baseUrl }),
		},
	],
	TOKEN,
	KNOWLEDGE_TOKEN: knowledge.KNOWLEDGE_TOKEN,
	PACE_MS,
	FIXTURES,
	MODES,
	ERRORS,
	BLOCKING_RESPONSE,
	errorBody,
	rateLimitHeaders() {
		// Dify documents no rate-limit headers.
		return {};
	},
	createState() {
		return {
			requestCount: 0,
			chats: [],
			stops: [],
			uploads: new Map(),
			streamed: {},
			conversations: new Set(KNOWN_CONVERSATIONS),
			...runStore.createRunState(),
			workflowRuns: [],
			completions: [],
			logs: workflowRoutes.seededLogs(),
		};
	},
	authenticate(req, state, route) {
		if (route && route.public) return null; // a signed download URL carries its own signature
		const value = req.headers.authorization;
		if (value === `Bearer ${route && route.knowledge ? knowledge.KNOWLEDGE_TOKEN : TOKEN}`)
			return null;
		const message = !value
			? "Authorization header must be provided and start with 'Bearer'"
			: 'Access token is invalid';
		return { status: 401, body: errorBody(401, message) };
	},
	routes: [
		...difyResources.routes,
		...knowledge.routes,
		...appRoutes.routes,
		{
			method: 'GET',
			path: '/info',
			handle: () => ({
				status: 200,
				body: {
					name: 'Simulated chat app',
					description: 'Dify simulator',
					tags: [],
					mode: 'chat',
					author_name: 'Sim',
				},
			}),
		},
		{
			method: 'GET',
			path: '/parameters',
			handle: () => ({
				status: 200,
				body: {
					opening_statement: null,
					suggested_questions: [],
					user_input_form: [
						{ 'text-input': { label: 'City', variable: 'city', required: false, default: '' } },
					],
					file_upload: {
						image: {
							enabled: true,
							number_limits: 3,
							transfer_methods: ['remote_url', 'local_file'],
						},
					},
					system_parameters: {
						file_size_limit: 15,
						image_file_size_limit: 10,
						audio_file_size_limit: 50,
						video_file_size_limit: 100,
					},
				},
			}),
		},
		{
			method: 'POST',
			path: '/files/upload',
			async handle({ body, state, headers }) {
				if (
					!String(headers['content-type'] || '').includes('multipart/form-data') ||
					!body ||
					typeof body !== 'object'
				) {
					return fail(400, 'no_file_uploaded', 'No file uploaded.');
				}
				const file = body.file;
				if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.data))
					return fail(400, 'no_file_uploaded', 'No file uploaded.');
				const extra = Object.keys(body).filter((k) => k !== 'file' && k !== 'user');
				if (extra.length) return fail(400, 'too_many_files', 'Only one file is allowed.');
				if (!file.filename)
					return fail(400, 'filename_not_exists_error', 'The specified filename does not exist.');
				if (/[/\\]/.test(file.filename))
					return fail(400, 'invalid_param', 'Filename contains invalid characters.');
				if (!file.contentType) return fail(415, 'unsupported_file_type', 'File type not allowed.');
				const user = typeof body.user === 'string' ? body.user : 'DEFAULT-USER';
				const id = crypto.randomUUID();
				const extension = /\.([^.]+)$/.exec(file.filename)?.[1] ?? null;
				const record = {
					id,
					user,
					name: file.filename,
					size: file.data.length,
					mime_type: file.contentType,
					sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
					// kept for File → Preview, which serves a file once a message references it
					data: file.data,
					referenced: false,
				};
				state.uploads.set(id, record);
				return {
					status: 201,
					body: {
						id,
						reference: null,
						name: file.filename,
						size: file.data.length,
						extension,
						mime_type: file.contentType,
						created_by: appRoutes.endUserFor(state, body.user).id,
						created_at: Math.floor(Date.now() / 1000),
						preview_url: null,
						source_url: `https://upload.dify.example/files/${id}/file-preview`,
						original_url: null,
						user_id: null,
						tenant_id: crypto.randomUUID(),
						conversation_id: null,
						file_key: null,
					},
				};
			},
		},
		{
			method: 'POST',
			path: '/chat-messages/:task_id/stop',
			contentType: 'application/json',
			params: schemas.stopParams,
			body: schemas.stopRequest,
			handle({ params, body, state }) {
				state.stops.push({ task_id: params.task_id, user: body.user, at: Date.now() });
				return { status: 200, body: { result: 'success' } };
			},
		},
		{
			method: 'POST',
			path: '/chat-messages',
			contentType: 'application/json',
			body: schemas.chatRequest,
			handle({ body, state, record }) {
				const n = ++state.requestCount;
				const { scenario, flags } = parseDirectives(body.query);
				const blocking = body.response_mode !== 'streaming';
				state.chats.push({
					n,
					query: body.query,
					user: body.user,
					response_mode: body.response_mode,
					files: body.files,
					scenario,
				});

				const http = /^http-(\d{3})$/.exec(scenario || '');
				if (http) {
					const status = Number(http[1]);
					const code =
						Object.keys(ERRORS).find((c) => ERRORS[c][0] === status) || DEFAULT_CODE[status];
					return fail(status, code, ERRORS[code] ? ERRORS[code][1] : `HTTP ${status}`);
				}
				const named = /^error-(\w+)$/.exec(scenario || '');
				if (named && ERRORS[named[1]])
					return fail(ERRORS[named[1]][0], named[1], ERRORS[named[1]][1]);
				if (body.query.trim() === '') return fail(400, 'invalid_param', 'query is required');
				if (body.user.trim() === '') return fail(400, 'invalid_param', 'user is required');
				appRoutes.endUserFor(state, body.user);
				if (body.conversation_id && !state.conversations.has(body.conversation_id))
					return fail(404, 'not_found', 'Conversation Not Exists.');
				if (body.workflow_id && !UUID.test(body.workflow_id))
					return fail(400, 'bad_request', `Invalid workflow_id format: '${body.workflow_id}'. `);
				const fileProblem = checkFiles(body.files, body.user, state);
				if (fileProblem) return fileProblem;

				if (scenario === 'endless') {
					const taskId = `sim-task-${n}`;
					record.taskId = taskId;
					return { status: 200, stream: endless(state, taskId, body.user) };
				}
				if (scenario === 'flood' && blocking) {
					const taskId = `sim-task-${n}`;
					return {
						status: 200,
						body: { ...BLOCKING_RESPONSE, task_id: taskId, answer: 'a'.repeat(4 * 1024 * 1024) },
					};
				}
				const faulty = faults.faultyStream(scenario, {
					state,
					taskId: `sim-task-${n}`,
					user: body.user,
					record,
				});
				if (faulty) {
					record.taskId = `sim-task-${n}`;
					return { status: 200, stream: faulty };
				}
				// No directive: a reply composed for the query, as a real app gives (../dify/answers.js);
				// `sim:chat-basic` still plays the docs' one-chunk sample, `sim:blocking-response` the
				// docs' blocking body.
				const composed = scenario ? undefined : difyResources.composedReply(state, body, n);
				if (scenario === 'blocking-response') return { status: 200, body: BLOCKING_RESPONSE };
				const name = scenario || 'chat-basic';
				if (!FIXTURES[name])
					return fail(400, 'invalid_param', `simulator: no fixture named ${name}`);
				const mode = MODES[name];
				if (blocking && (mode === 'agent-chat' || mode === 'agent')) {
					return fail(
						400,
						'bad_request',
						mode === 'agent'
							? 'New Agent app does not support blocking mode'
							: 'Agent Chat App does not support blocking mode',
					);
				}
				const played = flags.has('realids') ? withRealIds(FIXTURES[name], n) : FIXTURES[name];
				for (const event of fixtureEvents(played))
					if (event.conversation_id) state.conversations.add(event.conversation_id);

				if (blocking && !flags.has('sse')) {
					if (composed) return { status: 200, body: composed.blocking };
					return blockingFromFixture(name);
				}
				let bytes = composed ? composed.bytes : played;
				if (flags.has('fresh')) {
					// a run of its own: the fixture's workflow_run_id replaced by a new one
					const runId = fixtureEvents(bytes).find((e) => e.workflow_run_id)?.workflow_run_id;
					if (runId)
						bytes = Buffer.from(bytes.toString('utf8').split(runId).join(crypto.randomUUID()));
				}
				if (flags.has('crlf'))
					bytes = Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'), 'utf8');
				record.sseBytes = bytes; // exactly what this request is answered with, for replaying
				const headers = flags.has('mislabelled') ? { 'content-type': 'application/json' } : {};
				// Chatflow replies are kept as runs, so a broken one can be reopened (see ../dify/runs.js)
				const kept = runStore.registerRun(state, {
					fixtures: FIXTURES,
					name,
					bytes,
					user: body.user,
					text: body.query,
					inputs: body.inputs,
					app: 'chatflow',
				});
				const cutAt =
					kept.cutAt ??
					(flags.has('cut')
						? Math.floor(bytes.length / 2)
						: name === 'cut-mid-answer'
							? bytes.length
							: undefined);
				return {
					status: 200,
					headers,
					stream: chunked(bytes, { seed: n, flags, cutAt, stallAt: kept.stallAt, record }),
				};
			},
		},
		// Human Input forms, reopened streams, Workflow and Text Generator apps: ../dify/*.js
		...runStore.routes({ fixtures: FIXTURES, fail, schemas }),
		...workflowRoutes.routes({
			fixtures: FIXTURES,
			fail,
			schemas,
			parseDirectives,
			ERRORS,
			DEFAULT_CODE,
		}),
	],
};
