/**
 * One streamed Dify call, start to end: send the request, read the reply into one item (forwarding
 * answer chunks to a streaming chat when asked), stop Dify's task when the execution is cancelled,
 * and turn a failed reply into the same error an HTTP error with that code would give.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withPartialOutput } from '../../common/items';
import type { ApiResponse } from '../../common/transport';
import { apiRequest, cancelSignalOf, headerValue, providerError } from '../../common/transport';
import type { SseChunk } from '../../common/sse';
import { difyProfile } from '../transport';
import type { ChunkSink } from './chunks';
import { chunkSink } from './chunks';
import type { DifyAggregateResult } from './interfaces';
import { DIFY_STREAM_ERROR_CODES } from './interfaces';
import { aggregateDifyResponse, DifyStreamAbortedError } from './reader';

/** The node's Options that shape a streamed reply. */
export interface ReplyOptions {
	keepEvents: boolean;
	includeTts: boolean;
	forwardChunks: boolean;
}

/** The Options of a streamed reply, as one item asks for them. */
export function readReplyOptions(ctx: IExecuteFunctions, i: number): ReplyOptions {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	return {
		keepEvents: options.keepEvents === true,
		includeTts: options.includeTts === true,
		forwardChunks: options.forwardChunks !== false,
	};
}

export interface StreamedCall {
	/** `/chat-messages`, ... */
	path: string;
	body: IDataObject;
	user: string;
	/** Where Dify stops this call's task (e.g. `/chat-messages/{task_id}/stop`). */
	stopPath(taskId: string): string;
	options: ReplyOptions;
}

/** Ask Dify to stop a task after the execution was cancelled. Best effort: false when it failed. */
export async function stopTask(
	ctx: IExecuteFunctions,
	i: number,
	path: string,
	user: string,
): Promise<boolean> {
	try {
		await apiRequest(ctx, difyProfile, {
			method: 'POST',
			path,
			body: { user },
			detached: true,
			timeout: 10_000,
			retry: { maxRetries: 0 },
			itemIndex: i,
		});
		return true;
	} catch {
		// The execution is already cancelled and the answer is dropped either way.
		return false;
	}
}

/** The error for a reply that ended `failed`: Dify's code through the profile, as over HTTP. */
export async function failedReplyError(
	ctx: IExecuteFunctions,
	i: number,
	result: DifyAggregateResult,
): Promise<NodeApiError> {
	const info = result.error ?? {
		status: 500,
		code: 'unknown_error',
		message: 'The Dify reply failed',
	};
	const broken =
		info.code === DIFY_STREAM_ERROR_CODES.incomplete ||
		info.code === DIFY_STREAM_ERROR_CODES.interrupted;
	const hint = broken
		? 'The connection to Dify ended before the reply was complete. The partial answer is kept on the item (with Continue On Fail).'
		: result.workflow?.status === 'failed'
			? `The Dify workflow run ${result.workflow_run_id ?? ''} failed.`.replace('  ', ' ')
			: undefined;
	const error = await providerError(ctx, difyProfile, {
		status: info.status,
		body: { status: info.status, code: info.code, message: info.message },
		itemIndex: i,
		description: hint,
	});
	return withPartialOutput(error, result as unknown as IDataObject);
}

/** Tells a streaming chat about one item's reply: begin once, the chunks, end. */
class ChatForwarder {
	private began = false;

	constructor(
		private readonly sink: ChunkSink | undefined,
		private readonly itemIndex: number,
	) {}

	get onAnswerChunk(): ((text: string) => Promise<void>) | undefined {
		if (!this.sink) return undefined;
		return async (text: string) => {
			await this.begin();
			await this.sink!('item', this.itemIndex, text);
		};
	}

	async begin(): Promise<void> {
		if (this.began || !this.sink) return;
		this.began = true;
		await this.sink('begin', this.itemIndex);
	}

	/** A reply that was never streamed (blocking) still reaches the chat, in one piece. */
	async finish(answer: string): Promise<void> {
		if (!this.sink) return;
		if (!this.began) {
			await this.begin();
			if (answer) await this.sink('item', this.itemIndex, answer);
		}
		await this.sink('end', this.itemIndex);
	}

	async fail(message: string): Promise<void> {
		if (!this.sink) return;
		await this.begin();
		await this.sink('error', this.itemIndex, message);
		await this.sink('end', this.itemIndex);
	}

	async endIfStarted(): Promise<void> {
		if (this.sink && this.began) await this.sink('end', this.itemIndex);
	}
}

/** Send a streamed call and return its aggregated item; a failed reply throws with the partial item. */
export async function runStreamedCall(
	ctx: IExecuteFunctions,
	i: number,
	call: StreamedCall,
): Promise<DifyAggregateResult> {
	const response: ApiResponse<AsyncIterable<SseChunk> | IDataObject | string> = await apiRequest(
		ctx,
		difyProfile,
		{ method: 'POST', path: call.path, body: call.body, encoding: 'stream', itemIndex: i },
	);

	const signal = cancelSignalOf(ctx);
	const chat = new ChatForwarder(chunkSink(ctx, call.options.forwardChunks), i);

	let result: DifyAggregateResult | undefined;
	let aborted: DifyAggregateResult | undefined;
	let unreadable: string | undefined;
	try {
		result = await aggregateDifyResponse(
			response.body,
			headerValue(response.headers, 'content-type'),
			{
				signal,
				keepEvents: call.options.keepEvents,
				includeTts: call.options.includeTts,
				onAnswerChunk: chat.onAnswerChunk,
			},
		);
	} catch (error) {
		if (error instanceof DifyStreamAbortedError) aborted = error.partial;
		else if (signal?.aborted) aborted = undefined;
		else unreadable = error instanceof Error ? error.message : String(error);
	}

	if (aborted || signal?.aborted) {
		const taskId = aborted?.task_id || result?.task_id || '';
		const stopped = taskId ? await stopTask(ctx, i, call.stopPath(taskId), call.user) : false;
		await chat.endIfStarted();
		throw withPartialOutput(
			new NodeOperationError(
				ctx.getNode(),
				'The execution was cancelled while Dify was answering',
				{
					itemIndex: i,
					description: stopped ? `Dify was asked to stop task ${taskId}.` : undefined,
				},
			),
			(aborted ?? result ?? {}) as unknown as IDataObject,
		);
	}
	if (unreadable !== undefined || !result) {
		throw new NodeApiError(
			ctx.getNode(),
			{ message: unreadable ?? 'empty reply' },
			{ message: `Dify's reply could not be read: ${unreadable ?? 'empty reply'}`, itemIndex: i },
		);
	}
	if (result.status === 'failed') {
		await chat.fail(result.error?.message ?? 'The Dify reply failed');
		throw await failedReplyError(ctx, i, result);
	}
	await chat.finish(result.answer);
	return result;
}
