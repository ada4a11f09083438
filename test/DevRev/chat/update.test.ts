import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'chat', operation: 'update' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('DevRev: Update Chat', () => {
	test('title only: POST /chats.update with the ID and the title (no DM variant)', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({
			chatId: chat.id,
			updateFields: { title: 'Renamed' },
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		expect(ctx.sim.requests[0].path).toBe('/chats.update');
		expect(ctx.sim.requests[0].body).toEqual({ id: chat.id, title: 'Renamed' });
		expect(ctx.sim.requests[0].rejected).toBeUndefined();
		const updated = result.items[0].json.chat as Record<string, unknown>;
		expect(updated.id).toBe(chat.id);
		expect(updated.title).toBe('Renamed');
	});

	test('every field under its API name: users and records as { set }, with type dm', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({
			chatId: chat.id,
			updateFields: {
				title: 'Escalation',
				users: 'DEVU-7, DEVU-8, DEVU-42',
				records: 'ISS-1, TKT-2',
				customFields: '{"tnt__priority": "p1"}',
				customSchemaSpec: '{"tenant_fragment": true}',
			},
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].body).toEqual({
			id: chat.id,
			type: 'dm',
			title: 'Escalation',
			users: { set: ['DEVU-7', 'DEVU-8', 'DEVU-42'] },
			records: { set: ['ISS-1', 'TKT-2'] },
			custom_fields: { tnt__priority: 'p1' },
			custom_schema_spec: { tenant_fragment: true },
		});
		const updated = result.items[0].json.chat as { users: Array<{ display_id: string }> };
		expect(updated.users.map((u: { display_id: string }) => u.display_id)).toEqual([
			'DEVU-7',
			'DEVU-8',
			'DEVU-42',
		]);
	});

	test("users without you: DevRev's 400 with its type", async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({
			chatId: chat.id,
			updateFields: { users: 'DEVU-7' },
		});
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe('The authenticated user must be included in users');
		expect(result.error?.context).toMatchObject({ code: 'invalid_field', retryable: false });
	});

	test('an update is not retried after a 503 (sent once)', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		ctx.sim.fault({ method: 'POST', path: '/chats.update' }, { status: 503 });
		const result = await run({
			chatId: chat.id,
			updateFields: { title: 'x' },
		});
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.context).toMatchObject({ code: 'service_unavailable', retryable: true });
		expect(ctx.sim.calls('POST', '/chats.update')).toHaveLength(1);
	});

	test.each([
		['no update field', { updateFields: {} }, /^Update Fields: add at least one field to change/],
		['an empty title only', { updateFields: { title: '' } }, /^Update Fields: add at least one/],
		[
			'custom fields without a schema spec',
			{ updateFields: { customFields: '{"tnt__a": 1}' } },
			/^Custom Schema Spec \(JSON\): is required when Custom Fields are set/,
		],
		['empty users', { updateFields: { users: '' } }, /^Users: needs at least 1 entry, got 0/],
		[
			'17 records',
			{
				updateFields: {
					records: Array.from({ length: 17 }, (_, k) => `ISS-${k + 1}`).join(','),
				},
			},
			/^Records: allows at most 16 entries, got 17/,
		],
		[
			'no Chat ID',
			{ chatId: '={{ "" }}', updateFields: { title: 'x' } },
			/^Chat ID: must not be empty/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ chatId: 'DM-1', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('an unknown chat: 404', async () => {
		const result = await run({ chatId: 'DM-5', updateFields: { title: 'x' } });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('chat DM-5 not found');
	});
});
