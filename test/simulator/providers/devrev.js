'use strict';
/**
 * DevRev (public REST API: chats.create, dev-users.self).
 * Auth: a personal access token as `Authorization: Bearer <token>`.
 * Errors: `{ type, message, detail }`, plus `retry_after` on 429 and `reference_id` on 500.
 * Rate limits: 429 with Retry-After (seconds) and X-Ratelimit-Limit / -Remaining / -Reset (epoch seconds).
 * Users are accepted by display ID (DEVU-42) or by full ID (don:identity:…:devu/42).
 */
const crypto = require('crypto');
const schemas = require('../schemas/devrev.json');

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.SIMULATOR-DEVREV-PAT.c2lnbmF0dXJl';
const ORG = 'don:identity:dvrv-us-1:devo/0';
const ME_NUMBER = 42;
const ERROR_TYPES = {
	400: 'bad_request',
	401: 'unauthenticated',
	403: 'forbidden',
	404: 'not_found',
	409: 'conflict',
	429: 'too_many_requests',
	500: 'internal_error',
	503: 'service_unavailable',
};

function userId(n) {
	return `${ORG}:devu/${n}`;
}

const ME = {
	type: 'dev_user',
	id: userId(ME_NUMBER),
	display_id: `DEVU-${ME_NUMBER}`,
	display_name: 'sim-ulator',
	full_name: 'Sim Ulator',
	email: 'sim@example.com',
	state: 'active',
};

function errorBody(status, message, extra = {}) {
	const body = {
		type: ERROR_TYPES[status] || (status >= 500 ? 'internal_error' : 'bad_request'),
		message,
	};
	if (status === 429) body.retry_after = 1;
	if (status >= 500 && status !== 503) body.reference_id = crypto.randomUUID();
	return { ...body, ...extra };
}

/** The user number behind a display ID or a full ID, or undefined for anything else. */
function userNumber(entry) {
	const m =
		/^DEVU-(\d+)$/i.exec(entry) || /^don:identity:[^:]+:devo\/[^:]+:devu\/(\d+)$/.exec(entry);
	return m ? Number(m[1]) : undefined;
}

function userSummary(n) {
	return {
		type: 'dev_user',
		id: userId(n),
		display_id: `DEVU-${n}`,
		display_name: n === ME_NUMBER ? ME.display_name : `user-${n}`,
		state: 'active',
	};
}

module.exports = {
	name: 'devrev',
	displayName: 'DevRev',
	credentialType: 'devRevApi',
	demoCredential: (baseUrl) => ({ accessToken: TOKEN, baseUrl }),
	TOKEN,
	ME,
	errorBody,
	rateLimitHeaders(retryAfterSeconds) {
		return {
			'Retry-After': String(retryAfterSeconds),
			'X-Ratelimit-Limit': '1000',
			'X-Ratelimit-Remaining': '0',
			'X-Ratelimit-Reset': String(Math.ceil(Date.now() / 1000 + retryAfterSeconds)),
		};
	},
	createState() {
		return { chats: [], defaults: new Map(), counter: 0 };
	},
	authenticate(req) {
		const value = req.headers.authorization;
		if (value === `Bearer ${TOKEN}`) return null;
		const detail = !value
			? 'no Authorization header'
			: value.startsWith('Bearer ')
				? 'the token is not valid'
				: 'expected "Bearer <token>"';
		return { status: 401, body: errorBody(401, 'Unauthenticated', { detail }) };
	},
	routes: [
		{
			method: 'GET',
			path: '/dev-users.self',
			handle: () => ({ status: 200, body: { dev_user: ME } }),
		},
		{
			method: 'POST',
			path: '/chats.create',
			contentType: 'application/json',
			body: schemas.chatsCreate.body,
			handle({ body, state }) {
				const numbers = [];
				for (const entry of body.users) {
					const n = userNumber(entry);
					if (n === undefined)
						return {
							status: 400,
							body: errorBody(400, `invalid user ID: ${entry}`, { type: 'invalid_id' }),
						};
					if (numbers.includes(n))
						return {
							status: 400,
							body: errorBody(400, `user ${entry} is listed twice`, { type: 'invalid_field' }),
						};
					numbers.push(n);
				}
				if (!numbers.includes(ME_NUMBER)) {
					return {
						status: 400,
						body: errorBody(400, 'The authenticated user must be included in users', {
							type: 'invalid_field',
							detail: 'users must include the caller',
						}),
					};
				}
				if (
					body.custom_fields &&
					Object.keys(body.custom_fields).length > 0 &&
					!body.custom_schema_spec
				) {
					return {
						status: 400,
						body: errorBody(400, 'custom fields need a custom_schema_spec', {
							type: 'customization_validation_error',
						}),
					};
				}
				const key = [...numbers].sort((a, b) => a - b).join(',');
				const isDefault = body.is_default !== false;
				if (isDefault && state.defaults.has(key)) {
					if (body.get_if_conflict === true)
						return { status: 201, body: { chat: state.defaults.get(key) } };
					return {
						status: 409,
						body: errorBody(409, 'A default DM already exists for these users', {
							detail: `default DM ${state.defaults.get(key).display_id}`,
						}),
					};
				}
				const n = ++state.counter;
				const now = new Date().toISOString();
				const chat = {
					type: 'dm',
					id: `don:core:dvrv-us-1:devo/0:dm/${n}`,
					display_id: `DM-${n}`,
					created_by: userSummary(ME_NUMBER),
					created_date: now,
					modified_by: userSummary(ME_NUMBER),
					modified_date: now,
					users: numbers.map(userSummary),
					...(body.title !== undefined ? { title: body.title } : {}),
				};
				state.chats.push({ chat, request: body });
				if (isDefault) state.defaults.set(key, chat);
				return { status: 201, body: { chat } };
			},
		},
	],
};
