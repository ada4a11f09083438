'use strict';
const { uuidFrom } = require('../random');
/**
 * The Dify simulator's conversations, messages, variables, feedback, suggested questions and app
 * meta: the routes the Dify node's Conversation, Message Feedback, App and Chat Message → Get
 * Suggested Questions operations call, spread into providers/dify.js's routes.
 *
 * Their store lives in the simulator's state (`state.difyResources`, made on first use), so it is
 * reset with the rest of the state. It starts with the docs' examples (user `abc-123`, conversation
 * 45701982-…, message 9da23599-…, variable a1b2c3d4-…, the two app feedbacks), and every reply the
 * answer composer (./answers.js) gives is recorded into it, so a conversation started in the demo
 * can be listed, read, renamed, rated and deleted afterwards. Tests add records with the `seed*`
 * helpers.
 *
 * Paging, as the docs describe it: conversations and variables after `last_id` (the last id of the
 * previous page); messages before `first_id` (the first, i.e. oldest, id of the previous page);
 * feedbacks by `page` number. Set `store.repeatCursor = true` to make the cursor pages repeat (the
 * first page again, with `has_more: true`), for the node's loop guard.
 */
const schemas = require('../schemas/dify-resources.json');
const { composeReply, suggestionsFor } = require('./answers');

const DOCS_USER = 'abc-123';
const DOCS_CONVERSATION = '45701982-8118-4bc5-8e9b-64562b4555f2';
const DOCS_MESSAGE = '9da23599-e713-473b-982c-4328d4f5c78a';
const DOCS_VARIABLE = 'a1b2c3d4-5678-90ab-cdef-1234567890ab';
const APP_ID = 'a1b2c3d4-5678-90ab-cdef-1234567890ab';

function fail(status, code, message) {
	return { status, body: { code, message, status } };
}

function createStore() {
	const store = {
		conversations: new Map(),
		feedbacks: [],
		repeatCursor: false,
		suggestionsDisabled: false,
		sequence: 0,
	};
	const conversation = addConversation(store, {
		id: DOCS_CONVERSATION,
		user: DOCS_USER,
		name: 'iPhone Specs Chat',
		inputs: { city: 'San Francisco' },
		created_at: 1705407629,
		updated_at: 1705411229,
	});
	addMessage(store, conversation, {
		id: DOCS_MESSAGE,
		query: 'What are the specs of the iPhone 13 Pro Max?',
		answer: 'iPhone 13 Pro Max specs are listed here:...',
		topic: 'iphone',
		created_at: 1705407629,
		feedback: { rating: 'like' },
	});
	conversation.variables.push({
		id: DOCS_VARIABLE,
		name: 'user_preference',
		value_type: 'string',
		value: 'dark_mode',
		description: 'User preference setting',
		created_at: 1705407629,
		updated_at: 1705411229,
	});
	store.feedbacks.push(
		{
			id: 'b7e2f8a1-3c4d-5e6f-7890-abcdef123456',
			app_id: APP_ID,
			conversation_id: DOCS_CONVERSATION,
			message_id: DOCS_MESSAGE,
			rating: 'like',
			content: 'The response accurately answered my question about product specifications.',
			from_source: 'user',
			from_end_user_id: 'f1e2d3c4-b5a6-7890-abcd-ef1234567890',
			from_account_id: null,
			created_at: '2025-01-16T14:30:29Z',
			updated_at: '2025-01-16T14:30:29Z',
		},
		{
			id: 'c8f3a9b2-4d5e-6f70-8901-bcdef2345678',
			app_id: APP_ID,
			conversation_id: '56812a93-9229-5cd6-9f0c-75673b666603',
			message_id: 'ae24b5c0-f814-584d-a493-5439e5d6b7b1',
			rating: 'dislike',
			content: 'The answer was too vague and did not address the specific pricing question.',
			from_source: 'user',
			from_end_user_id: 'd2c1b0a9-8765-4321-fedc-ba9876543210',
			from_account_id: null,
			created_at: '2025-01-15T09:12:45Z',
			updated_at: '2025-01-15T09:12:45Z',
		},
	);
	return store;
}

