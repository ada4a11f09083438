import { addressRange, isNonPublicHost, parseIp } from '../../nodes/common/hosts';

describe('isNonPublicHost', () => {
	test.each([
		'localhost',
		'app.localhost',
		'127.0.0.1',
		'127.8.9.10',
		'0.0.0.0',
		'10.0.0.1',
		'100.64.0.1',
		'100.127.255.255',
		'169.254.169.254',
		'172.16.0.1',
		'172.31.255.255',
		'192.168.0.10',
		'::1',
		'[::1]',
		'::',
		'fc00::1',
		'fd12:3456::1',
		'fe80::1',
		'febf::1',
		'::ffff:192.168.1.1',
		'n8n',
		'n8n.local',
		'n8n.internal',
		'router.home.arpa',
		'nas.lan',
		'N8N.LOCAL.',
		'',
	])('%s is not public', (host) => {
		expect(isNonPublicHost(host)).toBe(true);
	});

	test.each([
		'n8n.example.com',
		'api.endless.zaia.app',
		'8.8.8.8',
		'100.63.255.255',
		'100.128.0.1',
		'172.15.0.1',
		'172.32.0.1',
		'192.169.0.1',
		'169.255.0.1',
		'2001:db8::1',
		'fec0::1',
		'::ffff:8.8.8.8',
	])('%s is public', (host) => {
		expect(isNonPublicHost(host)).toBe(false);
	});
});

describe('isNonPublicHost: IPv4 inside IPv6, in the forms URL gives them', () => {
	test.each([
		['[::ffff:7f00:1]', 'loopback as IPv4-mapped hex'],
		['[::ffff:a9fe:a9fe]', 'link-local (cloud metadata) as IPv4-mapped hex'],
		['[::ffff:a00:1]', 'private 10.0.0.1 as IPv4-mapped hex'],
		['[64:ff9b::7f00:1]', 'loopback through NAT64'],
		['[64:ff9b::a9fe:a9fe]', 'link-local through NAT64'],
		['[64:ff9b:1::1]', 'local-use NAT64'],
		['[2002:c0a8:101::1]', 'private 192.168.1.1 through 6to4'],
		['[::7f00:1]', 'loopback as IPv4-compatible'],
		['[::ffff:0:7f00:1]', 'loopback as IPv4-translated'],
		['[ff02::1]', 'multicast'],
		['224.0.0.251', 'IPv4 multicast'],
	])('%s (%s) is not public', (host) => {
		expect(isNonPublicHost(host)).toBe(true);
		expect(isNonPublicHost(new URL(`https://${host}/`).hostname)).toBe(true);
	});

	test.each(['[64:ff9b::808:808]', '[2002:808:808::1]', '[::ffff:808:808]', '[2606:4700::1111]'])(
		'%s (a public IPv4 inside, or public IPv6) is public',
		(host) => {
			expect(isNonPublicHost(host)).toBe(false);
		},
	);
});

describe('addressRange: what a download refuses', () => {
	test.each([
		['127.0.0.1', 'loopback', true],
		['::ffff:127.0.0.1', 'loopback', true],
		['64:ff9b::a9fe:a9fe', 'link-local', true],
		['2002:a00:1::', 'private', true],
		['100.64.1.1', 'carrier-grade NAT', true],
		['fd12::1', 'unique-local', true],
		['192.0.2.10', 'documentation', false],
		['2001:db8::1', 'documentation', false],
		['198.18.0.1', 'benchmarking', false],
		['255.255.255.255', 'reserved', false],
		['2001:0:4136:e378::1', 'Teredo', false],
	])('%s is %s', (address, name, internal) => {
		expect(addressRange(address)).toEqual({ name, internal });
	});

	test.each([
		'8.8.8.8',
		'2606:4700::1111',
		'::ffff:8.8.8.8',
		'64:ff9b::8.8.8.8',
		'files.example.com',
	])('%s is in no special range', (address) => {
		expect(addressRange(address)).toBeUndefined();
	});

	test('IP literals URL normalises (decimal, hex, short forms) are parsed as URL gives them', () => {
		for (const url of ['https://2130706433/', 'https://0x7f.0.0.1/', 'https://127.1/']) {
			expect(parseIp(new URL(url).hostname)).toBe(parseIp('127.0.0.1'));
		}
		expect(parseIp('[::ffff:127.0.0.1]')).toBe(parseIp('::ffff:7f00:1'));
		expect(parseIp('1:2:3:4:5:6:7:8:9')).toBeUndefined();
		expect(parseIp('1::2::3')).toBeUndefined();
		expect(parseIp('256.1.1.1')).toBeUndefined();
	});
});
