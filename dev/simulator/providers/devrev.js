'use strict';
/**
 * DevRev (public REST API: chats.create / .get / .update, timeline-entries.create / .list,
 * dev-users.self; conversations, the other timeline-entry calls and reactions in
 * ../devrev/conversations.js).
 * Auth: a personal access token as `Authorization: Bearer <token>`.
 * Errors: `{ type, message, detail }`, plus `retry_after` on 429 and `reference_id` on 500.
 * Rate limits: 429 with Retry-After (seconds) and X-Ratelimit-Limit / -Remaining / -Reset (epoch seconds).
 * Users are accepted by display ID (DEVU-42) or by full ID (don:identity:…:devu/42); chats by
 * full ID or display ID (DM-1).
 * Timeline entries of a chat are listed oldest first, in pages of `limit` (default 50), with an
 * opaque `next_cursor` while more follow (pagination.mdx). Setting `state.repeatCursor = true`
 * makes every page answer the same next_cursor (a loop a client must stop on).
 * `seedChat(state, numbers)`, `seedComments(state, chatOrConversation, count)`,
 * `seedConversation(state, fields)` and `seedReactions(state, entryId, emoji, numbers)` fill the
 * state for tests.
 * Webhooks, their verification handshake and the signed events (a comment created through
 * timeline-entries.create or POST /sim/timeline-comments → timeline_entry_created; a conversation
 * created or updated → conversation_created / conversation_updated): ../devrev/webhooks.js.
 */
const crypto = require('crypto');
const schemas = require('../schemas/devrev.json');

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.SIMULATOR-DEVREV-PAT.c2lnbmF0dXJl';
const ORG = 'don:identity:dvrv-us-1:devo/0';
const ME_NUMBER = 42;
const ERROR_TYPES = {
	400: 'bad_request',
	401: 'unauthenticated',
	403: 'forbidden',
	404: 'not_found',
	409: 'conflict',
	429: 'too_many_requests',
	500: 'internal_error',
	503: 'service_unavailable',
};

function userId(n) {
	return `${ORG}:devu/${n}`;
}

const ME = {
	type: 'dev_user',
	id: userId(ME_NUMBER),
	display_id: `DEVU-${ME_NUMBER}`,
	display_name: 'maya.lindqvist',
	full_name: 'Maya Lindqvist',
	email: 'maya@example.com',
	state: 'active',
};

function errorBody(status, message, extra = {}) {
	const body = {
		type: ERROR_TYPES[status] || (status >= 500 ? 'internal_error' : 'bad_request'),
		message,
	};
	if (status === 429) body.retry_after = 1;
	if (status >= 500 && status !== 503) body.reference_id = crypto.randomUUID();
	return { ...body, ...extra };
}

/** The user number behind a display ID or a full ID, or undefined for anything else. */
function userNumber(entry) {
	const m =
		/^DEVU-(\d+)$/i.exec(entry) || /^don:identity:[^:]+:devo\/[^:]+:devu\/(\d+)$/.exec(entry);
	return m ? Number(m[1]) : undefined;
}

function userSummary(n) {
	return {
		type: 'dev_user',
		id: userId(n),
		display_id: `DEVU-${n}`,
		display_name: n === ME_NUMBER ? ME.display_name : `user-${n}`,
		state: 'active',
	};
}

function now() {
	return new Date().toISOString();
}

function newChat(state, numbers, fields = {}) {
	const n = ++state.counter;
	const at = now();
	return {
		type: 'dm',
		id: `don:core:dvrv-us-1:devo/0:dm/${n}`,
		display_id: `DM-${n}`,
		created_by: userSummary(ME_NUMBER),
		created_date: at,
		modified_by: userSummary(ME_NUMBER),
		modified_date: at,
		users: numbers.map(userSummary),
		...fields,
	};
}

function usersKey(numbers) {
	return [...numbers].sort((a, b) => a - b).join(',');
}

/** A default DM between these user numbers (the caller added), stored as chats.create would. */
function seedChat(state, numbers = [7]) {
	const all = numbers.includes(ME_NUMBER) ? numbers : [...numbers, ME_NUMBER];
	const chat = newChat(state, all);
	state.chats.push({ chat, request: null });
	state.defaults.set(usersKey(all), chat);
	return chat;
}

