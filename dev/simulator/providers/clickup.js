'use strict';
/**
 * ClickUp (Chat API v3, plus the v2 user/workspace reads the node uses).
 * Auth: the personal token in `Authorization`, as-is (ClickUp rejects "Bearer pk_..."), or an OAuth
 * access token as `Bearer <token>`.
 * Errors: v3 `{ status, message, trace_id, timestamp }`; v2 `{ err, ECODE }`.
 * Rate limits: 429 with X-RateLimit-Limit / -Remaining / -Reset (epoch seconds).
 * Lists (channels, messages) page with an opaque `cursor` and `next_cursor` (empty on the last
 * page); `state.repeatCursor = true` makes every page hand out the same cursor. Tests grow the
 * state with `addChannel` / `addMessage` / `tagUsers`. Channel management and a message's
 * follow-ups (update, delete, replies, tagged users, reactions) are in ../clickup/manage.js.
 * Channel Automations ("Message is posted" → "Call webhook"): ../clickup/automations.js; a test
 * registers one with `addAutomation` and posts as a person with `postAs`.
 */
const crypto = require('crypto');
const schemas = require('../schemas/clickup.json');
const { LOCATIONS, REACTIONS, manageRoutes } = require('../clickup/manage');
const {
	addAutomation,
	automationFromEnv,
	automationRoutes,
	automationsSettled,
	messagePosted,
} = require('../clickup/automations');

const TOKEN = 'pk_42_SIMULATORTOKENCLICKUP0000000000001';
/** The ClickUp Chat Trigger credential of the demo and the tests: the Automation's custom header. */
const TRIGGER_HEADER = 'X-Webhook-Secret';
const TRIGGER_SECRET = 'clickup-trigger-secret-0123456789';
/** An access token from ClickUp's OAuth flow; apps send it as a Bearer token. */
const OAUTH_TOKEN = '42_simoauthaccesstoken0000000000000000000001';
const ME = {
	id: 42,
	username: 'Maya Lindqvist',
	email: 'maya@example.com',
	color: '#7b68ee',
	initials: 'ML',
	week_start_day: 1,
	global_font_support: true,
	timezone: 'Etc/UTC',
};
const WORKSPACES = [
	{ id: '9012345678', name: 'Acme Workspace', color: '#7b68ee', avatar: null },
	{ id: '9087654321', name: 'Side Project', color: '#e50000', avatar: null },
];

let traceCounter = 100000;

function errorBody(status, message) {
	return { status, message, trace_id: ++traceCounter, timestamp: Date.now() };
}

function v2Error(message, code) {
	return { err: message, ECODE: code };
}

function newId(prefix) {
	return `${prefix}${crypto.randomBytes(6).toString('hex')}`;
}

/** ClickUp's room: the documented Channel object (API v3). */
function channel(
	workspaceId,
	{ id, name = '', description = '', topic = '', type, visibility, parent },
	members,
	createdAt,
) {
	const channelId = id || newId('8cdu');
	return {
		id: channelId,
		name,
		description,
		topic,
		type,
		visibility: visibility || 'PRIVATE',
		// 7: the Workspace; a Space, Folder or List channel has its location (see PARENT_TYPES)
		parent: parent || { id: String(workspaceId), type: 7 },
		creator: String(ME.id),
		created_at: String(createdAt),
		updated_at: String(createdAt),
		workspace_id: String(workspaceId),
		archived: false,
		is_canonical_channel: Boolean(parent),
		is_hidden: false,
		channel_type: 1,
		...(members ? { members } : {}),
		links: {
			members: `/api/v3/workspaces/${workspaceId}/chat/channels/${channelId}/members`,
			followers: `/api/v3/workspaces/${workspaceId}/chat/channels/${channelId}/followers`,
		},
	};
}

