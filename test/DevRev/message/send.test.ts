import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'message', operation: 'send' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('DevRev: Send Message', () => {
	test('a timeline comment on the chat: the exact documented body, the entry output', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({ chatId: chat.id, body: 'Hello **team**' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		const [sent] = ctx.sim.requests;
		expect(sent.method).toBe('POST');
		expect(sent.path).toBe('/timeline-entries.create');
		expect(sent.body).toEqual({
			type: 'timeline_comment',
			object: chat.id,
			body: 'Hello **team**',
			body_type: 'text',
		});
		expect(sent.headers['content-type']).toContain('application/json');
		expect(sent.rejected).toBeUndefined();
		const entry = result.items[0].json.timeline_entry as Record<string, unknown>;
		expect(entry).toMatchObject({
			type: 'timeline_comment',
			object: chat.id,
			object_display_id: 'DM-1',
			body: 'Hello **team**',
			body_type: 'text',
			visibility: 'external',
		});
		expect(ctx.sim.state.entries.get(chat.id)).toHaveLength(1);
	});

	test('every optional field under its API name', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const expires = new Date(Date.now() + 3600_000);
		const result = await run({
			chatId: 'DM-1',
			body: 'Only for you',
			additionalFields: {
				visibility: 'private',
				privateTo: 'DEVU-7',
				artifacts: ['ARTIFACT-1', 'ARTIFACT-2'],
				expiresAt: expires.toISOString().replace('Z', '+00:00'),
			},
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].body).toEqual({
			type: 'timeline_comment',
			object: 'DM-1',
			body: 'Only for you',
			body_type: 'text',
			visibility: 'private',
			private_to: ['DEVU-7'],
			artifacts: ['ARTIFACT-1', 'ARTIFACT-2'],
			expires_at: expires.toISOString(),
		});
		expect((result.items[0].json.timeline_entry as Record<string, unknown>).object).toBe(chat.id);
	});

	test('Extra Body Fields (JSON) are merged last, over the fields above', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		const result = await run({
			chatId: chat.id,
			body: 'Plain',
			additionalFields: { visibility: 'internal' },
			additionalBodyFields: '{"body_type": "data", "visibility": "public"}',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests[0].body).toEqual({
			type: 'timeline_comment',
			object: chat.id,
			body: 'Plain',
			body_type: 'data',
			visibility: 'public',
		});
		expect(ctx.sim.requests[0].rejected).toBeUndefined();
	});

	test('a send is not retried after a 503 (it may have been posted)', async () => {
		const chat = devrev.seedChat(ctx.sim.state, [7]);
		ctx.sim.fault({ method: 'POST', path: '/timeline-entries.create' }, { status: 503 });
		const result = await run({ chatId: chat.id, body: 'x' });
		expect(result.error?.httpCode).toBe('503');
		expect(ctx.sim.requests).toHaveLength(1);
	});

	test("an unknown chat: DevRev's 404", async () => {
		const result = await run({ chatId: 'DM-77', body: 'x' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('object DM-77 not found');
		expect(result.error?.context).toMatchObject({ code: 'not_found' });
	});

	test.each([
		['an empty body', { body: '={{ "" }}' }, /^Body: must not be empty/],
		['a Chat ID with spaces', { chatId: 'dm 1' }, /^Chat ID: "dm 1" is not a DevRev ID/],
		[
			'51 artifacts',
			{
				additionalFields: {
					artifacts: Array.from({ length: 51 }, (_, k) => `ARTIFACT-${k}`).join(','),
				},
			},
			/^Artifacts: allows at most 50 entries, got 51/,
		],
		[
			'Private To without private visibility',
			{ additionalFields: { privateTo: 'DEVU-7' } },
			/^Private To: needs Visibility "Private"/,
		],
		[
			'an unknown visibility from an expression',
			{ additionalFields: { visibility: '={{ "secret" }}' } },
			/^Visibility: must be one of external, internal, private, public, got "secret"/,
		],
		[
			'body JSON that does not parse',
			{ additionalBodyFields: '{"body_type": ' },
			/^Extra Body Fields \(JSON\): is not valid JSON/,
		],
		[
			'body JSON that is not an object',
			{ additionalBodyFields: '["text"]' },
			/^Extra Body Fields \(JSON\): must be a JSON object/,
		],
		[
			'an expiry without a time zone',
			{ additionalFields: { expiresAt: '2030-01-01T12:00:00' } },
			/^Expires At: must be an ISO 8601 timestamp with a time zone/,
		],
		[
			'an expiry in the past',
			{ additionalFields: { expiresAt: '2020-01-01T12:00:00Z' } },
			/^Expires At: must be at least a minute from now/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ chatId: 'DM-1', body: 'x', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
