#!/usr/bin/env node
'use strict';
/**
 * End-to-end suite: every example workflow in a real n8n 2.8.4 (scripts/install-n8n.sh) with this
 * package loaded, against the provider simulator (in this process, random loopback ports).
 *
 *   1. `n8n execute` of every example; assertions on the nodes' JSON output and on what the
 *      simulator received. Dify: the stream aggregated inside n8n equals the built aggregator's
 *      result on the same fixture. Failures: a bad API key and a provider error show the
 *      provider's message in the execution.
 *   2. Zaia export → Zaia Trigger: the trigger workflow is published, `n8n start`, the simulator's
 *      export callback reaches the trigger and a new execution carries the export.
 *   3. Zaia export-and-wait: the execution waits; resume calls without / with a wrong token get 401
 *      and it keeps waiting; the simulator's own callback resumes it and it finishes with the
 *      callback's content.
 *   4. The editor's REST API: every credential's Test button, and the ClickUp Workspace and Channel
 *      pickers.
 *
 * n8n's WEBHOOK_URL points at a gate proxy (test/e2e/lib.js) so callbacks the simulator makes while
 * n8n is not started yet are held, then released in a known order.
 *
 *   node test/e2e/run.js            (after npm run build and bash scripts/install-n8n.sh)
 *   KEEP_N8N_FOLDER=1 ...           keep the temp n8n user folder
 * Prints `N passed, N failed` last; exit 1 on any failure. Bounded: E2E_TIMEOUT_MS (default 20 min).
 */
const fs = require('node:fs');
const path = require('node:path');
const host = require('../../dev/host/index');
if (host.runUnderHostNode()) return; // re-run on the node the host's sqlite3 was built for
const { ProviderSimulator, providers } = require('../../dev/simulator');
const {
	runSuite,
	hostChecks,
	N8nRest,
	CREDENTIALS,
	WORKFLOWS,
	GateProxy,
	Checks,
	demoCredentials,
	loadExamples,
	retarget,
	request,
	sameJson,
	firstDifference,
	REPO_ROOT,
} = require('./lib');

const checks = new Checks();
const check = checks.check.bind(checks);
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 20 * 60 * 1000);

const sims = {};
let gate;
let inst;
let server;

