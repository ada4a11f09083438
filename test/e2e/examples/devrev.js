'use strict';
/** DevRev's examples in `n8n execute` (test/e2e/run.js): their output and what the simulator received. */
const { WORKFLOWS, sameJson } = require('../lib');

/** examples/devrev-conversation.json (its id could join WORKFLOWS in dev/examples.js). */
const CONVERSATION_WORKFLOW = WORKFLOWS.devrevSupportConversation;

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

/** devrev-conversation.json: a support conversation: create, reply, move its stage, read it back. */
async function supportConversation(t) {
	const { check, sims, execute, describeRun } = t;
	const run = await execute(CONVERSATION_WORKFLOW, 'DevRev support conversation');
	check('DevRev support conversation example runs to success', run.ok, describeRun(run));
	const created = run.nodeOutput('Create Conversation')?.[0]?.conversation;
	const reply = run.nodeOutput('Reply')?.[0]?.timeline_entry;
	const updated = run.nodeOutput('Wait on Customer')?.[0]?.conversation;
	const read = run.nodeOutput('Read Back')?.[0]?.conversation;
	const first = 'Hi, my card was declined twice at checkout.';
	const answer = 'Thanks for reaching out: we are looking into your payment now.';
	check(
		'DevRev Create Conversation: titled, customer REVU-3 a member, the first message on it, stage new',
		created &&
			created.title === 'Card declined at checkout' &&
			sameJson(
				created.members.map((m) => m.display_id),
				['REVU-3'],
			) &&
			created.messages.length === 1 &&
			created.messages[0].body === first &&
			created.stage?.name === 'new',
		created,
	);
	check(
		"DevRev Reply: a text comment on the conversation's timeline",
		reply &&
			reply.object === created?.id &&
			reply.object_type === 'conversation' &&
			reply.body === answer &&
			reply.body_type === 'text',
		reply,
	);
	check(
		'DevRev Wait on Customer: the same conversation, stage waiting_on_user, owned by DEVU-42',
		updated &&
			updated.id === created?.id &&
			updated.stage?.name === 'waiting_on_user' &&
			sameJson(
				updated.owned_by.map((u) => u.display_id),
				['DEVU-42'],
			),
		updated,
	);
	check(
		'DevRev Read Back: the updated conversation with both messages, oldest first',
		read &&
			read.id === created?.id &&
			read.stage?.name === 'waiting_on_user' &&
			sameJson(
				read.messages.map((m) => m.body),
				[first, answer],
			),
		read,
	);
	const create = sims.devrev.calls('POST', '/conversations.create');
	const update = sims.devrev.calls('POST', '/conversations.update');
	check(
		'DevRev simulator received the documented create and update bodies',
		create.length === 1 &&
			sameJson(create[0].body, {
				type: 'support',
				members: ['REVU-3'],
				messages: [{ body: first }],
				title: 'Card declined at checkout',
			}) &&
			update.length === 1 &&
			sameJson(update[0].body, {
				id: created?.id,
				owned_by: { set: ['DEVU-42'] },
				stage: { name: 'waiting_on_user' },
			}),
		{ create: create.map((c) => c.body), update: update.map((c) => c.body) },
	);
}

async function examples(t) {
	await createChatTwice(t);
	await conversationInDm(t);
	await supportConversation(t);
}

module.exports = { examples };
