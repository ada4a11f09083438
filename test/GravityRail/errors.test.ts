import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { CHATS, gr } from './kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'chat' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('Gravity Rail errors: Continue On Fail items', () => {
	test('failed items carry error, errorDescription, httpCode, code, retryable, field; all paired', async () => {
		const [chat] = gr.seedChats(ctx.sim.state, 1);
		ctx.sim.fault(
			{ method: 'GET', path: `${CHATS}/5002` },
			{ status: 403, body: { detail: 'Missing scope chats:read', code: 'missing_scope' } },
		);
		const result = await run(
			{ operation: 'get', chatId: '={{ $json.id }}' },
			{
				continueOnFail: true,
				items: [{ id: chat.id }, { id: '..' }, { id: '5002' }, { id: '404' }],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.id).toBe(chat.id);
		expect(result.items[0].json).not.toHaveProperty('error');
		expect(result.items[1].json).toEqual({
			error: 'Chat ID: ".." is not an ID (it would change the request\'s path)',
			code: 'invalid_parameter',
			field: 'Chat ID',
			retryable: false,
		});
		expect(result.items[2].json).toEqual({
			error: 'Missing scope chats:read',
			errorDescription: expect.stringMatching(/Gravity Rail code: missing_scope/),
			httpCode: '403',
			code: 'missing_scope',
			retryable: false,
		});
		expect(result.items[3].json).toEqual({
			error: 'Chat 404 not found',
			errorDescription: expect.stringMatching(/could not find/),
			httpCode: '404',
			retryable: false,
		});
	});
});
