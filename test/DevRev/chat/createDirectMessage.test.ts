import { nodeRunner, specs } from '../../engine/nodes';
import { allText, providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, {
	resource: 'chat',
	operation: 'createDirectMessage',
	type: 'dm',
});
const ME_ID: string = devrev.ME.id;

beforeEach(() => ctx.sim.reset({ resetState: true }));

const creates = () => ctx.sim.calls('POST', '/chats.create');
const selfLookups = () => ctx.sim.calls('GET', '/dev-users.self');

describe('DevRev: Create Chat', () => {
	test('creates a DM: looks up the caller, adds them, sends the exact documented body', async () => {
		const result = await run({ users: 'DEVU-7, DEVU-8' });
		expect(result.error).toBeUndefined();
		expect(selfLookups()).toHaveLength(1);
		expect(selfLookups()[0].headers.authorization).toBe(`Bearer ${devrev.TOKEN}`);
		const sent = creates();
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toEqual({ type: 'dm', users: ['DEVU-7', 'DEVU-8', ME_ID] });
		expect(sent[0].headers.authorization).toBe(`Bearer ${devrev.TOKEN}`);
		expect(sent[0].headers['content-type']).toContain('application/json');
		expect(sent[0].rejected).toBeUndefined();

		expect(result.items).toHaveLength(1);
		const chat = result.items[0].json.chat as Record<string, any>;
		expect(chat.type).toBe('dm');
		expect(chat.id).toMatch(/^don:core:/);
		expect(chat.users.map((u: { display_id: string }) => u.display_id)).toEqual([
			'DEVU-7',
			'DEVU-8',
			'DEVU-42',
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('every optional field is sent under its API name', async () => {
		const result = await run({
			users: 'DEVU-7',
			additionalFields: {
				title: 'Escalation',
				isDefault: false,
				records: 'ISS-101, TKT-7',
				getIfConflict: true,
				customFields: '{"tnt__priority": "p1"}',
				customSchemaSpec:
					'{"tenant_fragment": true, "validate_required_fields": true, "apps": ["support"]}',
			},
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toEqual({
			type: 'dm',
			users: ['DEVU-7', ME_ID],
			title: 'Escalation',
			is_default: false,
			records: ['ISS-101', 'TKT-7'],
			get_if_conflict: true,
			custom_fields: { tnt__priority: 'p1' },
			custom_schema_spec: {
				tenant_fragment: true,
				validate_required_fields: true,
				apps: ['support'],
			},
		});
		expect((result.items[0].json.chat as Record<string, unknown>).title).toBe('Escalation');
	});

	test.each([
		['by display ID', 'DEVU-7, DEVU-42', ['DEVU-7', 'DEVU-42']],
		['by display ID in another case', 'devu-42,DEVU-7', ['devu-42', 'DEVU-7']],
		[
			'by full ID',
			`DEVU-7, ${'don:identity:dvrv-us-1:devo/0:devu/42'}`,
			['DEVU-7', 'don:identity:dvrv-us-1:devo/0:devu/42'],
		],
	])('the caller already listed %s is not added twice', async (_label, users, expected) => {
		const result = await run({ users });
		expect(result.error).toBeUndefined();
		expect(creates()[0].body.users).toEqual(expected);
	});

	test('empty Users with "Add Me" on opens the caller\'s own DM', async () => {
		const result = await run({ users: '' });
		expect(result.error).toBeUndefined();
		expect(creates()[0].body.users).toEqual([ME_ID]);
	});

	test('the caller is looked up once per run, not once per item', async () => {
		const items = [{ u: 'DEVU-1' }, { u: 'DEVU-2' }, { u: 'DEVU-3' }];
		const result = await run({ users: '={{ $json.u }}', options: { concurrency: 3 } }, { items });
		expect(result.error).toBeUndefined();
		expect(selfLookups()).toHaveLength(1);
		expect(
			creates()
				.map((c) => c.body.users)
				.sort(),
		).toEqual([
			['DEVU-1', ME_ID],
			['DEVU-2', ME_ID],
			['DEVU-3', ME_ID],
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('with "Add Me" off the users are sent as given and nobody is looked up', async () => {
		const result = await run({ users: 'DEVU-42, DEVU-9', addAuthenticatedUser: false });
		expect(result.error).toBeUndefined();
		expect(selfLookups()).toHaveLength(0);
		expect(creates()[0].body).toEqual({ type: 'dm', users: ['DEVU-42', 'DEVU-9'] });
	});

	test('with "Add Me" off and the caller missing, DevRev\'s 400 is shown with its type', async () => {
		const result = await run({ users: 'DEVU-9', addAuthenticatedUser: false });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe('The authenticated user must be included in users');
		expect(result.error?.description).toMatch(/DevRev code: invalid_field/);
		expect(result.error?.description).toMatch(/users must include the caller/);
	});

	test('16 users that already include the caller are accepted', async () => {
		const users = [...Array.from({ length: 15 }, (_, i) => `DEVU-${100 + i}`), 'DEVU-42'];
		const result = await run({ users: users.join(',') });
		expect(result.error).toBeUndefined();
		expect(creates()[0].body.users).toHaveLength(16);
	});

	test('16 users plus the caller would be 17: rejected after the lookup, before the chat is created', async () => {
		const users = Array.from({ length: 16 }, (_, i) => `DEVU-${100 + i}`);
		const result = await run({ users: users.join(',') });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			/^Users: with you added there are 17 users; DevRev allows at most 16/,
		);
		expect(creates()).toHaveLength(0);
	});

	test.each([
		[
			'17 users',
			{ users: Array.from({ length: 17 }, (_, i) => `DEVU-${100 + i}`).join(',') },
			/^Users: allows at most 16 entries, got 17/,
		],
		[
			'17 users with "Add Me" off',
			{
				addAuthenticatedUser: false,
				users: Array.from({ length: 17 }, (_, i) => `DEVU-${100 + i}`).join(','),
			},
			/^Users: allows at most 16 entries, got 17/,
		],
		[
			'no users with "Add Me" off',
			{ addAuthenticatedUser: false, users: '' },
			/^Users: needs at least 1 entry, got 0/,
		],
		[
			'a user listed twice',
			{ users: 'DEVU-7, DEVU-7' },
			/^Users: contains "DEVU-7" more than once/,
		],
		[
			'17 records',
			{
				users: 'DEVU-7',
				additionalFields: {
					records: Array.from({ length: 17 }, (_, i) => `ISS-${i + 1}`).join(','),
				},
			},
			/^Records: allows at most 16 entries, got 17/,
		],
		[
			'custom fields without a schema spec',
			{ users: 'DEVU-7', additionalFields: { customFields: '{"tnt__a": 1}' } },
			/^Custom Schema Spec \(JSON\): is required when Custom Fields are set/,
		],
		[
			'custom fields that are not JSON',
			{ users: 'DEVU-7', additionalFields: { customFields: '{oops' } },
			/^Custom Fields \(JSON\): is not valid JSON/,
		],
		[
			'a schema spec that is an array',
			{ users: 'DEVU-7', additionalFields: { customSchemaSpec: '[1]' } },
			/^Custom Schema Spec \(JSON\): must be a JSON object/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('a conflict without "Open Existing Chat on Conflict" is a clear error saying how to get the existing chat', async () => {
		const first = await run({ users: 'DEVU-7' });
		expect(first.error).toBeUndefined();
		const second = await run({ users: 'DEVU-7' });
		expect(second.error?.name).toBe('NodeApiError');
		expect(second.error?.httpCode).toBe('409');
		expect(second.error?.message).toBe('A default DM already exists for these users');
		expect(second.error?.description).toMatch(/DevRev code: conflict/);
		expect(second.error?.description).toMatch(
			/turn on Additional Fields → "Open Existing Chat on Conflict"/,
		);
		expect(creates()[1].body.get_if_conflict).toBeUndefined();
	});

	test('a conflict with "Open Existing Chat on Conflict" outputs the existing chat', async () => {
		const first = await run({ users: 'DEVU-7' });
		const existing = (first.items[0].json.chat as Record<string, unknown>).id;
		const second = await run({ users: 'DEVU-7', additionalFields: { getIfConflict: true } });
		expect(second.error).toBeUndefined();
		expect(creates()[1].body.get_if_conflict).toBe(true);
		expect((second.items[0].json.chat as Record<string, unknown>).id).toBe(existing);
	});

	test('a non-default DM for the same users is a new chat, not a conflict', async () => {
		const first = await run({ users: 'DEVU-7' });
		const second = await run({ users: 'DEVU-7', additionalFields: { isDefault: false } });
		expect(second.error).toBeUndefined();
		expect((second.items[0].json.chat as Record<string, unknown>).id).not.toBe(
			(first.items[0].json.chat as Record<string, unknown>).id,
		);
	});

	test('429 with only retry_after in the body is waited out and retried', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/chats.create' },
			{
				status: 429,
				headers: { 'Retry-After': '' },
				body: { type: 'too_many_requests', message: 'Too many requests', retry_after: 2 },
			},
		);
		const result = await run({ users: 'DEVU-7' });
		expect(result.error).toBeUndefined();
		const calls = creates();
		expect(calls).toHaveLength(2);
		expect((calls[0] as { fault?: unknown }).fault).toBeDefined();
		// X-Ratelimit-Reset says 1 s; the body's retry_after (2 s) is what was honoured
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1950);
		expect(result.items[0].json.chat).toBeDefined();
	});

	test('429 with a Retry-After header is waited out and retried', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/chats.create' },
			{ status: 429, retryAfter: 1, message: 'Too many requests' },
		);
		const result = await run({ users: 'DEVU-7' });
		expect(result.error).toBeUndefined();
		const calls = creates();
		expect(calls).toHaveLength(2);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
	});

	test("a rate limit longer than the wait budget fails at once with DevRev's message", async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/chats.create' },
			{
				status: 429,
				headers: { 'Retry-After': '' },
				body: { type: 'too_many_requests', message: 'Slow down', retry_after: 600 },
			},
		);
		const started = Date.now();
		const result = await run({ users: 'DEVU-7' });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.message).toBe('Slow down');
		expect(result.error?.description).toMatch(/asks to wait 600 s more/);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test("500 shows DevRev's message, detail and reference ID", async () => {
		ctx.sim.fault(
			{ method: 'POST', path: '/chats.create' },
			{
				status: 500,
				body: {
					type: 'internal_error',
					message: 'Internal error',
					detail: 'storage timeout',
					reference_id: 'ref-123-abc',
				},
			},
		);
		const result = await run({ users: 'DEVU-7' });
		expect(result.error?.httpCode).toBe('500');
		expect(result.error?.message).toBe('Internal error');
		expect(result.error?.description).toMatch(/DevRev code: internal_error/);
		expect(result.error?.description).toMatch(/storage timeout/);
		expect(result.error?.description).toMatch(/DevRev reference ID: ref-123-abc/);
	});

	test("a wrong token: the lookup's 401 is a readable error, and the token appears nowhere", async () => {
		const badToken = 'eyJWRONG.TOKEN-NOT-VALID.xyz';
		const result = await run({ users: 'DEVU-7' }, { credential: { accessToken: badToken } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('Unauthenticated');
		expect(result.error?.description).toMatch(/DevRev code: unauthenticated/);
		expect(selfLookups()[0].headers.authorization).toBe(`Bearer ${badToken}`);
		expect(allText(result.run)).not.toContain(badToken);
		expect(allText(result.error)).not.toContain(badToken);
	});

	test('continueOnFail: failed items carry the error, others their chat, all paired', async () => {
		const result = await run(
			{ users: '={{ $json.u }}', additionalFields: { getIfConflict: '={{ $json.open }}' } },
			{
				continueOnFail: true,
				items: [
					{ u: 'DEVU-1', open: false },
					{ u: 'DEVU-2,DEVU-2', open: false },
					{ u: 'DEVU-1', open: false },
					{ u: 'DEVU-1', open: true },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		const firstChat = result.items[0].json.chat as Record<string, unknown>;
		expect(firstChat.id).toBeDefined();
		expect(result.items[1].json.error).toMatch(/^Users: contains "DEVU-2" more than once/);
		expect(result.items[2].json.error).toBe('A default DM already exists for these users');
		expect(result.items[2].json.httpCode).toBe('409');
		expect((result.items[3].json.chat as Record<string, unknown>).id).toBe(firstChat.id);
		expect(creates()).toHaveLength(3);
	});

	test('the token never appears in output items or in the run data', async () => {
		const result = await run({ users: 'DEVU-7' });
		expect(result.error).toBeUndefined();
		expect(allText(result.items)).not.toContain(devrev.TOKEN);
		expect(allText(result.run)).not.toContain(devrev.TOKEN);
	});
});
