'use strict';
/**
 * The ClickUp simulator's channel management and message follow-ups: Channel → Create (a Workspace
 * channel, or the channel of a Space, Folder or List), Update, Delete, members and followers; a
 * message's update, delete, replies, tagged users and reactions. providers/clickup.js spreads these
 * routes into its own and hands over its state helpers (`sim`), so there is one state.
 *
 * Not in the reference, the simulator's own: the people (ChatSimpleUser) and locations it knows,
 * the `parent.type` numbers of location channels, and which emoji names it accepts.
 */
const schemas = require('../schemas/clickup.json');

/** People the simulator knows by ID (ChatSimpleUser); any other ID gets a made-up name. */
const PEOPLE = {
	42: ['Maya Lindqvist', 'maya@example.com'],
	183: ['Ada Lovelace', 'ada@example.com'],
	184: ['Grace Hopper', 'grace@example.com'],
};

function simpleUser(id) {
	const [name, email] = PEOPLE[id] || [`User ${id}`, `user${id}@example.com`];
	const initials = name
		.split(' ')
		.map((part) => part[0])
		.join('');
	return { id: String(id), email, name, username: name, initials };
}

/** Spaces, Folders and Lists a channel can be created on: workspace → type → id → name. */
const LOCATIONS = {
	9012345678: {
		space: { 90120000456: 'Product' },
		folder: { 90130000789: 'Roadmap' },
		list: { 901400001234: 'Sprint 12' },
	},
};
/** The `parent.type` of a channel on a location (ClickUp's hierarchy numbers; 7 is the Workspace). */
const PARENT_TYPES = { space: 4, folder: 5, list: 6 };

/** The emoji names the simulator accepts as reactions (ClickUp: lower case emoji names). */
const REACTIONS = ['eyes', 'heart', 'rocket', 'tada', 'thumbsdown', 'thumbsup', 'white_check_mark'];

