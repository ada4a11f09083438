import type { INodeProperties } from 'n8n-workflow';

import { annotationReplyProperties } from '../common.descriptions';
import { annotationReplyOperation } from '../common.operations';

export const properties: INodeProperties[] = annotationReplyProperties('disable');

export const operation = annotationReplyOperation('disable');
