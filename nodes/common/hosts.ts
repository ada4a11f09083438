import { isLoopbackHost } from './validate';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** Hex groups and colons (an IPv4 tail allowed), as URL's hostname gives an IPv6 address. */
const IPV6 = /^[0-9a-f:]*:[0-9a-f:]*(?:\d{1,3}(?:\.\d{1,3}){3})?$/;

function isIPv4(host: string): boolean {
	const parts = IPV4.exec(host);
	return !!parts && parts.slice(1).every((part) => Number(part) <= 255);
}

function isIPv6(host: string): boolean {
	return host.includes(':') && IPV6.test(host);
}

/**
 * Whether a host name or IP literal can only be reached from inside a network: loopback, private
 * (RFC 1918, unique-local IPv6), link-local, carrier-grade NAT, "this network", and names that no
 * public DNS answers for (single labels like `n8n`, `.localhost`, `.local`, `.internal`,
 * `.home.arpa`). A provider that calls a URL back from the internet cannot reach such a host.
 * Only the text is checked (no DNS lookup): a public name that resolves to a private address passes.
 */
export function isNonPublicHost(hostname: string): boolean {
	const host = hostname
		.replace(/^\[|\]$/g, '')
		.replace(/\.$/, '')
		.toLowerCase();
	if (host === '' || isLoopbackHost(host)) return true;
	if (isIPv4(host)) return isNonPublicIPv4(host);
	if (isIPv6(host)) return isNonPublicIPv6(host);
	if (!host.includes('.')) return true;
	return /\.(localhost|local|internal|home\.arpa|lan)$/.test(host);
}

function isNonPublicIPv4(address: string): boolean {
	const [a, b] = address.split('.').map(Number);
	return (
		a === 0 ||
		a === 10 ||
		a === 127 ||
		(a === 100 && b >= 64 && b <= 127) ||
		(a === 169 && b === 254) ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168)
	);
}

function isNonPublicIPv6(address: string): boolean {
	if (address === '::' || address === '::1') return true;
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
	if (mapped) return isNonPublicIPv4(mapped[1]);
	const first = parseInt(address.split(':')[0] || '0', 16);
	// fc00::/7 unique local, fe80::/10 link-local
	return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}
