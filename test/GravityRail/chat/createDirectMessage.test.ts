import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { DM, gr } from '../kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'chat' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const dmCalls = () => ctx.sim.requests.filter((r) => r.method === 'POST' && r.path === DM);

describe('Gravity Rail: Chat → Create Direct Message', () => {
	test('sends memberId and returns the same DM on the second call', async () => {
		const first = await run({ operation: 'createDirectMessage', memberId: '900' });
		expect(first.error).toBeUndefined();
		const sent = dmCalls();
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toEqual({ memberId: '900' });
		expect(sent[0].headers.authorization).toBe(`Bearer ${gr.API_KEY}`);
		expect(first.items[0].json).toMatchObject({ chatType: 'dm', memberId: '900' });

		const second = await run({ operation: 'createDirectMessage', memberId: '900' });
		expect(second.items[0].json.id).toBe(first.items[0].json.id);
	});

	test('Extra Body Fields are merged into the body, and win over Member ID', async () => {
		const result = await run({
			operation: 'createDirectMessage',
			memberId: '900',
			additionalBodyFields: '{"targetMemberId": "900", "note": "from n8n"}',
		});
		expect(result.error).toBeUndefined();
		expect(dmCalls()[0].body).toEqual({ memberId: '900', targetMemberId: '900', note: 'from n8n' });

		await run({
			operation: 'createDirectMessage',
			memberId: '900',
			additionalBodyFields: '={{ { "memberId": "202" } }}',
		});
		expect(dmCalls()[1].body).toEqual({ memberId: '202' });
	});

	test.each([
		[
			'Extra Body Fields that are not JSON',
			{ memberId: '900', additionalBodyFields: '{nope' },
			/^Extra Body Fields \(JSON\): is not valid JSON/,
		],
		[
			'Extra Body Fields that are an array',
			{ memberId: '900', additionalBodyFields: '[1, 2]' },
			/^Extra Body Fields \(JSON\): must be a JSON object/,
		],
		[
			'an empty Member ID from an expression',
			{ memberId: '={{ "  " }}' },
			/^Member ID: must not be empty/,
		],
	])('%s is rejected before sending', async (_label, parameters, message) => {
		const result = await run({ operation: 'createDirectMessage', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown member is a 404 with Gravity Rail's message", async () => {
		const result = await run({ operation: 'createDirectMessage', memberId: '12345' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Member 12345 not found');
	});
});
