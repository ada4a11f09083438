import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'reaction', operation: 'remove' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('DevRev: Remove Reaction', () => {
	test('POST /reactions.update { action: remove, … }: your reaction goes, others stay', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const [entry] = devrev.seedComments(ctx.sim.state, chat, 1);
		devrev.seedReactions(ctx.sim.state, entry.id, 'joy', [7, 42]);
		const result = await run({ messageId: entry.id, emoji: 'joy' });
		expect(result.error).toBeUndefined();
		const calls = ctx.sim.calls('POST', '/reactions.update');
		expect(calls[0].body).toEqual({ action: 'remove', emoji: 'joy', object: entry.id });
		expect(calls[0].rejected).toBeUndefined();
		expect(result.items[0].json).toEqual({ removed: true, messageId: entry.id, emoji: 'joy' });
		expect([...ctx.sim.state.reactions.get(entry.id).get('joy')]).toEqual([7]);
	});

	test('an empty Emoji: rejected before any request', async () => {
		const result = await run({ messageId: 'comment-1', emoji: '={{ "" }}' });
		expect(result.error?.message).toMatch(/^Emoji: must not be empty/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown message: DevRev's 404, as an item under Continue On Fail", async () => {
		const result = await run({ messageId: 'comment-9', emoji: 'joy' }, { continueOnFail: true });
		expect(result.items[0].json).toMatchObject({ httpCode: '404', code: 'not_found' });
	});
});
