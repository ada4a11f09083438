/**
 * Implementations several Dify operations share: plain GETs, Stop, a reply that streams, and the
 * annotation reply switch.
 */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { attachFailure, nonEmptyText } from '../../common/errors';
import type { ItemOperation } from '../../common/items';
import { withPartialOutput } from '../../common/items';
import { apiRequest } from '../../common/transport';
import { invalid, requireInteger, requireString } from '../../common/validate';
import { waitForJob } from '../helpers/jobs';
import { difyPaths } from '../helpers/paths';
import type { ItemShape } from '../helpers/outputs';
import { replyItem } from '../helpers/outputs';
import type { PathIdField } from '../helpers/parameters';
import { PATH_IDS, readPathId, readUser } from '../helpers/parameters';
import type { StreamedCall } from '../helpers/reply';
import { runStreamedCall } from '../helpers/reply';
import type { ReplyOptions, ReplyRequest } from '../helpers/replyRequest';
import { bodyWithFiles, readReplyRequest } from '../helpers/replyRequest';
import { difyProfile } from '../transport';

/** A GET without parameters (App → Get Info, Get Meta, Get Parameters): Dify's body is the item. */
export function getOperation(path: string): ItemOperation<undefined> {
	return {
		async prepare() {
			return undefined;
		},
		async execute(this: IExecuteFunctions, i) {
			const response = await apiRequest<IDataObject>(this, difyProfile, {
				method: 'GET',
				path,
				itemIndex: i,
			});
			return response.body;
		},
	};
}

/** A GET of one record by its ID (Workflow → Get Run, Human Input → Get Form). */
export function getByIdOperation(
	field: PathIdField,
	pathOf: (id: string) => string,
	item: (body: IDataObject, id: string) => IDataObject = (body) => body,
): ItemOperation<{ id: string }> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			return { id: readPathId(this, i, field) };
		},
		async execute(this: IExecuteFunctions, i, { id }) {
			const response = await apiRequest<IDataObject>(this, difyProfile, {
				method: 'GET',
				path: pathOf(id),
				itemIndex: i,
			});
			return item(response.body, id);
		},
	};
}

/**
 * Stop a streaming task (Chat Message, Completion Message, Workflow): `POST …/{task_id}/stop`
 * with the user. Stopping twice does no harm, so the call is retried like a read.
 */
export function stopOperation(
	stopPath: (taskId: string) => string,
): ItemOperation<{ taskId: string; user: string }> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			return { taskId: readPathId(this, i, PATH_IDS.task), user: readUser(this, i) };
		},
		async execute(this: IExecuteFunctions, i, { taskId, user }) {
			const response = await apiRequest<IDataObject>(this, difyProfile, {
				method: 'POST',
				path: stopPath(taskId),
				body: { user },
				idempotent: true,
				itemIndex: i,
			});
			return { ...(response.body ?? {}), task_id: taskId };
		},
	};
}

/** What a streamed-reply operation adds to the shared request, and where it sends it. */
export interface ReplySpec<P extends ReplyRequest> {
	/** Reads and checks what only this operation has (no request). */
	prepare?: (ctx: IExecuteFunctions, i: number, request: ReplyRequest) => P;
	call: (prepared: P) => Pick<StreamedCall, 'path' | 'mode' | 'stopPath'> & {
		options?: Partial<ReplyOptions>;
	};
	/** The item with Simplify on; `full` with it off (default: the aggregated reply itself). */
	simplified: ItemShape;
	full?: ItemShape;
}

/** Chat Message → Send, Completion Message → Send, Workflow → Run: one request shape, one reading. */
export function replyOperation<P extends ReplyRequest = ReplyRequest>(
	spec: ReplySpec<P>,
): ItemOperation<P> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			const request = readReplyRequest(this, i);
			return spec.prepare ? spec.prepare(this, i, request) : (request as P);
		},
		async execute(this: IExecuteFunctions, i, prepared) {
			const { options, ...call } = spec.call(prepared);
			const shape = prepared.simplify ? spec.simplified : spec.full;
			const result = await runStreamedCall(this, i, {
				...call,
				body: await bodyWithFiles(this, i, prepared),
				user: prepared.user,
				shape,
				options: { ...prepared.options, ...options },
			});
			return replyItem(result, shape);
		},
	};
}

