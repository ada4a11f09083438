/** End User → Get: the end user Dify keeps for a User value, by its ID. */
import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { appStore, json, TOKEN, WRONG_KEY } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'endUser', operation: 'get' });

describe('Dify: End User → Get', () => {
	test('GET /end-users/{id}: one item as Dify answers it', async () => {
		const result = await run({ endUserId: appStore.DOCS_END_USER });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: 'f1e2d3c4-b5a6-7890-abcd-ef1234567890',
				tenant_id: '11223344-5566-7788-99aa-bbccddeeff00',
				app_id: 'a1b2c3d4-5678-90ab-cdef-1234567890ab',
				type: 'service-api',
				external_user_id: 'abc-123',
				name: null,
				is_anonymous: false,
				session_id: 'abc-123',
				created_at: '2024-01-16T12:00:29Z',
				updated_at: '2024-01-16T12:00:29Z',
			},
		]);
		const [sent] = ctx.sim.requests;
		expect([sent.method, sent.path, sent.headers.authorization]).toEqual([
			'GET',
			`/end-users/${appStore.DOCS_END_USER}`,
			`Bearer ${TOKEN}`,
		]);
	});

	test('the "created_by" of an upload is the end user of the User it was made for', async () => {
		const form = new FormData();
		form.append('file', new Blob([Buffer.from('hello')], { type: 'text/plain' }), 'a.txt');
		form.append('user', 'customer-4821');
		const upload = await fetch(`${ctx.sim.baseUrl}/files/upload`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${TOKEN}` },
			body: form,
		});
		const { created_by: endUserId } = (await upload.json()) as { created_by: string };
		const result = await run({ endUserId });
		expect(json(result)).toMatchObject({
			id: endUserId,
			external_user_id: 'customer-4821',
			session_id: 'customer-4821',
			is_anonymous: false,
		});
	});

	test("an unknown end user is Dify's 404 end_user_not_found; an ID that is no UUID is refused first", async () => {
		const missing = await run(
			{ endUserId: '00000000-0000-4000-8000-000000000404' },
			{ continueOnFail: true },
		);
		expect(missing.items[0].json).toMatchObject({
			error: 'End user not found.',
			httpCode: '404',
			code: 'end_user_not_found',
		});
		ctx.sim.reset();
		const bad = await run({ endUserId: 'customer-4821' });
		expect(bad.error?.message).toMatch(/^End User ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('401 with a wrong key (the key appears nowhere); a transient 503 is retried', async () => {
		const unauthorized = await run(
			{ endUserId: appStore.DOCS_END_USER },
			{ credential: { apiKey: WRONG_KEY } },
		);
		expect(unauthorized.error?.httpCode).toBe('401');
		expect(allText(unauthorized.run)).not.toContain(WRONG_KEY);
		ctx.sim.reset();
		ctx.sim.fault({ method: 'GET', path: '/end-users/' }, { status: 503 });
		const retried = await run({ endUserId: appStore.DOCS_END_USER });
		expect(retried.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(2);
	});
});
