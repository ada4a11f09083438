/**
 * Hosts and addresses: IP literals in every form a URL gives them (IPv4 carried inside IPv6 —
 * mapped, NAT64, 6to4 — judged as that IPv4), the special-purpose ranges a download must not
 * reach (addressRange), and isNonPublicHost for callback URLs a provider must reach.
 */
import { isLoopbackHost } from './validate';

/** A special-purpose address range. */
export interface AddressRange {
	/** What the range is, for messages: "loopback", "private", "link-local", … */
	name: string;
	/** Reachable only inside a network (a provider on the internet cannot call it back). */
	internal: boolean;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV4_MAPPED = 0xffff00000000n;

function parseIPv4(text: string): number | undefined {
	const parts = IPV4.exec(text);
	if (!parts) return undefined;
	const bytes = parts.slice(1).map(Number);
	if (bytes.some((b) => b > 255)) return undefined;
	return ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
}

function parseIPv6(text: string): bigint | undefined {
	let s = text;
	const lastColon = s.lastIndexOf(':');
	if (lastColon < 0) return undefined;
	const tail = s.slice(lastColon + 1);
	if (tail.includes('.')) {
		const v4 = parseIPv4(tail);
		if (v4 === undefined) return undefined;
		s = `${s.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
	}
	const halves = s.split('::');
	if (halves.length > 2) return undefined;
	const groups = (part: string) => (part === '' ? [] : part.split(':'));
	const head = groups(halves[0]);
	const rest = halves.length === 2 ? groups(halves[1]) : [];
	const missing = 8 - head.length - rest.length;
	if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
	const all = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
	if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
	return all.reduce((value, g) => (value << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Brackets, a trailing dot and case removed, as URL's `hostname` may give a host. */
function bareHost(hostname: string): string {
	return hostname
		.replace(/^\[|\]$/g, '')
		.replace(/\.$/, '')
		.toLowerCase();
}

/** An IP literal as a 128-bit number (an IPv4 address as ::ffff:a.b.c.d); undefined for names. */
export function parseIp(host: string): bigint | undefined {
	const text = bareHost(host);
	const v4 = parseIPv4(text);
	if (v4 !== undefined) return IPV4_MAPPED | BigInt(v4);
	return text.includes(':') ? parseIPv6(text) : undefined;
}

export function isIpLiteral(host: string): boolean {
	return parseIp(host) !== undefined;
}

interface Range extends AddressRange {
	base: bigint;
	bits: number;
	/** Where the IPv4 address this range carries sits (its lowest bit), when it carries one. */
	embedded?: number;
}

function range(cidr: string, name: string, internal: boolean, embedded?: number): Range {
	const [address, size] = cidr.split('/');
	const v4 = parseIPv4(address);
	const base = v4 !== undefined ? IPV4_MAPPED | BigInt(v4) : parseIPv6(address);
	if (base === undefined) throw new Error(`bad range ${cidr}`);
	const bits = Number(size) + (v4 !== undefined ? 96 : 0);
	return { base, bits, name, internal, embedded };
}

/** Most specific first: an address takes the first range it is in. */
const RANGES: Range[] = [
	range('::/128', 'unspecified', true),
	range('::1/128', 'loopback', true),
	// IPv4 carried in IPv6: judged by the IPv4 address inside
	range('::ffff:0:0:0/96', 'IPv4-translated', true, 0),
	range('::/96', 'IPv4-compatible', true, 0),
	range('64:ff9b::/96', 'NAT64', true, 0),
	range('2002::/16', '6to4', true, 80),
	range('64:ff9b:1::/48', 'local-use NAT64', true),
	range('100::/64', 'discard-only', false),
	range('2001::/32', 'Teredo', false),
	range('2001:2::/48', 'benchmarking', false),
	range('2001:10::/28', 'ORCHID', false),
	range('2001:20::/28', 'ORCHID', false),
	range('2001:db8::/32', 'documentation', false),
	range('3fff::/20', 'documentation', false),
	range('fc00::/7', 'unique-local', true),
	range('fe80::/10', 'link-local', true),
	range('fec0::/10', 'site-local', false),
	range('ff00::/8', 'multicast', true),
	// IPv4 (as mapped into IPv6)
	range('0.0.0.0/8', '"this network"', true),
	range('10.0.0.0/8', 'private', true),
	range('100.64.0.0/10', 'carrier-grade NAT', true),
	range('127.0.0.0/8', 'loopback', true),
	range('169.254.0.0/16', 'link-local', true),
	range('172.16.0.0/12', 'private', true),
	range('192.0.0.0/24', 'IETF protocol assignment', false),
	range('192.0.2.0/24', 'documentation', false),
	range('192.88.99.0/24', '6to4 relay', false),
	range('192.168.0.0/16', 'private', true),
	range('198.18.0.0/15', 'benchmarking', false),
	range('198.51.100.0/24', 'documentation', false),
	range('203.0.113.0/24', 'documentation', false),
	range('224.0.0.0/4', 'multicast', true),
	range('240.0.0.0/4', 'reserved', false),
];

function inRange(value: bigint, r: Range): boolean {
	const shift = BigInt(128 - r.bits);
	return value >> shift === r.base >> shift;
}

/**
 * The special-purpose range an IP address is in, or undefined for an ordinary public address.
 * An IPv4 address carried inside IPv6 (`::ffff:7f00:1`, `64:ff9b::a9fe:a9fe`, `2002:a00:1::`) is
 * judged as that IPv4 address; a name (not an IP literal) gives undefined.
 */
export function addressRange(host: string): AddressRange | undefined {
	let value = parseIp(host);
	if (value === undefined) return undefined;
	// at most twice: an IPv4 address taken out of IPv6 is an IPv4 address (mapped ranges only)
	for (let step = 0; step < 2; step++) {
		const found = RANGES.find((r) => inRange(value!, r));
		if (!found) return undefined;
		if (found.embedded === undefined) return { name: found.name, internal: found.internal };
		value = IPV4_MAPPED | ((value >> BigInt(found.embedded)) & 0xffffffffn);
	}
	return undefined;
}

/**
 * Whether a host name or IP literal can only be reached from inside a network: loopback, private
 * (RFC 1918, unique-local IPv6), link-local, carrier-grade NAT, "this network", multicast (also
 * as IPv4 inside IPv6), and names that no public DNS answers for (single labels like `n8n`,
 * `.localhost`, `.local`, `.internal`, `.home.arpa`). A provider that calls a URL back from the
 * internet cannot reach such a host. Only the text is checked (no DNS lookup): a public name that
 * resolves to a private address passes.
 */
export function isNonPublicHost(hostname: string): boolean {
	const host = bareHost(hostname);
	if (host === '' || isLoopbackHost(host)) return true;
	if (isIpLiteral(host)) return addressRange(host)?.internal === true;
	if (!host.includes('.')) return true;
	return /\.(localhost|local|internal|home\.arpa|lan)$/.test(host);
}
