/**
 * "Wait Until Indexed" of the document creates and updates: Dify indexes a document in the
 * background (waiting → parsing → cleaning → splitting → indexing → completed, or error / paused),
 * so the node polls Get Document Indexing Status with a growing pause (0.5 s, then ×1.5, at most
 * 5 s apart) until the document is completed, fails, pauses, or the item's time limit is up.
 * One GET per poll; the pause ends early when the execution is cancelled.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { attachFailure } from '../../../common/errors';
import { withPartialOutput } from '../../../common/items';
import { abortableSleep } from '../../../common/retry';
import { cancelSignalOf } from '../../../common/transport';
import { requireInteger } from '../../../common/validate';
import { knowledgePaths, knowledgeRequest } from './api';
import { dataList } from './lists';

export const FIRST_POLL_MS = 500;
export const MAX_POLL_MS = 5000;
const DEFAULT_LIMIT_S = 300;
const MAX_LIMIT_S = 3600;

export const waitProperties: INodeProperties[] = [
	{
		displayName: 'Wait Until Indexed',
		name: 'waitForIndexing',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until Dify has indexed the document before this step ends, so the next step can search it. The item then carries the last indexing status; an indexing error stops the item.',
	},
	{
		displayName: 'Indexing Time Limit',
		name: 'indexingTimeLimit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT_S },
		default: DEFAULT_LIMIT_S,
		description:
			'How long to wait for the indexing, in seconds. When it is up, the item fails with the last status (with Continue On Fail, it keeps the document and its batch).',
		displayOptions: { show: { waitForIndexing: [true] } },
	},
];

/** The item's time limit in milliseconds when it waits, else undefined. Checked, no request. */
export function readWait(ctx: IExecuteFunctions, i: number): number | undefined {
	if (ctx.getNodeParameter('waitForIndexing', i, false) !== true) return undefined;
	const seconds = requireInteger(
		ctx.getNode(),
		i,
		'Indexing Time Limit',
		ctx.getNodeParameter('indexingTimeLimit', i, DEFAULT_LIMIT_S),
		{ min: 1, max: MAX_LIMIT_S },
	);
	return seconds * 1000;
}

function indexingError(
	ctx: IExecuteFunctions,
	i: number,
	item: IDataObject,
	failure: { message: string; description: string; code: string; retryable: boolean },
) {
	const error = new NodeOperationError(ctx.getNode(), failure.message, {
		itemIndex: i,
		description: failure.description,
	});
	attachFailure(error, { code: failure.code, retryable: failure.retryable });
	return withPartialOutput(error, item);
}

/**
 * Poll until the document of `item` (a create or update's output: `id`, `name`, `batch`) is
 * indexed. Resolves with the item carrying the last status (`indexing_status`, and the whole
 * status entry as `indexing`); throws, with that item as partial output, on error, pause or time-out.
 */
export async function waitUntilIndexed(
	ctx: IExecuteFunctions,
	i: number,
	datasetId: string,
	item: IDataObject,
	timeLimitMs: number,
): Promise<IDataObject> {
	const batch = String(item.batch ?? '');
	const name = String(item.name ?? item.id ?? 'the document');
	const path = knowledgePaths.indexingStatus(datasetId, batch);
	const started = Date.now();
	const deadline = started + timeLimitMs;
	const signal = cancelSignalOf(ctx);
	let pause = FIRST_POLL_MS;
	let current: IDataObject = item;
	for (;;) {
		const wait = Math.min(pause, deadline - Date.now());
		if (wait > 0) await abortableSleep(wait, signal);
		const body = await knowledgeRequest<IDataObject>(ctx, i, { method: 'GET', path });
		const entries = dataList(ctx, i, path, body);
		const entry = entries.find((e) => e.id === item.id) ?? entries[0];
		if (entry) {
			current = { ...item, indexing_status: entry.indexing_status, indexing: entry };
			const status = String(entry.indexing_status ?? '');
			if (status === 'completed') return current;
			if (status === 'error') {
				throw indexingError(ctx, i, current, {
					message: `Dify could not index "${name}": ${String(entry.error ?? 'no reason given')}`,
					description:
						"Dify stopped indexing the document with an error. Fix the file or text (or the knowledge base's embedding model) and add it again.",
					code: 'indexing_error',
					retryable: false,
				});
			}
			if (status === 'paused') {
				throw indexingError(ctx, i, current, {
					message: `Indexing of "${name}" is paused in Dify`,
					description:
						"Someone paused the indexing in Dify. Resume it on the document's page in Dify, then check it with Document → Get Indexing Status.",
					code: 'indexing_paused',
					retryable: false,
				});
			}
		}
		if (Date.now() >= deadline) {
			const seconds = Math.round((Date.now() - started) / 1000);
			throw indexingError(ctx, i, current, {
				message: `Dify was still indexing "${name}" (status: ${String(current.indexing_status ?? 'unknown')}) after ${seconds} s`,
				description: `Raise Indexing Time Limit, or turn Wait Until Indexed off and check later with Document → Get Indexing Status (batch ${batch}).`,
				code: 'indexing_timeout',
				retryable: true,
			});
		}
		pause = Math.min(MAX_POLL_MS, Math.round(pause * 1.5));
	}
}
