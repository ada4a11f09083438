'use strict';
/**
 * Gravity Rail (API v2, workspace chats: create, find-or-create DM, list, get, update (with the
 * chat's state), add a participant; workspace members: list, get; and the current member).
 * Auth: an API key as `Authorization: Bearer <key>`.
 * Errors: not documented beyond their statuses; answered as `{ detail }` (a list of
 * `{ loc, msg, type }` for body validation).
 * Rate limits: not documented; 429 with Retry-After (seconds).
 *
 * The workspace holds members (101 is the API key's own member, 505 a supervising operator, 900
 * an assistant), one
 * workflow (7, published versions 1 and 2), phone number 21, inbox 31 and site 41. Member 303
 * has opted out of messages and member 404 has no phone or email, so an initial message to
 * them fails with initialMessageError while the chat is still created. A phone-voice chat with
 * a workflow and the assistant on is recorded in state.outboundCalls.
 *
 * The list (GET /chats) pages by limit/offset and answers a bare array, oldest chat first — the
 * docs are silent, so this is the node's guess. `state.listShape = 'wrapped'` answers
 * `{ chats, total }` instead; `state.ignoreOffset = true` answers the first page every time (an API
 * a client must not loop on). `seedChats(state, count, fields)` adds web chats for tests. GET
 * /members pages the same way (`{ members, total }` when wrapped); `seedMembers(state, count)` adds
 * members 1001… for tests. A chat starts `active`; an update may set `state` (paused, muted,
 * archived, active: the node's guess at the field, see schemas/gravityrail.json).
 *
 * Event Rules with a Webhook action (the Gravity Rail Trigger): ../gravityrail/eventRules.js; a
 * test registers one with `addEventRule` and makes an event happen with `emitEvent`; a chat
 * created through the API delivers `chat:created` (the event's name is the simulator's guess).
 */
const crypto = require('crypto');
const schemas = require('../schemas/gravityrail.json');
const {
	RETRY,
	addEventRule,
	emitEvent,
	eventRuleFromEnv,
	eventRuleRoutes,
	sign,
	webhooksSettled,
} = require('../gravityrail/eventRules');

const API_KEY = 'gr_live_SIMULATORKEYGRAVITYRAIL000000000001';
const WORKSPACE_UUID = '3f1c2a9e-5b7d-4e2f-9a1b-0c8d7e6f5a41';
const WORKSPACE = { uuid: WORKSPACE_UUID, name: 'Sim Clinic' };
/** The Gravity Rail Trigger credential of the demo and the tests: the Event Rule's signing secret. */
const TRIGGER_SECRET = 'grwh_SIMULATORSIGNINGSECRET0000000000001';
const MEMBERS = {
	101: {
		id: '101',
		name: 'Sim Operator',
		role: 'operator',
		kind: 'human',
		phone: '+15550000101',
		email: 'operator@example.com',
	},
	202: {
		id: '202',
		name: 'Pat Member',
		role: 'member',
		kind: 'human',
		phone: '+15550000202',
		email: 'pat@example.com',
	},
	303: {
		id: '303',
		name: 'Opted Out',
		role: 'member',
		kind: 'human',
		phone: '+15550000303',
		email: 'out@example.com',
		optedOut: true,
	},
	404: { id: '404', name: 'No Contact', role: 'member', kind: 'human' },
	505: {
		id: '505',
		name: 'Sam Supervisor',
		role: 'operator',
		kind: 'human',
		email: 'sam@example.com',
	},
	900: { id: '900', name: 'Rail Assistant', role: 'assistant', kind: 'agent' },
};
const ME = MEMBERS[101];
const WORKFLOWS = { 7: { id: '7', name: 'Intake', publishedVersions: [1, 2] } };
const PHONE_NUMBERS = ['21'];
const INBOXES = ['31'];
const SITES = ['41'];

function errorBody(status, message) {
	return { detail: message };
}

function notFound(what, id) {
	return { status: 404, body: errorBody(404, `${what} ${id} not found`) };
}

function participant(member, role) {
	return { memberId: member.id, name: member.name, role };
}

function newChat(state, fields) {
	const n = ++state.counter;
	const now = new Date().toISOString();
	return {
		id: String(5000 + n),
		uuid: crypto.randomUUID(),
		workspaceUuid: WORKSPACE_UUID,
		messageCount: 0,
		unreadCount: 0,
		isTest: false,
		title: null,
		createdAt: now,
		updatedAt: now,
		ownerMemberId: ME.id,
		initialMessageError: null,
		state: 'active',
		...fields,
	};
}

