import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { MEMBERS, gr } from '../kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'member', operation: 'getAll' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const lists = () => ctx.sim.requests.filter((r) => r.method === 'GET' && r.path === MEMBERS);

describe('Gravity Rail: Member → Get Many', () => {
	test('GET /members with limit/offset: one item per member', async () => {
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(lists()).toHaveLength(1);
		expect(lists()[0].query).toEqual({ limit: 50, offset: 0 });
		expect(lists()[0].rejected).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(['101', '202', '303', '404', '505', '900']);
		expect(result.items[0].json).not.toHaveProperty('optedOut');
		expect(result.items.map((i) => i.pairedItem)).toEqual(Array(6).fill({ item: 0 }));
	});

	test('Return All pages by offset until a short page', async () => {
		gr.seedMembers(ctx.sim.state, 200);
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(206);
		expect(lists().map((r) => r.query)).toEqual([
			{ limit: 100, offset: 0 },
			{ limit: 100, offset: 100 },
			{ limit: 100, offset: 200 },
		]);
	});

	test('Limit asks only for what is missing; a wrapped answer is read too', async () => {
		gr.seedMembers(ctx.sim.state, 200);
		ctx.sim.state.listShape = 'wrapped';
		const result = await run({ limit: 120 });
		expect(result.items).toHaveLength(120);
		expect(lists().map((r) => r.query)).toEqual([
			{ limit: 100, offset: 0 },
			{ limit: 20, offset: 100 },
		]);
	});

	test('an API that ignores offset: paging stops with an error, never loops', async () => {
		gr.seedMembers(ctx.sim.state, 150);
		ctx.sim.state.ignoreOffset = true;
		const result = await run({ returnAll: true });
		expect(result.error?.message).toBe(
			'Paging through Gravity Rail stopped: the page at offset 100 repeats members already read (the API seems to ignore "offset")',
		);
		expect(result.error?.context).toMatchObject({ code: 'paging_stopped', retryable: false });
	});

	test('Extra Query Parameters (JSON) are merged last', async () => {
		const result = await run({ additionalQueryParameters: '{"limit": 2}' });
		expect(result.error).toBeUndefined();
		expect(lists()[0].query).toEqual({ limit: 2, offset: 0 });
	});

	test.each([
		['Limit 0', { limit: 0 }, /^Limit: must be at least 1, got 0/],
		[
			'query JSON that does not parse',
			{ additionalQueryParameters: '{x' },
			/^Extra Query Parameters \(JSON\): is not valid JSON/,
		],
		[
			'a credential workspace that is not a UUID',
			{},
			/^Workspace UUID \(in the credential\): must be a UUID/,
		],
	])('%s: rejected before any request', async (label, parameters, message) => {
		const extra = label.startsWith('a credential') ? { credential: { workspaceUuid: 'ws-1' } } : {};
		const result = await run(parameters, extra);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('a 401 is mapped; under Continue On Fail the item carries it', async () => {
		const result = await run({}, { credential: { apiKey: 'gr_wrong' }, continueOnFail: true });
		expect(result.items[0].json).toMatchObject({ error: 'Invalid API key', httpCode: '401' });
	});
});
