/**
 * One streamed Dify call, start to end: send the request, read the reply into one item (forwarding
 * answer chunks to a streaming chat when asked), stop Dify's task when the execution is cancelled,
 * and turn a failed reply into the same error an HTTP error with that code would give.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { attachFailure } from '../../common/errors';
import { withPartialOutput } from '../../common/items';
import type { ApiResponse } from '../../common/transport';
import { abortableSleep, headerValue } from '../../common/retry';
import { apiRequest, cancelSignalOf, providerError } from '../../common/transport';
import type { SseChunk } from '../../common/sse';
import { difyProfile } from '../transport';
import type { ItemShape } from './outputs';
import { asItem } from './outputs';
import { difyPaths } from './paths';
import type { ReplyOptions } from './replyRequest';
import { closeBody, readDifyBody } from './stream/body';
import { ChatForwarder, chunkSink } from './stream/chunks';
import { ReplyDeadline } from './stream/deadline';
import type { DifyAggregateResult, DifyErrorInfo } from './stream/interfaces';
import { DIFY_STREAM_ERROR_CODES } from './stream/interfaces';
import { answerTooLarge, DifyReplyReader, DifyStreamAbortedError } from './stream/reader';

export interface StreamedCall {
	method?: 'POST' | 'GET';
	/** `/chat-messages`, `/workflows/run`, ... */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	user: string;
	/** Where Dify stops this call's task (e.g. `/chat-messages/{task_id}/stop`). */
	stopPath(taskId: string, partial: DifyAggregateResult): string;
	/** The app's mode when the endpoint implies it (`completion`, `workflow`). */
	mode?: string;
	/** The item for the result (default: the aggregate itself), also kept on a failed item. */
	shape?: ItemShape;
	/** The workflow run, when known before the stream says it (continuing a paused run). */
	workflowRunId?: string;
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

/** The codes of a reply the node itself gave up on (a bound reached): Dify is asked to stop it. */
const LIMIT_CODES: ReadonlySet<string> = new Set([
	DIFY_STREAM_ERROR_CODES.answerTooLarge,
	DIFY_STREAM_ERROR_CODES.tooLong,
]);

/** The failure of a reply that took longer than the node's Max Duration. */
function tooLong(ms: number): DifyErrorInfo {
	return {
		status: 504,
		code: DIFY_STREAM_ERROR_CODES.tooLong,
		message: `Dify's reply took longer than the node's Max Duration (${ms / 1000} s), so the node stopped reading it`,
	};
}

/**
 * The error for a reply that ended `failed`: Dify's code through the profile, as over HTTP.
 * `note` is added to the description (why reopening failed, that Dify was asked to stop).
 */
export async function failedReplyError(
	ctx: IExecuteFunctions,
	i: number,
	result: DifyAggregateResult,
	note?: string,
	shape: ItemShape = asItem,
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
		? [
				'The connection to Dify ended before the reply was complete. With Continue On Fail, the item keeps the partial answer.',
				result.resumed ? `The stream was reopened ${result.resumed} time(s).` : '',
				note ?? '',
			]
				.filter(Boolean)
				.join(' ')
		: LIMIT_CODES.has(info.code)
			? ['With Continue On Fail, the item keeps what had arrived.', note ?? '']
					.filter(Boolean)
					.join(' ')
			: result.workflow?.status === 'failed'
				? `The Dify workflow run ${result.workflow_run_id ?? ''} failed.`.replace('  ', ' ')
				: undefined;
	const error = await providerError(ctx, difyProfile, {
		status: info.status,
		body: { status: info.status, code: info.code, message: info.message },
		itemIndex: i,
		description: hint,
	});
	return withPartialOutput(error, shape(result));
}

/** Backoff before reopening a broken stream: 0.5 s, 1 s, 2 s, ... */
const RESUME_BASE_WAIT_MS = 500;

/**
 * Send a streamed call (or open a stream) and return its aggregated item. A workflow-backed
 * stream that breaks is reopened through `GET /workflow/{id}/events?include_state_snapshot=true`
 * up to `resumeAttempts` times, with backoff; a failed reply throws with the partial item. The
 * whole reply is bounded by Max Duration and Max Answer Size: past either, reading stops, Dify is
 * asked to stop the task, and the item fails with what had arrived.
 */
export async function runStreamedCall(
	ctx: IExecuteFunctions,
	i: number,
	call: StreamedCall,
): Promise<DifyAggregateResult> {
	const { options } = call;
	const signal = cancelSignalOf(ctx);
	const deadline = new ReplyDeadline(options.maxDurationMs);
	try {
		return await readStreamedCall(ctx, i, call, signal, deadline);
	} finally {
		deadline.clear();
	}
}

