/** Conversation → Update Variable: text and JSON values. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { json, resources } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'conversation',
	operation: 'updateVariable',
	user: 'user-42',
});

describe('Dify: Conversation → Update Variable', () => {
	test('Text: PUT /conversations/{id}/variables/{variable_id} with value and user; outputs the variable', async () => {
		const { conversationId, variables } = resources.seedVariables(ctx.sim.state, 'update-user', [
			{ name: 'user_preference', value_type: 'string', value: 'dark_mode' },
		]);
		const variableId = String(variables[0].id);
		const result = await run({
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
		const number = await run({
			conversationId,
			variableId: variables[0].id,
			user: 'update-json',
			valueFormat: 'json',
			value: '42',
		});
		expect(json(number).value).toBe(42);
		const list = await run({
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
		const mismatch = await run({
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
		const unknown = await run({
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
		const result = await run({
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
