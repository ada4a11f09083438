'use strict';
/** Gravity Rail's examples in `n8n execute` (test/e2e/run.js): their output and what the simulator received. */
const { providers } = require('../../../dev/simulator');
const { WORKFLOWS, sameJson } = require('../lib');

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

async function examples(t) {
	await chatAndDm(t);
	await chatRoundTrip(t);
}

module.exports = { examples };
