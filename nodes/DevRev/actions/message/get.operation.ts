import type { INodeProperties } from 'n8n-workflow';

import { messageIdProperty } from '../common.descriptions';
import { getById } from '../common.operations';

export const properties: INodeProperties[] = [messageIdProperty];

export const operation = getById('messageId', '/timeline-entries.get');
