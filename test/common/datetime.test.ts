import type { INode } from 'n8n-workflow';

import {
	isKnownTimeZone,
	parseDateTimeInZone,
	readEpochMs,
	zoneOffsetMs,
} from '../../nodes/common/datetime';

const iso = (text: string, zone: string) => parseDateTimeInZone(text, zone)?.toISOString();

describe('parseDateTimeInZone', () => {
	test('a wall-clock value is read in the zone, with the offset of its own date', () => {
		expect(iso('2025-01-15T09:00:00', 'Europe/Berlin')).toBe('2025-01-15T08:00:00.000Z');
		expect(iso('2025-07-15T09:00:00', 'Europe/Berlin')).toBe('2025-07-15T07:00:00.000Z');
		expect(iso('2025-07-15T09:00:00', 'America/New_York')).toBe('2025-07-15T13:00:00.000Z');
		expect(iso('2025-07-15 09:00', 'Asia/Kolkata')).toBe('2025-07-15T03:30:00.000Z');
		expect(iso('2025-07-15T09:00:00.250', 'UTC')).toBe('2025-07-15T09:00:00.250Z');
		expect(iso('2025-07-15', 'Asia/Tokyo')).toBe('2025-07-14T15:00:00.000Z');
	});

	test('across the DST change the right offset is chosen on each side', () => {
		// Berlin switched to summer time at 2025-03-30 02:00 local (01:00 UTC)
		expect(iso('2025-03-30T01:59:00', 'Europe/Berlin')).toBe('2025-03-30T00:59:00.000Z');
		expect(iso('2025-03-30T03:00:00', 'Europe/Berlin')).toBe('2025-03-30T01:00:00.000Z');
		// and back at 2025-10-26 03:00 local (01:00 UTC)
		expect(iso('2025-10-26T04:00:00', 'Europe/Berlin')).toBe('2025-10-26T03:00:00.000Z');
	});

	test('a value with an offset or Z is exact; an unknown zone falls back to UTC; text is refused', () => {
		expect(iso('2025-07-15T09:00:00Z', 'Europe/Berlin')).toBe('2025-07-15T09:00:00.000Z');
		expect(iso('2025-07-15T09:00:00-03:00', 'Europe/Berlin')).toBe('2025-07-15T12:00:00.000Z');
		expect(iso('2025-07-15T09:00:00', 'Mars/Olympus')).toBe('2025-07-15T09:00:00.000Z');
		expect(parseDateTimeInZone('yesterday-ish', 'UTC')).toBeUndefined();
		expect(parseDateTimeInZone('2025-13-45T99:00:00', 'UTC')).toBeUndefined();
	});

	test('zone offsets and zone names', () => {
		expect(zoneOffsetMs('America/Sao_Paulo', Date.UTC(2025, 0, 1))).toBe(-3 * 3600_000);
		expect(zoneOffsetMs('UTC', Date.UTC(2025, 0, 1, 12, 0, 0, 500))).toBe(0);
		expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
		expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
	});
});

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

	test('an unknown zone falls back to UTC; isKnownTimeZone says which zones exist', () => {
		expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
		expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
		expect(read('2026-07-01T09:30:00', 'Mars/Olympus')).toBe(Date.UTC(2026, 6, 1, 9, 30));
	});

	test.each([['yesterday'], ['2026-13-01T00:00:00'], ['2026-02-01T25:00:00'], [''], [{}]])(
		'%p is refused with the field named',
		(value) => {
			expect(() => read(value)).toThrow(/^Since: /);
		},
	);
});
