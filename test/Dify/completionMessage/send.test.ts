/** Completion Message → Send: a Text Generator's reply, streamed or blocking. */
import type { IDataObject } from 'n8n-workflow';

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { expectedItem } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'completionMessage',
	operation: 'send',
	user: 'user-42',
});

describe('Dify Completion Message → Send', () => {
	const send = (parameters: Record<string, unknown> = {}, extra = {}) =>
		run({ inputs: { values: [{ name: 'text', value: 'Translate hello' }] }, ...parameters }, extra);

	test('streamed and aggregated like a chat reply, mode completion', async () => {
		const result = await send({ additionalFields: { query: 'legacy text' } });
		expect(result.error).toBeUndefined();
		const item = result.items[0].json as IDataObject;
		expect(item).toEqual(
			await expectedItem('completion').then((r) => ({ ...r, mode: 'completion' })),
		);
		expect(item.answer).toBe('Hola — “hello” en español es «hola».');
		expect(ctx.sim.requests[0]).toMatchObject({
			method: 'POST',
			path: '/completion-messages',
			body: {
				inputs: { text: 'Translate hello' },
				user: 'user-42',
				response_mode: 'streaming',
				query: 'legacy text',
			},
		});
	});

	test('blocking gives the same answer', async () => {
		const result = await send({ additionalFields: { responseMode: 'blocking' } });
		const item = result.items[0].json as IDataObject;
		expect(item.answer).toBe('Hola — “hello” en español es «hola».');
		expect(item.mode).toBe('completion');
		expect(ctx.sim.requests[0].body.response_mode).toBe('blocking');
	});

	test('bad input is refused before any request', async () => {
		const result = await send({ additionalFields: { responseMode: 'sometimes' } });
		expect(result.error?.message).toMatch(/^Response Mode:/);
		const noUser = await send({ user: ' ' });
		expect(noUser.error?.message).toMatch(/^User:/);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
