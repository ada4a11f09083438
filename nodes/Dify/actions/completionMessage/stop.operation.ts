import type { INodeProperties } from 'n8n-workflow';

import { stopOperation } from '../../helpers/stop';
import { optionsCollection, taskIdProperty, userProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	taskIdProperty('a Completion Message → Send that is still streaming'),
	{
		...userProperty,
		description:
			'The User that sent the completion request. Dify ignores a stop from another user and still answers success.',
	},
	optionsCollection(),
];

export const operation = stopOperation((taskId) => `/completion-messages/${taskId}/stop`);
