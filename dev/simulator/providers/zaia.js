'use strict';
/**
 * Zaia public API (Chat Messages): GET/POST /api/v1/chat-messages, POST /api/v1/chat-messages/export;
 * GET /api/v1/chats and /api/v1/chat-threads in ../zaia/chats.js; the agent API (api.zaia.app v1.1:
 * external generative chats and messages) in ../zaia/agent.js.
 * Auth: the API key in the `authorization` header, as-is; on the agent API's routes (`agent: true`)
 * the agent key as `Bearer <key>` (the Zaia Agent API credential).
 * Errors: `{ code?, message, name, feedback: { enUs, esEs, ptBr }, cta? }`.
 * Export: answers `{ message }` at once, then POSTs the result to `callbackUrl`. The docs do not
 * describe that callback, so the simulator can send each plausible form, chosen per test through
 * `state.callbackForm`: 'json' (the messages inline), 'csv' (a file body with Content-Disposition),
 * 'downloadUrl' (JSON pointing at a file served by GET /exports/:id/download). That download can
 * misbehave as a hostile file host would, through `state.downloadBehaviour`: `{ redirectTo }` (a
 * 302 there), `{ bytes }` (that many bytes, no Content-Length, 64 KB per millisecond; the bytes
 * actually written are counted in `state.downloadSent`). The nodes fetch it only with the Zaia
 * credential's Allow Local Downloads on (the demo's credentials have it; real ones never need it).
 */
const crypto = require('crypto');
const http = require('http');
const https = require('https');
const schemas = require('../schemas/zaia.json');

const API_KEY = 'zaia_sim_key_5f1c2a9e8d7b6c4a3f2e1d0c9b8a7f6e';
const WORKSPACE_ID = 'c3a1f1d2-6b1e-4c47-9a57-1d7b2f7f0a01';
const CHAT_ID = '6f1e9a52-3b7c-4d2e-8f10-2a4b6c8d0e11';
const OTHER_CHAT_ID = '0b8d7c6e-5f4a-4b3c-9d2e-1f0a9b8c7d6e';
const THREAD_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const TICKET_ID = '2d3c4b5a-6978-4a1b-9c2d-3e4f5a6b7c8d';
const AGENT_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const USER_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';
const MONTH_MS = 30 * 24 * 3600 * 1000;
/** The Zaia Trigger credential of the demo and the e2e suite (what the example's Callback URL carries). */
const TRIGGER_SECRET = 'demo-secret-change-me-4f1c2a9e';
/**
 * How long after an export request the simulator calls back. Tests set `state.callbackDelayMs`
 * themselves; the demo (scripts/demo.js) sets ZAIA_SIM_CALLBACK_DELAY_MS so that the
 * export-and-wait example shows its Waiting state for a few seconds.
 */
const DEFAULT_CALLBACK_DELAY_MS = Number(process.env.ZAIA_SIM_CALLBACK_DELAY_MS) || 30;

function errorBody(status, message, extra = {}) {
	const names = {
		400: 'BadRequestError',
		401: 'UnauthorizedError',
		403: 'ForbiddenError',
		404: 'NotFoundError',
		412: 'PreconditionFailedError',
		429: 'TooManyRequestsError',
	};
	const name = names[status] || 'InternalServerError';
	return {
		code:
			extra.code ||
			name
				.replace(/Error$/, '')
				.replace(/([a-z])([A-Z])/g, '$1_$2')
				.toUpperCase(),
		message,
		name,
		feedback: {
			enUs: extra.enUs || message,
			esEs: extra.esEs || `(es) ${message}`,
			ptBr: extra.ptBr || `(pt) ${message}`,
		},
		...(extra.cta ? { cta: extra.cta } : {}),
	};
}

function iso(ms) {
	return new Date(ms).toISOString();
}

function seedMessages() {
	const base = Date.parse('2025-03-01T10:00:00.000Z');
	const make = (n, role, senderId, content, extra = {}) => ({
		createdAt: iso(base + n * 60000),
		id: crypto.randomUUID(),
		updatedAt: iso(base + n * 60000),
		chatId: CHAT_ID,
		chatThreadId: null,
		content,
		detail: { attachments: [], delivery: [], referral: null },
		externalId: null,
		rawContent: null,
		role,
		senderId,
		...extra,
	});
	return [
		make(0, 'user', USER_ID, 'Hi, my order has not arrived'),
		make(1, 'assistant', AGENT_ID, 'Sorry to hear that! Which order number?', {
			rawContent: 'Sorry to hear that! Which order number?',
		}),
		make(2, 'user', USER_ID, 'It is #4411', { chatThreadId: THREAD_ID, _ticketId: TICKET_ID }),
	];
}

