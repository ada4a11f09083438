import type { INodeProperties } from 'n8n-workflow';

import { stopOperation } from '../../helpers/stop';
import { optionsCollection, taskIdProperty, userProperty } from '../common.descriptions';
import { forOperation } from '../node.type';

export const description: INodeProperties[] = forOperation('workflow', 'stop', [
	taskIdProperty('a Workflow → Run that is still streaming'),
	{
		...userProperty,
		description:
			'Your identifier for the end user. For workflow tasks Dify stops the task whichever user asks.',
	},
	optionsCollection(),
]);

export const stop = stopOperation((taskId) => `/workflows/tasks/${taskId}/stop`);