function since(t0) {
	return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

async function teardown() {
	try {
		if (server) await server.stop();
	} catch {
		/* best effort */
	}
	try {
		if (inst) await inst.cleanup();
	} catch {
		/* best effort */
	}
	if (gate) await gate.stop().catch(() => {});
	await Promise.all(Object.values(sims).map((s) => s.stop().catch(() => {})));
}

function aggregator() {
	const file = path.join(REPO_ROOT, 'dist', 'nodes', 'Dify', 'helpers', 'reader.js');
	return require(file);
}

function fixture(name) {
	return fs.readFileSync(
		path.join(REPO_ROOT, 'dev', 'simulator', 'fixtures', 'dify', `${name}.sse`),
	);
}

/** Run one workflow with `n8n execute`; logs how long it took; returns the host's result. */
async function execute(id, label) {
	const t0 = Date.now();
	const run = await inst.execute(id, { timeoutMs: 180000 });
	console.log(
		`     (${label ?? id}: n8n execute exit ${run.code}, status ${run.status}, ${since(t0)})`,
	);
	return run;
}

function describeRun(run) {
	return `exit ${run.code}${run.signal ? ` (killed by ${run.signal})` : ''}${run.timedOut ? ' (timed out)' : ''}, status ${run.status}, error ${JSON.stringify(run.error?.message ?? null)}; stdout tail: ${run.stdout.slice(-1500)} stderr tail: ${run.stderr.slice(-800)}`;
}

async function simpleExamples() {
	// ClickUp: a conversation in a DM (open it, post, reply in the thread, read it back)
	{
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
	// DevRev: twice, the second opens the same chat
	{
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
	// DevRev: a conversation in a DM: open it, send a message, read the messages back
	{
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
	// Dify: two turns, the second continues the first's conversation
	{
		const run = await execute(WORKFLOWS.difyConversation, 'Dify conversation');
		const first = run.nodeOutput('First Turn')?.[0];
		const second = run.nodeOutput('Second Turn')?.[0];
		check('Dify conversation example runs to success', run.ok, describeRun(run));
		check(
			'Dify first turn has an answer and a conversation_id',
			first && first.answer?.length > 0 && first.conversation_id && first.status === 'succeeded',
			first,
		);
		const calls = sims.dify.requests.filter((r) => r.path === '/chat-messages');
		check(
			"Dify second turn sent the first turn's conversation_id (same user) and got an answer",
			calls.length === 2 &&
				calls[1].body.conversation_id === first?.conversation_id &&
				calls[1].body.user === calls[0].body.user &&
				calls[0].body.conversation_id === undefined &&
				second?.answer?.length > 0,
			calls.map((c) => c.body),
		);
		check(
			'Dify turns were streamed (response_mode streaming)',
			calls.every((c) => c.body.response_mode === 'streaming'),
			calls.map((c) => c.body.response_mode),
		);
		// The simulator composes each answer for its query (dev/simulator/dify/answers.js) and keeps
		// the exact bytes it sent (`sseBytes`): n8n's item must equal the built aggregator on them.
		const answerEvents = (call) =>
			String(call?.sseBytes ?? '')
				.split('\n\n')
				.filter((block) => block.startsWith('data: '))
				.map((block) => JSON.parse(block.slice(6)))
				.filter((event) => event.event === 'message');
		for (const [index, item] of [first, second].entries()) {
			const sent = calls[index]?.sseBytes;
			const expected = sent ? await aggregator().aggregateDifyStream([sent], {}) : undefined;
			check(
				`Dify turn ${index + 1} output equals dist/ aggregateDifyStream on the exact SSE bytes the simulator sent for it`,
				sent !== undefined && sameJson(item, expected),
				sent ? firstDifference(item, expected) : 'no sseBytes recorded',
			);
		}
		check(
			'Dify first turn answers the question (about the iPhone 13 Pro Max specs), not the docs sample " I"',
			/iPhone 13 Pro Max/.test(first?.answer ?? '') &&
				/display|chip|camera/.test(first?.answer ?? '') &&
				first?.answer !== ' I',
			first?.answer,
		);
		const chunks = answerEvents(calls[0]);
		check(
			'Dify first turn arrived in several message chunks that add up to the answer',
			chunks.length >= 3 && chunks.map((e) => e.answer).join('') === first?.answer,
			chunks.map((e) => e.answer),
		);
		check(
			'Dify second turn differs and continues the conversation: same conversation_id, new message_id, an answer about the weight of the phone of turn 1',
			second &&
				second.conversation_id === first?.conversation_id &&
				second.message_id !== first?.message_id &&
				second.answer !== first?.answer &&
				/iPhone 13 Pro Max/.test(second.answer) &&
				/weighs|grams/.test(second.answer) &&
				answerEvents(calls[1]).length >= 3,
			second && {
				answer: second.answer,
				conversation_id: second.conversation_id,
				message_id: second.message_id,
			},
		);
	}
	// Dify: streaming Agent app, compared with the built aggregator on the same fixture
	{
		const run = await execute(WORKFLOWS.difyAgent, 'Dify agent streaming');
		const item = run.nodeOutput('Ask the Agent')?.[0];
		check(
			'Dify agent example runs to success with one item',
			run.ok && run.nodeOutput('Ask the Agent')?.length === 1,
			describeRun(run),
		);
		const expected = await aggregator().aggregateDifyStream([fixture('agent-chat')], {});
		check(
			'Dify agent: the stream aggregated inside n8n equals dist/ aggregateDifyStream on agent-chat.sse',
			sameJson(item, expected),
			firstDifference(item, expected),
		);
		check(
			'Dify agent: answer and agent thoughts present',
			item &&
				item.answer.length > 0 &&
				Array.isArray(item.agent_thoughts) &&
				item.agent_thoughts.length > 0 &&
				item.mode === 'agent-chat',
			item && { answer: item.answer, mode: item.mode },
		);
	}
	// Dify: after the answer — suggested questions, a rating, the history, an automatic name
	{
		const run = await execute('exDifyFollowUp01', 'Dify follow-ups');
		check('Dify follow-ups example runs to success', run.ok, describeRun(run));
		const asked = run.nodeOutput('Ask')?.[0];
		const suggested = run.nodeOutput('Suggest Follow-ups')?.[0];
		const rated = run.nodeOutput('Rate the Answer')?.[0];
		const history = run.nodeOutput('Read the History') ?? [];
		const named = run.nodeOutput('Name the Conversation') ?? [];
		const user = 'demo-user-3';
		const calls = (method, path) =>
			sims.dify.requests.filter((r) => r.method === method && r.path === path);
		const suggestCall = calls('GET', `/messages/${asked?.message_id}/suggested`);
		check(
			"Dify Get Suggested Questions: the answer's message_id and User, Dify's list of questions",
			suggestCall.length === 1 &&
				suggestCall[0].query.user === user &&
				suggested?.message_id === asked?.message_id &&
				Array.isArray(suggested?.data) &&
				suggested.data.length === 3,
			{ suggested, query: suggestCall[0]?.query },
		);
		const feedbackCall = calls('POST', `/messages/${asked?.message_id}/feedbacks`);
		check(
			'Dify Message Feedback → Create sent like with the comment and the same User',
			feedbackCall.length === 1 &&
				sameJson(feedbackCall[0].body, { rating: 'like', user, content: 'Clear and complete' }) &&
				sameJson(rated, { result: 'success', message_id: asked?.message_id, rating: 'like' }),
			{ body: feedbackCall[0]?.body, rated },
		);
		check(
			'Dify Conversation → Get Messages: one item for the turn, with its query, answer and the new rating',
			history.length === 1 &&
				history[0].id === asked?.message_id &&
				history[0].answer === asked?.answer &&
				history[0].query === 'What are the specs of the iPhone 13 Pro Max?' &&
				sameJson(history[0].feedback, { rating: 'like' }),
			history,
		);
		const renameCall = calls('POST', `/conversations/${asked?.conversation_id}/name`);
		check(
			'Dify Conversation → Rename (Auto Generate) ran once and named the conversation after its first question',
			named.length === 1 &&
				renameCall.length === 1 &&
				sameJson(renameCall[0].body, { auto_generate: true, user }) &&
				named[0].id === asked?.conversation_id &&
				/^What are the specs of the iPho/.test(named[0].name ?? ''),
			{ named, body: renameCall[0]?.body },
		);
	}
	// Gravity Rail: chat, then DM
	{
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
	// Gravity Rail: a chat's round trip: create, update, read back, find it in the list
	{
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
	// Zaia: a conversation (the customer asks, support answers, the chat is read back)
	{
		const run = await execute(WORKFLOWS.zaiaCreateGet, 'Zaia conversation');
		const asked = run.nodeOutput('Create Message')?.[0];
		const answered = run.nodeOutput('Support Answers')?.[0];
		const list = run.nodeOutput('Get Messages') ?? [];
		check('Zaia conversation example runs to success', run.ok, describeRun(run));
		check(
			'Zaia Create outputs the customer message',
			asked &&
				asked.content === 'Any news about order #4411?' &&
				asked.chatId === providers.zaia.CHAT_ID &&
				asked.role === 'user' &&
				asked.externalId === 'n8n-demo-1',
			asked,
		);
		check(
			'Zaia Create (support) answers in the same chat',
			answered &&
				answered.chatId === asked?.chatId &&
				answered.role === 'support' &&
				answered.senderId === providers.zaia.AGENT_ID &&
				answered.externalId === 'n8n-demo-2',
			answered,
		);
		check(
			'Zaia Get Many (Return All) reads the whole chat back: the 3 earlier messages, then the question and the answer, each with its sender',
			sameJson(
				list.map((m) => [m.role, m.content]),
				[
					['user', 'Hi, my order has not arrived'],
					['assistant', 'Sorry to hear that! Which order number?'],
					['user', 'It is #4411'],
					['user', 'Any news about order #4411?'],
					['support', 'Order #4411 left our warehouse yesterday; it should arrive tomorrow.'],
				],
			) &&
				sameJson(
					list.slice(-2).map((m) => m.id),
					[asked?.id, answered?.id],
				) &&
				list.every((m) => m.senderSuperIdentity && m.senderSuperIdentity.id === m.senderId),
			list.map((m) => [m.role, m.content, m.senderSuperIdentity?.entity]),
		);
		const read = sims.zaia.calls('GET', '/api/v1/chat-messages').at(-1);
		check(
			'Zaia Get Many with Return All asked for limit=1000 (the most Zaia gives)',
			read?.rawQuery === `?chatId=${providers.zaia.CHAT_ID}&limit=1000&joins=senders`,
			read?.rawQuery,
		);
	}
}

/** Dify: the Human Input loop and Run Workflow examples (node version 1.1: Simplify on). */
async function difyWorkflowExamples() {
	{
		const run = await execute(WORKFLOWS.difyHumanInput, 'Dify human input loop');
		const paused = run.nodeOutput('Draft Reply')?.[0];
		const form = run.nodeOutput('Get Form')?.[0];
		const answer = run.nodeOutput('Submit Answer')?.[0];
		check('Dify human input example runs to success', run.ok, describeRun(run));
		check(
			'Dify human input: Send paused the run with a form (simplified item: answer first)',
			paused &&
				paused.status === 'paused' &&
				paused.form?.form_token === 'tok_abc123' &&
				Object.keys(paused)[0] === 'answer',
			paused,
		);
		check(
			'Dify human input: Get Form read the form and its actions',
			form && form.form_content && form.user_actions?.[0]?.id === 'approve',
			form,
		);
		const posts = sims.dify.requests.filter(
			(r) => r.method === 'POST' && r.path === '/form/human_input/tok_abc123',
		);
		const reopened = sims.dify.requests.filter((r) => /^\/workflow\/[^/]+\/events$/.test(r.path));
		check(
			'Dify human input: Submit sent the chosen action and inputs, then followed the run',
			posts.length >= 1 &&
				posts.at(-1).body.action === 'approve' &&
				posts.at(-1).body.inputs.comment === 'Looks good.' &&
				reopened.length >= 1 &&
				/continue_on_pause=true/.test(reopened.at(-1).rawQuery),
			posts.map((p) => p.body),
		);
		const expected = await aggregator().aggregateDifyStream([fixture('human-input-resumed')], {});
		check(
			'Dify human input: the resumed answer is the one Dify streamed after the form',
			answer && answer.status === 'succeeded' && answer.answer === expected.answer,
			answer,
		);
	}
	{
		const run = await execute(WORKFLOWS.difyWorkflowRun, 'Dify run workflow');
		const item = run.nodeOutput('Run Workflow')?.[0];
		const detail = run.nodeOutput('Get Run')?.[0];
		check('Dify run workflow example runs to success', run.ok, describeRun(run));
		const calls = sims.dify.requests.filter((r) => r.path === '/workflows/run');
		check(
			'Dify run workflow: streamed with the inputs, simplified item with outputs first',
			calls.at(-1)?.body.response_mode === 'streaming' &&
				calls.at(-1)?.body.inputs.topic === 'coffee' &&
				item &&
				item.status === 'succeeded' &&
				Object.keys(item).slice(0, 3).join() === 'workflow_run_id,status,outputs' &&
				typeof item.outputs?.result === 'string',
			item,
		);
		check(
			'Dify run workflow: Get Run reads the same run back',
			detail && detail.id === item?.workflow_run_id && detail.status === 'succeeded',
			detail,
		);
	}
}

async function failures(sims) {
	// a bad API key: the provider's own message in the execution
	{
		const run = await execute('e2eBadKeyZaia001', 'Zaia with a bad key');
		const error = run.nodeError('Create Message');
		check(
			'bad key: execution fails (exit 1, status error)',
			run.code !== 0 && run.status === 'error',
			describeRun(run),
		);
		check(
			'bad key: the node error carries Zaia\'s message "Invalid API key."',
			error && /Invalid API key\./.test(`${error.message} ${error.description ?? ''}`),
			error,
		);
		check(
			'bad key: the key itself appears nowhere in the output',
			!run.stdout.includes('zaia_bad_key_') && !run.stderr.includes('zaia_bad_key_'),
		);
		const last = sims.zaia.requests.at(-1);
		check(
			'bad key: the request reached Zaia and was refused with 401',
			last && last.headers.authorization?.startsWith('zaia_bad_key_'),
			last?.headers,
		);
	}
	// a provider error body (Dify quota): the provider's message and code
	{
		const run = await execute('e2eDifyErrorQ001', 'Dify provider error');
		const error = run.nodeError('First Turn');
		const message = 'Your quota for Dify Hosted OpenAI has been exhausted';
		check(
			'Dify provider error: execution fails',
			run.code !== 0 && run.status === 'error',
			describeRun(run),
		);
		check(
			"Dify provider error: the node error carries Dify's message",
			error && `${error.message} ${error.description ?? ''}`.includes(message),
			error,
		);
	}
}

async function triggerAndWait() {
	const exported = await execute(WORKFLOWS.zaiaExportUrl, 'Zaia export to trigger');
	const ack = exported.nodeOutput('Export to Trigger')?.[0];
	check(
		"Zaia export (send to URL) outputs Zaia's acknowledgement",
		exported.ok &&
			/Export started/.test(ack?.message ?? '') &&
			ack?.exportRequested?.rangeStart === '2025-01-01T00:00:00.000Z',
		ack ?? describeRun(exported),
	);

	const waited = await execute(WORKFLOWS.zaiaExportWait, 'Zaia export and wait');
	check(
		'Zaia export-and-wait: `n8n execute` ends with status waiting',
		waited.code === 0 && waited.status === 'waiting',
		describeRun(waited),
	);
	const waiting = await inst.listExecutions({
		workflowId: WORKFLOWS.zaiaExportWait,
		status: 'waiting',
	});
	check('Zaia export-and-wait: the execution is stored as waiting', waiting.length === 1, waiting);
	const executionId = waiting[0]?.id;

	// The simulator has called back by now (held by the gate): to the trigger, and to the resume URL.
	const triggerCallback = await gate.waitFor('/zaia-export', { timeoutMs: 30000 }).catch((e) => e);
	const resumeCallback = await gate
		.waitFor(`/webhook-waiting/${executionId}`, { timeoutMs: 30000 })
		.catch((e) => e);
	check(
		'the simulator called the trigger URL with the secret',
		!(triggerCallback instanceof Error) && triggerCallback.url.includes('secret='),
		String(triggerCallback),
	);
	check(
		"the simulator called the execution's resume URL with the node's token",
		!(resumeCallback instanceof Error) && /[?&]zaiaToken=/.test(resumeCallback.url),
		String(resumeCallback?.url ?? resumeCallback),
	);

	await inst.publishWorkflow(WORKFLOWS.zaiaTrigger);
	const t0 = Date.now();
	server = await inst.start({ timeoutMs: 240000 });
	console.log(`     (n8n start ready in ${since(t0)} on ${server.baseUrl})`);
	gate.targetPort = server.port;

	// --- trigger
	const triggerUrl = new URL(triggerCallback.url, server.baseUrl);
	const noSecret = await request(`${server.baseUrl}${triggerUrl.pathname}`, {
		method: 'POST',
		body: { messages: [] },
	});
	check('Zaia Trigger: a call without the secret gets 401', noSecret.status === 401, noSecret);
	const [triggerAnswer] = await gate.release('/zaia-export');
	check(
		"Zaia Trigger answered the simulator's export callback with 200",
		triggerAnswer?.status === 200,
		triggerAnswer,
	);
	let triggered;
	const deadline = Date.now() + 60000;
	while (Date.now() < deadline) {
		const rows = await inst.listExecutions({ workflowId: WORKFLOWS.zaiaTrigger });
		if (rows.length && ['success', 'error', 'crashed'].includes(rows[0].status)) {
			triggered = await inst.queryExecution(rows[0].id);
			break;
		}
		await host.sleep(300);
	}
	const triggeredRows = await inst.listExecutions({ workflowId: WORKFLOWS.zaiaTrigger });
	check(
		'Zaia Trigger: exactly one execution (the 401 call started nothing)',
		triggeredRows.length === 1,
		triggeredRows,
	);
	const triggerOut =
		triggered && host.summarizeRun({ data: triggered.data }).nodeOutput('Count Messages')?.[0];
	const job = [...sims.zaia.state.exports.values()].find((j) =>
		j.callbackUrl.includes('/zaia-export'),
	);
	check(
		'Zaia Trigger execution succeeded',
		triggered?.status === 'success',
		triggered && { status: triggered.status, error: triggered.data?.resultData?.error },
	);
	check(
		"Zaia Trigger execution carries the export (format json, the 3 messages of the simulator's export)",
		triggerOut &&
			triggerOut.format === 'json' &&
			triggerOut.messageCount === 3 &&
			sameJson(
				triggerOut.body.messages.map((m) => m.id),
				job.messages.map((m) => m.id),
			),
		triggerOut,
	);
	check(
		'the Zaia Trigger example keeps its secret in its credential: the workflow JSON does not hold it',
		loadExamples().some(
			({ workflow }) =>
				workflow.id === WORKFLOWS.zaiaTrigger &&
				!JSON.stringify(workflow).includes(providers.zaia.TRIGGER_SECRET) &&
				workflow.nodes.some((n) => n.credentials?.zaiaTriggerApi),
		),
	);
	{
		// a trigger whose secret is too short is not activated, and n8n says what to set
		const rest = new N8nRest(server.baseUrl);
		await rest.ensureOwner();
		const stored = await rest.call('GET', '/rest/workflows/e2eZaiaTrgShort1');
		const versionId = (stored.json?.data ?? stored.json)?.versionId;
		const activation = await rest.call('POST', '/rest/workflows/e2eZaiaTrgShort1/activate', {
			versionId,
		});
		const refusal = 'needs a secret of at least 16 characters in the Zaia Trigger credential';
		if (!host.versionTraits(inst.version).publicationService) {
			check(
				'Zaia Trigger with a 12-character secret: n8n refuses to activate it, naming what to set',
				activation.status >= 400 && activation.text.includes(refusal),
				{ status: activation.status, body: activation.text.slice(0, 400) },
			);
			const after = await rest.call('GET', '/rest/workflows/e2eZaiaTrgShort1');
			check(
				'…and it stays inactive',
				(after.json?.data ?? after.json)?.active === false,
				(after.json?.data ?? after.json)?.active,
			);
		} else {
			// n8n 2.41 publishes through an outbox: the activate call is accepted at once and the
			// trigger is activated afterwards; a trigger that refuses shows up in the publication
			// status (what the editor reports to the user), and its URL is never registered
			let status;
			for (let tries = 0; tries < 60; tries++) {
				const answer = await rest.call(
					'GET',
					'/rest/workflows/e2eZaiaTrgShort1/publication-status',
				);
				status = answer.json?.data ?? answer.json;
				if (status && status.status !== 'in_progress' && status.status !== 'not_published') break;
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
			check(
				'Zaia Trigger with a 12-character secret: n8n 2.41 fails its publication with our message, naming what to set',
				activation.status === 200 &&
					status?.status === 'failed' &&
					status.triggers?.length === 1 &&
					status.triggers[0].status === 'failed' &&
					String(status.triggers[0].errorMessage).includes(refusal),
				{ activation: activation.status, status },
			);
			const stored = (await rest.call('GET', '/rest/workflows/e2eZaiaTrgShort1')).json;
			const path = (stored?.data ?? stored)?.nodes?.find((n) =>
				n.type.endsWith('zaiaTrigger'),
			)?.webhookId;
			const call = await request(`${server.baseUrl}/webhook/${path}/zaia-export`, {
				method: 'POST',
				body: { messages: [] },
			});
			check('…and its URL is not registered (404), so nothing can start it', call.status === 404, {
				status: call.status,
				path,
			});
		}
	}
	check(
		'Zaia Trigger hides the secret from the output',
		triggerOut && !JSON.stringify(triggerOut).includes('demo-secret-change-me'),
		triggerOut?.query,
	);

	// --- export and wait
	const resumePath = new URL(resumeCallback.url, server.baseUrl);
	const bare = `${server.baseUrl}${resumePath.pathname}`;
	const noToken = await request(bare, { method: 'POST', body: { messages: [] } });
	check('resume without the token: 401', noToken.status === 401, noToken);
	const wrong = new URL(resumeCallback.url, server.baseUrl);
	wrong.searchParams.set('zaiaToken', 'f'.repeat(64));
	const wrongToken = await request(wrong.toString(), { method: 'POST', body: { messages: [] } });
	check('resume with a wrong token: 401', wrongToken.status === 401, wrongToken);
	const still = await inst.listExecutions({ workflowId: WORKFLOWS.zaiaExportWait });
	check(
		'after the refused calls the execution is still waiting',
		still[0]?.id === executionId && still[0]?.status === 'waiting',
		still,
	);

	const [resumeAnswer] = await gate.release(`/webhook-waiting/${executionId}`);
	check(
		"the simulator's real callback is accepted (200)",
		resumeAnswer?.status === 200,
		resumeAnswer,
	);
	let done;
	try {
		done = await inst.waitForExecutionStatus(executionId, { timeoutMs: 60000 });
	} catch (error) {
		checks.fail('the resumed execution finishes', error);
	}
	const run = done && host.summarizeRun({ data: done.data });
	const out = run?.nodeOutput('Export and Wait')?.[0];
	const waitJob = [...sims.zaia.state.exports.values()].find((j) =>
		j.callbackUrl.includes('/webhook-waiting/'),
	);
	check(
		'the resumed execution finished with success and ran the next node',
		done?.status === 'success' && run.nodeOutput('Export Received')?.length === 1,
		done && { status: done.status, error: done.data?.resultData?.error },
	);
	check(
		"Zaia node outputs the callback's export first (Zaia's field names), then callbackReceived, then callback",
		out &&
			sameJson(Object.keys(out), [
				'exportId',
				'status',
				'language',
				'rangeStart',
				'rangeEnd',
				'count',
				'messages',
				'callbackReceived',
				'callback',
			]) &&
			out.callbackReceived === true &&
			out.callback.format === 'json' &&
			out.exportId === waitJob?.id &&
			sameJson(
				out.messages.map((m) => m.id),
				waitJob.messages.map((m) => m.id),
			),
		out && { keys: Object.keys(out), callback: out.callback },
	);
	check(
		'the resume token is not in the output',
		out &&
			!JSON.stringify(out).includes('zaiaToken=') &&
			!JSON.stringify(out?.callback?.query ?? {}).includes('zaiaToken'),
		out?.callback?.query,
	);
	const replay = await request(
		resumeCallback.url.startsWith('http')
			? resumeCallback.url
			: `${server.baseUrl}${resumeCallback.url}`,
		{ method: 'POST', body: { messages: [] } },
	);
	check(
		'a replayed callback on the finished execution is refused (409)',
		replay.status === 409,
		replay.status,
	);
}

/** What the editor does through n8n's REST API: every credential's Test button, and a list picker. */
async function editorApi() {
	const rest = new N8nRest(server.baseUrl);
	await rest.ensureOwner();
	for (const [type, ref] of Object.entries(CREDENTIALS)) {
		const stored = await rest.call('GET', `/rest/credentials/${ref.id}?includeData=true`);
		const data = stored.json?.data;
		const tested = await rest.call('POST', '/rest/credentials/test', {
			credentials: { id: data?.id, name: data?.name, type: data?.type, data: data?.data },
		});
		const result = tested.json?.data;
		check(
			`${type}: the editor's Test button succeeds against the simulator`,
			result?.status === 'OK',
			result ?? tested.text.slice(0, 300),
		);
	}
	const bad = await rest.call('POST', '/rest/credentials/test', {
		credentials: {
			id: 'e2eBadKeyZaia001',
			name: 'Zaia (bad key)',
			type: 'zaiaApi',
			data: {
				...(await rest.call('GET', '/rest/credentials/e2eBadKeyZaia001?includeData=true')).json
					?.data?.data,
			},
		},
	});
	check(
		'zaiaApi with a wrong key: the Test button fails with an authorization error',
		bad.json?.data?.status === 'Error' &&
			/401|refused|authorization failed/i.test(bad.json?.data?.message ?? ''),
		bad.json ?? bad.text.slice(0, 300),
	);
	const picked = await rest.call('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
		methodName: 'getWorkspaces',
		nodeTypeAndVersion: { name: 'n8n-nodes-chat-connectors.clickUpChat', version: 1 },
		path: 'parameters.workspaceId',
		currentNodeParameters: {
			authentication: 'accessToken',
			resource: 'channel',
			operation: 'createDirectMessage',
			workspaceId: { __rl: true, mode: 'list', value: '' },
		},
		credentials: { clickUpChatApi: CREDENTIALS.clickUpChatApi },
		filter: 'acme',
	});
	const results = picked.json?.data?.results ?? [];
	check(
		"ClickUp Chat: the Workspace picker lists the simulator's workspaces, filtered",
		results.length === 1 && results[0].value === providers.clickup.WORKSPACES[0].id,
		picked.json ?? picked.text.slice(0, 300),
	);
	const channelsPicked = await rest.call(
		'POST',
		'/rest/dynamic-node-parameters/resource-locator-results',
		{
			methodName: 'getChannels',
			nodeTypeAndVersion: { name: 'n8n-nodes-chat-connectors.clickUpChat', version: 1 },
			path: 'parameters.channelId',
			currentNodeParameters: {
				authentication: 'accessToken',
				resource: 'message',
				operation: 'getAll',
				workspaceId: { __rl: true, mode: 'id', value: providers.clickup.WORKSPACES[0].id },
				channelId: { __rl: true, mode: 'list', value: '' },
			},
			credentials: { clickUpChatApi: CREDENTIALS.clickUpChatApi },
			filter: 'engin',
		},
	);
	const channelResults = channelsPicked.json?.data?.results ?? [];
	check(
		"ClickUp Chat: the Channel picker lists the picked Workspace's channels, filtered",
		channelResults.length === 1 &&
			channelResults[0].value === '8cdu0engineering' &&
			channelResults[0].name === '#engineering',
		channelsPicked.json ?? channelsPicked.text.slice(0, 300),
	);

	// No secret in n8n's own log (server log at info level, after every example, failure and callback above).
	const secrets = Object.values(providers).flatMap((p) =>
		[p, ...(p.moreCredentials ?? [])]
			.flatMap((c) => Object.entries(c.demoCredential('http://127.0.0.1:1')))
			.filter(([k, v]) => /key|token|secret/i.test(k) && typeof v === 'string' && v.length >= 8)
			.map(([, v]) => v),
	);
	const logs = server.logs();
	check(
		`none of the ${secrets.length} credential secrets appears in n8n's log (${logs.length} characters)`,
		secrets.length >= 5 && secrets.every((v) => !logs.includes(v)),
		secrets.filter((v) => logs.includes(v)).map((v) => `${v.slice(0, 4)}…`),
	);
}

async function main() {
	const t0 = Date.now();
	if (!host.isInstalled()) throw new Error('n8n is not installed: run bash scripts/install-n8n.sh');
	for (const name of Object.keys(providers).sort()) {
		sims[name] = new ProviderSimulator(providers[name]);
		await sims[name].start();
	}
	const urls = Object.fromEntries(Object.entries(sims).map(([n, s]) => [n, s.baseUrl]));
	gate = await new GateProxy().start();
	inst = host.createInstance({ webhookUrl: `${gate.baseUrl}/` });
	await inst.ensurePort();
	gate.targetPort = inst.port;
	console.log(
		`e2e: n8n ${inst.version} (node ${process.version}), folder ${inst.userFolder}, port ${inst.port}, gate ${gate.baseUrl}, simulators ${JSON.stringify(urls)}`,
	);

	const credentials = demoCredentials(providers, urls);
	credentials.push({
		id: 'e2eBadKeyZaia001',
		name: 'Zaia (bad key)',
		type: 'zaiaApi',
		data: {
			...providers.zaia.demoCredential(urls.zaia),
			apiKey: 'zaia_bad_key_0000000000000000000000000000',
		},
	});
	credentials.push({
		id: 'e2eZaiaTrgShort1',
		name: 'Zaia Trigger (short secret)',
		type: 'zaiaTriggerApi',
		data: { secret: 'short-secret' },
	});
	await inst.importCredentials(credentials);

	const examples = loadExamples();
	check(
		'examples/ has the 9 example workflows, each with a fixed id',
		examples.length >= 9 &&
			Object.values(WORKFLOWS).every((id) => examples.some((e) => e.workflow.id === id)),
		examples.map((e) => `${e.file}:${e.workflow.id}`),
	);
	for (const { file, workflow } of examples) {
		const creds = workflow.nodes.flatMap((n) => Object.entries(n.credentials ?? {}));
		const ok = creds.every(
			([type, ref]) =>
				CREDENTIALS[type] && CREDENTIALS[type].id === ref.id && CREDENTIALS[type].name === ref.name,
		);
		const sticky = workflow.nodes.some(
			(n) => n.type === 'n8n-nodes-base.stickyNote' && n.parameters.content.length > 40,
		);
		const start = workflow.nodes.some(
			(n) => n.type === 'n8n-nodes-base.manualTrigger' || n.type.endsWith('.zaiaTrigger'),
		);
		check(
			`${file}: credentials by the demo's fixed ids, a sticky note, a manual or Zaia trigger`,
			ok && sticky && start,
			creds,
		);
	}
	const workflows = examples.map(({ workflow }) => retarget(workflow, gate.baseUrl));
	const zaiaCreateGet = workflows.find((w) => w.id === WORKFLOWS.zaiaCreateGet);
	const badKey = JSON.parse(JSON.stringify(zaiaCreateGet));
	badKey.id = 'e2eBadKeyZaia001';
	badKey.name = 'e2e: Zaia with a bad key';
	for (const n of badKey.nodes)
		if (n.credentials?.zaiaApi)
			n.credentials.zaiaApi = { id: 'e2eBadKeyZaia001', name: 'Zaia (bad key)' };
	const difyError = JSON.parse(
		JSON.stringify(workflows.find((w) => w.id === WORKFLOWS.difyConversation)),
	);
	difyError.id = 'e2eDifyErrorQ001';
	difyError.name = 'e2e: Dify provider error';
	difyError.nodes.find((n) => n.name === 'First Turn').parameters.query =
		'Hello sim:error-provider_quota_exceeded';
	const shortSecret = JSON.parse(
		JSON.stringify(workflows.find((w) => w.id === WORKFLOWS.zaiaTrigger)),
	);
	shortSecret.id = 'e2eZaiaTrgShort1';
	shortSecret.name = 'e2e: Zaia Trigger with a short secret';
	for (const n of shortSecret.nodes)
		if (n.credentials?.zaiaTriggerApi) {
			n.credentials.zaiaTriggerApi = {
				id: 'e2eZaiaTrgShort1',
				name: 'Zaia Trigger (short secret)',
			};
			n.webhookId = 'e2e0000a-0000-4000-8000-00000000f00d';
		}
	const extra = [badKey, difyError, shortSecret];
	const ti = Date.now();
	await inst.importWorkflow([...workflows, ...extra]);
	console.log(
		`     (credentials + ${workflows.length + extra.length} workflows imported, ${since(ti)})`,
	);

	await simpleExamples();
	await difyWorkflowExamples();
	await failures(sims);
	await triggerAndWait();
	await editorApi();
	hostChecks(checks, inst, [server.logs()]);
	console.log(`e2e: done in ${since(t0)}`);
}

runSuite({
	name: 'the suite',
	label: `e2e n8n ${host.DEFAULT_HOST.version}`,
	checks,
	timeoutMs: TIMEOUT_MS,
	teardown,
	main,
});