function superIdentity(senderId) {
	if (!senderId) return null;
	const entity = senderId === AGENT_ID ? 'agents' : 'externalUsers';
	return {
		createdAt: '2025-01-01T00:00:00.000Z',
		id: senderId,
		updatedAt: '2025-01-01T00:00:00.000Z',
		entity,
		sender: { id: senderId, name: entity === 'agents' ? 'Support Agent' : 'Ana Customer' },
	};
}

function followUp(message) {
	if (message.role !== 'assistant') return null;
	return {
		createdAt: message.createdAt,
		id: crypto.randomUUID(),
		updatedAt: message.updatedAt,
		chatId: message.chatId,
		chatMessageId: message.id,
		dueDate: iso(Date.parse(message.createdAt) + 3600000),
		finishedAt: null,
		message: 'Did your order arrive?',
		reason: null,
		status: 'pending',
		triggerChatMessageId: message.id,
	};
}

function publicMessage(message, joins) {
	const { _ticketId, ...out } = message;
	if (joins.includes('chat-message-follow-ups')) out.chatMessageFollowUp = followUp(message);
	if (joins.includes('senders')) out.senderSuperIdentity = superIdentity(message.senderId);
	return out;
}

function asList(value) {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

function isLoopback(hostname) {
	const host = hostname.replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function toCsv(messages) {
	const quote = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
	const rows = [['createdAt', 'chatId', 'role', 'senderId', 'content'].join(',')];
	for (const m of messages)
		rows.push([m.createdAt, m.chatId, m.role, m.senderId, m.content].map(quote).join(','));
	return `${rows.join('\r\n')}\r\n`;
}

/** POST a callback to the URL Zaia was given; resolves with what the receiver answered. */
function post(url, headers, body) {
	return new Promise((resolve) => {
		const target = new URL(url);
		const lib = target.protocol === 'https:' ? https : http;
		const req = lib.request(
			target,
			{ method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode,
						headers: res.headers,
						body: Buffer.concat(chunks).toString('utf8'),
					}),
				);
			},
		);
		req.on('error', (error) => resolve({ status: 0, error: error.message }));
		req.end(body);
	});
}

function buildCallback(state, sim, job) {
	const form = state.callbackForm || 'json';
	const ua = {
		'user-agent': 'Zaia-Export/1.0 (simulator)',
		'x-zaia-export-id': job.id,
		...(state.callbackHeaders || {}),
	};
	const fileName = `chat-messages-${job.id}.csv`;
	if (form === 'csv') {
		return {
			headers: {
				...ua,
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${fileName}"`,
			},
			body: job.csv,
		};
	}
	if (form === 'downloadUrl') {
		const downloadUrl = `${sim.baseUrl}/exports/${job.id}/download?signature=${job.signature}`;
		const payload = {
			exportId: job.id,
			status: 'completed',
			fileName,
			mimeType: 'text/csv',
			downloadUrl,
			expiresAt: iso(Date.now() + 3600000),
		};
		return {
			headers: { ...ua, 'content-type': 'application/json' },
			body: JSON.stringify(payload),
		};
	}
	if (form === 'raw') {
		return {
			headers: { ...ua, ...(state.rawCallback.headers || {}) },
			body: state.rawCallback.body,
		};
	}
	const payload = {
		exportId: job.id,
		status: 'completed',
		language: job.language,
		rangeStart: job.rangeStart,
		rangeEnd: job.rangeEnd,
		count: job.messages.length,
		messages: job.messages,
	};
	return { headers: { ...ua, 'content-type': 'application/json' }, body: JSON.stringify(payload) };
}

const lists = require('../zaia/chats')({
	errorBody,
	CHAT_ID,
	OTHER_CHAT_ID,
	THREAD_ID,
	AGENT_ID,
});

const agent = require('../zaia/agent')({ errorBody });

