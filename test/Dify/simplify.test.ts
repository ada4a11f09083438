/** Simplify: on by default from node version 1.1, the full item one switch away. */
import type { IDataObject } from 'n8n-workflow';

import { Dify } from '../../nodes/Dify/Dify.node';
import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { expectedItem } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
});

const v11 = { typeVersion: 1.1 };

describe('Dify: Simplify (on by default from node version 1.1)', () => {
	test('the node offers versions 1 and 1.1; new nodes get 1.1', () => {
		const { description } = new Dify();
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
		const simplify = description.properties.filter((p) => p.name === 'simplify');
		const byVersion = Object.fromEntries(
			simplify.map((p) => [JSON.stringify(p.displayOptions?.show?.['@version']), p.default]),
		);
		expect(byVersion['[1]']).toBe(false);
		expect(byVersion['[{"_cnd":{"gte":1.1}}]']).toBe(true);
	});

	test('version 1 keeps today’s full item', async () => {
		const result = await run({ query: 'sim:chat-basic' });
		expect(result.items[0].json).toEqual(await expectedItem('chat-basic'));
	});

	test('1.1, plain chat app: answer, conversation_id, message_id first; empty sections left out', async () => {
		const result = await run({ query: 'sim:chat-unicode' }, v11);
		const item = result.items[0].json as IDataObject;
		const full = await expectedItem('chat-unicode');
		expect(Object.keys(item).slice(0, 3)).toEqual(['answer', 'conversation_id', 'message_id']);
		expect(item.answer).toBe(full.answer);
		for (const empty of [
			'workflow',
			'nodes',
			'form',
			'forms',
			'agent_thoughts',
			'files',
			'reasoning',
			'event',
		])
			expect(item).not.toHaveProperty(empty);
		expect(item.metadata).toEqual(full.metadata);
		expect(item.status).toBe('succeeded');
		expect(Object.keys(item).length).toBeLessThan(Object.keys(full).length / 2 + 2);
	});

	test('1.1 with Simplify off: the full item, one switch away', async () => {
		const result = await run({ query: 'sim:chat-unicode', simplify: false }, v11);
		expect(result.items[0].json).toEqual(await expectedItem('chat-unicode'));
	});

	test('1.1, Chatflow: workflow and nodes kept because they are not empty', async () => {
		const result = await run({ query: 'sim:advanced-chat' }, v11);
		const item = result.items[0].json as Record<string, any>;
		expect(Object.keys(item).slice(0, 3)).toEqual(['answer', 'conversation_id', 'message_id']);
		expect(item.workflow.status).toBe('succeeded');
		expect(item.nodes.count).toBeGreaterThan(0);
		expect(item).not.toHaveProperty('form');
	});

	test('1.1, a paused run keeps form (and forms)', async () => {
		const result = await run({ query: 'sim:human-input-pause' }, v11);
		const item = result.items[0].json as Record<string, any>;
		expect(item.status).toBe('paused');
		expect(item.form.form_token).toBe('tok_abc123');
		expect(item.forms).toHaveLength(1);
	});

	test('1.1, Workflow → Run: the run’s outputs and numbers at the top', async () => {
		const result = await run(
			{ resource: 'workflow', operation: 'run', inputsFormat: 'json', inputsJson: '{}' },
			v11,
		);
		const item = result.items[0].json as Record<string, any>;
		expect(Object.keys(item).slice(0, 3)).toEqual(['workflow_run_id', 'status', 'outputs']);
		expect(item.outputs.result).toContain('Kaffee');
		expect(item.total_tokens).toBe(321);
		expect(item).not.toHaveProperty('form');
		expect(item).not.toHaveProperty('data');
		expect(item).not.toHaveProperty('error');
	});

	test('1.1, Completion Message → Send: the answer and message_id first, the rest as in version 1', async () => {
		const result = await run(
			{
				resource: 'completionMessage',
				operation: 'send',
				inputs: { values: [{ name: 'text', value: 'Translate hello' }] },
			},
			v11,
		);
		const item = result.items[0].json as IDataObject;
		const full = await expectedItem('completion');
		expect(Object.keys(item)[0]).toBe('answer');
		expect(item.answer).toBe('Hola — “hello” en español es «hola».');
		expect(item.message_id).toBe(full.message_id);
		expect(item).not.toHaveProperty('event');
		expect(Object.keys(item).length).toBeLessThan(Object.keys(full).length);
	});

	test('1.1, Human Input → Submit: the resumed answer comes out simplified', async () => {
		const paused = await run({ query: 'Draft the launch note sim:human-input-pause' }, v11);
		const pausedItem = paused.items[0].json as Record<string, any>;
		expect(pausedItem.status).toBe('paused');
		const resumed = await run(
			{
				resource: 'humanInput',
				operation: 'submit',
				formToken: pausedItem.form.form_token,
				action: 'approve',
				inputs: { values: [{ name: 'comment', value: 'Looks good.' }] },
				workflowRunId: pausedItem.workflow_run_id,
			},
			v11,
		);
		expect(resumed.error).toBeUndefined();
		const item = resumed.items[0].json as IDataObject;
		expect(Object.keys(item).slice(0, 3)).toEqual(['answer', 'conversation_id', 'message_id']);
		expect(String(item.answer).length).toBeGreaterThan(0);
		expect(item.status).toBe('succeeded');
		expect(item).not.toHaveProperty('event');
	});

	test('1.1, a failed reply keeps the simplified partial item with the error fields', async () => {
		const result = await run({ query: 'sim:error-event' }, { ...v11, continueOnFail: true });
		const item = result.items[0].json as IDataObject;
		expect(Object.keys(item).slice(0, 3)).toEqual(['answer', 'conversation_id', 'message_id']);
		expect(item.answer).toBe('The quarterly numbers show');
		expect(item.code).toBe('completion_request_error');
		expect(item).not.toHaveProperty('nodes');
	});
});
