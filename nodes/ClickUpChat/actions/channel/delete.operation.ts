import type { INodeProperties } from 'n8n-workflow';

import { readChannelId } from '../../helpers/parameters';
import { channelIdProperty, workspaceIdProperty } from '../common.descriptions';
import { chatDeleteOperation } from '../common.operations';

export const properties: INodeProperties[] = [workspaceIdProperty, channelIdProperty];

export const operation = chatDeleteOperation((ctx, i) => {
	const id = readChannelId(ctx, i);
	return { segments: ['channels', id], output: { id } };
});
