/**
 * Chat Message → Export, Send to URL with Trigger Secret "From a Zaia Trigger Credential": the
 * Zaia Trigger's secret is appended at run time and appears nowhere else — not in the workflow's
 * parameters, the output, errors or n8n's log.
 */
import type { IDataObject, Logger } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { ZaiaApi } from '../../../credentials/ZaiaApi.credentials';
import { ZaiaTriggerApi } from '../../../credentials/ZaiaTriggerApi.credentials';
import { Zaia } from '../../../nodes/Zaia/Zaia.node';
import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { EXPORT, SECRET, resetCallbacks, trigger, waitForCallbacks, zaia } from '../kit';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, {
	resource: 'chatMessage',
	operation: 'export',
	rangeStart: '2025-02-15T00:00:00.000Z',
	deliverTo: 'url',
	triggerSecret: 'credential',
	additionalFields: { rangeEnd: '2025-04-01T00:00:00.000Z' },
});
/** The Zaia credential and the Zaia Trigger credential holding `secret`. */
const withTrigger = (secret = SECRET) => ({
	credentialTypes: [new ZaiaApi(), new ZaiaTriggerApi()],
	credentials: {
		...specs.zaia.credentials(ctx.sim),
		zaiaTriggerApi: { secret },
	},
});

/** Everything n8n logs while a test runs. */
const logged: string[] = [];
beforeAll(() => {
	const record =
		(level: string) =>
		(message: string, meta: object = {}) =>
			logged.push(`${level} ${message} ${JSON.stringify(meta)}`);
	LoggerProxy.init({
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		scoped: () => LoggerProxy as unknown as Logger,
	} as unknown as Logger);
});
beforeEach(() => {
	resetCallbacks(ctx.sim);
	logged.length = 0;
});

describe('Zaia: Export → Send to URL, the trigger secret from its credential', () => {
	test('the secret is appended when the node runs, the Zaia Trigger accepts the callback, and the secret is nowhere else', async () => {
		const server = await trigger();
		try {
			const result = await run({ callbackUrl: `${server.url}?source=zaia` }, withTrigger());
			expect(result.error).toBeUndefined();
			const [call] = ctx.sim.calls('POST', EXPORT);
			expect(call.rejected).toBeUndefined();
			expect(call.body.callbackUrl).toBe(`${server.url}?source=zaia&secret=${SECRET}`);
			const [hit] = await server.waitForHits(1);
			const [callback] = await waitForCallbacks(ctx.sim, server.url);
			expect(callback.status).toBe(200);
			expect((hit.items![0].json as IDataObject).format).toBe('json');

			expect(result.items[0].json).toEqual({
				message: 'Export started. A POST will be made to callbackUrl when ready.',
				exportRequested: {
					rangeStart: '2025-02-15T00:00:00.000Z',
					rangeEnd: '2025-04-01T00:00:00.000Z',
					language: 'enUs',
				},
			});
			const node = Object.values(result.workflow.nodes).find((n) => n.type.endsWith('.zaia'))!;
			expect(node.parameters.triggerSecret).toBe('credential');
			expect(allText(node)).not.toContain(SECRET);
			expect(allText(result.run.data)).not.toContain(SECRET);
			expect(logged.length).toBeGreaterThan(0);
			expect(logged.join('\n')).not.toContain(SECRET);
		} finally {
			await server.stop();
		}
	});

	test.each([
		['as is', (url: string) => url],
		['URL-encoded', (url: string) => encodeURIComponent(url)],
	])(
		'Zaia echoing the callback URL (%s) in an error does not reveal the secret',
		async (_l, form) => {
			ctx.sim.fault(
				{ method: 'POST', path: EXPORT },
				{
					status: 400,
					get body() {
						const sent = String(ctx.sim.requests.at(-1)?.body?.callbackUrl ?? '');
						return zaia.errorBody(400, `callbackUrl ${form(sent)} is not reachable`, {
							enUs: `We could not reach ${form(sent)}.`,
						});
					},
				},
			);
			const result = await run(
				{ callbackUrl: 'https://hooks.example.com/webhook/abc/zaia-export' },
				{ ...withTrigger(), continueOnFail: true },
			);
			const json = result.items[0].json as IDataObject;
			expect(json.httpCode).toBe('400');
			expect(json.error).toBe(
				`We could not reach ${form('https://hooks.example.com/webhook/abc/zaia-export?secret=[redacted]').replace(encodeURIComponent('[redacted]'), '[redacted]')}.`,
			);
			expect(allText(result.items)).not.toContain(SECRET);
			expect(allText(result.run.data)).not.toContain(SECRET);
			expect(logged.join('\n')).not.toContain(SECRET);
		},
	);

	test.each([
		[
			'a Callback URL that already carries the secret',
			{ callbackUrl: `https://hooks.example.com/zaia?secret=${SECRET}` },
			SECRET,
			"Callback URL: carries a secret parameter; give the Zaia Trigger's Production URL without it (the node appends the Zaia Trigger credential's secret when it runs, so it is not saved in the workflow)",
		],
		[
			'a trigger credential whose secret the Zaia Trigger would refuse',
			{ callbackUrl: 'https://hooks.example.com/zaia' },
			'short-secret',
			"Trigger Secret: the Zaia Trigger credential's secret has 12 characters; the Zaia Trigger refuses every call unless it has at least 16",
		],
	])('%s is refused before sending', async (_label, parameters, secret, message) => {
		const result = await run(parameters, withTrigger(secret));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(message);
		expect(result.error?.context).toMatchObject({ code: 'invalid_parameter', retryable: false });
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('the panel says so: a notice for each choice, the credential only when it is picked', () => {
		const { properties, credentials } = new Zaia().description;
		const notice = (name: string) => properties.find((p) => p.name === name)!;
		expect(notice('triggerSecretNotice').displayName).toMatch(
			/appends the Zaia Trigger credential's secret to the Callback URL .* not saved in this workflow, its executions or the node's output/,
		);
		expect(notice('triggerSecretNotice').displayOptions?.show).toMatchObject({
			triggerSecret: ['credential'],
		});
		expect(notice('callbackUrlNotice').displayName).toMatch(/saved with this workflow/);
		expect(credentials?.find((c) => c.name === 'zaiaTriggerApi')).toMatchObject({
			displayOptions: {
				show: { operation: ['export'], deliverTo: ['url'], triggerSecret: ['credential'] },
			},
		});
	});
});