interface ReplySettings {
	body: IDataObject;
	wait: boolean;
	maxWaitMs: number;
}

/**
 * Annotation → Enable Reply / Disable Reply: `POST /apps/annotation-reply/{action}` starts a
 * background job (`waiting`); with Wait for Completion its status is polled until `completed` or
 * `error`. The three settings are required for both actions (the body is checked first).
 */
export function annotationReplyOperation(
	action: 'enable' | 'disable',
): ItemOperation<ReplySettings> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			const node = this.getNode();
			const threshold = Number(this.getNodeParameter('scoreThreshold', i, 0.9));
			// the docs' page of Configure Annotation Reply gives the range 0–1
			if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
				throw invalid(node, i, 'Score Threshold', `must be from 0 to 1, got ${threshold}`);
			const text = (name: string, label: string) =>
				requireString(node, i, label, this.getNodeParameter(name, i, '')).trim();
			const options = this.getNodeParameter('options', i, {}) as IDataObject;
			return {
				body: {
					score_threshold: threshold,
					embedding_provider_name: text('embeddingProviderName', 'Embedding Provider Name'),
					embedding_model_name: text('embeddingModelName', 'Embedding Model Name'),
				},
				wait: this.getNodeParameter('waitForJob', i, true) !== false,
				maxWaitMs: requireInteger(node, i, 'Max Wait', options.maxWait ?? 120, { min: 1 }) * 1000,
			};
		},
		async execute(this: IExecuteFunctions, i, { body, wait, maxWaitMs }) {
			const started = await apiRequest<IDataObject>(this, difyProfile, {
				method: 'POST',
				path: difyPaths.annotationReply(action),
				body,
				itemIndex: i,
			});
			const job: IDataObject = { ...(started.body ?? {}), action };
			const jobId = typeof job.job_id === 'string' ? job.job_id : '';
			if (!wait) return job;
			if (!jobId) {
				throw new NodeApiError(this.getNode(), job as JsonObject, {
					message: 'Dify did not return a job ID for the annotation reply change',
					itemIndex: i,
				});
			}
			const { status, ended, waitedMs } = await waitForJob(this, {
				poll: async () =>
					(
						await apiRequest<IDataObject>(this, difyProfile, {
							method: 'GET',
							path: difyPaths.annotationReplyStatus(action, jobId),
							itemIndex: i,
						})
					).body ?? {},
				done: (s) => s.job_status === 'completed' || s.job_status === 'error',
				limitMs: maxWaitMs,
			});
			const item: IDataObject = { ...status, action };
			if (status.job_status === 'error') {
				const message = nonEmptyText(status.error_msg) ?? 'Dify could not finish the change';
				throw withPartialOutput(
					attachFailure(
						new NodeApiError(this.getNode(), item as JsonObject, {
							message,
							description: `The annotation reply job ${jobId} (${action}) ended in error.`,
							itemIndex: i,
						}),
						{ code: 'job_failed', retryable: false },
					),
					item,
				);
			}
			if (!ended) {
				throw withPartialOutput(
					attachFailure(
						new NodeOperationError(
							this.getNode(),
							`The annotation reply job was still ${String(status.job_status ?? 'running')} after ${Math.round(waitedMs / 1000)} s`,
							{
								itemIndex: i,
								description: `Dify goes on with it: Annotation → Get Reply Status with job ${jobId} tells when it is done. Options → Max Wait waits longer.`,
							},
						),
						{ code: 'job_timeout', retryable: true },
					),
					item,
				);
			}
			return item;
		},
	};
}
