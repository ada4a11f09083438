import { isNonPublicHost } from '../../nodes/common/hosts';

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