/** Why an operator's initial message could not go out, as a PHI-free reason code, or null. */
function initialMessageProblem(channel, member) {
	if (member.optedOut) return 'recipient_opted_out';
	if (channel === 'phone-sms' && !member.phone) return 'missing_phone';
	if (channel === 'email' && !member.email) return 'missing_email';
	return null;
}

/** `count` web chats for the operator (titles "Chat 1" …), as Create would store them. */
function seedChats(state, count, fields = {}) {
	const out = [];
	for (let k = 1; k <= count; k++) {
		const chat = newChat(state, {
			channel: 'web-chat',
			chatType: 'simple',
			title: `Chat ${k}`,
			memberId: ME.id,
			assistantEnabled: true,
			participants: [participant(ME, 'owner')],
			...fields,
		});
		state.chats.push(chat);
		out.push(chat);
	}
	return out;
}

function findChat(state, id) {
	return state.chats.find((chat) => chat.id === String(id));
}

/** The workspace's members: the fixed ones, then those a test seeded. */
function allMembers(state) {
	return [...Object.values(MEMBERS), ...state.members];
}

function findMember(state, id) {
	return allMembers(state).find((member) => member.id === String(id));
}

/** A member as the API answers it (the simulator's own flags left out). */
function publicMember({ optedOut, ...member }) {
	return { workspaceUuid: WORKSPACE_UUID, ...member };
}

/** `count` more human members, IDs 1001…, named "Member 1" …. */
function seedMembers(state, count) {
	const out = [];
	for (let k = 1; k <= count; k++) {
		const member = {
			id: String(1000 + state.members.length + 1),
			name: `Member ${state.members.length + 1}`,
			role: 'member',
			kind: 'human',
		};
		state.members.push(member);
		out.push(member);
	}
	return out;
}

/** One page by limit/offset, as GET /chats and GET /members answer it (see the header). */
function listPage(state, records, query, key) {
	const limit = query.limit === undefined ? 50 : Number(query.limit);
	const offset = state.ignoreOffset || query.offset === undefined ? 0 : Number(query.offset);
	const page = records.slice(offset, offset + limit);
	return {
		status: 200,
		body: state.listShape === 'wrapped' ? { [key]: page, total: records.length } : page,
	};
}