/** Channel → Create / Update / Delete / members / followers; messages' update, replies, reactions. */
function manageRoutes(sim) {
	const { ME, errorBody, unknownWorkspace, findChannel, findMessage, page, addChannel } = sim;
	const { withContentFormat, followersOf, removeMessage } = sim;
	const notFound = (what, id) => ({ status: 404, body: errorBody(404, `${what} ${id} not found`) });
	const noContent = { status: 204, body: undefined };
	const BASE = '/api/v3/workspaces/:workspace_id/chat';

	/**
	 * A route of a Workspace's Chat: an unknown Workspace is a 404, and `find` (optional) looks up the
	 * channel or message the path names (a 404 when it is not there), handed to `handle` as `ctx.found`.
	 */
	function chatRoute(method, path, schema, find, handle) {
		return {
			method,
			path: `${BASE}${path}`,
			...(schema.body ? { contentType: 'application/json', body: schema.body } : {}),
			params: schema.params,
			query: schema.query,
			handle(ctx) {
				const missing = unknownWorkspace(ctx.params.workspace_id);
				if (missing) return missing;
				if (find) {
					ctx.found = find(ctx);
					if (!ctx.found.record) return notFound(ctx.found.what, ctx.found.id);
				}
				return handle(ctx);
			},
		};
	}

	const byChannel = ({ params, state }) => ({
		what: 'Channel',
		id: params.channel_id,
		record: findChannel(state, params.workspace_id, params.channel_id),
	});
	const byMessage = ({ params, state }) => ({
		what: 'Message',
		id: params.message_id,
		record: findMessage(state, params.workspace_id, params.message_id),
	});

	/** A location (`{ id, type }`) of the Workspace, as a channel's parent, or a 404 answer. */
	function locationParent(workspaceId, location) {
		const name = (LOCATIONS[workspaceId] || {})[location.type]?.[location.id];
		if (name === undefined) {
			const kind = location.type[0].toUpperCase() + location.type.slice(1);
			return { missing: notFound(kind, location.id) };
		}
		return { name, parent: { id: String(location.id), type: PARENT_TYPES[location.type] } };
	}

	/** A new channel (PUBLIC unless asked otherwise): you and `userIds` are its members. */
	function newChannel(state, workspaceId, fields, userIds = []) {
		const created = addChannel(state, workspaceId, {
			type: 'CHANNEL',
			...fields,
			visibility: fields.visibility || 'PUBLIC',
		});
		const others = userIds.filter((id) => id !== String(ME.id));
		state.members.set(created.id, [String(ME.id), ...others]);
		return created;
	}

	return [
		chatRoute('POST', '/channels', schemas.createChatChannel, null, ({ params, body, state }) => {
			const workspaceId = String(params.workspace_id);
			const existing = [...state.channels.values()].find(
				(room) =>
					room.workspace_id === workspaceId &&
					room.type === 'CHANNEL' &&
					!room.is_canonical_channel &&
					room.name === body.name,
			);
			if (existing) return { status: 200, body: { data: existing } };
			const { user_ids: userIds, ...fields } = body;
			const created = newChannel(state, workspaceId, fields, userIds);
			return { status: 201, body: { data: created } };
		}),
		chatRoute('POST', '/channels/location', schemas.createLocationChatChannel, null, (ctx) => {
			const { params, body, state } = ctx;
			const workspaceId = String(params.workspace_id);
			const { missing, name, parent } = locationParent(workspaceId, body.location);
			if (missing) return missing;
			const key = `${workspaceId}:${body.location.type}:${body.location.id}`;
			const existing = state.locationChannels.get(key);
			if (existing) return { status: 200, body: { data: existing } };
			const { user_ids: userIds, location: _location, ...fields } = body;
			const created = newChannel(state, workspaceId, { ...fields, name, parent }, userIds);
			state.locationChannels.set(key, created);
			return { status: 201, body: { data: created } };
		}),
		chatRoute('PATCH', '/channels/:channel_id', schemas.updateChatChannel, byChannel, (ctx) => {
			const { params, body } = ctx;
			const room = ctx.found.record;
			const { content_format: _format, location, ...fields } = body;
			const known = ['name', 'description', 'topic', 'visibility'];
			if (!location && !known.some((key) => key in fields))
				return { status: 400, body: errorBody(400, `Invalid update request for ${room.id}`) };
			if (location) {
				const { missing, parent } = locationParent(String(params.workspace_id), location);
				if (missing) return missing;
				room.parent = parent;
				room.is_canonical_channel = true;
			}
			for (const key of known) if (key in fields) room[key] = fields[key];
			room.updated_at = String(Date.now());
			return { status: 200, body: { data: room } };
		}),
		chatRoute('DELETE', '/channels/:channel_id', schemas.deleteChatChannel, byChannel, (ctx) => {
			const { state } = ctx;
			const room = ctx.found.record;
			state.channels.delete(room.id);
			for (const map of [state.dms, state.locationChannels])
				for (const [key, value] of map) if (value.id === room.id) map.delete(key);
			for (const m of state.messages.filter((entry) => entry.parent_channel === room.id))
				if (!m.parent_message) removeMessage(state, m);
			return noContent;
		}),
		chatRoute(
			'GET',
			'/channels/:channel_id/members',
			schemas.getChatChannelMembers,
			byChannel,
			(ctx) =>
				page(ctx.state, (ctx.state.members.get(ctx.found.id) || []).map(simpleUser), ctx.query),
		),
		chatRoute(
			'GET',
			'/channels/:channel_id/followers',
			schemas.getChatChannelFollowers,
			byChannel,
			(ctx) => page(ctx.state, followersOf(ctx.state, ctx.found.id).map(simpleUser), ctx.query),
		),
		chatRoute('PATCH', '/messages/:message_id', schemas.patchChatMessage, byMessage, (ctx) => {
			const { body } = ctx;
			const m = ctx.found.record;
			const now = Date.now();
			// the reference's 400 "the request is invalid": here, nothing to change, or post data on a message
			const changes = ['content', 'assignee', 'group_assignee', 'post_data', 'resolved'];
			if (!changes.some((key) => key in body) || (body.post_data && m.type !== 'post'))
				return { status: 400, body: errorBody(400, `Invalid update request for message ${m.id}`) };
			if ('content' in body) m.content = body.content;
			if ('assignee' in body)
				Object.assign(m, {
					assignee: body.assignee,
					assigned_by: String(ME.id),
					date_assigned: now,
				});
			if ('group_assignee' in body) m.group_assignee = body.group_assignee;
			if (body.post_data) m.post_data = { ...m.post_data, ...body.post_data };
			if ('resolved' in body) {
				m.resolved = body.resolved;
				if (body.resolved) Object.assign(m, { resolved_by: String(ME.id), date_resolved: now });
			}
			m.date_updated = now;
			return { status: 200, body: { ...m, replies_count: m.replies_count ?? 0 } };
		}),
		chatRoute('DELETE', '/messages/:message_id', schemas.deleteChatMessage, byMessage, (ctx) => {
			removeMessage(ctx.state, ctx.found.record);
			return noContent;
		}),
		chatRoute(
			'GET',
			'/messages/:message_id/replies',
			schemas.getChatMessageReplies,
			byMessage,
			(ctx) => {
				// the replies of a thread, most recent first
				const list = ctx.state.messages
					.filter((m) => m.parent_message === ctx.found.id)
					.reverse()
					.map((m) => withContentFormat(m, ctx.query.content_format));
				return page(ctx.state, list, ctx.query);
			},
		),
		chatRoute(
			'GET',
			'/messages/:message_id/tagged_users',
			schemas.getChatMessageTaggedUsers,
			byMessage,
			(ctx) =>
				page(ctx.state, (ctx.state.tagged.get(ctx.found.id) || []).map(simpleUser), ctx.query),
		),
		chatRoute(
			'POST',
			'/messages/:message_id/reactions',
			schemas.createChatReaction,
			byMessage,
			(ctx) => {
				const { body, state } = ctx;
				const list = state.reactions.get(ctx.found.id) || [];
				const mine = list.some((r) => r.reaction === body.reaction && r.user_id === String(ME.id));
				if (!REACTIONS.includes(body.reaction) || mine)
					return {
						status: 400,
						body: errorBody(400, `Reaction ${body.reaction} is not supported or already exists`),
					};
				const reaction = { date: Date.now(), reaction: body.reaction, user_id: String(ME.id) };
				state.reactions.set(ctx.found.id, [...list, reaction]);
				return { status: 201, body: reaction };
			},
		),
		chatRoute(
			'GET',
			'/messages/:message_id/reactions',
			schemas.getChatMessageReactions,
			byMessage,
			(ctx) => page(ctx.state, ctx.state.reactions.get(ctx.found.id) || [], ctx.query),
		),
		chatRoute(
			'DELETE',
			'/messages/:message_id/reactions/:reaction',
			schemas.deleteChatReaction,
			byMessage,
			({ params, state, found }) => {
				if (!REACTIONS.includes(params.reaction))
					return {
						status: 400,
						body: errorBody(400, `Reaction ${params.reaction} is not supported`),
					};
				const list = state.reactions.get(found.id) || [];
				const left = list.filter(
					(r) => !(r.reaction === params.reaction && r.user_id === String(ME.id)),
				);
				if (left.length === list.length) return notFound('Reaction', params.reaction);
				state.reactions.set(found.id, left);
				return noContent;
			},
		),
	];
}

module.exports = { LOCATIONS, REACTIONS, manageRoutes };
