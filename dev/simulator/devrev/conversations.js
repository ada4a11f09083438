'use strict';
/**
 * DevRev simulator, the rest of a conversation: conversations.create / .get / .list / .update /
 * .delete, timeline-entries.get / .update / .delete and reactions.update / .list. Built by
 * providers/devrev.js with its shared helpers (error body, user summaries, timeline entries,
 * cursor paging), so the routes answer in the same shapes.
 *
 * Conversations start in stage "new" (the public spec names no stage; DevRev's product docs call
 * "New" the initial stage) and take any stage name. Members and owners are user IDs by display ID
 * (DEVU-7, REVU-3) or full ID. A conversation's `messages` are its latest timeline entries.
 * Conversations are listed oldest first; `state.repeatCursor` makes the list repeat its cursor.
 * Reactions are the caller's (DEVU-42) unless a test seeds others (`seedReactions`).
 */
const schemas = require('../schemas/devrev.json');

module.exports = function conversations(shared) {
	const { errorBody, userSummary, ME_NUMBER, now, newComment, findChat, page } = shared;

	const notFound = (what, id) => ({ status: 404, body: errorBody(404, `${what} ${id} not found`) });

	/** A user ID (DEVU-7, REVU-3, or a full don:identity ID) → a user summary, or undefined. */
	function userRef(entry) {
		const dev =
			/^DEVU-(\d+)$/i.exec(entry) || /^don:identity:[^:]+:devo\/[^:]+:devu\/(\d+)$/.exec(entry);
		if (dev) return userSummary(Number(dev[1]));
		const rev =
			/^REVU-(\d+)$/i.exec(entry) || /^don:identity:[^:]+:devo\/[^:]+:revu\/(\d+)$/.exec(entry);
		if (rev)
			return {
				type: 'rev_user',
				id: `don:identity:dvrv-us-1:devo/0:revu/${rev[1]}`,
				display_id: `REVU-${rev[1]}`,
				display_name: `customer-${rev[1]}`,
				state: 'active',
			};
		return undefined;
	}

	/** User IDs → summaries, or the 400 DevRev answers for one it does not know. */
	function users(list) {
		const out = [];
		for (const entry of list || []) {
			const user = userRef(entry);
			if (!user)
				return {
					error: {
						status: 400,
						body: errorBody(400, `invalid user ID: ${entry}`, { type: 'invalid_id' }),
					},
				};
			out.push(user);
		}
		return { users: out };
	}

	const tagOf = ({ id, value }) => ({
		tag: { id, display_id: id, name: `tag-${id}` },
		...(value !== undefined ? { value } : {}),
	});
	const idRefs = (list) => list.map((id) => ({ id, display_id: id }));

	function findConversation(state, id) {
		return state.conversations.find((c) => c.id === id || c.display_id === id);
	}

	/** Where an entry lives: its timeline list and index, or undefined. */
	function findEntry(state, id) {
		for (const list of state.entries.values()) {
			const index = list.findIndex((e) => e.id === id || e.display_id === id);
			if (index !== -1) return { list, index, entry: list[index] };
		}
		return undefined;
	}

	function latestMessages(state, conversation) {
		return (state.entries.get(conversation.id) || []).slice(-10);
	}

	function answer(state, conversation, status = 200) {
		return {
			status,
			body: { conversation: { ...conversation, messages: latestMessages(state, conversation) } },
		};
	}

	/** A conversation as conversations.create would store it (tests seed with it). */
	function seedConversation(state, fields = {}) {
		const n = ++state.conversationCounter;
		const at = now();
		const conversation = {
			id: `don:core:dvrv-us-1:devo/0:conversation/${n}`,
			display_id: `CONV-${n}`,
			created_by: userSummary(ME_NUMBER),
			created_date: at,
			modified_by: userSummary(ME_NUMBER),
			modified_date: at,
			members: [],
			owned_by: [],
			stage: { name: 'new' },
			tags: [],
			is_spam: false,
			is_frozen: false,
			...fields,
		};
		state.conversations.push(conversation);
		return conversation;
	}

	/** `numbers` users reacting to an entry with `emoji` (tests of paging). */
	function seedReactions(state, entryId, emoji, numbers) {
		const byEmoji = state.reactions.get(entryId) || new Map();
		const set = byEmoji.get(emoji) || new Set();
		for (const n of numbers) set.add(n);
		byEmoji.set(emoji, set);
		state.reactions.set(entryId, byEmoji);
	}

	/** Does this conversation pass the list's filters (the ones the simulator keeps data for)? */
	function matches(c, q) {
		const any = (csv, values) =>
			!csv ||
			String(csv)
				.split(',')
				.some((v) => values.includes(v));
		const userIds = (list) => list.flatMap((u) => [u.id, u.display_id]);
		if (!any(q['stage.name'], [c.stage?.name])) return false;
		if (!any(q.owned_by, userIds(c.owned_by))) return false;
		if (!any(q.members, userIds(c.members))) return false;
		if (!any(q.group, c.group ? [c.group.id] : [])) return false;
		if (
			!any(
				q.applies_to_parts,
				(c.applies_to_part || []).map((p) => p.id),
			)
		)
			return false;
		if (!any(q.source_channel, [c.source_channel])) return false;
		if (q.is_spam !== undefined && Boolean(c.is_spam) !== q.is_spam) return false;
		if (q.is_frozen !== undefined && Boolean(c.is_frozen) !== q.is_frozen) return false;
		if (q['tags_v2.id'] !== undefined) {
			const tag = c.tags.find((t) => t.tag.id === q['tags_v2.id']);
			if (!tag || (q['tags_v2.value'] !== undefined && tag.value !== q['tags_v2.value']))
				return false;
		}
		if (q['modified_date.after'] && c.modified_date < q['modified_date.after']) return false;
		if (q['modified_date.before'] && c.modified_date > q['modified_date.before']) return false;
		return true;
	}

	/** The create's and update's fields both take the same way. */
	function applyShared(c, body) {
		for (const key of [
			'title',
			'description',
			'is_spam',
			'brand',
			'source_channel',
			'source_channel_v2',
		])
			if (body[key] !== undefined) c[key] = body[key];
		if (body.group !== undefined) c.group = { id: body.group, display_id: body.group };
		if (body.stage?.name !== undefined) c.stage = { name: body.stage.name };
		if (body.metadata !== undefined) c.metadata = body.metadata;
		if (body.custom_fields) c.custom_fields = { ...c.custom_fields, ...body.custom_fields };
	}

	const customProblem = (body) =>
		body.custom_fields && Object.keys(body.custom_fields).length > 0 && !body.custom_schema_spec
			? {
					status: 400,
					body: errorBody(400, 'custom fields need a custom_schema_spec', {
						type: 'customization_validation_error',
					}),
				}
			: undefined;

	const routes = [
		{
			method: 'POST',
			path: '/conversations.create',
			contentType: 'application/json',
			body: schemas.conversationsCreate.body,
			handle({ body, state }) {
				const problem = customProblem(body);
				if (problem) return problem;
				const members = users(body.members);
				if (members.error) return members.error;
				const owners = users(body.owned_by);
				if (owners.error) return owners.error;
				const c = seedConversation(state, {
					members: members.users,
					owned_by: owners.users,
					tags: (body.tags || []).map(tagOf),
					...(body.channels ? { channels: idRefs(body.channels) } : {}),
				});
				applyShared(c, body);
				for (const message of body.messages || [])
					newComment(state, c, message.body ?? '', {
						...(message.artifacts ? { artifacts: idRefs(message.artifacts) } : {}),
					});
				return answer(state, c, 201);
			},
		},
		{
			method: 'GET',
			path: '/conversations.get',
			query: schemas.conversationsGet.query,
			handle({ query, state }) {
				const c = findConversation(state, query.id);
				return c ? answer(state, c) : notFound('conversation', query.id);
			},
		},
		{
			method: 'GET',
			path: '/conversations.list',
			query: schemas.conversationsList.query,
			handle({ query, state }) {
				const all = state.conversations.filter((c) => matches(c, query));
				const result = page(state, all, query);
				if (result.error) return result.error;
				return {
					status: 200,
					body: {
						conversations: result.items.map((c) => ({ ...c, messages: latestMessages(state, c) })),
						...result.cursors,
					},
				};
			},
		},
		{
			method: 'POST',
			path: '/conversations.update',
			contentType: 'application/json',
			body: schemas.conversationsUpdate.body,
			handle({ body, state }) {
				const c = findConversation(state, body.id);
				if (!c) return notFound('conversation', body.id);
				const problem = customProblem(body);
				if (problem) return problem;
				for (const [key, field] of [
					['members', 'members'],
					['owned_by', 'owned_by'],
				]) {
					if (!body[key]) continue;
					const read = users(body[key].set);
					if (read.error) return read.error;
					c[field] = read.users;
				}
				applyShared(c, body);
				if (body.is_frozen !== undefined) c.is_frozen = body.is_frozen;
				if (body.status !== undefined) c.status = body.status;
				if (body.applies_to_parts?.set) c.applies_to_part = idRefs(body.applies_to_parts.set);
				if (body.channels?.set) c.channels = idRefs(body.channels.set);
				if (body.tags) {
					if (body.tags.set) c.tags = body.tags.set.map(tagOf);
					const removed = new Set((body.tags.remove || []).map((t) => t.id));
					c.tags = c.tags.filter((t) => !removed.has(t.tag.id));
					for (const t of body.tags.add || [])
						if (!c.tags.some((have) => have.tag.id === t.id)) c.tags.push(tagOf(t));
				}
				c.modified_date = now();
				return answer(state, c);
			},
		},
		{
			method: 'POST',
			path: '/conversations.delete',
			contentType: 'application/json',
			body: schemas.conversationsDelete.body,
			handle({ body, state }) {
				const c = findConversation(state, body.id);
				if (!c) return notFound('conversation', body.id);
				state.conversations.splice(state.conversations.indexOf(c), 1);
				state.entries.delete(c.id);
				return { status: 200, body: {} };
			},
		},
		{
			method: 'GET',
			path: '/timeline-entries.get',
			query: schemas.timelineEntriesGet.query,
			handle({ query, state }) {
				const found = findEntry(state, query.id);
				return found
					? { status: 200, body: { timeline_entry: found.entry } }
					: notFound('timeline entry', query.id);
			},
		},
		{
			method: 'POST',
			path: '/timeline-entries.update',
			contentType: 'application/json',
			body: schemas.timelineEntriesUpdate.body,
			handle({ body, state }) {
				const found = findEntry(state, body.id);
				if (!found) return notFound('timeline entry', body.id);
				const entry = found.entry;
				if (body.body !== undefined) entry.body = body.body;
				if (body.body_type !== undefined) entry.body_type = body.body_type;
				if (body.artifacts) {
					const { set, add = [], remove = [] } = body.artifacts;
					let ids = set ?? (entry.artifacts || []).map((a) => a.id);
					ids = ids.filter((id) => !remove.includes(id));
					for (const id of add) if (!ids.includes(id)) ids.push(id);
					entry.artifacts = idRefs(ids);
				}
				entry.modified_date = now();
				return { status: 200, body: { timeline_entry: entry } };
			},
		},
		{
			method: 'POST',
			path: '/timeline-entries.delete',
			contentType: 'application/json',
			body: schemas.timelineEntriesDelete.body,
			handle({ body, state }) {
				const found = findEntry(state, body.id);
				if (!found) return notFound('timeline entry', body.id);
				found.list.splice(found.index, 1);
				state.reactions.delete(found.entry.id);
				return { status: 200, body: {} };
			},
		},
		{
			method: 'POST',
			path: '/reactions.update',
			contentType: 'application/json',
			body: schemas.reactionsUpdate.body,
			handle({ body, state }) {
				const found = findEntry(state, body.object);
				if (!found) return notFound('object', body.object);
				if (body.action === 'add') seedReactions(state, found.entry.id, body.emoji, [ME_NUMBER]);
				else state.reactions.get(found.entry.id)?.get(body.emoji)?.delete(ME_NUMBER);
				return { status: 200, body: {} };
			},
		},
		{
			method: 'GET',
			path: '/reactions.list',
			query: schemas.reactionsList.query,
			handle({ query, state }) {
				const found = findEntry(state, query.object);
				if (!found) return notFound('object', query.object);
				const numbers = [...(state.reactions.get(found.entry.id)?.get(query.emoji) || [])];
				const result = page(state, numbers.map(userSummary), query);
				if (result.error) return result.error;
				const { next_cursor } = result.cursors;
				return {
					status: 200,
					body: { reactors: result.items, ...(next_cursor ? { next_cursor } : {}) },
				};
			},
		},
	];

	return { routes, seedConversation, seedReactions, findConversation, findChat };
};
