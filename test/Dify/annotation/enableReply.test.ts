/** Annotation → Enable Reply: starts Dify's background job and waits for it (waiting → processing → completed). */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { appStore, json, TOKEN } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'annotation',
	operation: 'enableReply',
	scoreThreshold: 0.85,
	embeddingProviderName: 'openai',
	embeddingModelName: 'text-embedding-3-small',
});
beforeEach(() => ctx.sim.reset({ resetState: true }));

const store = () => appStore.storeOf(ctx.sim.state);
const polls = () => ctx.sim.calls('GET').filter((r) => r.path.includes('/status/'));

describe('Dify: Annotation → Enable Reply', () => {
	test('POST /apps/annotation-reply/enable with the three settings, then polls the job until completed', async () => {
		store().jobMs = { waiting: 1000, processing: 1000 };
		const started = Date.now();
		const result = await run();
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST', '/apps/annotation-reply/enable');
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(sent.body).toEqual({
			score_threshold: 0.85,
			embedding_provider_name: 'openai',
			embedding_model_name: 'text-embedding-3-small',
		});
		const jobId = [...store().jobs.keys()][0];
		expect(result.items.map((i) => i.json)).toEqual([
			{ job_id: jobId, job_status: 'completed', error_msg: '', action: 'enable' },
		]);
		// polled with backoff (0.25 s, 0.5 s, 1 s, 2 s) while waiting and processing, until completed
		const answered = polls().map((r) => (r as unknown as { jobStatus: string }).jobStatus);
		expect(answered.at(-1)).toBe('completed');
		expect(answered.length).toBeGreaterThanOrEqual(2);
		expect(answered.length).toBeLessThanOrEqual(5);
		for (const status of answered.slice(0, -1)) expect(['waiting', 'processing']).toContain(status);
		expect(polls().map((r) => r.path)).toEqual(
			polls().map(() => `/apps/annotation-reply/enable/status/${jobId}`),
		);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
		expect(store().annotationReply).toMatchObject({ enabled: true, score_threshold: 0.85 });
	});

	test('without Wait for Completion: one request, the job as Dify started it', async () => {
		const result = await run({ waitForJob: false });
		expect(json(result)).toEqual({
			job_id: [...store().jobs.keys()][0],
			job_status: 'waiting',
			action: 'enable',
		});
		expect(ctx.sim.requests).toHaveLength(1);
	});

	test('a job that ends in error fails the item with its error_msg (code job_failed), keeping the job', async () => {
		const result = await run({ embeddingModelName: 'sim-fail' }, { continueOnFail: true });
		const item = result.items[0].json as IDataObject;
		expect(item).toMatchObject({
			error: 'Embedding model sim-fail is not available for provider openai.',
			code: 'job_failed',
			retryable: false,
			job_status: 'error',
			action: 'enable',
		});
		expect(item.job_id).toBe([...store().jobs.keys()][0]);
		expect(store().annotationReply.enabled).toBe(false);
	});

	test('a job still running at Max Wait fails with job_timeout (retryable), its job_id kept for Get Reply Status', async () => {
		const started = Date.now();
		const result = await run(
			{ embeddingModelName: 'sim-stuck', options: { maxWait: 1 } },
			{ continueOnFail: true },
		);
		const elapsed = Date.now() - started;
		const item = result.items[0].json as IDataObject;
		expect(item).toMatchObject({
			error: 'The annotation reply job was still processing after 1 s',
			code: 'job_timeout',
			retryable: true,
			job_status: 'processing',
		});
		expect(item.errorDescription).toContain(`job ${String(item.job_id)}`);
		expect(elapsed).toBeGreaterThanOrEqual(1000);
		expect(elapsed).toBeLessThan(4000);
	});

	test('bad settings are refused before any request', async () => {
		const above = await run({ scoreThreshold: 1.5 });
		expect(above.error?.message).toBe('Score Threshold: must be from 0 to 1, got 1.5');
		const noModel = await run({ embeddingModelName: '={{ "" }}' });
		expect(noModel.error?.message).toMatch(/^Embedding Model Name: must not be empty/);
		const noProvider = await run({ embeddingProviderName: '   ' });
		expect(noProvider.error?.message).toMatch(/^Embedding Provider Name: must not be empty/);
		const wait = await run({ options: { maxWait: 0 } });
		expect(wait.error?.message).toMatch(/^Max Wait: must be at least 1/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('a status poll that fails is retried (a read); a start that fails with 500 is not', async () => {
		ctx.sim.fault({ method: 'GET', path: /\/status\// }, { status: 503 });
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(json(result).job_status).toBe('completed');
		ctx.sim.reset();
		ctx.sim.fault({ method: 'POST', path: '/apps/annotation-reply/enable' }, { status: 500 });
		const failed = await run();
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.requests).toHaveLength(1);
	});
});
