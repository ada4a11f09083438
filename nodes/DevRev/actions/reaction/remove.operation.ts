import type { INodeProperties } from 'n8n-workflow';

import { reactionUpdate } from '../common.operations';
import { reactionProperties } from '../common.descriptions';

export const properties: INodeProperties[] = reactionProperties;

export const operation = reactionUpdate('remove');
