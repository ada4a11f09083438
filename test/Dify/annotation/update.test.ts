/** Annotation → Update: both fields replaced. */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { appStore, json } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'annotation', operation: 'create' });
beforeEach(() => ctx.sim.reset({ resetState: true }));

const MISSING = '00000000-0000-4000-8000-000000000404';

describe('Dify: Annotation → Update', () => {
	test('PUT /apps/annotations/{id} with both fields; outputs the annotation as it is now', async () => {
		const result = await run({
			operation: 'update',
			annotationId: appStore.DOCS_ANNOTATION,
			question: 'What is Dify?',
			answer: 'An open-source platform for LLM apps.',
		});
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('PUT');
		expect(sent.path).toBe(`/apps/annotations/${appStore.DOCS_ANNOTATION}`);
		expect(sent.body).toEqual({
			question: 'What is Dify?',
			answer: 'An open-source platform for LLM apps.',
		});
		expect(json(result)).toMatchObject({
			answer: 'An open-source platform for LLM apps.',
			hit_count: 5,
		});
	});

	test("an unknown annotation is Dify's 404; an ID that is no UUID is refused before any request", async () => {
		const missing = await run(
			{ operation: 'update', annotationId: MISSING, question: 'q', answer: 'a' },
			{ continueOnFail: true },
		);
		expect(missing.items[0].json as IDataObject).toMatchObject({
			error: 'Annotation not found',
			httpCode: '404',
			code: 'not_found',
		});
		ctx.sim.reset();
		const bad = await run({ operation: 'update', annotationId: 'a-1', question: 'q', answer: 'a' });
		expect(bad.error?.message).toMatch(/^Annotation ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
