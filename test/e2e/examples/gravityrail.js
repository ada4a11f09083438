'use strict';
/** Gravity Rail's examples in `n8n execute` (test/e2e/run.js): their output and what the simulator received. */
const { providers } = require('../../../dev/simulator');
const { WORKFLOWS, sameJson } = require('../lib');

/** examples/gravityrail-human-takeover.json (its id could join WORKFLOWS in dev/examples.js). */
const TAKEOVER_WORKFLOW = WORKFLOWS.gravityRailTakeover;

/** gravityrail-chat-and-dm.json: create a chat, then a DM. */
async function chatAndDm(t) {
	const { check, sims, execute, describeRun } = t;
	const run = await execute(WORKFLOWS.gravityRail, 'Gravity Rail chat + DM');
	const chat = run.nodeOutput('Create Chat')?.[0];
	const dm = run.nodeOutput('Create DM')?.[0];
	check('Gravity Rail example runs to success', run.ok, describeRun(run));
	check(
		'Gravity Rail Create Chat: web chat for member 202 running workflow 7',
		chat &&
			chat.channel === 'web-chat' &&
			chat.memberId === '202' &&
			chat.workflowId === '7' &&
			chat.title === 'Intake follow-up',
		chat,
	);
	check(
		'Gravity Rail Create DM: DM with member 900',
		dm && dm.chatType === 'dm' && dm.memberId === '900',
		dm,
	);
	const call = sims.gravityrail.calls('POST').find((r) => r.path.endsWith('/chats'));
	check(
		'Gravity Rail simulator got the workspace from the credential',
		call && call.path === `/api/v2/w/${providers.gravityrail.WORKSPACE_UUID}/chats`,
		call?.path,
	);
}

/** gravityrail-chat-roundtrip.json: a chat's round trip: create, update, read back, find it in the list. */
async function chatRoundTrip(t) {
	const { check, sims, execute, describeRun } = t;
	const run = await execute(WORKFLOWS.gravityRailRoundTrip, 'Gravity Rail chat round trip');
	check('Gravity Rail round-trip example runs to success', run.ok, describeRun(run));
	const created = run.nodeOutput('Create Chat')?.[0];
	const updated = run.nodeOutput('Update Chat')?.[0];
	const got = run.nodeOutput('Get Chat')?.[0];
	const list = run.nodeOutput('List Chats') ?? [];
	check(
		'Gravity Rail Create Chat: a web chat for member 202, assistant on',
		created &&
			created.channel === 'web-chat' &&
			created.memberId === '202' &&
			created.title === 'Billing question' &&
			created.assistantEnabled === true,
		created,
	);
	check(
		'Gravity Rail Update Chat: renamed, assistant off, same chat',
		updated &&
			updated.id === created?.id &&
			updated.title === 'Billing question (operator)' &&
			updated.assistantEnabled === false,
		updated,
	);
	check('Gravity Rail Get Chat reads back exactly the updated chat', sameJson(got, updated), got);
	const stored = sims.gravityrail.state.chats;
	check(
		'Gravity Rail List Chats: one item per chat of the workspace, the updated one among them',
		list.length === stored.length &&
			sameJson(
				list.map((c) => c.id),
				stored.map((c) => c.id),
			) &&
			sameJson(
				list.find((c) => c.id === created?.id),
				updated,
			),
		list.map((c) => [c.id, c.title]),
	);
	const put = sims.gravityrail.requests.filter((r) => r.method === 'PUT');
	const gets = sims.gravityrail.requests.filter(
		(r) =>
			r.method === 'GET' && r.path === `/api/v2/w/${providers.gravityrail.WORKSPACE_UUID}/chats`,
	);
	check(
		'Gravity Rail simulator received the update body and one list page (limit/offset)',
		put.length === 1 &&
			sameJson(put[0].body, { title: 'Billing question (operator)', assistantEnabled: false }) &&
			gets.length === 1 &&
			sameJson(gets[0].query, { limit: 100, offset: 0 }),
		{ put: put.map((r) => r.body), list: gets.map((r) => r.query) },
	);
}

/** gravityrail-human-takeover.json: create a chat, pause it for a person, add a supervisor, read it back. */
async function humanTakeover(t) {
	const { check, sims, execute, describeRun } = t;
	const run = await execute(TAKEOVER_WORKFLOW, 'Gravity Rail human takeover');
	check('Gravity Rail human-takeover example runs to success', run.ok, describeRun(run));
	const created = run.nodeOutput('Create Chat')?.[0];
	const paused = run.nodeOutput('Hand to a Person')?.[0];
	const added = run.nodeOutput('Add Supervisor')?.[0];
	const read = run.nodeOutput('Read Back')?.[0];
	check(
		'Gravity Rail Create Chat: an active web chat for member 202',
		created &&
			created.memberId === '202' &&
			created.title === 'Refund request' &&
			created.state === 'active',
		created,
	);
	check(
		'Gravity Rail Hand to a Person: the same chat, paused',
		paused && paused.id === created?.id && paused.state === 'paused',
		paused,
	);
	check(
		"Gravity Rail Add Supervisor: Gravity Rail's answer with the new participant's ID",
		added && added.success === true && typeof added.participantId === 'string',
		added,
	);
	check(
		'Gravity Rail Read Back: paused, member 505 among the participants as a contributor',
		read &&
			read.id === created?.id &&
			read.state === 'paused' &&
			read.participants.some((p) => p.memberId === '505' && p.role === 'contributor'),
		read,
	);
	const chatPath = `/api/v2/w/${providers.gravityrail.WORKSPACE_UUID}/chats/${created?.id}`;
	const put = sims.gravityrail.requests.filter((r) => r.method === 'PUT' && r.path === chatPath);
	const post = sims.gravityrail.requests.filter(
		(r) => r.method === 'POST' && r.path === `${chatPath}/participants`,
	);
	check(
		'Gravity Rail simulator received { state: paused } and the participant { memberId: 505 }',
		put.length === 1 &&
			sameJson(put[0].body, { state: 'paused' }) &&
			post.length === 1 &&
			sameJson(post[0].body, { memberId: '505' }),
		{ put: put.map((r) => r.body), post: post.map((r) => r.body) },
	);
}

async function examples(t) {
	await chatAndDm(t);
	await chatRoundTrip(t);
	await humanTakeover(t);
}

module.exports = { examples };
