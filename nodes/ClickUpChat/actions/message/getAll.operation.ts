import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';
import { returnAllProperties } from '../../../common/paging';
import { readChannelId } from '../../helpers/parameters';
import {
	channelIdProperty,
	contentFormatProperty,
	workspaceIdProperty,
} from '../common.descriptions';
import { chatListOperation, contentFormatQuery } from '../common.operations';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	channelIdProperty,
	...returnAllProperties(),
	additionalFieldsCollection([contentFormatProperty]),
];

export const operation = chatListOperation(
	(ctx, i) => ['channels', readChannelId(ctx, i), 'messages'],
	contentFormatQuery,
);
