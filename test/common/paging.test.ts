import type { INode } from 'n8n-workflow';

import { collectPages } from '../../nodes/common/paging';

const node = {
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;

/** A list of `total` records served `pageSize` at a time behind opaque cursors. */
function pagedList(total: number) {
	const calls: Array<{ cursor: string | undefined; pageSize: number }> = [];
	const fetchPage = async (cursor: string | undefined, pageSize: number) => {
		calls.push({ cursor, pageSize });
		const start = cursor ? Number(cursor.slice(1)) : 0;
		const items = Array.from(
			{ length: Math.max(0, Math.min(pageSize, total - start)) },
			(_, i) => start + i,
		);
		const end = start + items.length;
		return { items, next: end < total ? `c${end}` : undefined };
	};
	return { calls, fetchPage };
}

const base = { node, itemIndex: 0, providerName: 'Test API', maxPageSize: 10 };

test('Return All follows the cursor to the last page', async () => {
	const list = pagedList(25);
	const records = await collectPages({ ...base, limit: undefined, fetchPage: list.fetchPage });
	expect(records).toEqual(Array.from({ length: 25 }, (_, i) => i));
	expect(list.calls.map((c) => c.cursor)).toEqual([undefined, 'c10', 'c20']);
});

test('a Limit asks only for what is still missing and stops there', async () => {
	const list = pagedList(25);
	const records = await collectPages({ ...base, limit: 13, fetchPage: list.fetchPage });
	expect(records).toHaveLength(13);
	expect(list.calls).toEqual([
		{ cursor: undefined, pageSize: 10 },
		{ cursor: 'c10', pageSize: 3 },
	]);
});

test('a cursor that comes back stops with an error instead of looping', async () => {
	let calls = 0;
	const promise = collectPages({
		...base,
		limit: undefined,
		fetchPage: async (cursor: string | undefined) => {
			calls++;
			return { items: [calls], next: cursor === 'b' ? 'a' : cursor === 'a' ? 'b' : 'a' };
		},
	});
	await expect(promise).rejects.toThrow(
		'Paging through Test API stopped: the page cursor "a" came back a second time',
	);
	expect(calls).toBe(3);
});

test('the page bound stops a list that never ends', async () => {
	let n = 0;
	const promise = collectPages({
		...base,
		limit: undefined,
		maxPages: 5,
		fetchPage: async () => ({ items: [n], next: ++n }),
	});
	await expect(promise).rejects.toThrow(/more than 5 pages \(5 records so far\)/);
});
