import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';
import { returnAllProperties } from '../../../common/paging';
import { readMessageId } from '../../helpers/parameters';
import {
	contentFormatProperty,
	messageIdProperty,
	workspaceIdProperty,
} from '../common.descriptions';
import { chatListOperation, contentFormatQuery } from '../common.operations';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	messageIdProperty('The message whose thread to read.', 'Message → Send or Get Many'),
	...returnAllProperties(),
	additionalFieldsCollection([contentFormatProperty]),
];

export const operation = chatListOperation(
	(ctx, i) => ['messages', readMessageId(ctx, i), 'replies'],
	contentFormatQuery,
);
