'use strict';
/**
 * ClickUp (Chat API v3, plus the v2 user/workspace reads the node uses).
 * Auth: the personal token in `Authorization`, as-is (ClickUp rejects "Bearer pk_..."), or an OAuth
 * access token as `Bearer <token>`.
 * Errors: v3 `{ status, message, trace_id, timestamp }`; v2 `{ err, ECODE }`.
 * Rate limits: 429 with X-RateLimit-Limit / -Remaining / -Reset (epoch seconds).
 */
const crypto = require('crypto');
const schemas = require('../schemas/clickup.json');

const TOKEN = 'pk_42_SIMULATORTOKENCLICKUP0000000000001';
/** An access token from ClickUp's OAuth flow; apps send it as a Bearer token. */
const OAUTH_TOKEN = '42_simoauthaccesstoken0000000000000000000001';
const ME = {
	id: 42,
	username: 'Sim Ulator',
	email: 'sim@example.com',
	color: '#7b68ee',
	initials: 'SU',
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

function channel(workspaceId, users, type, createdAt) {
	return {
		id: newId('8cdu'),
		name: '',
		description: '',
		topic: '',
		type,
		visibility: 'PRIVATE',
		parent: { id: String(workspaceId), type: 7 },
		creator: String(ME.id),
		created_at: String(createdAt),
		updated_at: String(createdAt),
		workspace_id: String(workspaceId),
		archived: false,
		is_canonical_channel: false,
		is_hidden: false,
		channel_type: 1,
		members: users,
	};
}

module.exports = {
	name: 'clickup',
	displayName: 'ClickUp',
	credentialType: 'clickUpChatApi',
	/** What the demo's credential holds when it points at this simulator. */
	demoCredential: (baseUrl) => ({ accessToken: TOKEN, baseUrl }),
	TOKEN,
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
	createState() {
		return { dms: new Map(), messages: [] };
	},
	authenticate(req, state, route) {
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
			method: 'POST',
			path: '/api/v3/workspaces/:workspace_id/chat/channels/direct_message',
			contentType: 'application/json',
			params: schemas.createDirectMessage.params,
			body: schemas.createDirectMessage.body,
			handle({ params, body, state }) {
				const workspaceId = String(params.workspace_id);
				if (!WORKSPACES.some((w) => w.id === workspaceId))
					return { status: 404, body: errorBody(404, `Workspace ${workspaceId} not found`) };
				const others = (body.user_ids || []).filter((id) => id !== String(ME.id));
				const members = [String(ME.id), ...others].sort();
				const key = `${workspaceId}:${members.join(',')}`;
				const existing = state.dms.get(key);
				if (existing) return { status: 200, body: { data: existing } };
				const type = members.length <= 2 ? 'DM' : 'GROUP_DM';
				const created = channel(workspaceId, members, type, Date.now());
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
				const known = [...state.dms.values()].some((dm) => dm.id === params.channel_id);
				if (!known)
					return { status: 404, body: errorBody(404, `Channel ${params.channel_id} not found`) };
				const message = {
					id: newId('80'),
					type: body.type,
					content: body.content,
					date: Date.now(),
					parent_channel: params.channel_id,
					resolved: false,
					user_id: String(ME.id),
					...(body.assignee ? { assignee: body.assignee } : {}),
					...(body.post_data ? { post_data: body.post_data } : {}),
					...(body.followers ? { followers: body.followers } : {}),
				};
				state.messages.push(message);
				return { status: 201, body: message };
			},
		},
	],
};