module.exports = {
	name: 'zaia',
	displayName: 'Zaia',
	credentialType: 'zaiaApi',
	// Allow Local Downloads: the simulator serves its export files over plain http on 127.0.0.1
	demoCredential: (baseUrl) => ({
		apiKey: API_KEY,
		baseUrl,
		testChatId: CHAT_ID,
		allowLocalDownloads: true,
	}),
	/** This provider's other credential types and their demo values (dev/examples.js imports them too). */
	moreCredentials: [
		{
			credentialType: 'zaiaTriggerApi',
			demoCredential: () => ({ secret: TRIGGER_SECRET, allowLocalDownloads: true }),
		},
		{
			credentialType: 'zaiaAgentApi',
			demoCredential: (baseUrl) => ({ apiKey: agent.AGENT_API_KEY, baseUrl }),
		},
	],
	TRIGGER_SECRET,
	API_KEY,
	WORKSPACE_ID,
	CHAT_ID,
	OTHER_CHAT_ID,
	THREAD_ID,
	TICKET_ID,
	AGENT_ID,
	USER_ID,
	CHANNEL_ID: lists.CHANNEL_ID,
	seedChatRecords: lists.seedChatRecords,
	seedThreads: lists.seedThreads,
	AGENT_API_KEY: agent.AGENT_API_KEY,
	ZAIA_AGENT_ID: agent.AGENT_ID,
	OTHER_ZAIA_AGENT_ID: agent.OTHER_AGENT_ID,
	GENERATIVE_CHAT_ID: agent.GENERATIVE_CHAT_ID,
	CHAT_EXTERNAL_ID: agent.CHAT_EXTERNAL_ID,
	seedGenerativeChats: agent.seedGenerativeChats,
	errorBody,
	rateLimitHeaders(retryAfterSeconds) {
		return { 'Retry-After': String(retryAfterSeconds) };
	},
	createState() {
		return {
			chats: new Map([
				[CHAT_ID, seedMessages()],
				[OTHER_CHAT_ID, []],
			]),
			exports: new Map(),
			/** 'json' | 'csv' | 'downloadUrl' | 'raw' (then `rawCallback: { headers, body }`). */
			callbackForm: 'json',
			callbackHeaders: {},
			callbackDelayMs: DEFAULT_CALLBACK_DELAY_MS,
			/** Every callback the simulator made: { url, form, status, body, error }. */
			callbacks: [],
			downloads: [],
			...lists.initialState(),
			...agent.initialState(),
			ignorePageNumber: false,
			/** How GET /exports/:id/download misbehaves (see the header); null: it serves the CSV. */
			downloadBehaviour: null,
			downloadSent: 0,
		};
	},
	authenticate(req, state, route) {
		if (route.public) return null;
		const value = req.headers.authorization;
		if (value === (route.agent ? `Bearer ${agent.AGENT_API_KEY}` : API_KEY)) return null;
		// each API refuses the other's form: the Public API takes the key as-is, the agent API as Bearer
		const message = !value
			? 'Missing API key.'
			: value.startsWith('Bearer ') !== Boolean(route.agent)
				? 'Invalid API key format.'
				: 'Invalid API key.';
		return {
			status: 401,
			body: errorBody(401, message, {
				enUs: 'Your API key is invalid or has been revoked. Create a new one in the workspace settings.',
			}),
		};
	},
	routes: [
		{
			method: 'GET',
			path: '/api/v1/chat-messages',
			query: schemas.getChatMessages.query,
			handle({ query, state }) {
				const messages = state.chats.get(query.chatId);
				if (!messages) {
					return {
						status: 404,
						body: errorBody(404, `Chat ${query.chatId} not found.`, {
							enUs: 'We could not find this chat.',
							cta: { type: 'support-contact', url: 'https://zaia.app/support' },
						}),
					};
				}
				const joins = asList(query.joins);
				const tickets = asList(query.ticketIds);
				const limit = Number(query.limit ?? 250);
				const list = messages
					.filter((m) => !query.chatThreadId || m.chatThreadId === query.chatThreadId)
					.filter((m) => tickets.length === 0 || tickets.includes(m._ticketId))
					.slice(0, limit)
					.map((m) => publicMessage(m, joins));
				return { status: 200, body: list };
			},
		},
		{
			method: 'POST',
			path: '/api/v1/chat-messages',
			contentType: 'application/json',
			body: schemas.createChatMessage.body,
			handle({ body, state }) {
				const messages = state.chats.get(body.chatId);
				if (!messages)
					return {
						status: 404,
						body: errorBody(404, `Chat ${body.chatId} not found.`, {
							enUs: 'We could not find this chat.',
						}),
					};
				if (state.forbiddenSenders && state.forbiddenSenders.includes(body.senderId)) {
					return {
						status: 403,
						body: errorBody(403, 'Sender not allowed in this chat.', {
							enUs: 'You are not allowed to post messages in this chat.',
						}),
					};
				}
				const now = iso(Date.now());
				const message = {
					createdAt: now,
					id: crypto.randomUUID(),
					updatedAt: now,
					chatId: body.chatId,
					chatThreadId: body.chatThreadId,
					content: body.content,
					detail: {
						attachments: body.detail.attachments.map((a) => ({
							...a,
							id: crypto.randomUUID(),
							...(a.extension === 'wav'
								? { summary: '', transcription: '' }
								: { description: `${a.extension.toUpperCase()} file` }),
						})),
						delivery: [],
						referral: null,
					},
					externalId: body.externalId,
					rawContent: null,
					role: body.role,
					senderId: body.senderId,
				};
				messages.push(message);
				return { status: 200, body: publicMessage(message, []) };
			},
		},
		{
			method: 'POST',
			path: '/api/v1/chat-messages/export',
			contentType: 'application/json',
			body: schemas.exportChatMessages.body,
			handle({ body, state, sim }) {
				const start = Date.parse(body.rangeStart);
				const end = body.rangeEnd ? Date.parse(body.rangeEnd) : Date.now();
				if (!(end > start))
					return { status: 400, body: errorBody(400, 'rangeEnd must be after rangeStart.') };
				const sixMonthsLater = new Date(start);
				sixMonthsLater.setUTCMonth(sixMonthsLater.getUTCMonth() + 6);
				if (end > sixMonthsLater.getTime() + 24 * 3600 * 1000) {
					return {
						status: 412,
						body: errorBody(412, 'Export period exceeds 6 months.', {
							code: 'EXPORT_PERIOD_TOO_LONG',
							enUs: 'The export period can be at most 6 months.',
						}),
					};
				}
				const target = new URL(body.callbackUrl);
				if (
					target.protocol !== 'https:' &&
					!(target.protocol === 'http:' && isLoopback(target.hostname))
				) {
					return { status: 400, body: errorBody(400, 'callbackUrl must be a safe HTTPS URL.') };
				}
				const messages = [...state.chats.values()]
					.flat()
					.filter((m) => {
						const at = Date.parse(m.createdAt);
						return at >= start && at <= end;
					})
					.map((m) => publicMessage(m, []));
				const job = {
					id: crypto.randomUUID(),
					signature: crypto.randomBytes(12).toString('hex'),
					rangeStart: iso(start),
					rangeEnd: iso(end),
					language: body.language || 'enUs',
					messages,
					csv: toCsv(messages),
					callbackUrl: body.callbackUrl,
				};
				state.exports.set(job.id, job);
				const form = state.callbackForm || 'json';
				const { headers, body: payload } = buildCallback(state, sim, job);
				setTimeout(async () => {
					// The simulator only ever calls this machine: other callback URLs are recorded, not called.
					const result = isLoopback(target.hostname)
						? await post(job.callbackUrl, headers, payload)
						: { status: 0, skipped: 'not a loopback address: the simulator never calls out' };
					state.callbacks.push({ url: job.callbackUrl, form, exportId: job.id, ...result });
				}, state.callbackDelayMs ?? 30);
				return {
					status: 200,
					body: { message: 'Export started. A POST will be made to callbackUrl when ready.' },
				};
			},
		},
		{
			method: 'GET',
			path: '/exports/:id/download',
			public: true,
			handle({ params, query, state }) {
				const job = state.exports.get(params.id);
				if (!job || query.signature !== job.signature) return { status: 403, body: 'Forbidden' };
				state.downloads.push(job.id);
				const how = state.downloadBehaviour || {};
				if (how.redirectTo) return { status: 302, headers: { location: how.redirectTo }, body: '' };
				if (how.bytes) {
					state.downloadSent = 0;
					const chunk = Buffer.alloc(64 * 1024, 65);
					return {
						status: 200,
						headers: { 'content-type': 'text/csv' },
						stream: (async function* () {
							while (state.downloadSent < how.bytes) {
								state.downloadSent += chunk.length;
								yield chunk;
								yield { delayMs: 1 };
							}
						})(),
					};
				}
				return {
					status: 200,
					body: Buffer.from(job.csv, 'utf8'),
					headers: {
						'content-type': 'text/csv',
						'content-disposition': `attachment; filename="chat-messages-${job.id}.csv"`,
					},
				};
			},
		},
		...lists.routes,
		...agent.routes,
	],
};
