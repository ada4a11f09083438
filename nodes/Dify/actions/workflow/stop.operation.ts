import type { INodeProperties } from 'n8n-workflow';

import { stopOperation } from '../../helpers/stop';
import { optionsCollection, taskIdProperty, userProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	taskIdProperty('a Workflow → Run that is still streaming'),
	{
		...userProperty,
		description:
			'Your identifier for the end user. For workflow tasks Dify stops the task whichever user asks.',
	},
	optionsCollection(),
];

export const operation = stopOperation((taskId) => `/workflows/tasks/${taskId}/stop`);
