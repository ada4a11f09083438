import { createHmac } from 'node:crypto';

import { hmacSha256HexMatches, secretsMatch, withinWindow } from '../../nodes/common/webhook';

describe('shared webhook checks', () => {
	const key = Buffer.from('a signing key of some length');
	const body = Buffer.from('{"type":"timeline_entry_created","id":"evt-1"}');
	const good = createHmac('sha256', key).update(body).digest('hex');

	it('accepts the HMAC-SHA256 of the exact bytes, in either case and with a sha256= prefix', () => {
		expect(hmacSha256HexMatches(key, body, good)).toBe(true);
		expect(hmacSha256HexMatches(key, body, good.toUpperCase())).toBe(true);
		expect(hmacSha256HexMatches(key, body, `sha256=${good}`)).toBe(true);
		expect(hmacSha256HexMatches(key.toString(), body.toString(), good)).toBe(true);
	});

	it('refuses another body, another key, a cut or malformed signature and none at all', () => {
		expect(hmacSha256HexMatches(key, Buffer.from(`${body.toString()} `), good)).toBe(false);
		expect(hmacSha256HexMatches(Buffer.from('another key'), body, good)).toBe(false);
		expect(hmacSha256HexMatches(key, body, good.slice(0, 63))).toBe(false);
		expect(hmacSha256HexMatches(key, body, `${good.slice(0, 63)}z`)).toBe(false);
		expect(hmacSha256HexMatches(key, body, '')).toBe(false);
		expect(hmacSha256HexMatches(key, body, undefined)).toBe(false);
	});

	it('takes a timestamp in seconds, milliseconds or ISO 8601 within the window, either way', () => {
		const now = Date.UTC(2026, 11, 2, 12, 0, 0);
		expect(withinWindow(String(now / 1000 - 299), 300, now)).toBe(true);
		expect(withinWindow(now / 1000 + 299, 300, now)).toBe(true);
		expect(withinWindow(now - 299_000, 300, now)).toBe(true);
		expect(withinWindow('2026-12-02T11:55:30Z', 300, now)).toBe(true);
		expect(withinWindow(String(now / 1000 - 301), 300, now)).toBe(false);
		expect(withinWindow('2026-12-02T12:05:01Z', 300, now)).toBe(false);
		expect(withinWindow('yesterday', 300, now)).toBe(false);
		expect(withinWindow(undefined, 300, now)).toBe(false);
		expect(withinWindow('', 300, now)).toBe(false);
	});

	it('compares secrets of any length, and never matches an empty one', () => {
		expect(secretsMatch('s3cret', 's3cret')).toBe(true);
		expect(secretsMatch('s3cret', 's3cret-longer')).toBe(false);
		expect(secretsMatch('', '')).toBe(false);
		expect(secretsMatch(undefined, 'x')).toBe(false);
	});
});
