import type { INode } from 'n8n-workflow';

import { invalid } from './validate';

/**
 * Dates from n8n's date picker carry no offset ("2026-03-01T09:30:00"); n8n's own nodes read them
 * in the workflow's time zone (`this.getTimezone()`), not the server's. These helpers do the same
 * with the built-in Intl API only.
 */

const LOCAL_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** How far the zone's wall clock is ahead of UTC at a moment, in milliseconds. */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(epochMs));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wallClock = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return wallClock - Math.floor(epochMs / 1000) * 1000;
}

/** Whether the runtime knows an IANA time zone name. */
export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/**
 * A date-time as Unix epoch milliseconds. Accepts epoch milliseconds (a number or digits), an ISO
 * text with an offset or Z (read as given), or a text without one (read in `timeZone`).
 */
export function readEpochMs(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	timeZone: string,
): number {
	if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value);
	const text = typeof value === 'string' ? value.trim() : '';
	if (/^\d+$/.test(text)) return Number(text);
	if (HAS_OFFSET.test(text) && !Number.isNaN(Date.parse(text))) return Date.parse(text);
	const match = LOCAL_DATE_TIME.exec(text);
	if (!match) {
		throw invalid(
			node,
			itemIndex,
			field,
			`must be a date and time like 2026-03-01T09:30:00 or Unix epoch milliseconds, got ${JSON.stringify(value)}`,
		);
	}
	const [year, month, day, hour, minute, second] = match
		.slice(1, 7)
		.map((n) => (n === undefined ? 0 : Number(n)));
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
		throw invalid(node, itemIndex, field, `is not a valid date and time: ${JSON.stringify(value)}`);
	const millis = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
	const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
	// the offset at the wall-clock time itself, corrected once for a DST change in between
	const firstGuess = asUtc - zoneOffsetMs(asUtc, zone);
	return asUtc - zoneOffsetMs(firstGuess, zone);
}
