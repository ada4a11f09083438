import { allText, useSimulator } from '../helpers';
import { TOKEN } from './difyTestKit';
import {
	ids,
	json,
	persistent429,
	queryOf,
	resources,
	runOperation,
	runWithKey,
	WRONG_KEY,
} from './resourcesKit';

const ctx = useSimulator('dify');
const store = () => resources.storeOf(ctx.sim.state);

describe('Dify: Conversation → Get Many', () => {
	test("lists the user's conversations: GET /conversations with user and limit, one item per conversation", async () => {
		const result = await runOperation(ctx.sim, 'conversation', 'getAll', { user: 'abc-123' });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: '45701982-8118-4bc5-8e9b-64562b4555f2',
				name: 'iPhone Specs Chat',
				inputs: { city: 'San Francisco' },
				status: 'normal',
				introduction: '',
				created_at: 1705407629,
				updated_at: 1705411229,
			},
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const [sent] = ctx.sim.calls('GET', '/conversations');
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(queryOf(sent as never)).toEqual([
			['user', 'abc-123'],
			['limit', '50'],
		]);
		expect(sent.rejected).toBeUndefined();
	});

	test('Return All follows last_id through 3 pages; a Limit stops after the records it needs', async () => {
		const seeded = resources.seedConversations(ctx.sim.state, 'pager-conv', 250);
		const all = await runOperation(ctx.sim, 'conversation', 'getAll', {
			user: 'pager-conv',
			returnAll: true,
		});
		expect(all.error).toBeUndefined();
		expect(ids(all)).toEqual(seeded);
		const pages = ctx.sim.calls('GET', '/conversations').map((r) => queryOf(r as never));
		expect(pages).toEqual([
			[
				['user', 'pager-conv'],
				['limit', '100'],
			],
			[
				['user', 'pager-conv'],
				['last_id', seeded[99]],
				['limit', '100'],
			],
			[
				['user', 'pager-conv'],
				['last_id', seeded[199]],
				['limit', '100'],
			],
		]);
		expect(all.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);

		ctx.sim.reset();
		const limited = await runOperation(ctx.sim, 'conversation', 'getAll', {
			user: 'pager-conv',
			limit: 150,
		});
		expect(ids(limited)).toEqual(seeded.slice(0, 150));
		expect(ctx.sim.calls('GET', '/conversations').map((r) => r.query.limit)).toEqual([100, 50]);
	});

	test('Sort By is sent as sort_by and changes the order', async () => {
		const seeded = resources.seedConversations(ctx.sim.state, 'sorting-user', 3);
		const result = await runOperation(ctx.sim, 'conversation', 'getAll', {
			user: 'sorting-user',
			filters: { sortBy: 'created_at' },
		});
		expect(ids(result)).toEqual([...seeded].reverse());
		expect(queryOf(ctx.sim.calls('GET', '/conversations')[0] as never)).toEqual([
			['user', 'sorting-user'],
			['sort_by', 'created_at'],
			['limit', '50'],
		]);
	});

	test('a cursor that repeats stops with an error instead of looping', async () => {
		resources.seedConversations(ctx.sim.state, 'loop-user', 3);
		store().repeatCursor = true;
		try {
			const result = await runOperation(ctx.sim, 'conversation', 'getAll', {
				user: 'loop-user',
				returnAll: true,
			});
			expect(result.error?.message).toMatch(
				/^Paging through Dify stopped: the page cursor ".+" came back a second time/,
			);
			expect(ctx.sim.calls('GET', '/conversations')).toHaveLength(2);
		} finally {
			store().repeatCursor = false;
		}
	});

	test('a transient 503 is retried: one item set, two requests', async () => {
		ctx.sim.fault({ method: 'GET', path: '/conversations' }, { status: 503 });
		const result = await runOperation(ctx.sim, 'conversation', 'getAll', { user: 'abc-123' });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(ctx.sim.calls('GET', '/conversations')).toHaveLength(2);
	});

	test.each([
		['an empty User (from an expression)', { user: '={{ "" }}' }, /^User: must not be empty/],
		['a Limit of 0', { user: 'u', limit: 0 }, /^Limit: must be at least 1/],
		[
			'an unknown Sort By (from an expression)',
			{ user: 'u', filters: { sortBy: 'name' } },
			/^Sort By: must be one of/,
		],
	])('%s is refused before any request', async (_, parameters, message) => {
		const result = await runOperation(ctx.sim, 'conversation', 'getAll', parameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("a wrong API key gives Dify's 401, and the key appears nowhere", async () => {
		const result = await runWithKey(ctx.sim, WRONG_KEY, {
			resource: 'conversation',
			operation: 'getAll',
			user: 'abc-123',
		});
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('Access token is invalid');
		expect(allText(result.run)).not.toContain(WRONG_KEY);
	});

	test("429 that persists becomes an error with Dify's code (after the transport's retries)", async () => {
		persistent429(ctx.sim, '/conversations');
		const result = await runOperation(ctx.sim, 'conversation', 'getAll', { user: 'abc-123' });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.message).toBe('Too many requests. Please try again later.');
		expect(result.error?.description).toContain('Dify code: too_many_requests');
		expect(ctx.sim.calls('GET', '/conversations')).toHaveLength(4);
	});
});

describe('Dify: Conversation → Get Messages', () => {
	test('reads the history: GET /messages with conversation_id, user and limit, one item per message', async () => {
		const result = await runOperation(ctx.sim, 'conversation', 'getMessages', {
			conversationId: resources.DOCS_CONVERSATION,
			user: 'abc-123',
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(json(result)).toMatchObject({
			id: '9da23599-e713-473b-982c-4328d4f5c78a',
			conversation_id: resources.DOCS_CONVERSATION,
			query: 'What are the specs of the iPhone 13 Pro Max?',
			answer: 'iPhone 13 Pro Max specs are listed here:...',
			feedback: { rating: 'like' },
			status: 'normal',
		});
		expect(queryOf(ctx.sim.calls('GET', '/messages')[0] as never)).toEqual([
			['conversation_id', resources.DOCS_CONVERSATION],
			['user', 'abc-123'],
			['limit', '50'],
		]);
	});

	test('Return All pages backwards by first_id through 3 pages, oldest message first; a Limit keeps the latest', async () => {
		const { conversationId, messageIds } = resources.seedMessages(ctx.sim.state, 'pager-msg', 250);
		const all = await runOperation(ctx.sim, 'conversation', 'getMessages', {
			conversationId,
			user: 'pager-msg',
			returnAll: true,
		});
		expect(all.error).toBeUndefined();
		expect(ids(all)).toEqual(messageIds);
		expect(ctx.sim.calls('GET', '/messages').map((r) => queryOf(r as never))).toEqual([
			[
				['conversation_id', conversationId],
				['user', 'pager-msg'],
				['limit', '100'],
			],
			[
				['conversation_id', conversationId],
				['user', 'pager-msg'],
				['first_id', messageIds[150]],
				['limit', '100'],
			],
			[
				['conversation_id', conversationId],
				['user', 'pager-msg'],
				['first_id', messageIds[50]],
				['limit', '100'],
			],
		]);

		ctx.sim.reset();
		const latest = await runOperation(ctx.sim, 'conversation', 'getMessages', {
			conversationId,
			user: 'pager-msg',
			limit: 150,
		});
		expect(ids(latest)).toEqual(messageIds.slice(100));
		expect(ctx.sim.calls('GET', '/messages').map((r) => r.query.limit)).toEqual([100, 50]);
	});

	test("another user's conversation is Dify's 404; with Continue On Fail the item carries the failure fields", async () => {
		const result = await runOperation(
			ctx.sim,
			'conversation',
			'getMessages',
			{ conversationId: resources.DOCS_CONVERSATION, user: 'someone-else' },
			{ continueOnFail: true },
		);
		expect(result.items).toHaveLength(1);
		expect(json(result)).toMatchObject({
			error: 'Conversation Not Exists.',
			httpCode: '404',
			code: 'not_found',
			retryable: false,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test.each([
		[
			'a Conversation ID that is no UUID',
			{ conversationId: 'conv-1', user: 'u' },
			/^Conversation ID: must be a UUID/,
		],
		[
			'an empty User',
			{ conversationId: resources.DOCS_CONVERSATION, user: ' ' },
			/^User: must not be empty/,
		],
	])('%s is refused before any request', async (_, parameters, message) => {
		const result = await runOperation(ctx.sim, 'conversation', 'getMessages', parameters);
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('Dify: the loop guard on the first_id and variables cursors', () => {
	test('Get Messages and Get Variables stop with an error when Dify repeats a page', async () => {
		const { conversationId } = resources.seedMessages(ctx.sim.state, 'loop-msg', 3);
		const { conversationId: withVariables } = resources.seedVariables(ctx.sim.state, 'loop-var', 3);
		store().repeatCursor = true;
		try {
			const messages = await runOperation(ctx.sim, 'conversation', 'getMessages', {
				conversationId,
				user: 'loop-msg',
				returnAll: true,
			});
			expect(messages.error?.message).toMatch(
				/^Paging through Dify stopped: the page cursor ".+" came back a second time/,
			);
			const variables = await runOperation(ctx.sim, 'conversation', 'getVariables', {
				conversationId: withVariables,
				user: 'loop-var',
				returnAll: true,
			});
			expect(variables.error?.message).toMatch(
				/^Paging through Dify stopped: the page cursor ".+" came back a second time/,
			);
			expect(ctx.sim.requests).toHaveLength(4);
		} finally {
			store().repeatCursor = false;
		}
	});
});

describe('Dify: Conversation → Rename', () => {
	test('sets a name: POST /conversations/{id}/name with name and user; outputs the renamed conversation', async () => {
		const [id] = resources.seedConversations(ctx.sim.state, 'rename-user', 1);
		const result = await runOperation(ctx.sim, 'conversation', 'rename', {
			conversationId: id,
			user: 'rename-user',
			name: 'Warranty question',
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toMatchObject({ id, name: 'Warranty question', status: 'normal' });
		const [sent] = ctx.sim.calls('POST', `/conversations/${id}/name`);
		expect(sent.body).toEqual({ name: 'Warranty question', user: 'rename-user' });
		expect(sent.headers['content-type']).toContain('application/json');
	});

	test('Auto Generate sends auto_generate (no name) and Dify names it from the messages', async () => {
		const { conversationId } = resources.seedMessages(ctx.sim.state, 'rename-auto', 2);
		const result = await runOperation(ctx.sim, 'conversation', 'rename', {
			conversationId,
			user: 'rename-auto',
			autoGenerate: true,
		});
		expect(result.error).toBeUndefined();
		expect(json(result).name).toBe('Question 1');
		expect(ctx.sim.calls('POST')[0].body).toEqual({ auto_generate: true, user: 'rename-auto' });
	});

	test("Auto Generate on a conversation without messages is Dify's 400 invalid_param", async () => {
		const [id] = resources.seedConversations(ctx.sim.state, 'rename-empty', 1);
		const result = await runOperation(ctx.sim, 'conversation', 'rename', {
			conversationId: id,
			user: 'rename-empty',
			autoGenerate: true,
		});
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe('Dify answered invalid_param');
	});

	test('an unknown conversation is 404', async () => {
		const result = await runOperation(ctx.sim, 'conversation', 'rename', {
			conversationId: '00000000-0000-4000-8000-000000000000',
			user: 'u',
			name: 'x',
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Conversation Not Exists.');
	});

	test.each([
		[
			'an empty Name (from an expression)',
			{ conversationId: resources.DOCS_CONVERSATION, user: 'u', name: '={{ "" }}' },
			/^Name: must not be empty/,
		],
		[
			'a bad Conversation ID',
			{ conversationId: 'nope', user: 'u', name: 'x' },
			/^Conversation ID: must be a UUID/,
		],
	])('%s is refused before any request', async (_, parameters, message) => {
		const result = await runOperation(ctx.sim, 'conversation', 'rename', parameters);
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('Dify: Conversation → Delete', () => {
	test('DELETE /conversations/{id} with the user in a JSON body; outputs what was deleted; it is gone afterwards', async () => {
		const [keep, gone] = resources.seedConversations(ctx.sim.state, 'delete-user', 2);
		const result = await runOperation(ctx.sim, 'conversation', 'delete', {
			conversationId: gone,
			user: 'delete-user',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, conversation_id: gone }]);
		const [sent] = ctx.sim.calls('DELETE');
		expect(sent.path).toBe(`/conversations/${gone}`);
		expect(sent.body).toEqual({ user: 'delete-user' });
		expect(sent.headers['content-type']).toContain('application/json');
		const after = await runOperation(ctx.sim, 'conversation', 'getAll', { user: 'delete-user' });
		expect(ids(after)).toEqual([keep]);
	});

	test('deleting it again is 404, and a delete is not retried after a 500', async () => {
		const [id] = resources.seedConversations(ctx.sim.state, 'delete-twice', 1);
		await runOperation(ctx.sim, 'conversation', 'delete', {
			conversationId: id,
			user: 'delete-twice',
		});
		const again = await runOperation(ctx.sim, 'conversation', 'delete', {
			conversationId: id,
			user: 'delete-twice',
		});
		expect(again.error?.httpCode).toBe('404');
		ctx.sim.reset();
		ctx.sim.fault({ method: 'DELETE' }, { status: 500 });
		const failed = await runOperation(ctx.sim, 'conversation', 'delete', {
			conversationId: id,
			user: 'delete-twice',
		});
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.calls('DELETE')).toHaveLength(1);
	});

	test('a bad Conversation ID is refused before any request', async () => {
		const result = await runOperation(ctx.sim, 'conversation', 'delete', {
			conversationId: '45701982',
			user: 'u',
		});
		expect(result.error?.message).toMatch(/^Conversation ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('Dify: Conversation → Get Variables', () => {
	test('GET /conversations/{id}/variables with user and limit; one item per variable', async () => {
		const result = await runOperation(ctx.sim, 'conversation', 'getVariables', {
			conversationId: resources.DOCS_CONVERSATION,
			user: 'abc-123',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{
				id: 'a1b2c3d4-5678-90ab-cdef-1234567890ab',
				name: 'user_preference',
				value_type: 'string',
				value: 'dark_mode',
				description: 'User preference setting',
				created_at: 1705407629,
				updated_at: 1705411229,
			},
		]);
		const [sent] = ctx.sim.calls('GET', `/conversations/${resources.DOCS_CONVERSATION}/variables`);
		expect(queryOf(sent as never)).toEqual([
			['user', 'abc-123'],
			['limit', '50'],
		]);
	});

	test('Return All: 3 pages by last_id; Limit: 2 requests; Variable Name is sent as variable_name', async () => {
		const { conversationId, variables } = resources.seedVariables(ctx.sim.state, 'pager-var', 250);
		const path = `/conversations/${conversationId}/variables`;
		const all = await runOperation(ctx.sim, 'conversation', 'getVariables', {
			conversationId,
			user: 'pager-var',
			returnAll: true,
		});
		expect(ids(all)).toEqual(variables.map((v) => v.id));
		expect(ctx.sim.calls('GET', path).map((r) => r.query.last_id)).toEqual([
			undefined,
			variables[99].id,
			variables[199].id,
		]);
		ctx.sim.reset();
		const limited = await runOperation(ctx.sim, 'conversation', 'getVariables', {
			conversationId,
			user: 'pager-var',
			limit: 120,
		});
		expect(ids(limited)).toEqual(variables.slice(0, 120).map((v) => v.id));
		expect(ctx.sim.calls('GET', path).map((r) => r.query.limit)).toEqual([100, 20]);
		ctx.sim.reset();
		const named = await runOperation(ctx.sim, 'conversation', 'getVariables', {
			conversationId,
			user: 'pager-var',
			filters: { variableName: 'variable_7' },
		});
		expect(named.items.map((i) => i.json.name)).toEqual(['variable_7']);
		expect(queryOf(ctx.sim.calls('GET', path)[0] as never)).toEqual([
			['user', 'pager-var'],
			['variable_name', 'variable_7'],
			['limit', '50'],
		]);
	});

	test('an unknown conversation is 404; a bad ID is refused before any request', async () => {
		const unknown = await runOperation(ctx.sim, 'conversation', 'getVariables', {
			conversationId: '00000000-0000-4000-8000-000000000000',
			user: 'u',
		});
		expect(unknown.error?.httpCode).toBe('404');
		ctx.sim.reset();
		const bad = await runOperation(ctx.sim, 'conversation', 'getVariables', {
			conversationId: 'x',
			user: 'u',
		});
		expect(bad.error?.message).toMatch(/^Conversation ID: must be a UUID/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});

describe('Dify: Conversation → Update Variable', () => {
	test('Text: PUT /conversations/{id}/variables/{variable_id} with value and user; outputs the variable', async () => {
		const { conversationId, variables } = resources.seedVariables(ctx.sim.state, 'update-user', [
			{ name: 'user_preference', value_type: 'string', value: 'dark_mode' },
		]);
		const variableId = String(variables[0].id);
		const result = await runOperation(ctx.sim, 'conversation', 'updateVariable', {
			conversationId,
			variableId,
			user: 'update-user',
			value: 'light_mode',
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toMatchObject({
			id: variableId,
			name: 'user_preference',
			value: 'light_mode',
		});
		const [sent] = ctx.sim.calls('PUT');
		expect(sent.path).toBe(`/conversations/${conversationId}/variables/${variableId}`);
		expect(sent.body).toEqual({ value: 'light_mode', user: 'update-user' });
	});

	test('JSON: the value is parsed first (a number variable gets a number)', async () => {
		const { conversationId, variables } = resources.seedVariables(ctx.sim.state, 'update-json', [
			{ name: 'visits', value_type: 'number', value: 1 },
			{ name: 'tags', value_type: 'array[string]', value: [] },
		]);
		const number = await runOperation(ctx.sim, 'conversation', 'updateVariable', {
			conversationId,
			variableId: variables[0].id,
			user: 'update-json',
			valueFormat: 'json',
			value: '42',
		});
		expect(json(number).value).toBe(42);
		const list = await runOperation(ctx.sim, 'conversation', 'updateVariable', {
			conversationId,
			variableId: variables[1].id,
			user: 'update-json',
			valueFormat: 'json',
			value: '["vip", "beta"]',
		});
		expect(json(list).value).toEqual(['vip', 'beta']);
		expect(ctx.sim.calls('PUT').map((r) => r.body)).toEqual([
			{ value: 42, user: 'update-json' },
			{ value: ['vip', 'beta'], user: 'update-json' },
		]);
	});

	test("a value of the wrong type is Dify's 400 bad_request with its message; an unknown variable 404", async () => {
		const { conversationId, variables } = resources.seedVariables(ctx.sim.state, 'update-bad', [
			{ name: 'user_preference', value_type: 'string', value: 'dark_mode' },
		]);
		const mismatch = await runOperation(ctx.sim, 'conversation', 'updateVariable', {
			conversationId,
			variableId: variables[0].id,
			user: 'update-bad',
			valueFormat: 'json',
			value: '7',
		});
		expect(mismatch.error?.httpCode).toBe('400');
		expect(mismatch.error?.message).toBe(
			"Type mismatch: variable 'user_preference' expects string, but got number type",
		);
		const unknown = await runOperation(ctx.sim, 'conversation', 'updateVariable', {
			conversationId,
			variableId: '00000000-0000-4000-8000-000000000000',
			user: 'update-bad',
			value: 'x',
		});
		expect(unknown.error?.httpCode).toBe('404');
		expect(unknown.error?.message).toBe('Conversation Variable Not Exists.');
	});

	test.each([
		[
			'Value that is not JSON with Value Format JSON',
			{ valueFormat: 'json', value: '{ nope' },
			/^Value: is not valid JSON/,
		],
		['a Variable ID that is no UUID', { variableId: 'var-1' }, /^Variable ID: must be a UUID/],
		['an empty User (from an expression)', { user: '={{ "" }}' }, /^User: must not be empty/],
	])('%s is refused before any request', async (_, parameters, message) => {
		const result = await runOperation(ctx.sim, 'conversation', 'updateVariable', {
			conversationId: resources.DOCS_CONVERSATION,
			variableId: resources.DOCS_VARIABLE,
			user: 'abc-123',
			value: 'x',
			...parameters,
		});
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
