/** Document → Create From Text, and Wait Until Indexed (shared by every create and update). */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'document',
	operation: 'createFromText',
	datasetId: knowledge.HELP_DATASET,
});
const createPath = `/datasets/${knowledge.HELP_DATASET}/document/create-by-text`;
const statusCalls = () => ctx.sim.requests.filter((r) => r.path.endsWith('/indexing-status'));

beforeEach(() => {
	knowledge.storeOf(ctx.sim.state).stageMs = 40;
});

describe('Dify: Document → Create From Text', () => {
	test('POST …/document/create-by-text with name, text and the automatic chunking rule; outputs the document with its batch', async () => {
		const result = await run({ name: 'Returns', text: 'Returns are free within 30 days.' });
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST', createPath);
		expect(sent.headers.authorization).toBe(`Bearer ${knowledge.KNOWLEDGE_TOKEN}`);
		expect(sent.body).toEqual({
			name: 'Returns',
			text: 'Returns are free within 30 days.',
			process_rule: { mode: 'automatic' },
		});
		const item = json(result);
		expect(item).toMatchObject({
			name: 'Returns',
			indexing_status: 'waiting',
			display_status: 'queuing',
		});
		expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(item.batch).toMatch(/^\d{20}$/);
		expect(statusCalls()).toHaveLength(0);
	});

	test('custom chunking fields send a custom rule; Parent-Child sends hierarchical; settings and Extra Body Fields go along', async () => {
		const custom = await run({
			name: 'Custom chunks',
			text: 'One.\n\nTwo.',
			additionalFields: {
				separator: '\\n\\n',
				maxTokens: 300,
				removeUrlsEmails: true,
				docLanguage: 'German',
				indexingTechnique: 'economy',
			},
			additionalBodyFields: '{"original_document_id":"a246c561-536b-4474-84f1-cc5e36e5ac43"}',
		});
		expect(custom.error).toBeUndefined();
		expect(ctx.sim.calls('POST', createPath)[0].body).toEqual({
			name: 'Custom chunks',
			text: 'One.\n\nTwo.',
			doc_language: 'German',
			indexing_technique: 'economy',
			process_rule: {
				mode: 'custom',
				rules: {
					pre_processing_rules: [
						{ id: 'remove_extra_spaces', enabled: true },
						{ id: 'remove_urls_emails', enabled: true },
					],
					segmentation: { separator: '\\n\\n', max_tokens: 300, chunk_overlap: 0 },
				},
			},
			original_document_id: 'a246c561-536b-4474-84f1-cc5e36e5ac43',
		});
		ctx.sim.reset();
		await run({
			name: 'Parents',
			text: 'A. B.',
			additionalFields: { docForm: 'hierarchical_model' },
		});
		expect(ctx.sim.calls('POST', createPath)[0].body).toMatchObject({
			doc_form: 'hierarchical_model',
			process_rule: { mode: 'hierarchical' },
		});
	});

	test('Wait Until Indexed polls the batch (waiting → … → completed) and outputs the last status; the document is searchable at once', async () => {
		const result = await run({
			name: 'Opening hours',
			text: 'The Leeds shop opens at 9 am on weekdays and at 10 am on Saturdays.',
			waitForIndexing: true,
		});
		expect(result.error).toBeUndefined();
		const item = json(result);
		expect(item.indexing_status).toBe('completed');
		expect(item.indexing).toMatchObject({
			id: item.id,
			indexing_status: 'completed',
			completed_segments: 1,
			total_segments: 1,
			error: null,
		});
		expect(item.batch).toMatch(/^\d{20}$/);
		const polls = statusCalls();
		expect(polls.length).toBeGreaterThanOrEqual(1);
		expect(
			polls.every(
				(p) =>
					p.path === `/datasets/${knowledge.HELP_DATASET}/documents/${item.batch}/indexing-status`,
			),
		).toBe(true);
		const found = await run({
			resource: 'knowledgeBase',
			operation: 'retrieve',
			query: 'When does the Leeds shop open on Saturdays?',
		});
		expect(json(found).document_name).toBe('Opening hours');
	});

	test('polling waits longer each time (0.5 s, then ×1.5) and stops at the time limit with the last status (Continue On Fail keeps the document)', async () => {
		knowledge.storeOf(ctx.sim.state).stageMs = 60_000;
		const started = Date.now();
		const result = await run(
			{ name: 'Slow one', text: 'Takes ages.', waitForIndexing: true, indexingTimeLimit: 2 },
			{ continueOnFail: true },
		);
		const took = Date.now() - started;
		const item = json(result);
		expect(item).toMatchObject({
			name: 'Slow one',
			indexing_status: 'waiting',
			code: 'indexing_timeout',
			retryable: true,
		});
		expect(item.error).toMatch(
			/^Dify was still indexing "Slow one" \(status: waiting\) after 2 s$/,
		);
		expect(item.errorDescription).toContain(`batch ${item.batch}`);
		// 0.5 + 0.75 + 0.75 (the rest of the 2 s) → three polls, the last at the limit
		expect(statusCalls()).toHaveLength(3);
		const gaps = statusCalls()
			.slice(1)
			.map((call, n) => call.at - statusCalls()[n].at);
		expect(gaps[0]).toBeGreaterThanOrEqual(700);
		expect(took).toBeGreaterThanOrEqual(2000);
	});

	test("an indexing error stops the item with Dify's reason; a paused indexing says so; both keep the document under Continue On Fail", async () => {
		const failed = await run(
			{ name: 'Broken', text: 'This one fails sim:index-error', waitForIndexing: true },
			{ continueOnFail: true },
		);
		expect(json(failed)).toMatchObject({
			name: 'Broken',
			indexing_status: 'error',
			code: 'indexing_error',
			retryable: false,
			error:
				'Dify could not index "Broken": Simulated indexing failure: the embedding model refused the text.',
		});
		expect(json(failed).indexing.error).toBe(
			'Simulated indexing failure: the embedding model refused the text.',
		);
		const paused = await run({
			name: 'Paused',
			text: 'Stops halfway sim:index-paused',
			waitForIndexing: true,
		});
		expect(paused.error?.message).toBe('Indexing of "Paused" is paused in Dify');
		expect(paused.error?.description).toContain('Resume it');
	});

	test("a knowledge base's first document needs an Indexing Technique (400, explained); a plan limit (403) is not retried", async () => {
		const [fresh] = knowledge.seedDatasets(ctx.sim.state, 1, 'Fresh');
		const first = await run(
			{ datasetId: fresh, name: 'First', text: 'Hello.' },
			{ continueOnFail: true },
		);
		expect(json(first)).toMatchObject({
			error: 'indexing_technique is required.',
			httpCode: '400',
			code: 'invalid_param',
		});
		expect(json(first).errorDescription).toContain('Indexing Technique');
		const ok = await run({
			datasetId: fresh,
			name: 'First',
			text: 'Hello.',
			additionalFields: { indexingTechnique: 'economy' },
		});
		expect(ok.error).toBeUndefined();
		ctx.sim.reset();
		const quota = await run({ name: 'Over quota sim:quota', text: 'x' }, { continueOnFail: true });
		expect(json(quota)).toMatchObject({ httpCode: '403', code: 'forbidden', retryable: false });
		expect(json(quota).errorDescription).toContain('limit of your Dify plan');
		expect(ctx.sim.calls('POST', createPath)).toHaveLength(1);
	});

	test('bad input is refused before any request', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ name: ' ', text: 'x' }, /^Name: must not be empty$/],
			[{ name: 'n', text: '  ' }, /^Text: must not be empty$/],
			[
				{ name: 'n', text: 'x', additionalFields: { maxTokens: 0 } },
				/^Maximum Chunk Length: must be at least 1, got 0$/,
			],
			[
				{ name: 'n', text: 'x', additionalFields: { docForm: 'table' } },
				/^Chunking Mode: must be one of/,
			],
			[
				{ name: 'n', text: 'x', waitForIndexing: true, indexingTimeLimit: 0 },
				/^Indexing Time Limit: must be at least 1, got 0$/,
			],
			[{ datasetId: 'nope', name: 'n', text: 'x' }, /^Knowledge Base ID: must be a UUID/],
		];
		for (const [parameters, message] of cases) {
			const result = await run(parameters);
			expect(result.error?.message).toMatch(message);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
