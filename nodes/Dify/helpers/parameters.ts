/** What every Dify operation reads alike: the end user, and the IDs that go into a URL path. */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { invalid, requirePathId, requireString, requireUuid } from '../../common/validate';

/** The end user every Dify call is made for (Dify scopes conversations and files to it). */
export function readUser(ctx: IExecuteFunctions, i: number): string {
	return requireString(ctx.getNode(), i, 'User', ctx.getNodeParameter('user', i, '')).trim();
}

/** A number above 0 (decimals allowed), at most `max`: e.g. a size in MB. */
export function requirePositiveNumber(
	node: INode,
	i: number,
	field: string,
	value: unknown,
	max: number,
): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0)
		throw invalid(node, i, field, `must be a number above 0, got ${JSON.stringify(value)}`);
	if (n > max) throw invalid(node, i, field, `must be at most ${max}, got ${n}`);
	return n;
}

/** An ID parameter: its name, its label, and whether Dify documents it as a UUID. */
export interface PathIdField {
	name: string;
	label: string;
	uuid?: boolean;
}

/** The IDs Dify puts into its paths; `uuid` where openapi_service.json gives the ID as `format: uuid`. */
export const PATH_IDS = {
	conversation: { name: 'conversationId', label: 'Conversation ID', uuid: true },
	message: { name: 'messageId', label: 'Message ID', uuid: true },
	variable: { name: 'variableId', label: 'Variable ID', uuid: true },
	workflow: { name: 'workflowId', label: 'Workflow ID', uuid: true },
	workflowRun: { name: 'workflowRunId', label: 'Workflow Run ID', uuid: true },
	// task IDs are UUIDs in Dify's responses, but the stop paths do not say so: not checked
	task: { name: 'taskId', label: 'Task ID' },
	formToken: { name: 'formToken', label: 'Form Token' },
	annotation: { name: 'annotationId', label: 'Annotation ID', uuid: true },
	annotationJob: { name: 'jobId', label: 'Job ID', uuid: true },
	endUser: { name: 'endUserId', label: 'End User ID', uuid: true },
	file: { name: 'fileId', label: 'File ID', uuid: true },
} satisfies Record<string, PathIdField>;

/**
 * An ID for a URL path: refused when empty or when it would change the path (`..`, a slash, ...),
 * and when Dify documents a UUID and it is none. Returns it trimmed, not yet encoded.
 */
export function checkPathId(node: INode, i: number, field: PathIdField, value: unknown): string {
	const id = requirePathId(node, i, field.label, value);
	return field.uuid ? requireUuid(node, i, field.label, id) : id;
}

/** The ID parameter of an item, checked as {@link checkPathId} does. */
export function readPathId(ctx: IExecuteFunctions, i: number, field: PathIdField): string {
	return checkPathId(ctx.getNode(), i, field, ctx.getNodeParameter(field.name, i, ''));
}
