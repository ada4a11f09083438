import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'reaction', operation: 'add' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const seedMessage = () => {
	const chat = devrev.seedChat(ctx.sim.state, [7]);
	return devrev.seedComments(ctx.sim.state, chat, 1)[0];
};

describe('DevRev: Add Reaction', () => {
	test('POST /reactions.update { action: add, emoji, object }, outputs what was added', async () => {
		const entry = seedMessage();
		const result = await run({ messageId: entry.id, emoji: ' thumbsup ' });
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('POST', '/reactions.update');
		expect(calls).toHaveLength(1);
		expect(calls[0].body).toEqual({ action: 'add', emoji: 'thumbsup', object: entry.id });
		expect(calls[0].rejected).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { added: true, messageId: entry.id, emoji: 'thumbsup' }, pairedItem: { item: 0 } },
		]);
		expect([...ctx.sim.state.reactions.get(entry.id).get('thumbsup')]).toEqual([42]);
	});

	test('an add is not retried after a 503', async () => {
		const entry = seedMessage();
		ctx.sim.fault({ method: 'POST', path: '/reactions.update' }, { status: 503 });
		const result = await run({ messageId: entry.id, emoji: 'joy' });
		expect(result.error?.httpCode).toBe('503');
		expect(ctx.sim.calls('POST', '/reactions.update')).toHaveLength(1);
	});

	test.each([
		['an empty Emoji', { emoji: '={{ "" }}' }, /^Emoji: must not be empty/],
		['an empty Message ID', { messageId: '={{ "" }}' }, /^Message ID: must not be empty/],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ messageId: 'comment-1', emoji: 'joy', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown message: DevRev's 404; Continue On Fail keeps the other item", async () => {
		const entry = seedMessage();
		const result = await run(
			{ messageId: '={{ $json.id }}', emoji: 'joy' },
			{ continueOnFail: true, items: [{ id: 'comment-9' }, { id: entry.id }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			error: 'object comment-9 not found',
			httpCode: '404',
			code: 'not_found',
		});
		expect(result.items[1].json).toEqual({ added: true, messageId: entry.id, emoji: 'joy' });
	});
});
