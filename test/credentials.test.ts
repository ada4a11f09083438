/**
 * Every credential the package ships: its `test` request (what n8n's "Test credential" button
 * sends) is resolved with n8n's expression engine, signed by the credential type's own
 * `authenticate`, and sent to the provider simulator — it must pass with the simulator's key and
 * fail with a wrong one.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import path from 'path';

import { TestCredentialsHelper } from './engine/credentials-helper';
import { providers } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulator = require('../dev/simulator');
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

/** The demo values of a credential type: a provider's main credential or one of its others. */
function demoOf(typeName: string): ((baseUrl: string) => IDataObject) | undefined {
	for (const provider of Object.values(providers)) {
		if (provider.credentialType === typeName) return provider.demoCredential;
		const other = (provider.moreCredentials ?? []).find(
			(c: { credentialType: string }) => c.credentialType === typeName,
		);
		if (other) return other.demoCredential;
	}
	return undefined;
}

/** The node (from package.json) that tests a credential type through `testedBy`, and its test. */
function nodeTestOf(typeName: string) {
	for (const file of pkg.n8n.nodes as string[]) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(
			path.join(__dirname, '..', file.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
		);
		const node = new (Object.values(mod)[0] as new () => INodeType)();
		const entry = (node.description.credentials ?? []).find(
			(c) => c.name === typeName && typeof c.testedBy === 'string',
		);
		const test = entry && node.methods?.credentialTest?.[entry.testedBy as string];
		if (test) return test;
	}
	return undefined;
}

/** Credentials whose Test button is a node's `testedBy` function (nothing to request, e.g. a webhook secret). */
const testedByNode = (type: ICredentialType) => !type.test;

describe.each(
	credentialFiles
		.filter((f) => !isOAuth2(loadCredential(f)) && testedByNode(loadCredential(f)))
		.map((f) => [path.basename(f), f]),
)('credential %s (tested by its node)', (_name, file) => {
	const type = loadCredential(file);

	test("a node tests it (testedBy); the demo value passes, a short one fails, and the test doesn't echo it", async () => {
		const credentialTest = nodeTestOf(type.name);
		expect(credentialTest).toBeDefined();
		const good = demoOf(type.name)!('http://127.0.0.1:1');
		const run = async (data: IDataObject) =>
			await credentialTest!.call({} as ICredentialTestFunctions, {
				id: '1',
				name: 'x',
				type: type.name,
				data: data as ICredentialDataDecryptedObject,
			});
		expect((await run(good)).status).toBe('OK');
		const secretField = type.properties.find((p) => p.typeOptions?.password)!.name;
		const bad = await run({ ...good, [secretField]: 'short-secret' });
		expect(bad.status).toBe('Error');
		expect(bad.message).not.toContain('short-secret');
	});
});

describe.each(
	credentialFiles
		.filter((f) => !isOAuth2(loadCredential(f)) && !testedByNode(loadCredential(f)))
		.map((f) => [path.basename(f), f]),
)('credential %s', (_name, file) => {
	const type = loadCredential(file);
	// the provider whose simulator answers this credential: its main one or one of its others
	const provider = Object.values(providers).find(
		(p) =>
			p.credentialType === type.name ||
			(p.moreCredentials ?? []).some(
				(c: { credentialType: string }) => c.credentialType === type.name,
			),
	);
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
		const good = demoOf(type.name)!(sim.baseUrl) as IDataObject;
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
