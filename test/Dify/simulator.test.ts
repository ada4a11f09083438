/** The Dify simulator itself: composed answers for the demo, and what it refuses as Dify would. */
import type { IDataObject } from 'n8n-workflow';

import { DifyApi } from '../../credentials/DifyApi.credentials';
import { aggregateDifyStream } from '../../nodes/Dify/helpers/stream/reader';
import { nodeRunner, specs } from '../engine/nodes';
import { useSimulator } from '../helpers';
import { chatCalls, expectedItem, json, TOKEN } from './kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'chatMessage',
	operation: 'send',
	user: 'user-42',
});

/** The `message` events of the bytes the simulator answered a request with. */
function answerChunks(record: unknown): string[] {
	const bytes = (record as { sseBytes: Buffer }).sseBytes;
	return bytes
		.toString('utf8')
		.split('\n\n')
		.filter((block) => block.startsWith('data: '))
		.map((block) => JSON.parse(block.slice(6)) as IDataObject)
		.filter((event) => event.event === 'message')
		.map((event) => String(event.answer));
}

describe('Dify simulator: a chat app that answers the question (the demo and the e2e examples)', () => {
	test('the answer responds to the query, arrives in several message chunks, and equals the aggregation of the exact bytes sent', async () => {
		const result = await run({
			query: 'What are the specs of the iPhone 13 Pro Max?',
			user: 'demo-user-1',
		});
		expect(result.error).toBeUndefined();
		const item = json(result);
		expect(item.answer).toMatch(/^The iPhone 13 Pro Max has a 6\.7-inch Super Retina XDR display/);
		expect(item.status).toBe('succeeded');
		const [request] = chatCalls(ctx.sim);
		const chunks = answerChunks(request);
		expect(chunks.length).toBeGreaterThanOrEqual(5);
		expect(chunks.join('')).toBe(item.answer);
		const replayed = await aggregateDifyStream(
			[(request as unknown as { sseBytes: Buffer }).sseBytes],
			{},
		);
		expect(item).toEqual(replayed);
	});

	test('the second turn continues the conversation: same conversation_id, a new message_id, an answer about the first topic', async () => {
		const first = json(
			await run({
				query: 'What are the specs of the iPhone 13 Pro Max?',
				user: 'demo-user-2',
			}),
		);
		const second = json(
			await run({
				query: 'And how heavy is it?',
				user: 'demo-user-2',
				additionalFields: { conversationId: first.conversation_id },
			}),
		);
		expect(second.conversation_id).toBe(first.conversation_id);
		expect(second.message_id).not.toBe(first.message_id);
		expect(second.task_id).not.toBe(first.task_id);
		expect(second.answer).not.toBe(first.answer);
		expect(second.answer).toBe(
			'Following up on your question about the iPhone 13 Pro Max: it weighs 240 grams (8.47 ounces), and it measures 160.8 x 78.1 x 7.65 mm, so it is the heaviest iPhone 13 model.',
		);
		// both turns are in the conversation's history, oldest first
		const history = await run({
			resource: 'conversation',
			operation: 'getMessages',
			conversationId: first.conversation_id,
			user: 'demo-user-2',
		});
		expect(history.items.map((i) => [i.json.id, i.json.query, i.json.answer])).toEqual([
			[first.message_id, 'What are the specs of the iPhone 13 Pro Max?', first.answer],
			[second.message_id, 'And how heavy is it?', second.answer],
		]);
	});

	test('a question outside the canned topics gets a fallback that quotes it; a new topic says what it moves on from', async () => {
		const odd = json(await run({ query: 'Who painted the Mona Lisa?', user: 'u-odd' }));
		expect(odd.answer).toMatch(/^You asked "Who painted the Mona Lisa\?"\./);
		const phone = json(await run({ query: 'Tell me about the iPhone', user: 'u-topic' }));
		const refunds = json(
			await run({
				query: 'How do refunds work?',
				user: 'u-topic',
				additionalFields: { conversationId: phone.conversation_id },
			}),
		);
		expect(refunds.answer).toMatch(
			/^Moving on from the iPhone 13 Pro Max to refunds\. You can return/,
		);
	});

	test('a directive still forces an exact fixture (sim:chat-basic is the docs sample)', async () => {
		const result = await run({ query: 'Anything sim:chat-basic' });
		expect(json(result)).toEqual(await expectedItem('chat-basic'));
		expect(json(result).answer).toBe(' I');
	});
});

describe('Dify simulator: a blocking request gets the composed answer too', () => {
	test('one JSON body with the same answer a stream would give, continuing the conversation', async () => {
		const first = json(
			await run({
				query: 'What are the specs of the iPhone 13 Pro Max?',
				user: 'blocking-user',
				additionalFields: { responseMode: 'blocking' },
			}),
		);
		expect(first).toMatchObject({ mode: 'chat', status: 'succeeded' });
		expect(first.answer).toMatch(/^The iPhone 13 Pro Max has a 6\.7-inch/);
		const second = json(
			await run({
				query: 'How much does it cost?',
				user: 'blocking-user',
				additionalFields: { responseMode: 'blocking', conversationId: first.conversation_id },
			}),
		);
		expect(second.conversation_id).toBe(first.conversation_id);
		expect(second.message_id).not.toBe(first.message_id);
		expect(second.answer).toBe(
			'Following up on your question about the iPhone 13 Pro Max: it launched at $1,099 for 128 GB; 256 GB, 512 GB and 1 TB cost more.',
		);
		expect(chatCalls(ctx.sim).map((r) => r.body.response_mode)).toEqual(['blocking', 'blocking']);
	});
});

describe('Dify: simulator contract', () => {
	test('the simulator rejects what Dify would: a misspelt field, a bad enum, a stop without user', async () => {
		const post = (path: string, body: unknown) =>
			fetch(`${ctx.sim.baseUrl}${path}`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
		const misspelt = await post('/chat-messages', {
			query: 'q',
			inputs: {},
			user: 'u',
			responseMode: 'streaming',
		});
		expect(misspelt.status).toBe(400);
		expect(await misspelt.json()).toMatchObject({ code: 'invalid_param', status: 400 });
		const badEnum = await post('/chat-messages', {
			query: 'q',
			inputs: {},
			user: 'u',
			response_mode: 'stream',
		});
		expect(badEnum.status).toBe(400);
		const noUser = await post('/chat-messages/abc/stop', {});
		expect(noUser.status).toBe(400);
		expect(ctx.sim.state.stops.some((s: { task_id: string }) => s.task_id === 'abc')).toBe(false);
	});

	test("the credential's test request (GET /info with the Bearer header its authenticate builds) passes with the key and fails without", async () => {
		const credential = new DifyApi();
		expect(credential.test.request).toMatchObject({
			method: 'GET',
			url: '/info',
			baseURL: '={{$credentials.baseUrl}}',
		});
		const header = String(
			(credential.authenticate.properties.headers as Record<string, string>).Authorization,
		)
			.replace('{{$credentials.apiKey}}', TOKEN)
			.replace(/^=/, '');
		const ok = await fetch(`${ctx.sim.baseUrl}${credential.test.request.url}`, {
			headers: { Authorization: header },
		});
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({ mode: 'chat' });
		const bad = await fetch(`${ctx.sim.baseUrl}${credential.test.request.url}`, {
			headers: { Authorization: 'Bearer app-nope' },
		});
		expect(bad.status).toBe(401);
		expect(await bad.json()).toMatchObject({ code: 'unauthorized', status: 401 });
	});
});