/** Channels every simulator starts with (besides the DMs workflows open): id, workspace, fields. */
const SEEDED_CHANNELS = [
	{
		workspace: '9012345678',
		id: '8cdu0general0001',
		name: 'general',
		description: '**Company-wide** announcements',
		topic: 'Announcements',
		type: 'CHANNEL',
		visibility: 'PUBLIC',
		following: true,
	},
	{
		workspace: '9012345678',
		id: '8cdu0engineering',
		name: 'engineering',
		description: 'Builds, _releases_ and incidents',
		topic: 'Ship it',
		type: 'CHANNEL',
		visibility: 'PUBLIC',
		following: true,
	},
	{
		workspace: '9012345678',
		id: '8cdu0leadership1',
		name: 'leadership',
		description: 'Private planning',
		type: 'CHANNEL',
		visibility: 'PRIVATE',
		following: false,
	},
	{
		workspace: '9087654321',
		id: '8cdu0sideproject',
		name: 'side-general',
		type: 'CHANNEL',
		visibility: 'PUBLIC',
		following: true,
	},
];

/** Members and other followers (besides you) of the seeded channels. */
const SEEDED_PEOPLE = {
	'8cdu0general0001': { members: ['42', '183', '184'], followers: ['183'] },
	'8cdu0engineering': { members: ['42', '183'], followers: [] },
};

const SEEDED_AT = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Add a channel to a simulator's state (tests use it to build long lists). */
function addChannel(state, workspaceId, fields, { following = true, closed = false } = {}) {
	const created = channel(workspaceId, fields, fields.members, fields.createdAt ?? Date.now());
	state.channels.set(created.id, created);
	const people = SEEDED_PEOPLE[created.id] || {};
	state.members.set(created.id, people.members || fields.members || [String(ME.id)]);
	state.followers.set(created.id, people.followers || []);
	if (following) state.following.add(created.id);
	if (closed) state.closed.add(created.id);
	return created;
}

/** Opaque page cursors, as ClickUp's are: the offset into the list, encoded. */
function encodeCursor(offset) {
	return Buffer.from(`sim-offset:${offset}`).toString('base64url');
}

function decodeCursor(cursor) {
	if (cursor === undefined || cursor === '') return 0;
	const match = /^sim-offset:(\d+)$/.exec(
		Buffer.from(String(cursor), 'base64url').toString('utf8'),
	);
	return match ? Number(match[1]) : undefined;
}

/**
 * One page of a list, ClickUp style: `{ next_cursor, data }`; `next_cursor` is empty on the last
 * page. `state.repeatCursor` makes every page hand out the same cursor (a loop on the API's side).
 */
function page(state, list, query) {
	const offset = decodeCursor(query.cursor);
	if (offset === undefined) return { status: 400, body: errorBody(400, 'Invalid cursor') };
	const limit = query.limit ?? 50;
	const data = list.slice(offset, offset + limit);
	const more = offset + limit < list.length;
	const next_cursor = state.repeatCursor
		? encodeCursor(limit)
		: more
			? encodeCursor(offset + limit)
			: '';
	return { status: 200, body: { next_cursor, data } };
}