function newComment(state, chat, body, extra = {}) {
	const n = ++state.entryCounter;
	const at = now();
	const entry = {
		type: 'timeline_comment',
		id: `${chat.id}:comment/${n}`,
		display_id: `comment-${n}`,
		object: chat.id,
		object_display_id: chat.display_id,
		object_type: /:conversation\//.test(chat.id) ? 'conversation' : 'dm',
		body,
		body_type: 'text',
		visibility: 'external',
		created_by: userSummary(ME_NUMBER),
		created_date: at,
		modified_by: userSummary(ME_NUMBER),
		modified_date: at,
		...extra,
	};
	if (!state.entries.has(chat.id)) state.entries.set(chat.id, []);
	state.entries.get(chat.id).push(entry);
	return entry;
}

/** `count` comments "Message 1" … on a chat (visibility cycling external, internal). */
function seedComments(state, chat, count) {
	const out = [];
	for (let k = 1; k <= count; k++)
		out.push(
			newComment(state, chat, `Message ${k}`, { visibility: k % 2 ? 'external' : 'internal' }),
		);
	return out;
}

function findChat(state, id) {
	const entry = state.chats.find((c) => c.chat.id === id || c.chat.display_id === id);
	return entry ? entry.chat : undefined;
}

function chatNotFound(id) {
	return { status: 404, body: errorBody(404, `chat ${id} not found`) };
}

/** Users given as IDs → their numbers, or the 400 DevRev answers. */
function readUsers(users) {
	const numbers = [];
	for (const entry of users) {
		const n = userNumber(entry);
		if (n === undefined)
			return {
				error: {
					status: 400,
					body: errorBody(400, `invalid user ID: ${entry}`, { type: 'invalid_id' }),
				},
			};
		if (numbers.includes(n))
			return {
				error: {
					status: 400,
					body: errorBody(400, `user ${entry} is listed twice`, { type: 'invalid_field' }),
				},
			};
		numbers.push(n);
	}
	if (!numbers.includes(ME_NUMBER)) {
		return {
			error: {
				status: 400,
				body: errorBody(400, 'The authenticated user must be included in users', {
					type: 'invalid_field',
					detail: 'users must include the caller',
				}),
			},
		};
	}
	return { numbers };
}

function customFieldsProblem(body) {
	if (
		body.custom_fields &&
		Object.keys(body.custom_fields).length > 0 &&
		!body.custom_schema_spec
	) {
		return {
			status: 400,
			body: errorBody(400, 'custom fields need a custom_schema_spec', {
				type: 'customization_validation_error',
			}),
		};
	}
	return undefined;
}

const encodeCursor = (offset) => Buffer.from(`off:${offset}`).toString('base64url');
function decodeCursor(cursor) {
	const m = /^off:(\d+)$/.exec(Buffer.from(String(cursor), 'base64url').toString('utf8'));
	return m ? Number(m[1]) : undefined;
}

/**
 * One page of a list by `cursor` and `limit` (default 50), with `next_cursor` while more follow
 * (pagination.mdx) and `prev_cursor` after the first page; `{ error }` for a cursor it never gave.
 */
function page(state, all, query) {
	let offset = 0;
	if (query.cursor !== undefined) {
		offset = decodeCursor(query.cursor);
		if (offset === undefined)
			return {
				error: { status: 400, body: errorBody(400, 'invalid cursor', { type: 'bad_request' }) },
			};
	}
	const limit = query.limit === undefined ? 50 : Number(query.limit);
	const cursors = {};
	if (offset + limit < all.length)
		cursors.next_cursor = state.repeatCursor ? encodeCursor(limit) : encodeCursor(offset + limit);
	if (offset > 0) cursors.prev_cursor = encodeCursor(Math.max(0, offset - limit));
	return { items: all.slice(offset, offset + limit), cursors };
}

const more = require('../devrev/conversations')({
	errorBody,
	userSummary,
	ME_NUMBER,
	now,
	newComment,
	findChat,
	page,
});

