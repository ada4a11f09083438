/**
 * What the Dify tests share: the simulator's key and seed helpers, fixture bytes and the item the
 * aggregation makes of them, and small readers of what the simulator received. Runs go through
 * `nodeRunner(ctx, specs.dify, …)` (test/engine/nodes.ts).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { aggregateDifyStream } from '../../nodes/Dify/helpers/stream/reader';
import type { Simulator } from '../helpers';
import { providers } from '../helpers';

export const dify = providers.dify;
export const TOKEN: string = dify.TOKEN;
/** An API key Dify does not know. */
export const WRONG_KEY = 'app-WRONGKEYWRONGKEYWRONGKEY';

const FIXTURES = join(__dirname, '..', '..', 'dev', 'simulator', 'fixtures', 'dify');

export function fixtureBytes(name: string): Buffer {
	return readFileSync(join(FIXTURES, name));
}

/** Every `.sse` fixture, by file name. */
export const sseFixtures = readdirSync(FIXTURES)
	.filter((name) => name.endsWith('.sse'))
	.sort();

/** What the aggregation gives for a fixture read in one piece: the reference the HTTP runs must match. */
export async function expectedItem(
	name: string,
	options: { keepEvents?: boolean; includeTts?: boolean } = {},
): Promise<IDataObject> {
	return (await aggregateDifyStream(
		[fixtureBytes(`${name}.sse`)],
		options,
	)) as unknown as IDataObject;
}

export { asyncChunks, splitRandomly } from '../helpers';

/** The simulator's resources store and its seed helpers (dev/simulator/dify/resources.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const resources = require('../../dev/simulator/dify/resources') as {
	storeOf(state: unknown): {
		repeatCursor: boolean;
		suggestionsDisabled: boolean;
		feedbacks: IDataObject[];
		conversations: Map<string, IDataObject & { messages: IDataObject[]; variables: IDataObject[] }>;
	};
	seedConversations(state: unknown, user: string, count: number): string[];
	seedMessages(
		state: unknown,
		user: string,
		count: number,
	): { conversationId: string; messageIds: string[] };
	seedVariables(
		state: unknown,
		user: string,
		variables: number | IDataObject[],
	): { conversationId: string; variables: IDataObject[] };
	seedFeedbacks(state: unknown, count: number): string[];
	DOCS_USER: string;
	DOCS_CONVERSATION: string;
	DOCS_MESSAGE: string;
	DOCS_VARIABLE: string;
};

/** Polls until `check` is true; the bound is generous (the machine is shared), never an assertion of speed. */
export async function waitFor(
	check: () => boolean,
	what: string,
	timeoutMs = 30_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** The requests of Chat Message → Send (not its stop calls). */
export const chatCalls = (sim: Simulator) =>
	sim.calls('POST', '/chat-messages').filter((r) => r.path === '/chat-messages');

/** The query string a request was sent with, as ordered pairs. */
export function queryOf(request: unknown): Array<[string, string]> {
	return [...new URLSearchParams((request as { rawQuery?: string })?.rawQuery ?? '').entries()];
}

/** The query string a request was sent with, as sent (`?a=1&b=2`). */
export const rawQueryOf = (request: unknown): string => (request as { rawQuery: string }).rawQuery;

export const json = (result: { items: Array<{ json: IDataObject }> }, index = 0) =>
	result.items[index].json as IDataObject & Record<string, any>;

export const ids = (result: { items: Array<{ json: IDataObject }> }) =>
	result.items.map((item) => item.json.id);

/** A 429 that Dify keeps answering (the transport retries it, then gives up). */
export function persistent429(sim: Simulator, path: string) {
	sim.fault(
		{ path, times: 10 },
		{
			status: 429,
			headers: { 'Retry-After': '0' },
			body: {
				code: 'too_many_requests',
				message: 'Too many requests. Please try again later.',
				status: 429,
			},
		},
	);
}

/** The simulator's app store (audio, annotations, end users: dev/simulator/dify/app.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const appStore = require('../../dev/simulator/dify/app') as {
	storeOf(state: unknown): {
		annotations: IDataObject[];
		jobs: Map<string, IDataObject & { polls: number }>;
		annotationReply: IDataObject;
		endUsers: Map<string, IDataObject>;
		speechToText: boolean;
		textToSpeech: boolean;
		audioLimitBytes: number;
		ttsFormat: 'wav' | 'mpeg';
		jobMs: { waiting: number; processing: number };
	};
	endUserFor(state: unknown, user: string): IDataObject & { id: string };
	DOCS_END_USER: string;
	DOCS_ANNOTATION: string;
	SITE: IDataObject;
};

/** Small real audio files that carry their text (dev/simulator/dify/audio.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const audioFiles = require('../../dev/simulator/dify/audio') as {
	wav(text: string): Buffer;
	mp3(text: string): Buffer;
	transcript(data: Buffer): string;
	audioFormat(data: Buffer): string | undefined;
	DOCS_TRANSCRIPT: string;
};
