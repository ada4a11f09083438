import { isKnownTimeZone, parseDateTimeInZone, zoneOffsetMs } from '../../nodes/common/datetime';

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
