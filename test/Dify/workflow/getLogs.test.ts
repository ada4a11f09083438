/** Workflow → Get Logs: past runs, paged by page number, with filters. */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';

// the seeded logs' ids, newest (250) first: the simulator derives them from their number
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { uuidFrom } = require('../../../dev/simulator/random') as {
	uuidFrom: (kind: string, n: number) => string;
};

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'workflow',
	operation: 'getLogs',
	user: 'user-42',
});

describe('Dify Workflow → Get Logs', () => {
	const logs = (parameters: Record<string, unknown>) => run({ ...parameters });
	const logCalls = () => ctx.sim.calls('GET', '/workflows/logs');

	test('Return All pages through 3 pages of 100, one item per run, pairedItem kept', async () => {
		const result = await logs({ returnAll: true, filters: { keyword: 'seed-user' } });
		expect(result.items).toHaveLength(250);
		expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(logCalls().map((r) => (r as unknown as { rawQuery: string }).rawQuery)).toEqual([
			'?keyword=seed-user&page=1&limit=100',
			'?keyword=seed-user&page=2&limit=100',
			'?keyword=seed-user&page=3&limit=100',
		]);
		expect((result.items[0].json as IDataObject).id).toBe(uuidFrom('workflow-log', 250));
	});

	test('Limit 120 stops after 2 pages of the same size and returns exactly 120', async () => {
		const result = await logs({ returnAll: false, limit: 120, filters: { keyword: 'seed-user' } });
		expect(result.items).toHaveLength(120);
		expect(logCalls().map((r) => (r as unknown as { rawQuery: string }).rawQuery)).toEqual([
			'?keyword=seed-user&page=1&limit=100',
			'?keyword=seed-user&page=2&limit=100',
		]);
		const ids = result.items.map((i) => (i.json as IDataObject).id);
		expect(new Set(ids).size).toBe(120);
	});

	test('Limit (default 50): one request of 50', async () => {
		const result = await logs({
			filters: { status: 'failed', createdByEndUserSessionId: 'seed-user-1' },
		});
		expect(logCalls()).toHaveLength(1);
		expect((logCalls()[0] as unknown as { rawQuery: string }).rawQuery).toBe(
			'?status=failed&created_by_end_user_session_id=seed-user-1&page=1&limit=50',
		);
		expect(result.items.length).toBeGreaterThan(0);
		for (const item of result.items) {
			expect((item.json as Record<string, any>).workflow_run.status).toBe('failed');
		}
	});

	test('date filters are sent as ISO 8601; a bad date is refused before any request', async () => {
		await logs({ filters: { createdAtAfter: '2024-06-01T00:00:00Z' } });
		expect(logCalls()[0].query.created_at__after).toBe('2024-06-01T00:00:00.000Z');
		ctx.sim.reset();
		const bad = await logs({ filters: { createdAtBefore: 'yesterday-ish' } });
		expect(bad.error?.message).toMatch(/^Created Before:/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test('Dify refusing a filter (400 invalid_param) is mapped', async () => {
		const result = await logs({ filters: { createdByAccount: 'nobody@example.com' } });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe('Account not found: nobody@example.com');
	});
});
