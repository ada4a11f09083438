/** Chunk → Create: one or more chunks in one request, as rows or as JSON. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chunk',
	operation: 'create',
	datasetId: knowledge.DOCS_DATASET,
	documentId: knowledge.DOCS_DOCUMENT,
});
const path = `/datasets/${knowledge.DOCS_DATASET}/documents/${knowledge.DOCS_DOCUMENT}/segments`;

describe('Dify: Chunk → Create', () => {
	test('POST …/segments with every row (keywords as a list); one item per new chunk, in order', async () => {
		const result = await run({
			segments: {
				values: [
					{ content: 'Dify runs on Docker Compose.', keywords: 'docker, compose' },
					{ content: 'Dify Cloud is hosted by LangGenius.', answer: '', keywords: '' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', path)[0].body).toEqual({
			segments: [
				{ content: 'Dify runs on Docker Compose.', keywords: ['docker', 'compose'] },
				{ content: 'Dify Cloud is hosted by LangGenius.' },
			],
		});
		expect(result.items.map((i) => [i.json.content, i.json.position, i.json.status])).toEqual([
			['Dify runs on Docker Compose.', 2, 'completed'],
			['Dify Cloud is hosted by LangGenius.', 3, 'completed'],
		]);
		expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Chunks (JSON) takes an array from an expression, with attachment_ids passed on', async () => {
		const result = await run({
			segmentsFormat: 'json',
			segmentsJson:
				'={{ [{ "content": "From JSON.", "keywords": ["json"], "attachment_ids": [] }] }}',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', path)[0].body).toEqual({
			segments: [{ content: 'From JSON.', keywords: ['json'], attachment_ids: [] }],
		});
		expect(json(result).keywords).toEqual(['json']);
	});

	test('no chunk, an empty content or JSON that is no array of objects is refused before any request', async () => {
		for (const [parameters, message] of [
			[{ segments: { values: [] } }, 'Chunks: needs at least one chunk'],
			[
				{ segments: { values: [{ content: '  ' }] } },
				'Chunks → Chunk 1 → Content: must not be empty',
			],
			[
				{ segmentsFormat: 'json', segmentsJson: '{"content":"x"}' },
				'Chunks (JSON): must be a JSON array of objects like {"content": "…"}',
			],
			[
				{ segmentsFormat: 'json', segmentsJson: '[{"content": ""}]' },
				'Chunks (JSON) → Chunk 1 → Content: must not be empty',
			],
		] as const) {
			const result = await run(parameters as never);
			expect(result.error?.message).toBe(message);
		}
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('a document that is still indexing takes no chunks: 404 "Document is not completed.", explained', async () => {
		knowledge.storeOf(ctx.sim.state).stageMs = 60_000;
		const created = await run({
			resource: 'document',
			operation: 'createFromText',
			name: 'Busy',
			text: 'x',
		});
		const result = await run(
			{ documentId: json(created).id, segments: { values: [{ content: 'Too early.' }] } },
			{ continueOnFail: true },
		);
		expect(json(result)).toMatchObject({
			error: 'Document is not completed.',
			httpCode: '404',
			code: 'not_found',
		});
		expect(json(result).errorDescription).toContain('Wait Until Indexed');
		// a create is not retried blindly
		expect(ctx.sim.requests.filter((r) => r.path.endsWith('/segments'))).toHaveLength(1);
	});
});
