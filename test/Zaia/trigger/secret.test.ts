import { ZaiaTriggerApi } from '../../../credentials/ZaiaTriggerApi.credentials';
import { ZaiaTrigger } from '../../../nodes/Zaia/ZaiaTrigger.node';
import { runWebhookMethod, startTriggerServer } from '../../engine/webhook';
import type { TriggerServerOptions } from '../../engine/webhook';
import { allText, providers } from '../../helpers';

const zaia = providers.zaia;
const CREDENTIAL_SECRET = 'credential-secret-0123456789abcdef';
const PARAMETER_SECRET = 'parameter-secret-fedcba9876543210';

function credentialTrigger(secret = CREDENTIAL_SECRET): Omit<TriggerServerOptions, 'parameters'> & {
	parameters: TriggerServerOptions['parameters'];
} {
	return {
		node: new ZaiaTrigger(),
		typeVersion: 2,
		parameters: { downloadFile: false, options: {} },
		credentialTypes: [new ZaiaTriggerApi()],
		credentials: { zaiaTriggerApi: { secret } },
	};
}

async function post(url: string, headers: Record<string, string> = {}) {
	return await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: '{"exportId":"e-1","messages":[]}',
	});
}

describe('Zaia Trigger v2: the secret lives in a Zaia Trigger credential', () => {
	test('new nodes are version 2 and keep the secret out of the node parameters', () => {
		const { description } = new ZaiaTrigger();
		expect(description.defaultVersion).toBe(2);
		expect(description.version).toEqual([1, 2]);
		const credential = description.credentials!.find((c) => c.name === 'zaiaTriggerApi')!;
		expect(credential).toMatchObject({
			required: true,
			testedBy: 'zaiaTriggerSecretTest',
			displayOptions: { show: { authentication: ['credential'] } },
		});
		// the Secret parameter shows only for Secret Storage → node secret (version 1's default)
		const secret = description.properties.find((p) => p.name === 'secret')!;
		expect(secret.displayOptions).toEqual({ show: { authentication: ['nodeSecret'] } });
		const storage = description.properties.filter((p) => p.name === 'authentication');
		expect(storage.map((p) => [p.type, p.default, p.displayOptions?.show?.['@version']])).toEqual([
			['options', 'nodeSecret', [1]],
			['hidden', 'credential', [{ _cnd: { gte: 2 } }]],
		]);
	});

	test("the credential's secret opens the URL (query or header); the secret is in no output", async () => {
		const server = await startTriggerServer(credentialTrigger());
		try {
			expect((await post(`${server.url}?secret=${CREDENTIAL_SECRET}`)).status).toBe(200);
			expect((await post(server.url, { 'x-zaia-secret': CREDENTIAL_SECRET })).status).toBe(200);
			expect((await post(`${server.url}?secret=${CREDENTIAL_SECRET}x`)).status).toBe(401);
			expect((await post(server.url)).status).toBe(401);
			const hits = await server.waitForHits(4);
			expect(hits.map((h) => h.status)).toEqual([200, 200, 401, 401]);
			expect(hits.map((h) => h.run === undefined)).toEqual([false, false, true, true]);
			const json = hits[0].items![0].json as any;
			expect(json.body).toEqual({ exportId: 'e-1', messages: [] });
			expect(json.query).toEqual({});
			expect(allText(hits.map((h) => h.run))).not.toContain(CREDENTIAL_SECRET);
		} finally {
			await server.stop();
		}
	});

	test('version 2 ignores a leftover Secret parameter: only the credential opens the URL', async () => {
		const options = credentialTrigger();
		options.parameters = { ...options.parameters, secret: PARAMETER_SECRET };
		const server = await startTriggerServer(options);
		try {
			expect((await post(`${server.url}?secret=${PARAMETER_SECRET}`)).status).toBe(401);
			expect((await post(`${server.url}?secret=${CREDENTIAL_SECRET}`)).status).toBe(200);
		} finally {
			await server.stop();
		}
	});

	test('version 1 with Secret Storage → credential uses the credential', async () => {
		const server = await startTriggerServer({
			...credentialTrigger(),
			typeVersion: 1,
			parameters: { authentication: 'credential', secret: PARAMETER_SECRET, options: {} },
		});
		try {
			expect((await post(`${server.url}?secret=${PARAMETER_SECRET}`)).status).toBe(401);
			expect((await post(`${server.url}?secret=${CREDENTIAL_SECRET}`)).status).toBe(200);
		} finally {
			await server.stop();
		}
	});

	test('version 1 without Secret Storage (an existing workflow) keeps using its Secret parameter', async () => {
		const server = await startTriggerServer({
			node: new ZaiaTrigger(),
			typeVersion: 1,
			parameters: { secret: PARAMETER_SECRET, options: {} },
		});
		try {
			expect((await post(`${server.url}?secret=${PARAMETER_SECRET}`)).status).toBe(200);
		} finally {
			await server.stop();
		}
	});
});

