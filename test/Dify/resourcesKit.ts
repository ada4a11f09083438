import type { IDataObject } from 'n8n-workflow';

import type { Simulator } from '../helpers';
import { runDify } from './difyTestKit';

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

/** One operation of the Dify node (resource + operation + its parameters). */
export function runOperation(
	sim: Simulator,
	resource: string,
	operation: string,
	parameters: Record<string, unknown> = {},
	extra: Parameters<typeof runDify>[2] = {},
) {
	return runDify(sim, { resource, operation, ...parameters }, extra);
}

/** The query string a request was sent with, as ordered pairs. */
export function queryOf(request: { rawQuery?: string } | undefined): Array<[string, string]> {
	return [...new URLSearchParams(request?.rawQuery ?? '').entries()];
}

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

export const WRONG_KEY = 'app-WRONGKEYWRONGKEYWRONGKEY';

/** The node with another API key in its credential. */
export async function runWithKey(
	sim: Simulator,
	apiKey: string,
	parameters: Record<string, unknown>,
) {
	const { runNode } = await import('../engine/harness');
	const { Dify } = await import('../../nodes/Dify/Dify.node');
	const { DifyApi } = await import('../../credentials/DifyApi.credentials');
	return await runNode({
		node: new Dify(),
		credentialTypes: [new DifyApi()],
		credentials: { difyApi: { apiKey, baseUrl: sim.baseUrl } },
		parameters: parameters as never,
	});
}
