import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'message', operation: 'get' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('DevRev: Get Message', () => {
	test('GET /timeline-entries.get?id=…, the entry in timeline_entry', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const [entry] = devrev.seedComments(ctx.sim.state, chat, 1);
		const result = await run({ messageId: entry.id });
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('GET', '/timeline-entries.get');
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toEqual({ id: entry.id });
		expect(calls[0].rejected).toBeUndefined();
		expect(result.items[0].json).toEqual({ timeline_entry: entry });
	});

	test('a read is retried after a 500', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const [entry] = devrev.seedComments(ctx.sim.state, chat, 1);
		ctx.sim.fault({ method: 'GET', path: '/timeline-entries.get' }, { status: 500 });
		const result = await run({ messageId: entry.id });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('GET', '/timeline-entries.get')).toHaveLength(2);
	});

	test('an empty Message ID: rejected before any request', async () => {
		const result = await run({ messageId: '={{ "" }}' });
		expect(result.error?.message).toMatch(/^Message ID: must not be empty/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown message: DevRev's 404, as an item under Continue On Fail", async () => {
		const result = await run({ messageId: 'comment-9' });
		expect(result.error?.httpCode).toBe('404');
		const kept = await run({ messageId: 'comment-9' }, { continueOnFail: true });
		expect(kept.items[0].json).toMatchObject({ httpCode: '404', code: 'not_found' });
	});
});
