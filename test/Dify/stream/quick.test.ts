/**
 * Answer chunks read without JSON.parse (quick.ts) must give what JSON.parse gives, or nothing:
 * crafted traps, random texts compared with JSON.parse, and whole streams aggregated both ways.
 */
import type { IDataObject } from 'n8n-workflow';

import { DifyStreamAggregator } from '../../../nodes/Dify/helpers/stream/aggregator';
import {
	FIRST_EVENT_FIELDS,
	quickAnswer,
	quickChunkText,
} from '../../../nodes/Dify/helpers/stream/quick';
import { DifyReplyReader, parseDifyEvent } from '../../../nodes/Dify/helpers/stream/reader';

/** What the aggregator would take from the text by JSON.parse, or undefined when quick may not read it. */
/** JSON.parse's object for the text, or undefined when the text is not a JSON object. */
function parsedObject(text: string): IDataObject | undefined {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return undefined;
	}
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function expectedAnswer(text: string, absent: number): string | undefined {
	const event = parsedObject(text);
	if (!event) return undefined;
	if (event.event !== 'message' && event.event !== 'agent_message') return undefined;
	if (typeof event.answer !== 'string') return undefined;
	for (const [bit, name] of FIRST_EVENT_FIELDS.entries())
		if (absent & (1 << bit) && name in event) return undefined;
	return event.answer;
}

function expectedChunkText(text: string, absent: number): string | undefined {
	const event = parsedObject(text);
	if (!event) return undefined;
	if (event.event !== 'text_chunk') return undefined;
	if ('message_id' in event || 'conversation_id' in event) return undefined;
	for (const [bit, name] of FIRST_EVENT_FIELDS.entries())
		if (absent & (1 << bit) && name in event) return undefined;
	const data = event.data as IDataObject | undefined;
	if (!data || typeof data !== 'object' || typeof data.text !== 'string') return undefined;
	return data.text;
}

/** quick's answer is JSON.parse's, or quick gives none. */
function agrees(text: string, absent = 0) {
	const quick = quickAnswer(text, absent);
	if (quick !== undefined) expect(quick).toBe(expectedAnswer(text, absent));
	const chunk = quickChunkText(text, absent);
	if (chunk !== undefined) expect(chunk).toBe(expectedChunkText(text, absent));
	return { quick, chunk };
}

