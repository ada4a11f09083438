import type { INodeProperties } from 'n8n-workflow';

import { conversationIdProperty } from '../common.descriptions';
import { getById } from '../common.operations';

export const properties: INodeProperties[] = [conversationIdProperty];

export const operation = getById('conversationId', '/conversations.get');
