import type { INode } from 'n8n-workflow';

import { requireInteger } from '../../common/validate';

/** The Chat API's paths, for the action node and the trigger. */

/** A Workspace ID: ClickUp documents it as a number. */
export function workspaceIdOf(node: INode, itemIndex: number, value: unknown): number {
	return requireInteger(node, itemIndex, 'Workspace', value, { min: 1 });
}

/** The Chat API path of a Workspace, with further segments (each checked by its reader), encoded. */
export function chatPath(workspaceId: number, ...segments: string[]): string {
	return [`/api/v3/workspaces/${workspaceId}/chat`, ...segments.map(encodeURIComponent)].join('/');
}
