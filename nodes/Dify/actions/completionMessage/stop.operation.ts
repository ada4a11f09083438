import type { INodeProperties } from 'n8n-workflow';

import { stopOperation } from '../../helpers/stop';
import { optionsCollection, taskIdProperty, userProperty } from '../common.descriptions';
import { forOperation } from '../node.type';

export const description: INodeProperties[] = forOperation('completionMessage', 'stop', [
	taskIdProperty('a Completion Message → Send that is still streaming'),
	{
		...userProperty,
		description:
			'The User that sent the completion request. Dify ignores a stop from another user and still answers success.',
	},
	optionsCollection(),
]);

export const stop = stopOperation((taskId) => `/completion-messages/${taskId}/stop`);
