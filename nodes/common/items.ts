import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_CONCURRENCY } from './descriptions';
import { failureOf } from './errors';
import { executionScope } from './scope';

/** What one operation returns for one input item. */
export type OperationResult =
	| IDataObject
	| IDataObject[]
	| INodeExecutionData
	| INodeExecutionData[];

/**
 * One operation, split in two so that every item's parameters are read and checked
 * before any request is sent: `prepare` reads and validates (no I/O to the provider),
 * `execute` talks to the provider.
 */
export interface ItemOperation<P = unknown> {
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<P>;
	execute(this: IExecuteFunctions, itemIndex: number, prepared: P): Promise<OperationResult>;
}

/** An error may carry what was produced before it happened (e.g. a partial streamed answer). */
const PARTIAL_OUTPUT = Symbol.for('n8n-nodes-chat-connectors.partialOutput');

export function withPartialOutput<E extends Error>(error: E, partial: IDataObject): E {
	(error as unknown as Record<symbol, IDataObject>)[PARTIAL_OUTPUT] = partial;
	return error;
}

export function partialOutputOf(error: unknown): IDataObject | undefined {
	if (error && typeof error === 'object') {
		return (error as Record<symbol, IDataObject | undefined>)[PARTIAL_OUTPUT];
	}
	return undefined;
}

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		!!value &&
		typeof value === 'object' &&
		'json' in value &&
		typeof (value as INodeExecutionData).json === 'object'
	);
}

function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => {
		const item: INodeExecutionData = isExecutionData(entry)
			? { ...entry }
			: { json: entry as IDataObject };
		item.pairedItem = { item: itemIndex };
		return item;
	});
}

/**
 * A failed item (Continue On Fail): what the operation produced before it failed, the readable
 * message, and the same structured fields for every provider (see `FailureFields`).
 */
function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const e = error as Error & { description?: string | null; httpCode?: string | null };
	const json: IDataObject = { ...(partialOutputOf(error) ?? {}), error: e.message };
	if (e.description) json.errorDescription = e.description;
	if (e.httpCode) json.httpCode = e.httpCode;
	const failure = failureOf(error);
	if (failure?.code !== undefined) json.code = failure.code;
	json.retryable = failure?.retryable ?? false;
	if (failure?.requestId !== undefined) json.requestId = failure.requestId;
	if (failure?.field !== undefined) json.field = failure.field;
	return { json, pairedItem: { item: itemIndex } };
}

function tagItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof Error) {
		const e = error as Error & { context?: IDataObject };
		if (e.context && typeof e.context === 'object' && e.context.itemIndex === undefined)
			e.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), String(error), { itemIndex });
}

/**
 * An AI Agent's tool (n8n runs a `usableAsTool` node as `<type>Tool`): a failed item goes back to
 * the model as a readable error item, as with Continue On Fail, so the agent can correct its call.
 * n8n 2.41 does that for a throwing tool itself; 2.8 would fail the whole run instead.
 */
export function runsAsTool(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

function readConcurrency(ctx: IExecuteFunctions, itemCount: number): number {
	let value: unknown = 1;
	try {
		value = ctx.getNodeParameter('options.concurrency', 0, 1);
	} catch {
		value = 1;
	}
	const n = Math.floor(Number(value));
	if (!Number.isFinite(n) || n < 1 || n > MAX_CONCURRENCY) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Options → Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`,
			{
				itemIndex: 0,
			},
		);
	}
	return Math.min(n, Math.max(1, itemCount));
}

/**
 * The per-item loop every action node uses.
 * - operations run in the execution's scope (scope.ts): the node, the parameters without an
 *   expression and the credential are read once per execution, not once per item;
 * - every item's parameters are prepared (read + validated) before any request is sent;
 * - items then run with the node's Concurrency option, output kept in input order;
 * - every output item has `pairedItem`; with Continue On Fail a failed item becomes an item with `error`.
 */
export async function runItems<P>(
	executeFunctions: IExecuteFunctions,
	operation: ItemOperation<P>,
): Promise<INodeExecutionData[]> {
	const ctx = executionScope(executeFunctions);
	const inputs = ctx.getInputData();
	const continueOnFail = ctx.continueOnFail() || runsAsTool(ctx);
	const prepared: Array<{ ok: true; value: P } | { ok: false; error: Error }> = [];

	for (let i = 0; i < inputs.length; i++) {
		try {
			prepared.push({ ok: true, value: await operation.prepare.call(ctx, i) });
		} catch (error) {
			const tagged = tagItemIndex(ctx, error, i);
			if (!continueOnFail) throw tagged;
			prepared.push({ ok: false, error: tagged });
		}
	}

	const concurrency = readConcurrency(ctx, inputs.length);
	const results: INodeExecutionData[][] = new Array(inputs.length);
	let firstError: { index: number; error: Error } | undefined;
	let next = 0;

	const worker = async () => {
		while (next < inputs.length) {
			const i = next++;
			if (firstError && !continueOnFail) return;
			const entry = prepared[i];
			if (!entry.ok) {
				results[i] = [errorItem(entry.error, i)];
				continue;
			}
			try {
				results[i] = toItems(await operation.execute.call(ctx, i, entry.value), i);
			} catch (error) {
				const tagged = tagItemIndex(ctx, error, i);
				if (continueOnFail) {
					results[i] = [errorItem(tagged, i)];
				} else if (!firstError || i < firstError.index) {
					firstError = { index: i, error: tagged };
				}
			}
		}
	};

	await Promise.all(Array.from({ length: concurrency }, worker));
	if (firstError) throw firstError.error;
	return results.flat();
}
