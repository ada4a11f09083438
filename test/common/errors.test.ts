/** Redaction (nodes/common/errors.ts): every form a secret travels in, short keys where they stand alone. */
import { redactText, redactValue } from '../../nodes/common/errors';
import { nodeRunner, specs } from '../engine/nodes';
import { allText, providers, useSimulator } from '../helpers';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, { resource: 'chatMessage', operation: 'getAll' });

describe('redactText', () => {
	const secret = 'app-key/with+plus and space!(x)~';

	test.each([
		['as is', secret],
		['URL-encoded (encodeURIComponent)', encodeURIComponent(secret)],
		['URL-encoded with lower-case hex', encodeURIComponent(secret).toLowerCase()],
		['form-encoded (+ for spaces)', encodeURIComponent(secret).replace(/%20/g, '+')],
		[
			'form-encoded as URLSearchParams writes it',
			new URLSearchParams({ k: secret }).toString().slice(2),
		],
		['JSON-escaped', JSON.stringify('a"b\\c').slice(1, -1)],
	])('finds the secret %s', (_label, form) => {
		const secrets = form.includes('a\\"b') ? ['a"b\\c'] : [secret];
		expect(redactText(`sent ?key=${form}&x=1 and "${form}"`, secrets)).toBe(
			'sent ?key=[redacted]&x=1 and "[redacted]"',
		);
	});

	test('keys shorter than 4 characters are redacted where they stand alone, not inside words', () => {
		expect(redactText('Invalid key k9 (got "k9"); see ?key=k9&a=b', ['k9'])).toBe(
			'Invalid key [redacted] (got "[redacted]"); see ?key=[redacted]&a=b',
		);
		expect(redactText('book9 and k99 and ak9 stay', ['k9'])).toBe('book9 and k99 and ak9 stay');
		expect(redactText('key: x', ['x'])).toBe('key: [redacted]');
		expect(redactText('a/b+c encoded a%2Fb%2Bc', ['a/b'])).toBe(
			'[redacted]+c encoded [redacted]%2Bc',
		);
	});

	test('the longest form wins and several secrets are redacted in one pass', () => {
		expect(redactText('tok tokenvalue-1 other-secret-2', ['tokenvalue-1', 'other-secret-2'])).toBe(
			'tok [redacted] [redacted]',
		);
	});

	test('redactValue: keys and values, nested', () => {
		const value = { [`k-${encodeURIComponent(secret)}`]: [{ note: `x ${secret} y` }], n: 3 };
		expect(redactValue(value, [secret])).toEqual({
			'k-[redacted]': [{ note: 'x [redacted] y' }],
			n: 3,
		});
	});
});

describe('redaction through a node: a provider error that echoes the key', () => {
	test.each([
		['URL-encoded', (key: string) => encodeURIComponent(key)],
		['form-encoded', (key: string) => encodeURIComponent(key).replace(/%20/g, '+')],
	])('a %s key in the error body appears nowhere', async (_label, encode) => {
		const apiKey = 'zk/9+ 4 q';
		ctx.sim.fault(
			{ method: 'GET', path: '/api/v1/chat-messages' },
			{
				status: 400,
				body: {
					message: `Key ${encode(apiKey)} is malformed`,
					name: 'BadRequestError',
					feedback: { enUs: `Your key ${encode(apiKey)} is malformed.` },
				},
			},
		);
		const result = await run(
			{ chatId: providers.zaia.CHAT_ID, limit: 1 },
			{ credential: { apiKey }, continueOnFail: true },
		);
		const text = allText(result.items) + allText(result.run.data.resultData);
		expect(result.items[0].json.error).toBe('Your key [redacted] is malformed.');
		expect(text).not.toContain(encode(apiKey));
		expect(text).not.toContain(apiKey);
	});

	test('a 3-character key in an error message is redacted', async () => {
		ctx.sim.fault(
			{ method: 'GET', path: '/api/v1/chat-messages' },
			{
				status: 401,
				body: {
					message: 'Invalid API key: abc',
					name: 'UnauthorizedError',
					feedback: { enUs: 'The key abc was refused.' },
				},
			},
		);
		const result = await run(
			{ chatId: providers.zaia.CHAT_ID, limit: 1 },
			{ credential: { apiKey: 'abc' }, continueOnFail: true },
		);
		expect(result.items[0].json.error).toBe('The key [redacted] was refused.');
		expect(allText(result.items)).not.toMatch(/\babc\b/);
	});
});