/** The resources store of a simulator state (made on first use). */
function storeOf(state) {
	if (!state.difyResources) state.difyResources = createStore();
	return state.difyResources;
}

function addConversation(store, fields) {
	const conversation = {
		id: fields.id,
		user: fields.user,
		name: fields.name ?? 'New conversation',
		inputs: fields.inputs ?? {},
		status: 'normal',
		introduction: fields.introduction ?? '',
		created_at: fields.created_at,
		updated_at: fields.updated_at ?? fields.created_at,
		messages: [],
		variables: [],
	};
	store.conversations.set(conversation.id, conversation);
	return conversation;
}

function addMessage(store, conversation, fields) {
	const message = {
		id: fields.id,
		conversation_id: conversation.id,
		parent_message_id: conversation.messages.length
			? conversation.messages[conversation.messages.length - 1].id
			: null,
		inputs: conversation.inputs,
		query: fields.query,
		answer: fields.answer,
		status: 'normal',
		error: null,
		message_files: [],
		feedback: fields.feedback ?? null,
		retriever_resources: [],
		agent_thoughts: [],
		created_at: fields.created_at,
		extra_contents: [],
		message_tokens: fields.message_tokens ?? 40,
		answer_tokens: fields.answer_tokens ?? 20,
		total_tokens: (fields.message_tokens ?? 40) + (fields.answer_tokens ?? 20),
		provider_response_latency: 0.5,
		total_price: '0.0001200',
		currency: 'USD',
	};
	Object.defineProperty(message, 'topic', { value: fields.topic, enumerable: false });
	conversation.messages.push(message);
	conversation.updated_at = Math.max(conversation.updated_at, fields.created_at);
	return message;
}

/** Earlier turns of a conversation, oldest first, for the answer composer. */
function historyOf(state, conversationId) {
	const conversation = storeOf(state).conversations.get(conversationId);
	if (!conversation) return [];
	return conversation.messages.map((m) => ({ query: m.query, answer: m.answer, topic: m.topic }));
}

/** Record one composed reply (see ./answers.js) as Dify would store it. */
function recordExchange(state, { user, query, inputs, reply }) {
	const store = storeOf(state);
	let conversation = store.conversations.get(reply.conversation_id);
	if (!conversation) {
		conversation = addConversation(store, {
			id: reply.conversation_id,
			user,
			name: query.trim().slice(0, 40).trim() || 'New conversation',
			inputs,
			created_at: reply.created_at,
		});
	}
	addMessage(store, conversation, {
		id: reply.message_id,
		query,
		answer: reply.answer,
		topic: reply.topic,
		created_at: reply.created_at,
		message_tokens: reply.usage.prompt_tokens,
		answer_tokens: reply.usage.completion_tokens,
	});
}

/**
 * The composed reply to a chat request without a directive (see ./answers.js), recorded in the
 * store and in providers/dify.js's set of known conversations. `turn` numbers the reply.
 */
function composedReply(state, body, turn) {
	const reply = composeReply({
		query: body.query,
		history: body.conversation_id ? historyOf(state, body.conversation_id) : [],
		turn,
		conversationId: body.conversation_id,
	});
	recordExchange(state, { user: body.user, query: body.query, inputs: body.inputs, reply });
	if (state.conversations instanceof Set) state.conversations.add(reply.conversation_id);
	return reply;
}

/** Test helper: `count` conversations for `user`, updated one minute apart; returns their ids, newest first. */
function seedConversations(state, user, count) {
	const store = storeOf(state);
	const ids = [];
	for (let i = 0; i < count; i++) {
		const n = ++store.sequence;
		const conversation = addConversation(store, {
			id: uuidFrom('5eed0c0a', n),
			user,
			name: `Seeded conversation ${i + 1}`,
			created_at: 1700000000 + n * 60,
		});
		ids.unshift(conversation.id);
	}
	return ids;
}

