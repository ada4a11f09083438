'use strict';
/** DevRev's examples in `n8n execute` (test/e2e/run.js): their output and what the simulator received. */
const { WORKFLOWS, sameJson } = require('../lib');

/** devrev-create-chat.json, twice: the second run opens the same chat. */
async function createChatTwice(t) {
	const { check, sims, execute, describeRun } = t;
	const first = await execute(WORKFLOWS.devrev, 'DevRev create chat');
	const chat = first.nodeOutput('Create DM')?.[0]?.chat;
	check(
		'DevRev example creates the DM (you added, DEVU-7, title)',
		first.ok &&
			chat &&
			sameJson(chat.users.map((u) => u.display_id).sort(), ['DEVU-42', 'DEVU-7']) &&
			chat.title === 'Release checklist',
		chat ?? describeRun(first),
	);
	const second = await execute(WORKFLOWS.devrev, 'DevRev create chat again');
	const again = second.nodeOutput('Create DM')?.[0]?.chat;
	check(
		'DevRev example run again opens the existing chat (get_if_conflict)',
		second.ok && again?.id === chat?.id,
		again ?? describeRun(second),
	);
	const body = sims.devrev.calls('POST', '/chats.create')[0]?.body;
	check(
		'DevRev simulator received users with you added and get_if_conflict',
		body &&
			body.get_if_conflict === true &&
			body.users.includes('DEVU-7') &&
			body.users.length === 2,
		body,
	);
}

/** devrev-dm-conversation.json: a conversation in a DM: open it, send a message, read the messages back. */
async function conversationInDm(t) {
	const { check, sims, execute, describeRun } = t;
	const run = await execute(WORKFLOWS.devrevConversation, 'DevRev DM conversation');
	check('DevRev conversation example runs to success', run.ok, describeRun(run));
	const chat = run.nodeOutput('Open DM')?.[0]?.chat;
	const sent = run.nodeOutput('Send Message')?.[0]?.timeline_entry;
	const read = run.nodeOutput('Read Messages') ?? [];
	const text = 'Hello from n8n: the release checklist is ready for review.';
	check(
		'DevRev Open DM: the DM between you and DEVU-8, titled',
		chat &&
			sameJson(chat.users.map((u) => u.display_id).sort(), ['DEVU-42', 'DEVU-8']) &&
			chat.title === 'n8n conversation',
		chat,
	);
	check(
		'DevRev Send Message: a text timeline comment on that DM',
		sent &&
			sent.type === 'timeline_comment' &&
			sent.object === chat?.id &&
			sent.body === text &&
			sent.body_type === 'text',
		sent,
	);
	check(
		'DevRev Read Messages: one item per message, the sent one read back exactly',
		read.length === 1 && sameJson(read[0], sent),
		read,
	);
	const create = sims.devrev.calls('POST', '/timeline-entries.create');
	check(
		'DevRev simulator received the documented comment body',
		create.length === 1 &&
			sameJson(create[0].body, {
				type: 'timeline_comment',
				object: chat?.id,
				body: text,
				body_type: 'text',
			}),
		create.map((c) => c.body),
	);
	const lists = sims.devrev.calls('GET', '/timeline-entries.list');
	check(
		'DevRev simulator was asked for the DM timeline once, by object and limit',
		lists.length === 1 && sameJson(lists[0].query, { object: chat?.id, limit: 50 }),
		lists.map((c) => c.query),
	);
}

async function examples(t) {
	await createChatTwice(t);
	await conversationInDm(t);
}

module.exports = { examples };
