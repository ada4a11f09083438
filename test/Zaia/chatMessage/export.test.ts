import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { EXPORT, SECRET, resetCallbacks, trigger, zaia } from '../kit';

const ctx = useSimulator('zaia');
const run = nodeRunner(ctx, specs.zaia, {
	resource: 'chatMessage',
	operation: 'export',
	rangeStart: '2025-02-15T00:00:00.000Z',
});

beforeEach(() => resetCallbacks(ctx.sim));

describe('Zaia: Chat Message → Export, Send to URL', () => {
	test("sends the documented body and outputs Zaia's acknowledgement", async () => {
		const server = await trigger();
		try {
			const result = await run({
				deliverTo: 'url',
				callbackUrl: `${server.url}?secret=${SECRET}`,
				additionalFields: { rangeEnd: '2025-04-01T00:00:00.000Z', language: 'ptBr' },
			});
			expect(result.error).toBeUndefined();
			const [call] = ctx.sim.calls('POST', EXPORT);
			expect(call.rejected).toBeUndefined();
			expect(call.headers.authorization).toBe(zaia.API_KEY);
			expect(call.body).toEqual({
				rangeStart: '2025-02-15T00:00:00.000Z',
				rangeEnd: '2025-04-01T00:00:00.000Z',
				language: 'ptBr',
				callbackUrl: `${server.url}?secret=${SECRET}`,
			});
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toEqual({
				message: 'Export started. A POST will be made to callbackUrl when ready.',
				exportRequested: {
					rangeStart: '2025-02-15T00:00:00.000Z',
					rangeEnd: '2025-04-01T00:00:00.000Z',
					language: 'ptBr',
				},
			});
			await server.waitForHits(1);
		} finally {
			await server.stop();
		}
	});

	test('without Range End only rangeStart is sent (Zaia uses now); language defaults to enUs', async () => {
		const start = new Date(Date.now() - 10 * 24 * 3600 * 1000).toISOString();
		const result = await run({
			rangeStart: start,
			deliverTo: 'url',
			callbackUrl: 'https://hooks.example.com/zaia?secret=x',
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', EXPORT)[0].body).toEqual({
			rangeStart: start,
			language: 'enUs',
			callbackUrl: 'https://hooks.example.com/zaia?secret=x',
		});
	});

	test.each([
		[
			'a 7-month range',
			{ additionalFields: { rangeEnd: '2025-09-16T00:00:00.000Z' } },
			/Range Start: the period from 2025-02-15T00:00:00.000Z to 2025-09-16T00:00:00.000Z is longer than 6 months/,
		],
		[
			'a start more than 6 months ago without end',
			{ rangeStart: '2020-01-01T00:00:00.000Z' },
			/longer than 6 months/,
		],
		[
			'an end before the start',
			{ additionalFields: { rangeEnd: '2025-01-01T00:00:00.000Z' } },
			/Range End: must be after Range Start/,
		],
		[
			'a start that is not a date',
			{ rangeStart: '={{ "yesterday-ish" }}' },
			/Range Start: must be a date and time/,
		],
		[
			'a non-HTTPS callback URL',
			{ callbackUrl: 'http://hooks.example.com/zaia' },
			/Callback URL: must use https:\/\//,
		],
		[
			'a callback URL that is not a URL',
			{ callbackUrl: 'hooks.example.com/zaia' },
			/Callback URL: must be a full URL/,
		],
	])('%s is rejected before sending', async (_label, parameters, message) => {
		const result = await run({
			deliverTo: 'url',
			callbackUrl: 'https://hooks.example.com/zaia',
			additionalFields: { rangeEnd: '2025-04-01T00:00:00.000Z' },
			...parameters,
		});
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('exactly 6 months is accepted', async () => {
		const result = await run({
			deliverTo: 'url',
			callbackUrl: 'https://hooks.example.com/zaia',
			additionalFields: { rangeEnd: '2025-08-15T00:00:00.000Z' },
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', EXPORT)).toHaveLength(1);
	});

	test('412 is mapped to a clear error with the English feedback', async () => {
		ctx.sim.fault(
			{ method: 'POST', path: EXPORT },
			{
				status: 412,
				body: zaia.errorBody(412, 'Export period exceeds 6 months.', {
					code: 'EXPORT_PERIOD_TOO_LONG',
					enUs: 'The export period can be at most 6 months.',
				}),
			},
		);
		const result = await run({
			deliverTo: 'url',
			callbackUrl: 'https://hooks.example.com/zaia',
			additionalFields: { rangeEnd: '2025-04-01T00:00:00.000Z' },
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('412');
		expect(result.error?.message).toBe('The export period can be at most 6 months.');
		expect(result.error?.description).toMatch(/Zaia code: EXPORT_PERIOD_TOO_LONG/);
		expect(result.error?.description).toMatch(/at most 6 months per request/);
	});
});

describe("Zaia: Export reads Range Start/End in the workflow's time zone", () => {
	const send = async (timezone: string, rangeStart: string, rangeEnd: string) => {
		const result = await run(
			{
				rangeStart,
				deliverTo: 'url',
				callbackUrl: 'https://hooks.example.com/zaia',
				additionalFields: { rangeEnd },
			},
			{ workflowSettings: { timezone } },
		);
		expect(result.error).toBeUndefined();
		const { rangeStart: start, rangeEnd: end } = ctx.sim.calls('POST', EXPORT)[0].body;
		return { start, end, output: result.items[0].json.exportRequested };
	};

	test("the date picker's wall-clock times (no offset) are read in America/Sao_Paulo (UTC-3)", async () => {
		const sent = await send('America/Sao_Paulo', '2025-02-15T00:00:00', '2025-04-01T08:30:00');
		expect(sent).toEqual({
			start: '2025-02-15T03:00:00.000Z',
			end: '2025-04-01T11:30:00.000Z',
			output: {
				rangeStart: '2025-02-15T03:00:00.000Z',
				rangeEnd: '2025-04-01T11:30:00.000Z',
				language: 'enUs',
			},
		});
	});

	test('Europe/Berlin: winter (+1) and summer (+2) offsets each at their own date', async () => {
		const sent = await send('Europe/Berlin', '2025-03-01T00:00:00', '2025-07-01T12:30:00');
		expect([sent.start, sent.end]).toEqual([
			'2025-02-28T23:00:00.000Z',
			'2025-07-01T10:30:00.000Z',
		]);
	});

	test('a date without a time is midnight in the workflow time zone', async () => {
		const sent = await send('Asia/Tokyo', '2025-03-01', '2025-03-02');
		expect([sent.start, sent.end]).toEqual([
			'2025-02-28T15:00:00.000Z',
			'2025-03-01T15:00:00.000Z',
		]);
	});

	test('values that carry an offset or Z are exact whatever the time zone', async () => {
		const sent = await send(
			'Europe/Berlin',
			'2025-02-15T00:00:00.000Z',
			'2025-04-01T00:00:00+05:00',
		);
		expect([sent.start, sent.end]).toEqual([
			'2025-02-15T00:00:00.000Z',
			'2025-03-31T19:00:00.000Z',
		]);
	});
});

describe('Zaia: Export refuses callback URLs Zaia cannot reach, before sending', () => {
	const realZaia = { baseUrl: 'https://api.endless.zaia.app' };

	test.each([
		['https://192.168.1.20/webhook/x/zaia-export?secret=s', '192.168.1.20'],
		['https://10.0.0.5/webhook/x', '10.0.0.5'],
		['https://172.20.1.1/webhook/x', '172.20.1.1'],
		['https://169.254.169.254/latest', '169.254.169.254'],
		['https://[fd00::1]/webhook/x', '[fd00::1]'],
		['https://[fe80::1]/webhook/x', '[fe80::1]'],
		['https://localhost:5678/webhook/x', 'localhost'],
		['http://127.0.0.1:5678/webhook/x', '127.0.0.1'],
		['https://n8n.local/webhook/x', 'n8n.local'],
		['https://n8n/webhook/x', 'n8n'],
	])('with a real Zaia Base URL, %s is refused', async (callbackUrl, host) => {
		const result = await run(
			{
				deliverTo: 'url',
				callbackUrl,
				additionalFields: { rangeEnd: '2025-04-01T00:00:00.000Z' },
			},
			{ credential: realZaia },
		);
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			`Callback URL: points at ${host}, a private, link-local or loopback host that Zaia cannot reach from the internet (Zaia refuses it: the callback URL "must point to a public server"); give the public HTTPS address Zaia can reach`,
		);
		expect(result.error?.context).toMatchObject({
			code: 'invalid_parameter',
			field: 'Callback URL',
			retryable: false,
		});
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('with a loopback Base URL (the simulator) a loopback callback URL still works', async () => {
		const result = await run({
			deliverTo: 'url',
			callbackUrl: 'http://127.0.0.1:5678/webhook/x/zaia-export?secret=s',
			additionalFields: { rangeEnd: '2025-04-01T00:00:00.000Z' },
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sim.calls('POST', EXPORT)[0].body.callbackUrl).toBe(
			'http://127.0.0.1:5678/webhook/x/zaia-export?secret=s',
		);
	});

	test('continue on fail: a refused callback URL is an item with the structured fields', async () => {
		const result = await run(
			{
				deliverTo: 'url',
				callbackUrl: 'https://10.1.2.3/hook',
				additionalFields: { rangeEnd: '2025-04-01T00:00:00.000Z' },
			},
			{ credential: realZaia, continueOnFail: true },
		);
		expect(result.items).toEqual([
			{
				json: {
					error:
						'Callback URL: points at 10.1.2.3, a private, link-local or loopback host that Zaia cannot reach from the internet (Zaia refuses it: the callback URL "must point to a public server"); give the public HTTPS address Zaia can reach',
					code: 'invalid_parameter',
					retryable: false,
					field: 'Callback URL',
				},
				pairedItem: { item: 0 },
			},
		]);
	});
});
