/** Implementations several Dify operations share: plain GETs, Stop, and a reply that streams. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../common/items';
import { apiRequest } from '../../common/transport';
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
