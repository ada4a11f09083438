'use strict';
/**
 * Zaia simulator, the agent API (api.zaia.app, v1.1): external generative chats (retrieve,
 * retrieve-multiple, create) and messages (create: the agent answers). Built by providers/zaia.js
 * with its error body; every route is marked `agent: true`, where providers/zaia.js accepts only
 * `Authorization: Bearer <AGENT_API_KEY>`. Schemas: ../schemas/zaia-agent.json (its $comment says
 * what the pages leave open and what the simulator does there).
 *
 * The agent answers deterministically: an order number gets the order's status, a request for a
 * person the handover sentence (chat stage "Human handover"), "catalog" a text file; e-mail
 * addresses in a prompt land in the chat's extractedData (as userEmail). Chats are found by ID or
 * by their agent's chat with that external ID (the newest); an unknown agent, chat or external ID
 * is a 404. `state.agentOffsetIsPage = true` reads `offset` as a page number from 1 (an API that
 * means the other thing), for the node's check on totalCount.
 */
const schemas = require('../schemas/zaia-agent.json');

module.exports = function agent({ errorBody }) {
	const AGENT_API_KEY = 'zaia_agent_sim_key_7d2c9b4e1a6f3e8d5c0b7a9f2e4d6c8b';
	const AGENT_ID = 20733;
	const OTHER_AGENT_ID = 456;
	const GENERATIVE_CHAT_ID = 1379951;
	const CHAT_EXTERNAL_ID = 'zaiaChat777';
	const STAGES = {
		greeting: {
			condition: 'the user says hello or asks for help',
			id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
			name: 'Greeting',
			objective: 'find out what the user needs',
		},
		order: {
			condition: 'the user asks about an order',
			id: '0c6a8f2e-4b1d-4e7a-9c3f-5d2e1b0a9f8e',
			name: 'Order status',
			objective: 'tell the user where the order is',
		},
		handover: {
			condition: 'the user asks for a person',
			id: '7e5d4c3b-2a19-4f08-8e7d-6c5b4a392817',
			name: 'Human handover',
			objective: 'hand the conversation to the support team',
		},
	};

	function initialState() {
		return {
			generativeChats: [
				{
					id: GENERATIVE_CHAT_ID,
					channel: 'widget',
					agentId: AGENT_ID,
					createdAt: '2024-08-06T22:04:08.672Z',
					status: 'active',
					externalId: CHAT_EXTERNAL_ID,
					phoneNumber: null,
					extractedData: {},
				},
				{
					id: GENERATIVE_CHAT_ID + 1,
					channel: 'whatsapp',
					agentId: OTHER_AGENT_ID,
					createdAt: '2024-08-07T09:15:00.000Z',
					status: 'active',
					externalId: null,
					phoneNumber: '5511999999999',
					extractedData: {},
				},
			],
			generativeMessages: [],
			nextGenerativeChatId: GENERATIVE_CHAT_ID + 100,
			nextGenerativeMessageId: 5001,
			agentOffsetIsPage: false,
		};
	}

	/** `count` more chats of an agent (the ones a test pages through). */
	function seedGenerativeChats(state, count, agentId = AGENT_ID) {
		const out = [];
		for (let k = 0; k < count; k++) out.push(newChat(state, agentId, null, 'widget'));
		return out;
	}

	function newChat(state, agentId, externalId, channel = 'api') {
		const chat = {
			id: state.nextGenerativeChatId++,
			channel,
			agentId,
			createdAt: new Date(
				Date.parse('2025-03-01T10:00:00.000Z') + state.generativeChats.length * 1000,
			).toISOString(),
			status: 'active',
			externalId,
			phoneNumber: null,
			extractedData: {},
		};
		state.generativeChats.push(chat);
		return chat;
	}

	const single = ({ id, channel, agentId, createdAt, status, externalId }) => ({
		id,
		channel,
		agentId,
		createdAt,
		status,
		externalId,
	});
	const listed = ({ id, channel, agentId, createdAt, status, phoneNumber }) => ({
		id,
		channel,
		agentId,
		createdAt,
		status,
		phoneNumber,
	});

	const notFound = (what) => ({
		status: 404,
		body: errorBody(404, `${what} not found.`, {
			enUs: `We could not find this ${what.toLowerCase()}.`,
		}),
	});
	const knownAgent = (agentId) => agentId === AGENT_ID || agentId === OTHER_AGENT_ID;

	function answer(prompt, asMarkdown) {
		const order = /order\s*#?\s*(\d+)/i.exec(prompt);
		if (/\b(human|person|someone|atendente|humano)\b/i.test(prompt))
			return {
				stage: STAGES.handover,
				text: asMarkdown
					? 'I am handing you over to **our support team**: a person will answer here shortly.'
					: 'I am handing you over to our support team: a person will answer here shortly.',
			};
		if (order)
			return {
				stage: STAGES.order,
				text: asMarkdown
					? `**Order #${order[1]}** left our warehouse yesterday; it should arrive tomorrow.`
					: `Order #${order[1]} left our warehouse yesterday; it should arrive tomorrow.`,
			};
		return { stage: STAGES.greeting, text: 'Hi! I am the Zaian Assistant! How can I help?' };
	}

	const routes = [
		{
			method: 'GET',
			path: '/v1.1/api/external-generative-chat/retrieve',
			agent: true,
			query: schemas.retrieveChat.query,
			handle({ query, state }) {
				const chat = state.generativeChats.find((c) => c.id === Number(query.id));
				return chat ? { status: 200, body: single(chat) } : notFound('Chat');
			},
		},
		{
			method: 'GET',
			path: '/v1.1/api/external-generative-chat/retrieve-multiple',
			agent: true,
			query: schemas.retrieveChats.query,
			handle({ query, state }) {
				const agents = query.agentIds ? String(query.agentIds).split(',').map(Number) : [];
				const matching = state.generativeChats.filter(
					(c) => agents.length === 0 || agents.includes(c.agentId),
				);
				const limit = query.limit === undefined ? 10 : Number(query.limit);
				const offset = query.offset === undefined ? 0 : Number(query.offset);
				const start = state.agentOffsetIsPage ? Math.max(offset - 1, 0) * limit : offset;
				return {
					status: 200,
					body: {
						externalGenerativeChats: matching.slice(start, start + limit).map(listed),
						hasNextPage: start + limit < matching.length,
						totalCount: matching.length,
					},
				};
			},
		},
		{
			method: 'POST',
			path: '/v1.1/api/external-generative-chat/create',
			agent: true,
			contentType: 'application/json',
			body: schemas.createChat.body,
			handle({ body, state }) {
				if (!knownAgent(body.agentId)) return notFound('Agent');
				const chat = newChat(state, body.agentId, body.externalId ?? null);
				return { status: 200, body: single(chat) };
			},
		},
		{
			method: 'POST',
			path: '/v1.1/api/external-generative-message/create',
			agent: true,
			contentType: 'application/json',
			body: schemas.createMessage.body,
			handle({ body, state }) {
				if (!knownAgent(body.agentId)) return notFound('Agent');
				let chat;
				if (body.externalGenerativeChatId !== undefined) {
					chat = state.generativeChats.find(
						(c) => c.id === body.externalGenerativeChatId && c.agentId === body.agentId,
					);
				} else if (body.externalGenerativeChatExternalId !== undefined) {
					chat = state.generativeChats
						.filter(
							(c) =>
								c.agentId === body.agentId &&
								c.externalId === body.externalGenerativeChatExternalId,
						)
						.at(-1);
				} else {
					return {
						status: 400,
						body: errorBody(
							400,
							'externalGenerativeChatId or externalGenerativeChatExternalId is required.',
						),
					};
				}
				if (!chat) return notFound('Chat');
				for (const email of body.prompt.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? [])
					chat.extractedData.userEmail = email;
				const { stage, text } = answer(body.prompt, body.asMarkdown === true);
				const message = {
					createdAt: new Date().toISOString(),
					externalGenerativeChatId: chat.id,
					id: state.nextGenerativeMessageId++,
					text,
					chatStage: stage,
					extractedData: { ...chat.extractedData },
					files: /catalog/i.test(body.prompt)
						? [
								{
									data: Buffer.from('Zaia demo catalog\n').toString('base64'),
									name: 'catalog.txt',
									type: 'text/plain',
								},
							]
						: [],
				};
				state.generativeMessages.push({ ...message, prompt: body.prompt, custom: body.custom });
				return { status: 200, body: message };
			},
		},
	];

	return {
		routes,
		initialState,
		seedGenerativeChats,
		AGENT_API_KEY,
		AGENT_ID,
		OTHER_AGENT_ID,
		GENERATIVE_CHAT_ID,
		CHAT_EXTERNAL_ID,
	};
};
