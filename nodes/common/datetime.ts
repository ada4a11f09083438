import type { INode } from 'n8n-workflow';

import { invalid } from './validate';

/**
 * Date-time parameters the way n8n's own nodes read them: n8n's date picker gives a wall-clock
 * time without an offset ("2025-01-31T00:00:00"), which means that time in the workflow's time
 * zone (`this.getTimezone()`), not in the server's. Values that carry an offset (or `Z`) are exact
 * already. Built on `Intl` so no date library ships with the package.
 */

/** An ISO date-time that says its own offset (`Z`, `+02:00`, `-0300`). */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ].*(?:Z|[+-]\d{2}:?\d{2})$/i;

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** Milliseconds the zone is ahead of UTC at the instant `utcMs` (e.g. +3 600 000 for Berlin in winter). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	});
	const parts: Record<string, number> = {};
	for (const part of format.formatToParts(new Date(utcMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const asUtc = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Whether `timeZone` is an IANA zone name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/**
 * The instant a date-time parameter means: a value with an offset as is; a wall-clock value
 * (no offset) in `timeZone`. Undefined when the text is not a date.
 */
export function parseDateTimeInZone(text: string, timeZone: string): Date | undefined {
	const wall = WALL_CLOCK.exec(text.trim());
	if (!wall) {
		const ms = WITH_OFFSET.test(text.trim()) ? Date.parse(text) : NaN;
		return Number.isNaN(ms) ? undefined : new Date(ms);
	}
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0'] = wall;
	const millisecond = Number(fraction.padEnd(3, '0').slice(0, 3));
	const asUtc = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second),
		millisecond,
	);
	// Date.UTC rolls over (month 13, day 45, hour 99): such a value is no date
	const check = new Date(asUtc);
	if (
		Number.isNaN(asUtc) ||
		check.getUTCFullYear() !== Number(year) ||
		check.getUTCMonth() !== Number(month) - 1 ||
		check.getUTCDate() !== Number(day) ||
		check.getUTCHours() !== Number(hour) ||
		check.getUTCMinutes() !== Number(minute) ||
		check.getUTCSeconds() !== Number(second)
	)
		return undefined;
	const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
	// The offset at the guessed instant, then again at the corrected one (across a DST change).
	let utcMs = asUtc - zoneOffsetMs(zone, asUtc);
	utcMs = asUtc - zoneOffsetMs(zone, utcMs);
	return new Date(utcMs);
}

/**
 * A date-time parameter as Unix epoch milliseconds: epoch milliseconds (a number or digits) as
 * given, an ISO text with an offset as given, a date-picker value in `timeZone`. Anything else is
 * refused with the field named.
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
	const date = text ? parseDateTimeInZone(text, timeZone) : undefined;
	if (!date) {
		throw invalid(
			node,
			itemIndex,
			field,
			`must be a date and time like 2026-03-01T09:30:00 or Unix epoch milliseconds, got ${JSON.stringify(value)}`,
		);
	}
	return date.getTime();
}
