import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'message', operation: 'delete' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('DevRev: Delete Message', () => {
	test('POST /timeline-entries.delete { id }, outputs { deleted: true, id }', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const [first, second] = devrev.seedComments(ctx.sim.state, chat, 2);
		const result = await run({ messageId: first.id });
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('POST', '/timeline-entries.delete');
		expect(calls).toHaveLength(1);
		expect(calls[0].body).toEqual({ id: first.id });
		expect(calls[0].rejected).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { deleted: true, id: first.id }, pairedItem: { item: 0 } },
		]);
		expect(ctx.sim.state.entries.get(chat.id).map((e: { id: string }) => e.id)).toEqual([
			second.id,
		]);
	});

	test('a delete is not retried after a 503', async () => {
		ctx.sim.fault({ method: 'POST', path: '/timeline-entries.delete' }, { status: 503 });
		const result = await run({ messageId: 'comment-1' });
		expect(result.error?.httpCode).toBe('503');
		expect(ctx.sim.calls('POST', '/timeline-entries.delete')).toHaveLength(1);
	});

	test('an ID with a space: rejected before any request', async () => {
		const result = await run({ messageId: 'comment 1' });
		expect(result.error?.message).toMatch(/^Message ID: "comment 1" is not a DevRev ID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown message: DevRev's 404, as an item under Continue On Fail", async () => {
		const result = await run({ messageId: 'comment-9' }, { continueOnFail: true });
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({
					error: 'timeline entry comment-9 not found',
					httpCode: '404',
					code: 'not_found',
					retryable: false,
				}),
				pairedItem: { item: 0 },
			},
		]);
	});
});