describe('Zaia Trigger: a trigger without a usable secret is not activated', () => {
	const activations: Array<['activate' | 'manual', string]> = [
		['activate', 'activating the workflow'],
		['manual', '"Listen for test event"'],
	];

	test.each(activations)(
		'%s (%s) with a short credential secret is refused, saying what to set',
		async (activation) => {
			const attempt = runWebhookMethod({
				...credentialTrigger('too-short'),
				method: 'checkExists',
				activation,
			});
			await expect(attempt).rejects.toThrow(
				'The Zaia Trigger needs a secret of at least 16 characters in the Zaia Trigger credential (Credential to connect with → Secret); it has 9. Without it every callback would be refused with 401.',
			);
			await expect(attempt).rejects.toMatchObject({ name: 'NodeOperationError' });
		},
	);

	test.each(activations)('%s (%s) with a good credential secret is allowed', async (activation) => {
		for (const method of ['checkExists', 'create', 'delete'] as const) {
			await expect(runWebhookMethod({ ...credentialTrigger(), method, activation })).resolves.toBe(
				true,
			);
		}
	});

	test('version 2 without any credential is refused', async () => {
		await expect(
			runWebhookMethod({
				node: new ZaiaTrigger(),
				typeVersion: 2,
				parameters: { options: {} },
				method: 'checkExists',
			}),
		).rejects.toThrow(/at least 16 characters in the Zaia Trigger credential .*; none is set/);
	});

	test('version 1 with a short Secret parameter is refused and says where to set it', async () => {
		await expect(
			runWebhookMethod({
				node: new ZaiaTrigger(),
				typeVersion: 1,
				parameters: { secret: 'short', options: {} },
				method: 'create',
			}),
		).rejects.toThrow(
			"The Zaia Trigger needs a secret of at least 16 characters in the node's Secret parameter (or set Secret Storage to a Zaia Trigger credential, which keeps it out of the workflow JSON); it has 5.",
		);
		await expect(
			runWebhookMethod({
				node: new ZaiaTrigger(),
				typeVersion: 1,
				parameters: { secret: PARAMETER_SECRET, options: {} },
				method: 'checkExists',
			}),
		).resolves.toBe(true);
	});

	test('a secret shortened after activation still fails closed: 401, nothing starts, no length told', async () => {
		const server = await startTriggerServer(credentialTrigger('too-short'));
		try {
			const response = await post(`${server.url}?secret=too-short`);
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({
				error: 'Unauthorized',
				message: 'The Zaia Trigger has no secret of at least 16 characters configured',
			});
			const [hit] = await server.waitForHits(1);
			expect(hit.run).toBeUndefined();
		} finally {
			await server.stop();
		}
	});
});

describe('Zaia Trigger credential', () => {
	test("the Test button (the node's zaiaTriggerSecretTest) passes a long secret and explains a short one", async () => {
		const test = new ZaiaTrigger().methods.credentialTest.zaiaTriggerSecretTest;
		const call = async (secret: unknown) =>
			await test.call({} as never, {
				id: '1',
				name: 'x',
				type: 'zaiaTriggerApi',
				data: { secret } as never,
			});
		expect(await call(zaia.TRIGGER_SECRET)).toEqual({
			status: 'OK',
			message: 'The secret is long enough to guard the Zaia Trigger URL',
		});
		expect(await call('abc')).toEqual({
			status: 'Error',
			message:
				'The Zaia Trigger needs a secret of at least 16 characters in the Zaia Trigger credential (Credential to connect with → Secret); it has 3. Without it every callback would be refused with 401.',
		});
		expect((await call(undefined)).message).toMatch(/none is set/);
	});
});
