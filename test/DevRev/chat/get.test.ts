import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'chat', operation: 'get' });
const ME_ID: string = devrev.ME.id;

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('DevRev: Get Chat', () => {
	test('by ID: GET /chats.get?id=…, the chat output as DevRev answers it', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({ getBy: 'id', chatId: ` ${chat.id} ` });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		const [sent] = ctx.sim.requests;
		expect(sent.method).toBe('GET');
		expect(sent.path).toBe('/chats.get');
		expect(sent.query).toEqual({ id: chat.id });
		expect(sent.headers.authorization).toBe(`Bearer ${devrev.TOKEN}`);
		expect(sent.rejected).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({ chat: JSON.parse(JSON.stringify(chat)) });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('by display ID: sent as given', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({ chatId: 'DM-1' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].query).toEqual({ id: 'DM-1' });
		expect((result.items[0].json.chat as Record<string, unknown>).id).toBe(chat.id);
	});

	test('by users: the caller is added and the DM is looked up with POST /chats.get', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7, 8]);
		const result = await run({ getBy: 'users', users: 'DEVU-8, DEVU-7' });
		expect(result.error).toBeUndefined();
		const posts = ctx.sim.calls('POST', '/chats.get');
		expect(posts).toHaveLength(1);
		expect(posts[0].body).toEqual({ type: 'dm', users: ['DEVU-8', 'DEVU-7', ME_ID] });
		expect(ctx.sim.calls('GET', '/dev-users.self')).toHaveLength(1);
		expect((result.items[0].json.chat as Record<string, unknown>).id).toBe(chat.id);
	});

	test('by users with "Add Me" off: sent as given, nobody looked up', async () => {
		devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({
			getBy: 'users',
			users: ['DEVU-42', 'DEVU-7'],
			addAuthenticatedUser: false,
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('GET', '/dev-users.self')).toHaveLength(0);
		expect(ctx.sim.calls('POST', '/chats.get')[0].body).toEqual({
			type: 'dm',
			users: ['DEVU-42', 'DEVU-7'],
		});
	});

	test("an unknown chat is DevRev's 404 with its type as code", async () => {
		const result = await run({ chatId: 'DM-99' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('chat DM-99 not found');
		expect(result.error?.description).toMatch(/DevRev code: not_found/);
		expect(result.error?.context).toMatchObject({ code: 'not_found', retryable: false });
	});

	test('no default DM for these users: 404', async () => {
		const result = await run({ getBy: 'users', users: 'DEVU-9' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('no default DM exists for these users');
	});

	test.each([
		[
			'an empty Chat ID from an expression',
			{ chatId: '={{ "  " }}' },
			/^Chat ID: must not be empty/,
		],
		['a Chat ID with spaces', { chatId: 'DM 1' }, /^Chat ID: "DM 1" is not a DevRev ID/],
		[
			'no users with "Add Me" off',
			{ getBy: 'users', users: '', addAuthenticatedUser: false },
			/^Users: needs at least 1 entry, got 0/,
		],
		[
			'an unknown Get By from an expression',
			{ getBy: '={{ "name" }}', chatId: 'DM-1' },
			/^Get By: must be "id" or "users", got "name"/,
		],
		[
			'17 users',
			{ getBy: 'users', users: Array.from({ length: 17 }, (_, k) => `DEVU-${k + 100}`).join(',') },
			/^Users: allows at most 16 entries, got 17/,
		],
	])('%s: rejected before any request, the field named', async (_label, parameters, message) => {
		const result = await run({ ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.context).toMatchObject({ code: 'invalid_parameter', retryable: false });
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