async function readStreamedCall(
	ctx: IExecuteFunctions,
	i: number,
	call: StreamedCall,
	signal: AbortSignal | undefined,
	deadline: ReplyDeadline,
): Promise<DifyAggregateResult> {
	const { options } = call;
	const readSignal = deadline.or(signal);
	const chat = new ChatForwarder(
		options.replacedAnswer === 'hold' ? undefined : chunkSink(ctx, options.forwardChunks),
		i,
	);
	const finalSink =
		options.replacedAnswer === 'hold' ? chunkSink(ctx, options.forwardChunks) : undefined;
	const reader = new DifyReplyReader({
		signal: readSignal,
		keepEvents: options.keepEvents,
		includeTts: options.includeTts,
		maxAnswerChars: options.maxAnswerChars,
		mode: call.mode,
		onAnswerChunk: chat.onAnswerChunk,
		onAnswerReplaced: chat.onAnswerReplaced,
	});
	/** Opens a stream within the deadline; a body that answers after it is closed unread. */
	const open = async <T>(request: Promise<ApiResponse<T>>): Promise<ApiResponse<T>> => {
		const response = await deadline.race(request, (late) => closeBody(late.body));
		bodies.push(response.body);
		return response;
	};
	const bodies: unknown[] = [];

	let blocking: DifyAggregateResult | undefined;
	let aborted: DifyAggregateResult | undefined;
	let unreadable: string | undefined;
	let resumeProblem: string | undefined;
	let requestFailure: NodeApiError | undefined;
	try {
		const response = await open<AsyncIterable<SseChunk> | IDataObject | string>(
			apiRequest(ctx, difyProfile, {
				method: call.method ?? 'POST',
				path: call.path,
				// sent as JSON text: axios merges an object body into its config and drops the keys
				// `constructor`, `__proto__` and `prototype` on the way, which are app variables here
				...(call.body === undefined
					? {}
					: { body: JSON.stringify(call.body), headers: { 'Content-Type': 'application/json' } }),
				qs: call.qs,
				encoding: 'stream',
				itemIndex: i,
			}),
		);
		const first = await readDifyBody(
			reader,
			response.body,
			headerValue(response.headers, 'content-type'),
			{ mode: call.mode },
		);
		blocking = first.blocking;
		let broken = first.broken;
		for (let attempt = 0; broken && attempt < options.resumeAttempts; attempt++) {
			const runId = reader.state.workflow_run_id ?? call.workflowRunId;
			if (!runId) break;
			await abortableSleep(RESUME_BASE_WAIT_MS * 2 ** attempt, readSignal);
			let reopened: ApiResponse<AsyncIterable<SseChunk>> | undefined;
			let reopenError: unknown;
			try {
				reopened = await open(
					apiRequest<AsyncIterable<SseChunk>>(ctx, difyProfile, {
						method: 'GET',
						path: difyPaths.workflowEvents(runId),
						qs: {
							user: call.user,
							include_state_snapshot: true,
							...(call.qs?.continue_on_pause ? { continue_on_pause: true } : {}),
						},
						encoding: 'stream',
						itemIndex: i,
					}),
				);
			} catch (error) {
				reopenError = error;
			}
			if (!reopened) {
				if (readSignal.aborted) throw reopenError;
				// Dify's errors guide: a 404 from a resume call means a wrong user or an unknown run.
				const notFound = (reopenError as { httpCode?: string }).httpCode === '404';
				resumeProblem = [
					`Reopening the stream failed: ${(reopenError as Error).message.replace(/\.$/, '')}.`,
					notFound
						? 'Dify answers 404 when the User differs from the one that started the run, or when the run does not exist.'
						: '',
				]
					.filter(Boolean)
					.join(' ');
				break;
			}
			broken = (await reader.read(reopened.body, { reopened: true })).broken;
		}
	} catch (error) {
		if (deadline.expired && !signal?.aborted) reader.stop(tooLong(options.maxDurationMs));
		else if (error instanceof DifyStreamAbortedError) aborted = error.partial;
		else if (signal?.aborted) aborted = undefined;
		else if (error instanceof NodeApiError) requestFailure = error;
		else unreadable = error instanceof Error ? error.message : String(error);
	} finally {
		for (const body of bodies) closeBody(body);
	}

	if (requestFailure) throw requestFailure;
	if (aborted || signal?.aborted) {
		const partial = aborted ?? reader.finish();
		const taskId = partial.task_id || '';
		const stopped = taskId
			? await stopTask(ctx, i, call.stopPath(taskId, partial), call.user)
			: false;
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
			(call.shape ?? asItem)(partial),
		);
	}
	if (unreadable !== undefined) {
		throw attachFailure(
			new NodeApiError(
				ctx.getNode(),
				{ message: unreadable },
				{ message: `Dify's reply could not be read: ${unreadable}`, itemIndex: i },
			),
			{ code: 'invalid_response', retryable: false },
		);
	}
	let result = blocking ?? reader.finish();
	if (blocking && blocking.answer.length > options.maxAnswerChars) {
		result = { ...blocking, status: 'failed', error: answerTooLarge(options.maxAnswerChars) };
	}
	if (result.status === 'failed') {
		let note = resumeProblem;
		if (result.error && LIMIT_CODES.has(result.error.code) && result.task_id) {
			// reading stopped, but Dify would go on generating (and counting tokens) without this
			const stopped = await stopTask(ctx, i, call.stopPath(result.task_id, result), call.user);
			if (stopped) note = `Dify was asked to stop task ${result.task_id}.`;
		}
		await chat.fail(result.error?.message ?? 'The Dify reply failed');
		throw await failedReplyError(ctx, i, result, note, call.shape);
	}
	await chat.finish(result.answer);
	if (finalSink && result.answer) {
		await finalSink('begin', i);
		await finalSink('item', i, result.answer);
		await finalSink('end', i);
	}
	return result;
}
