'use strict';
/**
 * Zaia simulator, chats and chat threads: GET /api/v1/chats and GET /api/v1/chat-threads, both
 * paged by `pageNumber` (from 1) and `pageSize` (default 10, at most 100) and answering a JSON
 * array. Built by providers/zaia.js with its error body. The chat records are the simulator's own
 * shape (the reference's item schema was not available): one per chat of `state.chats`, plus the
 * ones a test seeds (`seedChatRecords`); the demo chat has one thread (THREAD_ID), tests add more
 * with `seedThreads`. `state.ignorePageNumber = true` answers the first page every time.
 */
const crypto = require('crypto');
const schemas = require('../schemas/zaia.json');

module.exports = function chats({ errorBody, CHAT_ID, OTHER_CHAT_ID, THREAD_ID, AGENT_ID }) {
	const CHANNEL_ID = '7c6b5a49-3827-4161-a5f4-e3d2c1b0a998';
	const base = Date.parse('2025-03-01T10:00:00.000Z');
	const at = (minutes) => new Date(base + minutes * 60000).toISOString();

	function record(id, minutes, fields = {}) {
		return {
			createdAt: at(minutes),
			id,
			updatedAt: at(minutes),
			channelId: CHANNEL_ID,
			channelType: 'widget',
			ownerId: AGENT_ID,
			lastChatMessageCreatedAt: at(minutes + 2),
			...fields,
		};
	}

	/** The chat records and threads a fresh state starts with. */
	function initialState() {
		return {
			chatRecords: [
				record(CHAT_ID, 0),
				record(OTHER_CHAT_ID, 60, { lastChatMessageCreatedAt: null }),
			],
			threads: [
				{
					createdAt: at(2),
					id: THREAD_ID,
					updatedAt: at(2),
					chatId: CHAT_ID,
					title: 'Order #4411',
				},
			],
		};
	}

	/** `count` more chats (each in its own chat-messages list, empty), fields merged in. */
	function seedChatRecords(state, count, fields = {}) {
		const out = [];
		for (let k = 1; k <= count; k++) {
			const id = crypto.randomUUID();
			const chat = record(id, 120 + state.chatRecords.length, fields);
			state.chatRecords.push(chat);
			state.chats.set(id, []);
			out.push(chat);
		}
		return out;
	}

	/** `count` more threads of a chat. */
	function seedThreads(state, chatId, count) {
		const out = [];
		for (let k = 1; k <= count; k++) {
			const minutes = 10 + state.threads.length;
			const thread = {
				createdAt: at(minutes),
				id: crypto.randomUUID(),
				updatedAt: at(minutes),
				chatId,
				title: `Thread ${k}`,
			};
			state.threads.push(thread);
			out.push(thread);
		}
		return out;
	}

	const asList = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

	function pageOf(state, records, query) {
		const size = query.pageSize === undefined ? 10 : Number(query.pageSize);
		const number =
			state.ignorePageNumber || query.pageNumber === undefined ? 1 : Number(query.pageNumber);
		return { status: 200, body: records.slice((number - 1) * size, number * size) };
	}

	const routes = [
		{
			method: 'GET',
			path: '/api/v1/chats',
			query: schemas.getChats.query,
			handle({ query, state }) {
				const channelIds = asList(query.channelIds);
				const channelTypes = asList(query.channelTypes);
				const ownerIds = asList(query.ownerIds);
				const start = query.lastChatMessageCreatedAtStart;
				const end = query.lastChatMessageCreatedAtEnd;
				const matching = state.chatRecords.filter(
					(c) =>
						(channelIds.length === 0 || channelIds.includes(c.channelId)) &&
						(channelTypes.length === 0 || channelTypes.includes(c.channelType)) &&
						(ownerIds.length === 0 || ownerIds.includes(c.ownerId)) &&
						(!start || (c.lastChatMessageCreatedAt && c.lastChatMessageCreatedAt >= start)) &&
						(!end || (c.lastChatMessageCreatedAt && c.lastChatMessageCreatedAt <= end)),
				);
				return pageOf(state, matching, query);
			},
		},
		{
			method: 'GET',
			path: '/api/v1/chat-threads',
			query: schemas.getChatThreads.query,
			handle({ query, state }) {
				if (!state.chats.has(query.chatId))
					return {
						status: 404,
						body: errorBody(404, `Chat ${query.chatId} not found.`, {
							enUs: 'We could not find this chat.',
						}),
					};
				return pageOf(
					state,
					state.threads.filter((t) => t.chatId === query.chatId),
					query,
				);
			},
		},
	];

	return { routes, initialState, seedChatRecords, seedThreads, CHANNEL_ID };
};
