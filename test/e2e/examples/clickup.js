'use strict';
/** ClickUp Chat's example in `n8n execute` (test/e2e/run.js): its output and what the simulator received. */
const { providers } = require('../../../dev/simulator');
const { WORKFLOWS, sameJson } = require('../lib');

/**
 * clickup-dm-then-message.json: a conversation in a DM (open it, post, reply in the thread, react
 * to the message, edit it, read the thread and the DM back).
 */
async function conversationInDm(t) {
	const { check, sims, execute, describeRun } = t;
	const run = await execute(WORKFLOWS.clickup, 'ClickUp conversation in a DM');
	check('ClickUp example runs to success', run.ok && run.status === 'success', describeRun(run));
	const dm = run.nodeOutput('Open DM')?.[0];
	const msg = run.nodeOutput('Post Message')?.[0];
	const reply = run.nodeOutput('Reply in Thread')?.[0];
	const reaction = run.nodeOutput('React to Message') ?? [];
	const edited = run.nodeOutput('Edit Message') ?? [];
	const replies = run.nodeOutput('Read Replies') ?? [];
	const read = run.nodeOutput('Read Messages') ?? [];
	const state = sims.clickup.state;
	// the DM as the simulator answered it (posting in it since added latest_comment_at)
	const { latest_comment_at: _latest, ...stored } = (dm && state.channels.get(dm.id)) ?? {};
	check(
		'ClickUp Open DM outputs the new DM flat: the channel as ClickUp sent it + created: true (type DM, you + user 183)',
		dm?.created === true &&
			dm.type === 'DM' &&
			sameJson(dm.members, ['183', '42']) &&
			!('data' in dm) &&
			sameJson(dm, { ...stored, created: true }),
		dm,
	);
	check(
		'ClickUp Post Message posted into that DM',
		msg &&
			msg.parent_channel === dm?.id &&
			msg.content.startsWith('Hello from n8n') &&
			msg.type === 'message',
		msg,
	);
	check(
		"ClickUp Reply in Thread replied in the message's thread",
		reply &&
			reply.parent_message === msg?.id &&
			reply.parent_channel === dm?.id &&
			reply.content.startsWith('And this reply'),
		reply,
	);
	check(
		'ClickUp React to Message put a thumbsup on the posted message, as you (one item, the reaction as ClickUp sent it)',
		reaction.length === 1 &&
			reaction[0].reaction === 'thumbsup' &&
			reaction[0].user_id === String(providers.clickup.ME.id) &&
			typeof reaction[0].date === 'number' &&
			sameJson(state.reactions.get(msg?.id), reaction),
		{ reaction, stored: msg && state.reactions.get(msg.id) },
	);
	check(
		'ClickUp Edit Message changed the posted message (same ID, the new text, an update date)',
		edited.length === 1 &&
			edited[0].id === msg?.id &&
			edited[0].content.endsWith('edited after the reply.') &&
			typeof edited[0].date_updated === 'number',
		edited,
	);
	check(
		'ClickUp Read Replies reads the thread back: one item, the reply as it was posted',
		replies.length === 1 && sameJson(replies[0], reply),
		replies,
	);
	check(
		'ClickUp Read Messages reads the DM back: one item, the edited message, its reply counted',
		read.length === 1 &&
			read[0].id === msg?.id &&
			read[0].content === edited[0]?.content &&
			read[0].replies_count === 1,
		read,
	);
	const req = sims.clickup.requests.find(
		(r) => r.path.endsWith('/messages') && r.method === 'POST',
	);
	check(
		'ClickUp simulator received the message with the raw token header',
		req &&
			req.headers.authorization === providers.clickup.TOKEN &&
			req.body.content_format === 'text/md',
		req && { headers: req.headers, body: req.body },
	);
	const sent = (method, suffix) =>
		sims.clickup.requests.filter(
			(r) => r.method === method && r.path.endsWith(suffix) && r.route !== undefined,
		);
	const reacted = sent('POST', `/chat/messages/${msg?.id}/reactions`);
	const patched = sent('PATCH', `/chat/messages/${msg?.id}`);
	const threadRead = sent('GET', `/chat/messages/${msg?.id}/replies`);
	check(
		'ClickUp simulator received the reaction, the edit (only the content) and the thread read (Return All: pages of 100)',
		reacted.length === 1 &&
			sameJson(reacted[0].body, { reaction: 'thumbsup' }) &&
			patched.length === 1 &&
			sameJson(Object.keys(patched[0].body), ['content']) &&
			threadRead.length === 1 &&
			threadRead[0].rawQuery === '?limit=100',
		{ reacted, patched: patched.map((r) => r.body), threadRead: threadRead.map((r) => r.rawQuery) },
	);
	const list = sims.clickup.requests.find(
		(r) => r.path.endsWith('/messages') && r.method === 'GET',
	);
	check(
		"ClickUp simulator received the read with limit 10 (the node's Limit)",
		list && list.rawQuery === '?limit=10',
		list && { path: list.path, rawQuery: list.rawQuery },
	);
}

async function examples(t) {
	await conversationInDm(t);
}

module.exports = { examples };