module.exports = {
	name: 'gravityrail',
	displayName: 'Gravity Rail',
	credentialType: 'gravityRailApi',
	demoCredential: (baseUrl) => ({ apiKey: API_KEY, workspaceUuid: WORKSPACE_UUID, baseUrl }),
	moreCredentials: [
		{
			credentialType: 'gravityRailTriggerApi',
			demoCredential: () => ({ secret: TRIGGER_SECRET, requireSignature: true }),
		},
	],
	API_KEY,
	WORKSPACE_UUID,
	WORKSPACE,
	TRIGGER_SECRET,
	RETRY,
	addEventRule,
	/** An event in the simulated workspace, delivered to the rules listening for it. */
	emitEvent: (state, event, data, options) => emitEvent(state, WORKSPACE, event, data, options),
	sign,
	webhooksSettled,
	ME,
	errorBody,
	rateLimitHeaders(retryAfterSeconds) {
		return { 'Retry-After': String(retryAfterSeconds) };
	},
	createState() {
		const state = {
			chats: [],
			dms: new Map(),
			outboundCalls: [],
			counter: 0,
			listShape: 'array',
			ignoreOffset: false,
			members: [],
			participantCounter: 0,
			/** Event Rules with a Webhook action (eventRules.js), every call made, those under way */
			eventRules: [],
			webhookCalls: [],
			pendingWebhooks: new Set(),
		};
		eventRuleFromEnv(state, { secret: TRIGGER_SECRET });
		return state;
	},
	seedChats,
	seedMembers,
	authenticate(req, state, route) {
		if (route && route.own) return null; // the simulator's own routes (eventRules.js)
		const value = req.headers.authorization;
		if (value === `Bearer ${API_KEY}`) return null;
		return { status: 401, body: errorBody(401, value ? 'Invalid API key' : 'Not authenticated') };
	},
	routes: [
		...eventRuleRoutes({ errorBody, workspace: WORKSPACE, schemas }),
		{
			method: 'GET',
			path: '/api/v2/w/:workspace_uuid/me',
			params: schemas.workspaceParams,
			handle({ params }) {
				if (params.workspace_uuid !== WORKSPACE_UUID)
					return notFound('Workspace', params.workspace_uuid);
				return {
					status: 200,
					body: {
						id: ME.id,
						name: ME.name,
						role: ME.role,
						email: ME.email,
						workspaceUuid: WORKSPACE_UUID,
					},
				};
			},
		},
		{
			method: 'POST',
			path: '/api/v2/w/:workspace_uuid/chats',
			contentType: 'application/json',
			params: schemas.workspaceParams,
			body: schemas.CreateChatRequest,
			handle({ params, body, state }) {
				if (params.workspace_uuid !== WORKSPACE_UUID)
					return notFound('Workspace', params.workspace_uuid);
				if (body.phoneNumberId !== undefined && body.inboxId !== undefined) {
					return {
						status: 400,
						body: errorBody(400, 'phoneNumberId and inboxId are mutually exclusive'),
					};
				}
				const member = findMember(state, body.memberId ?? ME.id);
				if (!member) return notFound('Member', body.memberId);
				let workflow;
				if (body.workflowId !== undefined) {
					workflow = WORKFLOWS[body.workflowId];
					if (!workflow) return notFound('Workflow', body.workflowId);
					if (
						body.workflowVersionNumber !== undefined &&
						!workflow.publishedVersions.includes(body.workflowVersionNumber)
					) {
						return {
							status: 400,
							body: errorBody(
								400,
								`Workflow ${workflow.id} has no published version ${body.workflowVersionNumber}`,
							),
						};
					}
				} else if (body.workflowVersionNumber !== undefined) {
					return { status: 400, body: errorBody(400, 'workflowVersionNumber requires workflowId') };
				}
				if (
					body.assistantMemberId !== undefined &&
					MEMBERS[body.assistantMemberId]?.kind !== 'agent'
				)
					return notFound('Assistant member', body.assistantMemberId);
				for (const id of body.participants || [])
					if (!findMember(state, id)) return notFound('Member', id);
				if (body.phoneNumberId !== undefined && !PHONE_NUMBERS.includes(body.phoneNumberId))
					return notFound('Phone number', body.phoneNumberId);
				if (body.inboxId !== undefined && !INBOXES.includes(body.inboxId))
					return notFound('Inbox', body.inboxId);
				if (body.siteId !== undefined && !SITES.includes(body.siteId))
					return notFound('Site', body.siteId);

				const channel = body.channel || 'web-chat';
				const assistantEnabled = body.assistantEnabled !== false;
				const participants = [participant(ME, 'owner')];
				if (member.id !== ME.id) participants.push(participant(member, 'member'));
				for (const id of body.participants || [])
					if (!participants.some((p) => p.memberId === id))
						participants.push(participant(findMember(state, id), 'participant'));
				const chat = newChat(state, {
					channel,
					chatType: body.chatType ?? (workflow ? 'assignment' : 'simple'),
					title: body.title ?? null,
					memberId: member.id,
					workflowId: workflow ? workflow.id : null,
					workflowVersionNumber: workflow
						? (body.workflowVersionNumber ??
							workflow.publishedVersions[workflow.publishedVersions.length - 1])
						: null,
					assignmentId: workflow ? `asg-${state.counter + 1}` : null,
					assistantEnabled,
					assistantMemberId: body.assistantMemberId ?? null,
					assistantChatModelId: body.assistantChatModelId ?? null,
					assistantRealtimeModelId: body.assistantRealtimeModelId ?? null,
					phoneNumberId:
						body.phoneNumberId ?? (channel.startsWith('phone-') ? PHONE_NUMBERS[0] : null),
					inboxId: body.inboxId ?? (channel === 'email' ? INBOXES[0] : null),
					siteId: body.siteId ?? null,
					isTest: body.isTest === true,
					participants,
				});
				if (body.initialMessage !== undefined) {
					const problem = initialMessageProblem(channel, member);
					if (problem) chat.initialMessageError = problem;
					else chat.messageCount = 1;
				}
				if (channel === 'phone-voice' && workflow && assistantEnabled) {
					state.outboundCalls.push({ chatId: chat.id, to: member.phone });
				}
				state.chats.push(chat);
				emitEvent(state, WORKSPACE, 'chat:created', { chat });
				return { status: 201, body: chat };
			},
		},
		{
			method: 'POST',
			path: '/api/v2/w/:workspace_uuid/chats/dm',
			contentType: 'application/json',
			params: schemas.workspaceParams,
			body: schemas.CreateDmRequest,
			validationStatus: 422,
			handle({ params, body, state }) {
				if (params.workspace_uuid !== WORKSPACE_UUID)
					return notFound('Workspace', params.workspace_uuid);
				const member = findMember(state, body.memberId);
				if (!member) return notFound('Member', body.memberId);
				const existing = state.dms.get(member.id);
				if (existing) return { status: 200, body: existing };
				const chat = newChat(state, {
					channel: 'web-chat',
					chatType: 'dm',
					memberId: member.id,
					assistantEnabled: member.kind === 'agent',
					participants: [participant(ME, 'owner'), participant(member, 'member')],
				});
				state.dms.set(member.id, chat);
				state.chats.push(chat);
				emitEvent(state, WORKSPACE, 'chat:created', { chat });
				return { status: 201, body: chat };
			},
		},
		{
			method: 'GET',
			path: '/api/v2/w/:workspace_uuid/chats',
			params: schemas.workspaceParams,
			query: schemas.ListChatsQuery,
			validationStatus: 422,
			handle({ params, query, state }) {
				if (params.workspace_uuid !== WORKSPACE_UUID)
					return notFound('Workspace', params.workspace_uuid);
				const matching = state.chats.filter(
					(chat) =>
						(query.channel === undefined || chat.channel === query.channel) &&
						(query.memberId === undefined || chat.memberId === String(query.memberId)),
				);
				return listPage(state, matching, query, 'chats');
			},
		},
		{
			method: 'GET',
			path: '/api/v2/w/:workspace_uuid/chats/:chat_id',
			params: schemas.chatParams,
			validationStatus: 422,
			handle({ params, state }) {
				if (params.workspace_uuid !== WORKSPACE_UUID)
					return notFound('Workspace', params.workspace_uuid);
				const chat = findChat(state, params.chat_id);
				return chat ? { status: 200, body: chat } : notFound('Chat', params.chat_id);
			},
		},
		{
			method: 'PUT',
			path: '/api/v2/w/:workspace_uuid/chats/:chat_id',
			contentType: 'application/json',
			params: schemas.chatParams,
			body: schemas.UpdateChatRequest,
			validationStatus: 422,
			handle({ params, body, state }) {
				if (params.workspace_uuid !== WORKSPACE_UUID)
					return notFound('Workspace', params.workspace_uuid);
				const chat = findChat(state, params.chat_id);
				if (!chat) return notFound('Chat', params.chat_id);
				if (
					body.assistantMemberId !== undefined &&
					MEMBERS[body.assistantMemberId]?.kind !== 'agent'
				)
					return notFound('Assistant member', body.assistantMemberId);
				if (body.siteId !== undefined && !SITES.includes(body.siteId))
					return notFound('Site', body.siteId);
				for (const key of Object.keys(schemas.UpdateChatRequest.properties))
					if (body[key] !== undefined) chat[key] = body[key];
				chat.updatedAt = new Date().toISOString();
				return { status: 200, body: chat };
			},
		},
		{
			method: 'POST',
			path: '/api/v2/w/:workspace_uuid/chats/:chat_id/participants',
			contentType: 'application/json',
			params: schemas.chatParams,
			body: schemas.AddChatParticipantRequest,
			validationStatus: 422,
			handle({ params, body, state }) {
				if (params.workspace_uuid !== WORKSPACE_UUID)
					return notFound('Workspace', params.workspace_uuid);
				const chat = findChat(state, params.chat_id);
				if (!chat) return notFound('Chat', params.chat_id);
				const member = findMember(state, body.memberId);
				if (!member) return notFound('Member', body.memberId);
				if (chat.participants.some((p) => p.memberId === member.id))
					return {
						status: 400,
						body: errorBody(400, `Member ${member.id} is already a participant of chat ${chat.id}`),
					};
				const participantId = `part-${++state.participantCounter}`;
				chat.participants.push({
					...participant(member, body.role ?? 'contributor'),
					participantId,
				});
				return {
					status: 201,
					body: { success: true, message: 'Participant added', participantId },
				};
			},
		},
		{
			method: 'GET',
			path: '/api/v2/w/:workspace_uuid/members',
			params: schemas.workspaceParams,
			query: schemas.ListMembersQuery,
			validationStatus: 422,
			handle({ params, query, state }) {
				if (params.workspace_uuid !== WORKSPACE_UUID)
					return notFound('Workspace', params.workspace_uuid);
				return listPage(state, allMembers(state).map(publicMember), query, 'members');
			},
		},
		{
			method: 'GET',
			path: '/api/v2/w/:workspace_uuid/members/:member_id',
			params: schemas.memberParams,
			validationStatus: 422,
			handle({ params, state }) {
				if (params.workspace_uuid !== WORKSPACE_UUID)
					return notFound('Workspace', params.workspace_uuid);
				const member = findMember(state, params.member_id);
				return member
					? { status: 200, body: publicMember(member) }
					: notFound('Member', params.member_id);
			},
		},
	],
};