/** The chat or conversation whose timeline an entry goes on. */
function findTimelineObject(state, id) {
	return findChat(state, id) || more.findConversation(state, id);
}

const hooks = require('../devrev/webhooks')({ errorBody, userSummary, ME_NUMBER, now });

/** A person's comment on a chat or conversation (created_by a user number or ID; default 7). */
function postComment(state, objectId, body, createdBy = 7) {
	const chat = findTimelineObject(state, objectId);
	if (!chat) return undefined;
	const n = typeof createdBy === 'number' ? createdBy : userNumber(String(createdBy));
	const author = userSummary(n === undefined ? 7 : n);
	const entry = newComment(state, chat, body, { created_by: author, modified_by: author });
	hooks.deliverEvent(state, 'timeline_entry_created', { entry });
	return entry;
}

/** A conversation route that also delivers its event (conversations.create / .update). */
function delivering(route, type) {
	return {
		...route,
		async handle(ctx) {
			const result = await route.handle(ctx);
			if (result && result.status < 300 && result.body && result.body.conversation)
				hooks.deliverEvent(ctx.state, type, { conversation: result.body.conversation });
			return result;
		},
	};
}

const CONVERSATION_EVENTS = {
	'/conversations.create': 'conversation_created',
	'/conversations.update': 'conversation_updated',
};