describe('quick answer chunks', () => {
	const message = {
		event: 'message',
		task_id: 't-1',
		message_id: 'm-1',
		conversation_id: 'c-1',
		answer: ' Grüße, 日本語 🚀\n"quoted" \\ back',
		created_at: 1705407629,
		from_variable_selector: ['llm', 'text'],
	};
	const chunk = {
		event: 'text_chunk',
		task_id: 't-1',
		workflow_run_id: 'r-1',
		data: { text: ' word\t"x"', from_variable_selector: ['llm', 'text'] },
	};

	it('reads the answer of message and agent_message events, written compactly or as Dify writes (", " and ": ")', () => {
		for (const event of ['message', 'agent_message']) {
			const compact = JSON.stringify({ ...message, event });
			const spaced = compact.replace(/","/g, '", "').replace(/":/g, '": ');
			expect(agrees(compact).quick).toBe(message.answer);
			expect(agrees(spaced).quick).toBe(message.answer);
		}
		expect(agrees(JSON.stringify(chunk)).chunk).toBe(chunk.data.text);
		// \u escapes, as Python's json.dumps writes non-ASCII text
		const ascii =
			'{"event": "message", "answer": "Gr\\u00fc\\u00dfe \\ud83d\\ude80", "task_id": "t"}';
		expect(agrees(ascii).quick).toBe('Grüße 🚀');
	});

	it('leaves to JSON.parse what it does not read itself', () => {
		const none = [
			// several answers (JSON.parse takes the last), or an escaped key that spells one
			'{"event":"message","answer":"a","answer":"b"}',
			'{"event":"message","answe\\u0072":"a","answer":"b"}',
			'{"event":"message","answer":"a","answ\\u0065r":"b"}',
			// several events, or `event` not the first key
			'{"event":"message","answer":"a","event":"message_end"}',
			'{"answer":"a","event":"message"}',
			// the answer not a string
			'{"event":"message","answer":5}',
			'{"event":"message","answer":null}',
			// objects where message events have none; deeper nesting in a text_chunk
			'{"event":"message","answer":"a","metadata":{"x":1}}',
			'{"event":"text_chunk","data":{"text":"a","x":{"y":1}}}',
			// a chatflow's text_chunk (it mirrors the messages)
			'{"event":"text_chunk","message_id":"m","data":{"text":"a"}}',
			'{"event":"text_chunk","conversation_id":"c","data":{"text":"a"}}',
			// two data objects, text outside data, text twice
			'{"event":"text_chunk","data":{"text":"a"},"data":{"text":"b"}}',
			'{"event":"text_chunk","text":"a","data":{"x":"b"}}',
			'{"event":"text_chunk","data":{"text":"a","text":"b"}}',
			// whitespace other than spaces, raw control characters, bad JSON
			'{"event":"message",\n"answer":"a"}',
			'{"event":"message","answer":"a\tb"}',
			'{"event":"message","answer":"a"',
			'{"event":"message","answer":"a\\x"}',
			'{"event":"message","answer":"a"}x',
			'{"event":"message","answer":"a",}',
			'{"event":"message","answer":"\\"}',
			'{"event":"message","n":01,"answer":"a"}',
			'{"event":"message","n":[1,[2]],"answer":"a"}',
			// a __proto__ key is harmless: nothing is built from the keys
		];
		for (const text of none) {
			const { quick, chunk } = agrees(text);
			expect({ text, quick, chunk }).toEqual({ text, quick: undefined, chunk: undefined });
		}
		expect(agrees('{"event":"message","__proto__":{"a":1},"answer":"x"}').quick).toBeUndefined();
		expect(agrees('{"event":"message","__proto__":"p","answer":"x"}').quick).toBe('x');
		// a quoted key inside a string value is text, not a key
		expect(agrees('{"event":"message","note":"\\"answer\\":\\"no\\"","answer":"yes"}').quick).toBe(
			'yes',
		);
	});

	it('refuses an event with a field the aggregator still needs from it', () => {
		const text = JSON.stringify(message);
		expect(quickAnswer(text, 0)).toBe(message.answer);
		for (const [bit, name] of FIRST_EVENT_FIELDS.entries()) {
			const has = name in message;
			expect({ name, quick: quickAnswer(text, 1 << bit) }).toEqual({
				name,
				quick: has ? undefined : message.answer,
			});
		}
		const chunkText = JSON.stringify(chunk);
		expect(quickChunkText(chunkText, 2 | 4 | 8)).toBe(chunk.data.text);
		expect(quickChunkText(chunkText, 16)).toBeUndefined();
		// a field of the same name inside `data` is not the event's
		const inner = JSON.stringify({ ...chunk, data: { ...chunk.data, message_id: 'm' } });
		expect(quickChunkText(inner, 2)).toBe(chunk.data.text);
	});

	it('agrees with JSON.parse on 20,000 random texts (valid events, their mutations and cuts; 753 answers and 664 chunks read quickly with this seed)', () => {
		let seed = 20261202;
		const random = () => {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			return seed / 0x7fffffff;
		};
		const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
		const pieces = [
			'a',
			' ',
			'"',
			'\\',
			'\\"',
			'\\n',
			'\\u00e9',
			'é',
			'🚀',
			':',
			',',
			'{',
			'}',
			'[',
			']',
			'answer',
			'text',
			'event',
			'\n',
			'\t',
		];
		const word = () =>
			Array.from({ length: Math.floor(random() * 4) }, () => pick(pieces)).join('');
		const value = (depth: number): unknown => {
			const r = random();
			if (r < 0.6) return word().replace(/\\(?!["\\nu])|\\u(?!00e9)/g, '');
			if (r < 0.7) return Math.floor(random() * 1e6) / (random() < 0.5 ? 1 : 100);
			if (r < 0.75) return pick([true, false, null]);
			if (r < 0.85) return [value(depth + 1), value(depth + 1)].slice(0, Math.floor(random() * 3));
			if (depth < 2) return { [pick(['text', 'x', 'data', 'answer'])]: value(depth + 1) };
			return 'leaf';
		};
		const keys = [
			'answer',
			'task_id',
			'message_id',
			'conversation_id',
			'created_at',
			'workflow_run_id',
			'data',
			'text',
			'event',
			'from_variable_selector',
			'x',
		];
		const mutations: Array<(text: string) => string> = [
			(t) => t,
			(t) => t.replace(/":/g, '": ').replace(/,"/g, ', "'),
			(t) => t.slice(0, Math.floor(random() * t.length)),
			(t) => {
				const at = Math.floor(random() * t.length);
				return t.slice(0, at) + pick(pieces) + t.slice(at + 1);
			},
			(t) => {
				const at = Math.floor(random() * t.length);
				return t.slice(0, at) + t.slice(at + 1);
			},
		];
		const read = { answers: 0, chunks: 0 };
		for (let i = 0; i < 20000; i++) {
			const event: IDataObject = {
				event: pick(['message', 'agent_message', 'text_chunk', 'message_end']),
			};
			const count = Math.floor(random() * 5);
			for (let k = 0; k < count; k++) event[pick(keys)] = value(1) as IDataObject[string];
			if (random() < 0.7) event.answer = value(2) as string;
			if (random() < 0.5) event.data = { text: value(2), x: value(2) } as IDataObject;
			const text = pick(mutations)(JSON.stringify(event));
			const absent = random() < 0.6 ? 0 : Math.floor(random() * 32);
			const { quick, chunk } = agrees(text, absent);
			if (quick !== undefined) read.answers++;
			if (chunk !== undefined) read.chunks++;
		}
		// the readers did read a good share themselves: the comparison is not empty
		expect(read.answers).toBeGreaterThan(500);
		expect(read.chunks).toBeGreaterThan(500);
	});
});

describe('aggregating with quick chunks gives what parsing every event gives', () => {
	/** The reference: every event parsed and pushed, as before quick.ts. */
	function parsedEveryEvent(body: string) {
		const aggregator = new DifyStreamAggregator();
		for (const block of body.split('\n\n')) {
			if (!block.startsWith('data: ')) continue;
			const event = parseDifyEvent({ data: block.slice(6) });
			if (event) aggregator.push(event, block.length - 6);
		}
		return aggregator.finish();
	}

	async function readWithQuickChunks(body: string) {
		const reader = new DifyReplyReader({});
		await reader.read([body]);
		return reader.finish();
	}

	const sse = (events: unknown[]) => events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('');
	const streams: Record<string, unknown[]> = {
		'a Chat app (no workflow run)': [
			{
				event: 'message',
				task_id: 't',
				message_id: 'm',
				conversation_id: 'c',
				answer: 'Hel',
				created_at: 5,
			},
			{
				event: 'message',
				task_id: 'other',
				message_id: 'm2',
				conversation_id: 'c2',
				answer: 'lo',
				created_at: 6,
			},
			{ event: 'message', task_id: 't', message_id: 'm', answer: ' \u00e9\u{1F680}' },
			{
				event: 'message_end',
				task_id: 't',
				message_id: 'm',
				conversation_id: 'c',
				metadata: { usage: { total_tokens: 3 } },
			},
		],
		'an Agent app whose first chunk lacks ids': [
			{ event: 'agent_message', answer: 'A' },
			{ event: 'agent_message', task_id: 't', answer: 'B' },
			{
				event: 'agent_message',
				task_id: 't',
				message_id: 'm',
				conversation_id: 'c',
				answer: 'C',
				created_at: 9,
			},
			{ event: 'agent_thought', id: 'th', thought: 'x', task_id: 't' },
			{ event: 'message', task_id: 't', answer: 'ABCD' },
			{ event: 'message_end', task_id: 't', id: 'm' },
		],
		'a Chatflow whose first message brings the run id': [
			{
				event: 'message',
				task_id: 't',
				message_id: 'm',
				conversation_id: 'c',
				answer: 'x',
				workflow_run_id: 'r',
			},
			{
				event: 'workflow_started',
				task_id: 't',
				workflow_run_id: 'r',
				data: { id: 'r', workflow_id: 'w' },
			},
			{
				event: 'text_chunk',
				task_id: 't',
				workflow_run_id: 'r',
				message_id: 'm',
				data: { text: 'mirror' },
			},
			{
				event: 'message',
				task_id: 't',
				message_id: 'm',
				conversation_id: 'c',
				answer: 'y',
				workflow_run_id: 'r',
			},
			{ event: 'message_end', task_id: 't', message_id: 'm', conversation_id: 'c' },
			{
				event: 'workflow_finished',
				task_id: 't',
				workflow_run_id: 'r',
				data: { id: 'r', status: 'succeeded' },
			},
		],
		'a Workflow app': [
			{
				event: 'workflow_started',
				task_id: 't',
				workflow_run_id: 'r',
				data: { id: 'r', workflow_id: 'w', created_at: 3 },
			},
			{
				event: 'text_chunk',
				task_id: 't',
				workflow_run_id: 'r',
				data: { text: 'one ', from_variable_selector: ['llm', 'text'] },
			},
			{
				event: 'text_chunk',
				task_id: 't',
				workflow_run_id: 'r',
				created_at: 4,
				data: { text: 'two' },
			},
			{ event: 'text_chunk', task_id: 't', workflow_run_id: 'r', data: { text: 5 } },
			{
				event: 'text_chunk',
				task_id: 't',
				workflow_run_id: 'r',
				data: { text: '"three"', message_id: 'inner' },
			},
			{
				event: 'workflow_finished',
				task_id: 't',
				workflow_run_id: 'r',
				data: { id: 'r', status: 'succeeded', outputs: { text: 'one two' } },
			},
		],
	};

	for (const [name, events] of Object.entries(streams)) {
		it(name, async () => {
			const body = sse(events);
			const quick = await readWithQuickChunks(body);
			expect(quick).toEqual(parsedEveryEvent(body));
			expect(quick.answer.length).toBeGreaterThan(0);
		});
	}
});
