/** Annotation → Disable Reply: the same job as Enable Reply, with the settings Dify checks for both. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { appStore, json } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'annotation',
	scoreThreshold: 0.9,
	embeddingProviderName: 'openai',
	embeddingModelName: 'text-embedding-3-small',
});
beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('Dify: Annotation → Disable Reply', () => {
	test('enable, then disable: POST /apps/annotation-reply/disable, polled until completed, reply off', async () => {
		await run({ operation: 'enableReply' });
		expect(appStore.storeOf(ctx.sim.state).annotationReply.enabled).toBe(true);
		ctx.sim.reset();
		const result = await run({ operation: 'disableReply' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST').map((r) => [r.path, r.body])).toEqual([
			[
				'/apps/annotation-reply/disable',
				{
					score_threshold: 0.9,
					embedding_provider_name: 'openai',
					embedding_model_name: 'text-embedding-3-small',
				},
			],
		]);
		expect(json(result)).toMatchObject({ job_status: 'completed', action: 'disable' });
		expect(
			ctx.sim
				.calls('GET')
				.every((r) => r.path.startsWith('/apps/annotation-reply/disable/status/')),
		).toBe(true);
		expect(appStore.storeOf(ctx.sim.state).annotationReply.enabled).toBe(false);
	});

	test('the settings are required for disabling too (Dify checks the body first)', async () => {
		const result = await run({ operation: 'disableReply', embeddingModelName: '={{ "" }}' });
		expect(result.error?.message).toMatch(/^Embedding Model Name: must not be empty/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
