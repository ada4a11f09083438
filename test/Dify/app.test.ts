/** App → Get Info, Get Meta, Get Parameters, Get Site: one GET each, Dify's answer as the item. */
import { nodeRunner, specs } from '../engine/nodes';
import { allText, useSimulator } from '../helpers';
import { appStore, json, persistent429, TOKEN, WRONG_KEY } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'app', operation: 'getInfo', user: 'user-42' });

describe('Dify: App → Get Info, Get Parameters, Get Meta, Get Site', () => {
	test.each([
		['getInfo', '/info', { name: 'Simulated chat app', mode: 'chat' }],
		['getParameters', '/parameters', { user_input_form: [{ 'text-input': { variable: 'city' } }] }],
		['getMeta', '/meta', { tool_icons: { dalle3: 'https://example.com/icons/dalle3.png' } }],
		['getSite', '/site', { title: 'My Chat App', default_language: 'en-US', icon_url: null }],
	])('%s: GET %s, one item as Dify answers it', async (operation, path, expected) => {
		const result = await run({ operation });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(json(result)).toMatchObject(expected);
		const calls = ctx.sim.requests;
		expect(calls.map((r) => [r.method, r.path])).toEqual([['GET', path]]);
		expect(calls[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect((calls[0] as { rawQuery?: string }).rawQuery).toBe('');
	});

	test('a transient 503 is retried: one item, two requests', async () => {
		ctx.sim.fault({ method: 'GET', path: '/info' }, { status: 503 });
		const result = await run();
		expect(result.items).toHaveLength(1);
		expect(ctx.sim.calls('GET', '/info')).toHaveLength(2);
	});

	test('401 with a wrong key (the key appears nowhere); 404 and 429 mapped', async () => {
		const unauthorized = await run({ operation: 'getMeta' }, { credential: { apiKey: WRONG_KEY } });
		expect(unauthorized.error?.httpCode).toBe('401');
		expect(allText(unauthorized.run)).not.toContain(WRONG_KEY);
		ctx.sim.fault(
			{ path: '/parameters' },
			{ status: 404, body: { code: 'not_found', message: 'App not found', status: 404 } },
		);
		const missing = await run({ operation: 'getParameters' });
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.message).toBe('App not found');
		persistent429(ctx.sim, '/info');
		const limited = await run();
		expect(limited.error?.httpCode).toBe('429');
	});

	test("Get Site: the WebApp's settings as Dify documents them; its 403 forbidden (no site, archived workspace) mapped", async () => {
		const result = await run({ operation: 'getSite' });
		expect(json(result)).toEqual(appStore.SITE);
		ctx.sim.fault(
			{ path: '/site' },
			{
				status: 403,
				body: {
					status: 403,
					code: 'forbidden',
					message:
						"You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.",
				},
			},
		);
		const forbidden = await run({ operation: 'getSite' }, { continueOnFail: true });
		expect(forbidden.items[0].json).toMatchObject({
			httpCode: '403',
			code: 'forbidden',
			retryable: false,
		});
	});
});
