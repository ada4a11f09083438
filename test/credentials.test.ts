/**
 * Every credential the package ships: its `test` request (what n8n's "Test credential" button
 * sends) is resolved with n8n's expression engine, signed by the credential type's own
 * `authenticate`, and sent to the provider simulator — it must pass with the simulator's key and
 * fail with a wrong one.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import path from 'path';

import { TestCredentialsHelper } from './engine/credentials-helper';
import { providers } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('./simulator');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../package.json');

const credentialFiles: string[] = pkg.n8n.credentials.map((file: string) =>
	path.join(__dirname, '..', file.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
);

function loadCredential(file: string): ICredentialType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(file);
	const Class = Object.values(mod)[0] as new () => ICredentialType;
	return new Class();
}

const node: INode = {
	id: 'n',
	name: 'n',
	type: 'test.items',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const workflow = new Workflow({
	nodes: [node],
	connections: {},
	active: false,
	nodeTypes: {
		getByName: () => undefined,
		getByNameAndVersion: () => undefined,
		getKnownTypes: () => ({}),
	} as never,
});

function resolve(value: unknown, credentials: IDataObject): string {
	if (typeof value !== 'string') return String(value ?? '');
	if (!value.startsWith('=')) return value;
	return String(
		workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials } as IDataObject,
			undefined,
			'',
		),
	);
}

async function sendTest(type: ICredentialType, credentials: IDataObject) {
	const request = type.test!.request;
	const helper = new TestCredentialsHelper(
		{ [type.name]: type },
		{ [type.name]: credentials as ICredentialDataDecryptedObject },
	);
	const filled = await helper.getDecrypted(undefined, { id: '1', name: 'x' }, type.name);
	const options = await helper.authenticate(
		filled,
		type.name,
		{
			url: resolve(request.url, filled),
			method: request.method ?? 'GET',
			headers: {},
			qs: request.qs as IDataObject,
		} as IHttpRequestOptions,
		workflow,
		node,
	);
	const base = resolve(request.baseURL ?? '', filled).replace(/\/+$/, '');
	const url = new URL(`${base}${options.url}`);
	for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
	const response = await fetch(url, {
		method: options.method,
		headers: options.headers as Record<string, string>,
	});
	return { status: response.status, body: await response.text() };
}

const isOAuth2 = (type: ICredentialType) => (type.extends ?? []).includes('oAuth2Api');

describe.each(
	credentialFiles.filter((f) => isOAuth2(loadCredential(f))).map((f) => [path.basename(f), f]),
)('OAuth2 credential %s', (_name, file) => {
	test('runs the authorization-code flow against https endpoints and has a Base URL', () => {
		const type = loadCredential(file);
		const value = (name: string) => type.properties.find((p) => p.name === name)?.default;
		expect(value('grantType')).toBe('authorizationCode');
		expect(String(value('authUrl'))).toMatch(/^https:\/\//);
		expect(String(value('accessTokenUrl'))).toMatch(/^https:\/\//);
		expect(String(value('baseUrl'))).toMatch(/^https:\/\//);
	});
});

describe.each(
	credentialFiles.filter((f) => !isOAuth2(loadCredential(f))).map((f) => [path.basename(f), f]),
)('credential %s', (_name, file) => {
	const type = loadCredential(file);
	const provider = Object.values(providers).find((p) => p.credentialType === type.name);
	let sim: { start(): Promise<string>; stop(): Promise<void>; baseUrl: string };

	beforeAll(async () => {
		if (!provider) return;
		sim = new simulator.ProviderSimulator(provider);
		await sim.start();
	});
	afterAll(async () => sim?.stop());

	test('has a test request, a Base URL with a production default, and a password-typed secret', () => {
		expect(type.test?.request).toBeDefined();
		const baseUrl = type.properties.find((p) => p.name === 'baseUrl');
		expect(String(baseUrl?.default)).toMatch(/^https:\/\//);
		expect(type.properties.some((p) => p.typeOptions?.password)).toBe(true);
	});

	test('the test request passes against the simulator with its key and fails with a wrong one', async () => {
		expect(provider).toBeDefined();
		const good = provider.demoCredential(sim.baseUrl) as IDataObject;
		const ok = await sendTest(type, good);
		expect({ status: ok.status, body: ok.body.slice(0, 200) }).toEqual({
			status: expect.any(Number),
			body: expect.any(String),
		});
		expect(ok.status).toBeLessThan(300);

		const secretField = type.properties.find(
			(p) => p.typeOptions?.password && p.name in good,
		)!.name;
		const bad = await sendTest(type, { ...good, [secretField]: 'wrong-secret-value-123' });
		expect([401, 403]).toContain(bad.status);
	});
});