/** What `text/plain` does to the simulator's Markdown: the marks go. */
function plainText(text) {
	return String(text).replace(/[*_`#~]/g, '');
}

function unknownWorkspace(workspaceId) {
	return WORKSPACES.some((w) => w.id === String(workspaceId))
		? undefined
		: { status: 404, body: errorBody(404, `Workspace ${workspaceId} not found`) };
}

function findChannel(state, workspaceId, channelId) {
	const found = state.channels.get(channelId);
	return found && found.workspace_id === String(workspaceId) ? found : undefined;
}

function message(fields) {
	const id = newId('80');
	return {
		id,
		type: fields.type,
		content: fields.content,
		date: Date.now(),
		parent_channel: fields.parent_channel,
		...(fields.parent_message ? { parent_message: fields.parent_message } : {}),
		resolved: false,
		user_id: String(fields.user_id ?? ME.id),
		...(fields.assignee ? { assignee: fields.assignee } : {}),
		...(fields.group_assignee ? { group_assignee: fields.group_assignee } : {}),
		...(fields.post_data ? { post_data: fields.post_data } : {}),
		...(fields.followers ? { followers: fields.followers } : {}),
		links: {
			reactions: `/api/v3/workspaces/${fields.workspace_id}/chat/messages/${id}/reactions`,
			replies: `/api/v3/workspaces/${fields.workspace_id}/chat/messages/${id}/replies`,
			tagged_users: `/api/v3/workspaces/${fields.workspace_id}/chat/messages/${id}/tagged_users`,
		},
		replies_count: 0,
	};
}

/** Add a message to a channel, or a reply with `parent_message` (tests use it to build long histories). */
function addMessage(state, workspaceId, channelId, fields) {
	const created = message({
		type: 'message',
		...fields,
		parent_channel: channelId,
		workspace_id: String(workspaceId),
	});
	state.messages.push(created);
	if (fields.parent_message) {
		// a reply has no thread of its own: no replies_count, no replies link (ReplyMessage)
		delete created.replies_count;
		delete created.links.replies;
		const parent = state.messages.find((m) => m.id === fields.parent_message);
		if (parent) parent.replies_count += 1;
	} else {
		const room = state.channels.get(channelId);
		if (room) room.latest_comment_at = String(created.date);
	}
	messagePosted(state, created);
	return created;
}

/**
 * A person posts in ClickUp (not through the API): a message, or a reply with `parent_message`,
 * by `user_id` (default 183, Ada Lovelace). The channel's Automations are called as for any post.
 */
function postAs(state, workspaceId, channelId, { content, user_id = '183', parent_message } = {}) {
	return addMessage(state, workspaceId, channelId, { content, user_id, parent_message });
}

/** A message or reply of a Workspace by its ID (its links name the Workspace). */
function findMessage(state, workspaceId, messageId) {
	return state.messages.find(
		(m) => m.id === messageId && m.links.reactions.startsWith(`/api/v3/workspaces/${workspaceId}/`),
	);
}

/** Users tagged in a message (tests set them: the simulator does not read mentions in content). */
function tagUsers(state, messageId, userIds) {
	state.tagged.set(messageId, userIds.map(String));
}

/** A channel's followers: you when you follow it, then the others. */
function followersOf(state, channelId) {
	const others = state.followers.get(channelId) || [];
	return [...(state.following.has(channelId) ? [String(ME.id)] : []), ...others];
}

/** Remove a message, its replies and their reactions; a reply is uncounted from its parent. */
function removeMessage(state, target) {
	const gone = new Set([target.id]);
	for (const m of state.messages) if (m.parent_message === target.id) gone.add(m.id);
	state.messages = state.messages.filter((m) => !gone.has(m.id));
	for (const id of gone) state.reactions.delete(id);
	const parent = state.messages.find((m) => m.id === target.parent_message);
	if (parent) parent.replies_count -= 1;
}

function withContentFormat(record, format) {
	return format === 'text/plain' ? { ...record, content: plainText(record.content) } : record;
}

module.exports = {
	name: 'clickup',
	displayName: 'ClickUp',
	credentialType: 'clickUpChatApi',
	/** What the demo's credential holds when it points at this simulator. */
	demoCredential: (baseUrl) => ({ accessToken: TOKEN, baseUrl }),
	moreCredentials: [
		{
			credentialType: 'clickUpChatTriggerApi',
			demoCredential: () => ({ headerName: TRIGGER_HEADER, secret: TRIGGER_SECRET }),
		},
	],
	TOKEN,
	TRIGGER_HEADER,
	TRIGGER_SECRET,
	OAUTH_TOKEN,
	WORKSPACES,
	ME,
	errorBody,
	rateLimitHeaders(retryAfterSeconds) {
		return {
			'X-RateLimit-Limit': '100',
			'X-RateLimit-Remaining': '0',
			'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000 + retryAfterSeconds)),
		};
	},
	addChannel,
	addMessage,
	postAs,
	addAutomation,
	automationsSettled,
	tagUsers,
	LOCATIONS,
	REACTIONS,
	encodeCursor,
	createState() {
		const state = {
			/** every channel and DM by ID */
			channels: new Map(),
			/** DMs by workspace and sorted member list, so opening the same DM twice returns it */
			dms: new Map(),
			/** channels the simulated user follows, and DMs they closed */
			following: new Set(),
			closed: new Set(),
			/** top-level messages and replies, oldest first */
			messages: [],
			/** by channel ID: its members, and its followers other than you (`following`) */
			members: new Map(),
			followers: new Map(),
			/** by message ID: its reactions (ChatReaction) and its tagged user IDs */
			reactions: new Map(),
			tagged: new Map(),
			/** location channels by `workspace:type:id` */
			locationChannels: new Map(),
			/** when true, every list page hands out the same cursor */
			repeatCursor: false,
			/** channel Automations (automations.js), the webhook calls they made, those under way */
			automations: [],
			automationCalls: [],
			pendingAutomations: new Set(),
		};
		for (const { workspace, following, ...fields } of SEEDED_CHANNELS)
			addChannel(state, workspace, { ...fields, createdAt: SEEDED_AT }, { following });
		automationFromEnv(state, {
			channelId: '8cdu0general0001',
			header: TRIGGER_HEADER,
			secret: TRIGGER_SECRET,
		});
		return state;
	},
	authenticate(req, state, route) {
		if (route.own) return null; // the simulator's own routes (automations.js)
		const value = req.headers.authorization;
		if (value === TOKEN || value === `Bearer ${OAUTH_TOKEN}`) return null;
		const v2 = route.path.startsWith('/api/v2');
		const message = !value
			? 'Authorization header required'
			: value.startsWith('Bearer ')
				? 'Oauth token not found'
				: 'Token invalid';
		return {
			status: 401,
			body: v2 ? v2Error(message, value ? 'OAUTH_025' : 'OAUTH_017') : errorBody(401, message),
		};
	},
	routes: [
		{
			method: 'GET',
			path: '/api/v2/user',
			handle: () => ({ status: 200, body: { user: ME } }),
		},
		{
			method: 'GET',
			path: '/api/v2/team',
			handle: () => ({
				status: 200,
				body: {
					teams: WORKSPACES.map((w) => ({
						...w,
						members: [{ user: { id: ME.id, username: ME.username, email: ME.email, role: 1 } }],
					})),
				},
			}),
		},
		{
			method: 'GET',
			path: '/api/v3/workspaces/:workspace_id/chat/channels',
			params: schemas.getChatChannels.params,
			query: schemas.getChatChannels.query,
			handle({ params, query, state }) {
				const missing = unknownWorkspace(params.workspace_id);
				if (missing) return missing;
				const workspaceId = String(params.workspace_id);
				const since = query.with_message_since;
				const list = [...state.channels.values()]
					.filter((room) => room.workspace_id === workspaceId)
					.filter((room) => !query.is_follower || state.following.has(room.id))
					.filter((room) => query.include_closed || !state.closed.has(room.id))
					.filter((room) => !query.channel_types || query.channel_types.includes(room.type))
					.filter(
						(room) =>
							since === undefined ||
							(room.latest_comment_at !== undefined && Number(room.latest_comment_at) >= since),
					)
					.map((room) =>
						query.description_format === 'text/plain'
							? { ...room, description: plainText(room.description) }
							: room,
					);
				return page(state, list, query);
			},
		},
		{
			method: 'GET',
			path: '/api/v3/workspaces/:workspace_id/chat/channels/:channel_id',
			params: schemas.getChatChannel.params,
			query: schemas.getChatChannel.query,
			handle({ params, query, state }) {
				const missing = unknownWorkspace(params.workspace_id);
				if (missing) return missing;
				const room = findChannel(state, params.workspace_id, params.channel_id);
				if (!room)
					return { status: 404, body: errorBody(404, `Channel ${params.channel_id} not found`) };
				const data =
					query.description_format === 'text/plain'
						? { ...room, description: plainText(room.description) }
						: room;
				return { status: 200, body: { data } };
			},
		},
		{
			method: 'GET',
			path: '/api/v3/workspaces/:workspace_id/chat/channels/:channel_id/messages',
			params: schemas.getChatMessages.params,
			query: schemas.getChatMessages.query,
			handle({ params, query, state }) {
				const missing = unknownWorkspace(params.workspace_id);
				if (missing) return missing;
				if (!findChannel(state, params.workspace_id, params.channel_id))
					return { status: 404, body: errorBody(404, `Channel ${params.channel_id} not found`) };
				// top-level messages, most recent first (replies live under their message)
				const list = state.messages
					.filter((m) => m.parent_channel === params.channel_id && !m.parent_message)
					.reverse()
					.map((m) => withContentFormat(m, query.content_format));
				return page(state, list, query);
			},
		},
		{
			method: 'POST',
			path: '/api/v3/workspaces/:workspace_id/chat/channels/direct_message',
			contentType: 'application/json',
			params: schemas.createDirectMessage.params,
			body: schemas.createDirectMessage.body,
			handle({ params, body, state }) {
				const workspaceId = String(params.workspace_id);
				const missing = unknownWorkspace(workspaceId);
				if (missing) return missing;
				const others = (body.user_ids || []).filter((id) => id !== String(ME.id));
				const members = [String(ME.id), ...others].sort();
				const key = `${workspaceId}:${members.join(',')}`;
				const existing = state.dms.get(key);
				if (existing) return { status: 200, body: { data: existing } };
				const type = members.length <= 2 ? 'DM' : 'GROUP_DM';
				const created = addChannel(state, workspaceId, { type, members });
				state.dms.set(key, created);
				return { status: 201, body: { data: created } };
			},
		},
		{
			method: 'POST',
			path: '/api/v3/workspaces/:workspace_id/chat/channels/:channel_id/messages',
			contentType: 'application/json',
			params: schemas.createChatMessage.params,
			body: schemas.createChatMessage.body,
			handle({ params, body, state }) {
				const missing = unknownWorkspace(params.workspace_id);
				if (missing) return missing;
				const room = findChannel(state, params.workspace_id, params.channel_id);
				if (!room)
					return { status: 404, body: errorBody(404, `Channel ${params.channel_id} not found`) };
				// the API posts as the token's user, whatever the body says
				const fields = { ...body, user_id: undefined };
				return { status: 201, body: addMessage(state, params.workspace_id, room.id, fields) };
			},
		},
		{
			method: 'POST',
			path: '/api/v3/workspaces/:workspace_id/chat/messages/:message_id/replies',
			contentType: 'application/json',
			params: schemas.createReplyMessage.params,
			body: schemas.createReplyMessage.body,
			handle({ params, body, state }) {
				const missing = unknownWorkspace(params.workspace_id);
				if (missing) return missing;
				const parent = findMessage(state, params.workspace_id, params.message_id);
				if (!parent)
					return { status: 404, body: errorBody(404, `Message ${params.message_id} not found`) };
				const reply = addMessage(state, params.workspace_id, parent.parent_channel, {
					...body,
					user_id: undefined,
					parent_message: parent.id,
				});
				return { status: 201, body: reply };
			},
		},
		...automationRoutes({ errorBody, postAs }),
		...manageRoutes({
			ME,
			errorBody,
			unknownWorkspace,
			findChannel,
			findMessage,
			page,
			addChannel,
			withContentFormat,
			followersOf,
			removeMessage,
		}),
	],
};
