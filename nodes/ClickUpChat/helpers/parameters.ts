import type { IExecuteFunctions } from 'n8n-workflow';

import { requirePathId } from '../../common/validate';
import { workspaceIdOf } from '../chat/paths';

/** Readers for the IDs the operations and the Channel picker share; each names the field it refuses. */

/** The Workspace picker's value (from the list, an ID, or an expression). */
export function readWorkspaceId(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('workspaceId', itemIndex, undefined, { extractValue: true });
	return workspaceIdOf(ctx.getNode(), itemIndex, value);
}

/**
 * The Channel picker's value: a path segment of any form ClickUp gives. Workflows saved before
 * the picker existed hold a plain ID string, which n8n hands over unchanged.
 */
export function readChannelId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('channelId', itemIndex, undefined, { extractValue: true });
	return requirePathId(ctx.getNode(), itemIndex, 'Channel', value);
}

export function readMessageId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('messageId', itemIndex);
	return requirePathId(ctx.getNode(), itemIndex, 'Message ID', value);
}

/** An emoji reaction's name: it is also a path segment (Reaction → Remove). */
export function readReaction(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('reaction', itemIndex);
	return requirePathId(ctx.getNode(), itemIndex, 'Reaction', value);
}
