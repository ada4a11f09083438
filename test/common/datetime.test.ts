import type { INode } from 'n8n-workflow';

import { isTimeZone, readEpochMs } from '../../nodes/common/datetime';

const node = {
	name: 'Node',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;
const read = (value: unknown, zone = 'UTC') => readEpochMs(node, 0, 'Since', value, zone);

describe('readEpochMs', () => {
	test('a date-picker value (no offset) is read in the given time zone', () => {
		expect(read('2026-07-01T09:30:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 13, 30));
		expect(read('2026-01-15T09:30:00', 'America/New_York')).toBe(Date.UTC(2026, 0, 15, 14, 30));
		expect(read('2026-07-01T09:30:00', 'Asia/Kolkata')).toBe(Date.UTC(2026, 6, 1, 4, 0));
		expect(read('2026-07-01 09:30:00.250', 'Europe/Berlin')).toBe(
			Date.UTC(2026, 6, 1, 7, 30, 0, 250),
		);
		expect(read('2026-07-01', 'UTC')).toBe(Date.UTC(2026, 6, 1));
	});

	test('around a DST change the wall-clock time is kept', () => {
		// Berlin moves from +01:00 to +02:00 at 2026-03-29 02:00 local
		expect(read('2026-03-29T01:30:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 0, 30));
		expect(read('2026-03-29T03:30:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30));
	});

	test('a value with an offset or Z, and epoch milliseconds, are taken as given', () => {
		expect(read('2026-07-01T09:30:00Z', 'Asia/Tokyo')).toBe(Date.UTC(2026, 6, 1, 9, 30));
		expect(read('2026-07-01T09:30:00+02:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 6, 1, 7, 30));
		expect(read(1767225600000)).toBe(1767225600000);
		expect(read('1767225600000')).toBe(1767225600000);
	});

	test('an unknown zone falls back to UTC; isTimeZone says which zones exist', () => {
		expect(isTimeZone('Europe/Berlin')).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
		expect(read('2026-07-01T09:30:00', 'Mars/Olympus')).toBe(Date.UTC(2026, 6, 1, 9, 30));
	});

	test.each([['yesterday'], ['2026-13-01T00:00:00'], ['2026-02-01T25:00:00'], [''], [{}]])(
		'%p is refused with the field named',
		(value) => {
			expect(() => read(value)).toThrow(/^Since: /);
		},
	);
});
