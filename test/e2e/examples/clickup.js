'use strict';
/** ClickUp Chat's example in `n8n execute` (test/e2e/run.js): its output and what the simulator received. */
const { providers } = require('../../../dev/simulator');
const { WORKFLOWS, sameJson } = require('../lib');

/** clickup-dm-then-message.json: a conversation in a DM (open it, post, reply in the thread, read it back). */
async function conversationInDm(t) {
	const { check, sims, execute, describeRun } = t;
	const run = await execute(WORKFLOWS.clickup, 'ClickUp conversation in a DM');
	check('ClickUp example runs to success', run.ok && run.status === 'success', describeRun(run));
	const dm = run.nodeOutput('Open DM')?.[0];
	const msg = run.nodeOutput('Post Message')?.[0];
	const reply = run.nodeOutput('Reply in Thread')?.[0];
	const read = run.nodeOutput('Read Messages') ?? [];
	// the DM as the simulator answered it (posting in it since added latest_comment_at)
	const { latest_comment_at: _latest, ...stored } =
		(dm && sims.clickup.state.channels.get(dm.id)) ?? {};
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
		'ClickUp Read Messages reads the DM back: one item, the posted message, its reply counted',
		read.length === 1 &&
			read[0].id === msg?.id &&
			read[0].content === msg?.content &&
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