/** Test helper: a conversation for `user` with `count` messages, one minute apart; returns its id and the message ids, oldest first. */
function seedMessages(state, user, count) {
	const store = storeOf(state);
	const [conversationId] = seedConversations(state, user, 1);
	const conversation = store.conversations.get(conversationId);
	const ids = [];
	for (let i = 0; i < count; i++) {
		const n = ++store.sequence;
		const message = addMessage(store, conversation, {
			id: uuidFrom('5eed0e55', n),
			query: `Question ${i + 1}`,
			answer: `Answer ${i + 1}`,
			created_at: 1700000000 + n * 60,
		});
		ids.push(message.id);
	}
	return { conversationId, messageIds: ids };
}

/** Test helper: a conversation for `user` with `count` variables (or the given ones); returns its id and the variables. */
function seedVariables(state, user, variables) {
	const store = storeOf(state);
	const [conversationId] = seedConversations(state, user, 1);
	const conversation = store.conversations.get(conversationId);
	const list =
		typeof variables === 'number' ? Array.from({ length: variables }, () => ({})) : variables;
	for (const [i, fields] of list.entries()) {
		const n = ++store.sequence;
		conversation.variables.push({
			id: uuidFrom('5eedfa00', n),
			name: fields.name ?? `variable_${i + 1}`,
			value_type: fields.value_type ?? 'string',
			value: fields.value ?? `value ${i + 1}`,
			description: fields.description ?? '',
			created_at: 1700000000 + n * 60,
			updated_at: 1700000000 + n * 60,
		});
	}
	return { conversationId, variables: conversation.variables };
}

/** Test helper: `count` more app feedbacks (newest first after the docs' two). */
function seedFeedbacks(state, count) {
	const store = storeOf(state);
	for (let i = 0; i < count; i++) {
		const n = ++store.sequence;
		store.feedbacks.push({
			id: uuidFrom('5eedfeed', n),
			app_id: APP_ID,
			conversation_id: uuidFrom('5eed0c0a', n),
			message_id: uuidFrom('5eed0e55', n),
			rating: i % 2 ? 'dislike' : 'like',
			content: null,
			from_source: 'user',
			from_end_user_id: uuidFrom('5eedeeee', n),
			from_account_id: null,
			created_at: '2025-01-01T00:00:00Z',
			updated_at: '2025-01-01T00:00:00Z',
		});
	}
	return store.feedbacks.map((f) => f.id);
}

function publicConversation(conversation) {
	const { messages, variables, user, ...fields } = conversation;
	return fields;
}

/** A conversation the request's user may see, or the documented 404. */
function conversationFor(store, id, user) {
	const conversation = store.conversations.get(id);
	if (!conversation || conversation.user !== (user ?? 'DEFAULT-USER')) return undefined;
	return conversation;
}

function messageFor(store, id, user) {
	for (const conversation of store.conversations.values()) {
		if (conversation.user !== user) continue;
		const message = conversation.messages.find((m) => m.id === id);
		if (message) return { conversation, message };
	}
	return undefined;
}

const SORTS = {
	created_at: (a, b) => a.created_at - b.created_at,
	'-created_at': (a, b) => b.created_at - a.created_at,
	updated_at: (a, b) => a.updated_at - b.updated_at,
	'-updated_at': (a, b) => b.updated_at - a.updated_at,
};

/** One page after `lastId` in `list` (ordered), or the documented error when the cursor is unknown. */
function pageAfter(store, list, lastId, limit) {
	let start = 0;
	if (lastId !== undefined && !store.repeatCursor) {
		const at = list.findIndex((entry) => entry.id === lastId);
		if (at === -1) return undefined;
		start = at + 1;
	}
	const data = list.slice(start, start + limit);
	return { limit, has_more: store.repeatCursor || start + limit < list.length, data };
}

