/** One Dify node, two kinds of key: the Knowledge resources sign with the Knowledge API key, the rest with the app key. */
import type { INode, INodeCredentialDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Dify } from '../../../nodes/Dify/Dify.node';
import { resources } from '../../../nodes/Dify/actions/router';
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { TOKEN } from '../kit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const knowledge = require('../../../dev/simulator/dify/knowledge');

const KNOWLEDGE = [
	'childChunk',
	'chunk',
	'document',
	'embeddingModel',
	'knowledgeBase',
	'metadata',
	'tag',
];
const description = new Dify().description;

/** The credential types the editor shows for a resource. */
function shownFor(resource: string): string[] {
	const node = { parameters: { resource } } as unknown as INode;
	return (description.credentials ?? [])
		.filter((credential: INodeCredentialDescription) =>
			NodeHelpers.displayParameter({ resource }, credential, node, description),
		)
		.map((credential) => credential.name);
}

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify);

describe('Dify: one node, two kinds of key', () => {
	test('the editor asks for the Knowledge API credential on the Knowledge resources and for the app credential on every other one', () => {
		for (const resource of Object.keys(resources)) {
			expect({ resource, shown: shownFor(resource) }).toEqual({
				resource,
				shown: KNOWLEDGE.includes(resource) ? ['difyKnowledgeApi'] : ['difyApi'],
			});
		}
		expect(description.credentials?.every((c) => c.required === true)).toBe(true);
	});

	test('each Knowledge resource signs with the Knowledge API key; an app resource still signs with the app key', async () => {
		const calls: Array<[string, Record<string, unknown>]> = [
			['knowledgeBase', { operation: 'get', datasetId: knowledge.DOCS_DATASET }],
			['document', { operation: 'getAll', datasetId: knowledge.DOCS_DATASET }],
			[
				'chunk',
				{
					operation: 'getAll',
					datasetId: knowledge.DOCS_DATASET,
					documentId: knowledge.DOCS_DOCUMENT,
				},
			],
			[
				'childChunk',
				{
					operation: 'getAll',
					datasetId: knowledge.DOCS_DATASET,
					documentId: knowledge.DOCS_DOCUMENT,
					segmentId: knowledge.DOCS_SEGMENT,
				},
			],
			['metadata', { operation: 'getAll', datasetId: knowledge.DOCS_DATASET }],
			['tag', { operation: 'getAll' }],
			['embeddingModel', { operation: 'getAll' }],
		];
		for (const [resource, parameters] of calls) {
			ctx.sim.reset();
			const result = await run({ resource, ...parameters });
			expect({ resource, error: result.error?.message }).toEqual({ resource, error: undefined });
			expect(ctx.sim.requests.map((r) => r.headers.authorization)).toEqual([
				`Bearer ${knowledge.KNOWLEDGE_TOKEN}`,
			]);
		}
		ctx.sim.reset();
		const app = await run({ resource: 'app', operation: 'getInfo' });
		expect(app.error).toBeUndefined();
		expect(ctx.sim.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(calls.map(([resource]) => resource).sort()).toEqual(KNOWLEDGE);
	});

	test('a Knowledge API key does not open the app endpoints (401 from Dify)', async () => {
		const result = await run(
			{ resource: 'app', operation: 'getInfo' },
			{ credential: { apiKey: knowledge.KNOWLEDGE_TOKEN } },
		);
		expect(result.error?.httpCode).toBe('401');
	});
});
