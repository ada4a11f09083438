import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'conversation', operation: 'getAll' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const lists = () => ctx.sim.calls('GET', '/conversations.list');
const seed = (count: number, fields: Record<string, unknown> = {}) =>
	Array.from({ length: count }, (_, k) =>
		devrev.seedConversation(ctx.sim.state, { title: `Conversation ${k + 1}`, ...fields }),
	);

describe('DevRev: Get Many Conversations', () => {
	test('one item per conversation from GET /conversations.list, 50 a page', async () => {
		seed(3);
		const result = await run({});
		expect(result.error).toBeUndefined();
		expect(lists()).toHaveLength(1);
		expect(lists()[0].query).toEqual({ limit: 50 });
		expect(lists()[0].rejected).toBeUndefined();
		expect(result.items.map((i) => i.json.title)).toEqual([
			'Conversation 1',
			'Conversation 2',
			'Conversation 3',
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	test('Return All follows next_cursor through 3 pages', async () => {
		seed(120);
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(120);
		expect(result.items[119].json.title).toBe('Conversation 120');
		const calls = lists();
		expect(calls).toHaveLength(3);
		expect(calls[0].query.cursor).toBeUndefined();
		expect(calls[1].query.cursor).toEqual(expect.any(String));
		expect(calls[2].query.cursor).not.toBe(calls[1].query.cursor);
	});

	test('Limit stops as soon as it is reached, asking only for what is missing', async () => {
		seed(120);
		const result = await run({ limit: 70 });
		expect(result.items).toHaveLength(70);
		expect(lists().map((c) => c.query.limit)).toEqual([50, 20]);
	});

	test('Filters go into the query under DevRev names, lists comma-separated (explode: false)', async () => {
		const result = await run({
			filters: {
				appliesToParts: 'PROD-1, PROD-2',
				groups: 'GROUP-1',
				isCreatorVerified: true,
				isFrozen: false,
				isSpam: false,
				members: ['DEVU-7', 'REVU-3'],
				modifiedAfter: '2026-01-01T00:00:00Z',
				modifiedBefore: '2026-02-01T12:00:00+01:00',
				ownedBy: 'DEVU-42',
				revOrgs: 'REV-AbC',
				slaStages: ['breached', 'warning'],
				sourceChannels: 'email',
				stage: 'new, waiting_on_user',
				state: 'open',
				tagId: 'TAG-1',
				tagValue: 'p1',
			},
		});
		expect(result.error).toBeUndefined();
		expect(lists()[0].query).toEqual({
			applies_to_parts: 'PROD-1,PROD-2',
			group: 'GROUP-1',
			is_creator_verified: true,
			is_frozen: false,
			is_spam: false,
			members: 'DEVU-7,REVU-3',
			'modified_date.after': '2026-01-01T00:00:00.000Z',
			'modified_date.before': '2026-02-01T11:00:00.000Z',
			owned_by: 'DEVU-42',
			rev_orgs: 'REV-AbC',
			'sla_summary.stage': 'breached,warning',
			source_channel: 'email',
			'stage.name': 'new,waiting_on_user',
			state: 'open',
			'tags_v2.id': 'TAG-1',
			'tags_v2.value': 'p1',
			limit: 50,
		});
		expect(lists()[0].rejected).toBeUndefined();
	});

	test('a stage and an owner filter select the matching conversations', async () => {
		seed(2);
		const [owned] = seed(1, { title: 'Mine', stage: { name: 'resolved' } });
		owned.owned_by = [devrev.ME];
		const result = await run({
			returnAll: true,
			filters: { stage: 'resolved', ownedBy: 'DEVU-42' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.title)).toEqual(['Mine']);
	});

	test("a date picker value without an offset is read in the workflow's time zone", async () => {
		const result = await run(
			{ filters: { modifiedAfter: '2026-03-01T09:30:00' } },
			{ workflowSettings: { timezone: 'Europe/Berlin' } },
		);
		expect(result.error).toBeUndefined();
		expect(lists()[0].query['modified_date.after']).toBe('2026-03-01T08:30:00.000Z');
	});

	test('Extra Query Parameters (JSON) are merged last on every page', async () => {
		seed(120);
		const result = await run({ returnAll: true, additionalQueryParameters: '{"limit": 100}' });
		expect(result.items).toHaveLength(120);
		expect(lists().map((c) => c.query.limit)).toEqual([100, 100]);
	});

	test('a cursor that comes back again stops with an error instead of looping', async () => {
		seed(200);
		ctx.sim.state.repeatCursor = true;
		const result = await run({ returnAll: true });
		expect(result.error?.message).toMatch(/^Paging through DevRev stopped: the page cursor/);
		expect(result.error?.context).toMatchObject({ code: 'paging_stopped', retryable: false });
		expect(lists()).toHaveLength(2);
	});

	test('no conversations: no items', async () => {
		const result = await run({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
	});

	test.each([
		['Limit 0', { limit: 0 }, /^Limit: must be at least 1, got 0/],
		[
			'an SLA stage that DevRev does not have',
			{ filters: { slaStages: '={{ ["late"] }}' } },
			/^SLA Stages: "late" is not one of breached, completed, paused, running, warning/,
		],
		[
			'a Modified After that is not a date',
			{ filters: { modifiedAfter: 'yesterday' } },
			/^Modified After: must be a date and time/,
		],
		[
			'query JSON that does not parse',
			{ additionalQueryParameters: '{"limit": ' },
			/^Extra Query Parameters \(JSON\): is not valid JSON/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('a 401 is mapped; under Continue On Fail the item carries it', async () => {
		const result = await run({}, { credential: { accessToken: 'wrong' }, continueOnFail: true });
		expect(result.items[0].json).toMatchObject({
			error: 'Unauthenticated',
			httpCode: '401',
			code: 'unauthenticated',
			retryable: false,
		});
	});
});