const routes = [
	{
		method: 'GET',
		path: '/conversations',
		query: schemas.conversationsQuery,
		handle({ query, state }) {
			const store = storeOf(state);
			const user = query.user ?? 'DEFAULT-USER';
			const limit = query.limit ?? 20;
			const list = [...store.conversations.values()]
				.filter((c) => c.user === user)
				.sort(SORTS[query.sort_by ?? '-updated_at']);
			const page = pageAfter(store, list, query.last_id, limit);
			if (!page) return fail(404, 'not_found', 'Last Conversation Not Exists.');
			return { status: 200, body: { ...page, data: page.data.map(publicConversation) } };
		},
	},
	{
		method: 'GET',
		path: '/messages',
		query: schemas.messagesQuery,
		handle({ query, state }) {
			const store = storeOf(state);
			const conversation = conversationFor(store, query.conversation_id, query.user);
			if (!conversation) return fail(404, 'not_found', 'Conversation Not Exists.');
			const limit = query.limit ?? 20;
			const messages = conversation.messages;
			let end = messages.length;
			if (query.first_id !== undefined && !store.repeatCursor) {
				end = messages.findIndex((m) => m.id === query.first_id);
				if (end === -1) return fail(404, 'not_found', 'First Message Not Exists.');
			}
			const start = Math.max(0, end - limit);
			return {
				status: 200,
				body: {
					limit,
					has_more: store.repeatCursor || start > 0,
					// each page in chronological order, the page before `first_id` (the oldest of the last page)
					data: messages.slice(start, end),
				},
			};
		},
	},
	{
		method: 'POST',
		path: '/conversations/:conversation_id/name',
		contentType: 'application/json',
		params: schemas.conversationParams,
		body: schemas.renameRequest,
		handle({ params, body, state }) {
			const store = storeOf(state);
			const conversation = conversationFor(store, params.conversation_id, body.user);
			if (!conversation) return fail(404, 'not_found', 'Conversation Not Exists.');
			if (body.auto_generate === true) {
				if (conversation.messages.length === 0) return fail(400, 'invalid_param', '');
				const first = conversation.messages[0].query.trim().replace(/\s+/g, ' ');
				conversation.name = first.length > 30 ? `${first.slice(0, 30)}...` : first;
			} else {
				if (typeof body.name !== 'string' || body.name.trim() === '')
					return fail(400, 'invalid_param', 'name is required when auto_generate is false');
				conversation.name = body.name;
			}
			conversation.updated_at = Math.max(
				conversation.updated_at + 1,
				Math.floor(Date.now() / 1000),
			);
			return { status: 200, body: publicConversation(conversation) };
		},
	},
	{
		method: 'DELETE',
		path: '/conversations/:conversation_id',
		contentType: 'application/json',
		params: schemas.conversationParams,
		body: schemas.deleteRequest,
		handle({ params, body, state }) {
			const store = storeOf(state);
			const conversation = conversationFor(store, params.conversation_id, body.user);
			if (!conversation) return fail(404, 'not_found', 'Conversation Not Exists.');
			store.conversations.delete(conversation.id);
			// a later chat message in it is refused as Dify does (providers/dify.js's known set)
			if (state.conversations instanceof Set) state.conversations.delete(conversation.id);
			return { status: 204, body: undefined };
		},
	},
	{
		method: 'GET',
		path: '/conversations/:conversation_id/variables',
		params: schemas.conversationParams,
		query: schemas.variablesQuery,
		handle({ params, query, state }) {
			const store = storeOf(state);
			const conversation = conversationFor(store, params.conversation_id, query.user);
			if (!conversation) return fail(404, 'not_found', 'Conversation Not Exists.');
			const list = conversation.variables.filter(
				(v) => query.variable_name === undefined || v.name === query.variable_name,
			);
			const page = pageAfter(store, list, query.last_id, query.limit ?? 20);
			if (!page) return fail(400, 'invalid_param', '');
			return { status: 200, body: page };
		},
	},
	{
		method: 'PUT',
		path: '/conversations/:conversation_id/variables/:variable_id',
		contentType: 'application/json',
		params: schemas.variableParams,
		body: schemas.variableUpdateRequest,
		handle({ params, body, state }) {
			const store = storeOf(state);
			const conversation = conversationFor(store, params.conversation_id, body.user);
			if (!conversation) return fail(404, 'not_found', 'Conversation Not Exists.');
			const variable = conversation.variables.find((v) => v.id === params.variable_id);
			if (!variable) return fail(404, 'not_found', 'Conversation Variable Not Exists.');
			const given = typeOfValue(body.value);
			if (!valueFits(variable.value_type, body.value))
				return fail(
					400,
					'bad_request',
					`Type mismatch: variable '${variable.name}' expects ${variable.value_type}, but got ${given} type`,
				);
			variable.value = body.value;
			variable.updated_at = Math.max(variable.updated_at + 1, Math.floor(Date.now() / 1000));
			return { status: 200, body: variable };
		},
	},
	{
		method: 'POST',
		path: '/messages/:message_id/feedbacks',
		contentType: 'application/json',
		params: schemas.messageParams,
		body: schemas.feedbackRequest,
		handle({ params, body, state }) {
			const store = storeOf(state);
			const found = messageFor(store, params.message_id, body.user);
			if (!found) return fail(404, 'not_found', 'Message Not Exists.');
			const { conversation, message } = found;
			const rating = body.rating ?? null;
			const index = store.feedbacks.findIndex((f) => f.message_id === message.id);
			if (rating === null) {
				if (!message.feedback) return fail(400, 'invalid_param', 'Feedback not exists.');
				message.feedback = null;
				if (index !== -1) store.feedbacks.splice(index, 1);
				return { status: 200, body: { result: 'success' } };
			}
			const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
			const entry = {
				id: index === -1 ? uuidFrom('feedbac0', ++store.sequence) : store.feedbacks[index].id,
				app_id: APP_ID,
				conversation_id: conversation.id,
				message_id: message.id,
				rating,
				content: body.content ?? null,
				from_source: 'user',
				from_end_user_id: uuidFrom('e0d05e40', conversation.user.length),
				from_account_id: null,
				created_at: index === -1 ? now : store.feedbacks[index].created_at,
				updated_at: now,
			};
			if (index !== -1) store.feedbacks.splice(index, 1);
			store.feedbacks.unshift(entry);
			message.feedback = { rating };
			return { status: 200, body: { result: 'success' } };
		},
	},
	{
		method: 'GET',
		path: '/app/feedbacks',
		query: schemas.feedbacksQuery,
		handle({ query, state }) {
			const store = storeOf(state);
			const page = query.page ?? 1;
			const limit = query.limit ?? 20;
			return {
				status: 200,
				body: { data: store.feedbacks.slice((page - 1) * limit, page * limit) },
			};
		},
	},
	{
		method: 'GET',
		path: '/messages/:message_id/suggested',
		params: schemas.messageParams,
		query: schemas.suggestedQuery,
		handle({ params, query, state }) {
			const store = storeOf(state);
			if (store.suggestionsDisabled)
				return fail(400, 'bad_request', 'Suggested Questions Is Disabled.');
			const found = messageFor(store, params.message_id, query.user);
			if (!found) return fail(404, 'not_found', 'Message Not Exists.');
			return {
				status: 200,
				body: { result: 'success', data: suggestionsFor(found.message.topic, found.message.query) },
			};
		},
	},
	{
		method: 'GET',
		path: '/meta',
		handle: () => ({
			status: 200,
			body: {
				tool_icons: {
					dalle3: 'https://example.com/icons/dalle3.png',
					calculator: { background: '#4A90D9', content: '\u{1F9EE}' },
				},
			},
		}),
	},
];

function typeOfValue(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'object') return 'object';
	return typeof value;
}

/** Whether a value fits a conversation variable's `value_type` (Dify checks it on update). */
function valueFits(valueType, value) {
	const array = /^array\[(\w+)\]$/.exec(valueType);
	if (array) {
		if (!Array.isArray(value)) return false;
		return array[1] === 'any' || value.every((entry) => valueFits(array[1], entry));
	}
	switch (valueType) {
		case 'string':
		case 'secret':
			return typeof value === 'string';
		case 'number':
			return typeof value === 'number';
		case 'boolean':
			return typeof value === 'boolean';
		case 'object':
		case 'file':
			return typeOfValue(value) === 'object';
		default:
			return true;
	}
}

module.exports = {
	routes,
	storeOf,
	historyOf,
	recordExchange,
	composedReply,
	seedConversations,
	seedMessages,
	seedVariables,
	seedFeedbacks,
	DOCS_USER,
	DOCS_CONVERSATION,
	DOCS_MESSAGE,
	DOCS_VARIABLE,
};
