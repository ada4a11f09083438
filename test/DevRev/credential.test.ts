import { DevRevApi } from '../../credentials/DevRevApi.credentials';

describe('DevRev credential', () => {
	test('sends the token as Bearer, defaults to the production URL and tests with GET /dev-users.self', () => {
		const credential = new DevRevApi();
		expect(credential.name).toBe('devRevApi');
		expect(credential.properties.find((p) => p.name === 'baseUrl')?.default).toBe(
			'https://api.devrev.ai',
		);
		expect(credential.authenticate.properties.headers?.Authorization).toBe(
			'=Bearer {{$credentials.accessToken}}',
		);
		expect(credential.test.request).toMatchObject({ url: '/dev-users.self', method: 'GET' });
	});
});