module.exports = {
	name: 'devrev',
	displayName: 'DevRev',
	credentialType: 'devRevApi',
	demoCredential: (baseUrl) => ({ accessToken: TOKEN, baseUrl }),
	TOKEN,
	ME,
	errorBody,
	rateLimitHeaders(retryAfterSeconds) {
		return {
			'Retry-After': String(retryAfterSeconds),
			'X-Ratelimit-Limit': '1000',
			'X-Ratelimit-Remaining': '0',
			'X-Ratelimit-Reset': String(Math.ceil(Date.now() / 1000 + retryAfterSeconds)),
		};
	},
	createState() {
		return {
			chats: [],
			defaults: new Map(),
			entries: new Map(),
			counter: 0,
			entryCounter: 0,
			repeatCursor: false,
			conversations: [],
			conversationCounter: 0,
			reactions: new Map(),
			/** webhooks (webhooks.js), the create requests, the calls made, those under way */
			webhooks: [],
			webhookCounter: 0,
			webhookRequests: [],
			webhookCalls: [],
			pendingWebhooks: new Set(),
		};
	},
	seedChat,
	seedComments,
	seedConversation: more.seedConversation,
	seedReactions: more.seedReactions,
	postComment,
	deliverEvent: hooks.deliverEvent,
	webhooksSettled: hooks.webhooksSettled,
	authenticate(req, state, route) {
		if (route && route.own) return null; // the simulator's own routes (webhooks.js)
		const value = req.headers.authorization;
		if (value === `Bearer ${TOKEN}`) return null;
		const detail = !value
			? 'no Authorization header'
			: value.startsWith('Bearer ')
				? 'the token is not valid'
				: 'expected "Bearer <token>"';
		return { status: 401, body: errorBody(401, 'Unauthenticated', { detail }) };
	},
	routes: [
		{
			method: 'GET',
			path: '/dev-users.self',
			handle: () => ({ status: 200, body: { dev_user: ME } }),
		},
		{
			method: 'POST',
			path: '/chats.create',
			contentType: 'application/json',
			body: schemas.chatsCreate.body,
			handle({ body, state }) {
				const read = readUsers(body.users);
				if (read.error) return read.error;
				const { numbers } = read;
				const customProblem = customFieldsProblem(body);
				if (customProblem) return customProblem;
				const key = usersKey(numbers);
				const isDefault = body.is_default !== false;
				if (isDefault && state.defaults.has(key)) {
					if (body.get_if_conflict === true)
						return { status: 201, body: { chat: state.defaults.get(key) } };
					return {
						status: 409,
						body: errorBody(409, 'A default DM already exists for these users', {
							detail: `default DM ${state.defaults.get(key).display_id}`,
						}),
					};
				}
				const chat = newChat(state, numbers, body.title !== undefined ? { title: body.title } : {});
				state.chats.push({ chat, request: body });
				if (isDefault) state.defaults.set(key, chat);
				return { status: 201, body: { chat } };
			},
		},
		{
			method: 'GET',
			path: '/chats.get',
			query: schemas.chatsGet.query,
			handle({ query, state }) {
				const chat = findChat(state, query.id);
				return chat ? { status: 200, body: { chat } } : chatNotFound(query.id);
			},
		},
		{
			method: 'POST',
			path: '/chats.get',
			contentType: 'application/json',
			body: schemas.chatsGet.body,
			handle({ body, state }) {
				if (body.type === undefined) {
					const chat = findChat(state, body.id);
					return chat ? { status: 200, body: { chat } } : chatNotFound(body.id);
				}
				const read = readUsers(body.users);
				if (read.error) return read.error;
				const chat = state.defaults.get(usersKey(read.numbers));
				return chat
					? { status: 200, body: { chat } }
					: { status: 404, body: errorBody(404, 'no default DM exists for these users') };
			},
		},
		{
			method: 'POST',
			path: '/chats.update',
			contentType: 'application/json',
			body: schemas.chatsUpdate.body,
			handle({ body, state }) {
				const chat = findChat(state, body.id);
				if (!chat) return chatNotFound(body.id);
				const customProblem = customFieldsProblem(body);
				if (customProblem) return customProblem;
				if (body.users) {
					const read = readUsers(body.users.set);
					if (read.error) return read.error;
					state.defaults.forEach((value, key) => {
						if (value === chat) state.defaults.delete(key);
					});
					chat.users = read.numbers.map(userSummary);
					state.defaults.set(usersKey(read.numbers), chat);
				}
				if (body.records) chat.records = body.records.set.map((id) => ({ id, display_id: id }));
				if (body.title !== undefined) chat.title = body.title;
				if (body.custom_fields)
					chat.custom_fields = { ...chat.custom_fields, ...body.custom_fields };
				chat.modified_date = now();
				return { status: 200, body: { chat } };
			},
		},
		{
			method: 'POST',
			path: '/timeline-entries.create',
			contentType: 'application/json',
			body: schemas.timelineEntriesCreate.body,
			handle({ body, state }) {
				const chat = findTimelineObject(state, body.object);
				if (!chat) return { status: 404, body: errorBody(404, `object ${body.object} not found`) };
				if (body.expires_at !== undefined && Date.parse(body.expires_at) < Date.now() + 60000) {
					return {
						status: 400,
						body: errorBody(400, 'expires_at must be at least a minute in the future', {
							type: 'value_not_permitted',
						}),
					};
				}
				const extra = { body_type: body.body_type || 'text' };
				if (body.visibility) extra.visibility = body.visibility;
				if (body.private_to) extra.private_to = body.private_to.map((id) => ({ id }));
				if (body.artifacts) extra.artifacts = body.artifacts.map((id) => ({ id, display_id: id }));
				if (body.expires_at) extra.expires_at = body.expires_at;
				const entry = newComment(state, chat, body.body, extra);
				hooks.deliverEvent(state, 'timeline_entry_created', { entry });
				return { status: 201, body: { timeline_entry: entry } };
			},
		},
		{
			method: 'GET',
			path: '/timeline-entries.list',
			query: schemas.timelineEntriesList.query,
			handle({ query, state }) {
				const chat = findTimelineObject(state, query.object);
				if (!chat) return { status: 404, body: errorBody(404, `object ${query.object} not found`) };
				const wanted = query.visibility ? String(query.visibility).split(',') : undefined;
				const all = (state.entries.get(chat.id) || []).filter(
					(e) => !wanted || wanted.includes(e.visibility),
				);
				const result = page(state, all, query);
				if (result.error) return result.error;
				return { status: 200, body: { timeline_entries: result.items, ...result.cursors } };
			},
		},
		...more.routes.map((route) =>
			CONVERSATION_EVENTS[route.path] && route.method === 'POST'
				? delivering(route, CONVERSATION_EVENTS[route.path])
				: route,
		),
		...hooks.routes,
		...hooks.simRoutes({ postComment }),
	],
};
