'use strict';
/**
 * Dify's examples in `n8n execute` (test/e2e/run.js): their output, what the simulator received,
 * and the stream aggregated inside n8n against the built aggregator (dist/) on the same bytes;
 * a provider error body (quota) in a copy of the conversation example; the knowledge base sync
 * (Knowledge API key, multipart file, Wait Until Indexed, a search).
 */
const {
	WORKFLOWS,
	sameJson,
	firstDifference,
	builtDifyReader: aggregator,
	simplifiedDifyReply,
	difyFixture: fixture,
} = require('../lib');
const knowledge = require('../../../dev/simulator/dify/knowledge');

/** dify-chat-conversation.json: two turns, the second continues the first's conversation. */
async function conversation(t) {
	const { check, sims, execute, describeRun } = t;
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
		const expected = sent ? await simplifiedDifyReply(sent) : undefined;
		check(
			`Dify turn ${index + 1} output equals dist/ aggregateDifyStream on the exact SSE bytes the simulator sent for it (simplified, the node's default)`,
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

/** dify-agent-streaming.json: a streaming Agent app, compared with the built aggregator on the same fixture. */
async function agentStreaming(t) {
	const { check, execute, describeRun } = t;
	const run = await execute(WORKFLOWS.difyAgent, 'Dify agent streaming');
	const item = run.nodeOutput('Ask the Agent')?.[0];
	check(
		'Dify agent example runs to success with one item',
		run.ok && run.nodeOutput('Ask the Agent')?.length === 1,
		describeRun(run),
	);
	// "Draw a cat" plays the docs' Agent stream (agent-chat.sse) with its placeholder ids replaced
	const call = t.sims.dify.requests.filter((r) => r.path === '/chat-messages').pop();
	const sent = call?.sseBytes;
	const expected = sent ? await simplifiedDifyReply(sent) : undefined;
	check(
		'Dify agent: the stream aggregated inside n8n equals dist/ aggregateDifyStream (simplified) on the exact bytes sent',
		sent !== undefined && sameJson(item, expected),
		sent ? firstDifference(item, expected) : 'no sseBytes recorded',
	);
	check(
		"Dify agent: the query shows no simulator directive, and the docs' placeholder ids (task123, msg123, conv123) are not in the output",
		call?.body.query === 'Draw a cat' &&
			!/task123|msg123|conv123/.test(JSON.stringify(item ?? {})) &&
			/^[0-9a-f-]{36}$/.test(item?.message_id ?? ''),
		{ query: call?.body.query, message_id: item?.message_id },
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

/** dify-follow-ups.json: after the answer, suggested questions, a rating, the history, an automatic name. */
async function followUps(t) {
	const { check, sims, execute, describeRun } = t;
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

/** dify-human-input-loop.json (node version 1.1: Simplify on). */
async function humanInputLoop(t) {
	const { check, sims, execute, describeRun } = t;
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

/** dify-workflow-run.json (node version 1.1: Simplify on). */
async function runWorkflow(t) {
	const { check, sims, execute, describeRun } = t;
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

/** dify-knowledge-sync.json: a file and a text document, each waited for until indexed, then a search. */
async function knowledgeSync(t) {
	const { check, sims, execute, describeRun } = t;
	const run = await execute(WORKFLOWS.difyKnowledgeSync, 'Dify knowledge sync');
	check('Dify knowledge sync example runs to success', run.ok, describeRun(run));
	const content = run.nodeOutput('Page Content')?.[0] ?? {};
	const added = run.nodeOutput('Add Returns Policy')?.[0];
	const updated = run.nodeOutput('Update Shipping Page')?.[0];
	const found = run.nodeOutput('Ask the Knowledge Base') ?? [];
	const base = `/datasets/${knowledge.HELP_DATASET}`;
	const requests = sims.dify.requests.filter((r) => r.route && r.route.startsWith('/datasets'));
	check(
		'Dify knowledge sync: every Knowledge API request carried the Knowledge API key, none the app key',
		requests.length >= 5 &&
			requests.every((r) => r.headers.authorization === `Bearer ${knowledge.KNOWLEDGE_TOKEN}`),
		requests.map((r) => `${r.method} ${r.path} ${String(r.headers.authorization).slice(0, 16)}`),
	);
	const upload = requests.find(
		(r) => r.method === 'POST' && r.path === `${base}/document/create-by-file`,
	);
	check(
		'Dify knowledge sync: Create From File sent n8n\'s binary as multipart, the settings as the JSON "data" part',
		upload &&
			String(upload.headers['content-type']).startsWith('multipart/form-data; boundary=') &&
			sameJson(JSON.parse(upload.body?.data ?? 'null'), { process_rule: { mode: 'automatic' } }) &&
			upload.body?.file?.filename === 'returns-policy.md' &&
			Buffer.isBuffer(upload.body?.file?.data) &&
			upload.body.file.data.toString('utf8') === content.returnsPolicy,
		upload && {
			data: upload.body?.data,
			file: upload.body?.file?.filename,
			rejected: upload.rejected,
		},
	);
	const polls = (batch) =>
		requests.filter(
			(r) => r.method === 'GET' && r.path === `${base}/documents/${batch}/indexing-status`,
		);
	check(
		'Dify knowledge sync: Add Returns Policy waited until indexed (polled its batch) and carries the last status',
		added &&
			added.name === 'returns-policy.md' &&
			added.indexing_status === 'completed' &&
			added.indexing?.indexing_status === 'completed' &&
			added.indexing?.total_segments >= 2 &&
			polls(added.batch).length >= 1,
		added && {
			status: added.indexing_status,
			indexing: added.indexing,
			polls: polls(added.batch).length,
		},
	);
	const shipping = requests.find((r) => r.method === 'POST' && /\/update-by-text$/.test(r.path));
	check(
		'Dify knowledge sync: the Shipping page found by keyword was updated from text and waited for',
		shipping &&
			shipping.path === `${base}/documents/a246c561-536b-4474-84f1-cc5e36e5ac43/update-by-text` &&
			sameJson(shipping.body, { name: 'Shipping', text: content.shippingPage }) &&
			updated?.indexing_status === 'completed' &&
			polls(updated?.batch).length >= 1,
		{ body: shipping?.body, path: shipping?.path, status: updated?.indexing_status },
	);
	const search = requests.find((r) => r.method === 'POST' && r.path === `${base}/retrieve`);
	check(
		"Dify knowledge sync: the search found the returns policy's refund chunk first, with its score and document name",
		search &&
			sameJson(search.body, { query: 'How long do refunds take to reach my card?' }) &&
			found.length >= 1 &&
			found[0].content === 'Refunds reach your card within 5 business days of the return scan.' &&
			found[0].document_name === 'returns-policy.md' &&
			typeof found[0].score === 'number' &&
			found[0].score > 0.5,
		found.slice(0, 2),
	);
}

/**
 * dify-voice-question.json: a recorded question (WAV) → Speech to Text → Chat Message → Send →
 * Text to Speech. The simulator's audio carries its words (dev/simulator/dify/audio.js), so the
 * transcript is the recorded question and the spoken file says the chat's answer.
 */
async function voiceQuestion(t) {
	const { check, sims, execute, describeRun } = t;
	const audio = require('../../../dev/simulator/dify/audio');
	const { EXAMPLES_DIR } = require('../lib');
	const question = 'What are the specs of the iPhone 13 Pro Max?';
	const run = await execute(WORKFLOWS.difyVoiceQuestion, 'Dify voice question');
	check('Dify voice question example runs to success', run.ok, describeRun(run));
	const heard = run.nodeOutput('Speech to Text')?.[0];
	const asked = run.nodeOutput('Ask')?.[0];
	const spoken = run.nodeOutput('Text to Speech')?.[0];
	const calls = (path) => sims.dify.requests.filter((r) => r.method === 'POST' && r.path === path);
	const stt = calls('/audio-to-text').at(-1);
	const example = JSON.parse(
		require('fs').readFileSync(
			require('path').join(EXAMPLES_DIR, 'dify-voice-question.json'),
			'utf8',
		),
	);
	const recorded = Buffer.from(
		example.nodes.find((n) => n.name === 'Recorded Question').parameters.assignments.assignments[0]
			.value,
		'base64',
	);
	const sha = (data) => require('crypto').createHash('sha256').update(data).digest('hex');
	check(
		'Dify Speech to Text: the recorded WAV went up as multipart "file" (audio/wav, question.wav) with the User; its text is the question',
		stt &&
			stt.body.file?.contentType === 'audio/wav' &&
			stt.body.file?.filename === 'question.wav' &&
			stt.body.user === 'demo-user-voice' &&
			stt.audio?.sha256 === sha(recorded) &&
			sameJson(heard, { text: question }),
		{ heard, file: stt && { ...stt.body.file, data: undefined }, user: stt?.body.user },
	);
	const chat = calls('/chat-messages').at(-1);
	check(
		'Dify voice question: Ask sent the transcript as the query and got an answer about it',
		chat?.body.query === question &&
			chat?.body.user === 'demo-user-voice' &&
			/iPhone 13 Pro Max/.test(asked?.answer ?? ''),
		{ query: chat?.body.query, answer: asked?.answer },
	);
	const tts = calls('/text-to-audio').at(-1);
	check(
		'Dify Text to Speech: sent the answer and the User; the item describes the WAV Dify answered',
		tts &&
			sameJson(tts.body, { text: asked?.answer, user: 'demo-user-voice' }) &&
			sameJson(spoken, {
				name: 'speech.wav',
				size: tts.audio?.bytes,
				extension: 'wav',
				mime_type: 'audio/wav',
			}),
		{ body: tts?.body, spoken, sent: tts?.audio },
	);
	const binary = run.runData?.['Text to Speech']?.[0]?.data?.main?.[0]?.[0]?.binary?.data;
	// in memory (default binary mode) n8n keeps the bytes in `data`; with a file store, an id
	const inline = binary && !binary.id && typeof binary.data === 'string';
	const bytes = inline ? Buffer.from(binary.data, 'base64') : undefined;
	check(
		'Dify Text to Speech: the output binary "data" is audio/wav named speech.wav, and its bytes say the answer',
		binary &&
			binary.mimeType === 'audio/wav' &&
			binary.fileName === 'speech.wav' &&
			binary.fileExtension === 'wav' &&
			(bytes
				? sha(bytes) === tts?.audio?.sha256 && audio.transcript(bytes) === asked?.answer
				: typeof binary.id === 'string'),
		binary && { ...binary, data: inline ? `${binary.data.length} base64 characters` : binary.data },
	);
}

/** A copy of the conversation example whose first question makes the simulator answer a quota error. */
function providerErrorWorkflow(workflows) {
	const difyError = JSON.parse(
		JSON.stringify(workflows.find((w) => w.id === WORKFLOWS.difyConversation)),
	);
	difyError.id = 'e2eDifyErrorQ001';
	difyError.name = 'e2e: Dify provider error';
	difyError.nodes.find((n) => n.name === 'First Turn').parameters.query =
		'Hello sim:error-provider_quota_exceeded';
	return difyError;
}

/** A provider error body (Dify quota): the provider's message and code. */
async function providerError(t) {
	const { check, execute, describeRun } = t;
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

/** The examples of the conversation, the Agent app, the follow-ups and the knowledge base sync. */

/** The examples of the conversation, the Agent app, the follow-ups and the voice question. */
async function examples(t) {
	await conversation(t);
	await agentStreaming(t);
	await followUps(t);
	await knowledgeSync(t);

	await voiceQuestion(t);
}

/** The Human Input loop and Run Workflow examples. */
async function workflowExamples(t) {
	await humanInputLoop(t);
	await runWorkflow(t);
}

module.exports = { examples, workflowExamples, providerErrorWorkflow, providerError };
