import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { MEMBERS } from '../kit';

const ctx = useSimulator('gravityrail');
const run = nodeRunner(ctx, specs.gravityRail, { resource: 'member', operation: 'get' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

describe('Gravity Rail: Member → Get', () => {
	test('GET /members/{member_id}, the member out as Gravity Rail answers it', async () => {
		const result = await run({ memberId: '202' });
		expect(result.error).toBeUndefined();
		expect(ctx.sim.requests).toHaveLength(1);
		expect(ctx.sim.requests[0].method).toBe('GET');
		expect(ctx.sim.requests[0].path).toBe(`${MEMBERS}/202`);
		expect(ctx.sim.requests[0].rejected).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: '202', name: 'Pat Member', kind: 'human' });
	});

	test('a read is retried after a 503', async () => {
		ctx.sim.fault({ method: 'GET' }, { status: 503, body: { detail: 'Try again' } });
		const result = await run({ memberId: '900' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: '900', kind: 'agent' });
		expect(ctx.sim.requests).toHaveLength(2);
	});

	test.each([
		['an empty Member ID', '={{ "" }}', /^Member ID: must not be empty/],
		['a Member ID with a slash', '202/chats', /^Member ID: "202\/chats" is not an ID/],
		['a Member ID with a backslash', '202\\x', /^Member ID: "202\\\\x" is not an ID/],
	])('%s: rejected before any request', async (_label, memberId, message) => {
		const result = await run({ memberId });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('an ID is one path segment, encoded', async () => {
		const result = await run({ memberId: 'a b?c' });
		expect(ctx.sim.requests[0].path).toBe(`${MEMBERS}/a%20b%3Fc`);
		// the simulator takes member IDs as numbers, as the docs show them
		expect(result.error?.httpCode).toBe('422');
	});

	test("an unknown member: Gravity Rail's 404, as an item under Continue On Fail", async () => {
		const result = await run({ memberId: '777' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Member 777 not found');
		const kept = await run({ memberId: '777' }, { continueOnFail: true });
		expect(kept.items[0].json).toMatchObject({
			error: 'Member 777 not found',
			httpCode: '404',
			retryable: false,
		});
	});
});
