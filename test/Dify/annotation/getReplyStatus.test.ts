/** Annotation → Get Reply Status: how an Enable Reply / Disable Reply job is going, asked once. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { appStore, json, TOKEN } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'annotation', operation: 'getReplyStatus' });
beforeEach(() => ctx.sim.reset({ resetState: true }));

async function startJob(action: 'enable' | 'disable'): Promise<string> {
	const response = await fetch(`${ctx.sim.baseUrl}/apps/annotation-reply/${action}`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({
			score_threshold: 0.9,
			embedding_provider_name: 'openai',
			embedding_model_name: 'text-embedding-3-small',
		}),
	});
	const { job_id: jobId } = (await response.json()) as { job_id: string };
	ctx.sim.reset();
	return jobId;
}

describe('Dify: Annotation → Get Reply Status', () => {
	test('GET /apps/annotation-reply/{action}/status/{job_id}: waiting first, completed later', async () => {
		const store = appStore.storeOf(ctx.sim.state);
		store.jobMs = { waiting: 60_000, processing: 0 };
		const jobId = await startJob('enable');
		const first = await run({ replyAction: 'enable', jobId });
		expect(json(first)).toEqual({
			job_id: jobId,
			job_status: 'waiting',
			error_msg: '',
			action: 'enable',
		});
		expect(ctx.sim.requests.map((r) => r.path)).toEqual([
			`/apps/annotation-reply/enable/status/${jobId}`,
		]);
		store.jobMs = { waiting: 0, processing: 0 };
		const later = await run({ replyAction: 'enable', jobId });
		expect(json(later).job_status).toBe('completed');
	});

	test("the wrong action for the job is Dify's 400 invalid_param (the job does not exist)", async () => {
		const jobId = await startJob('disable');
		const result = await run({ replyAction: 'enable', jobId }, { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({
			error: 'The job does not exist.',
			httpCode: '400',
			code: 'invalid_param',
		});
	});

	test('a Job ID that is no UUID is refused before any request', async () => {
		const result = await run({ replyAction: 'enable', jobId: 'job-1' });
		expect(result.error?.message).toMatch(/^Job ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
