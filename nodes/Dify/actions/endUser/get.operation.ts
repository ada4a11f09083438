import type { INodeProperties } from 'n8n-workflow';

import { PATH_IDS } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { optionsCollection } from '../common.descriptions';
import { getByIdOperation } from '../common.operations';

export const properties: INodeProperties[] = [
	{
		displayName: 'End User ID',
		name: 'endUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'f1e2d3c4-b5a6-7890-abcd-ef1234567890',
		description:
			'The ID Dify gave the end user, for example the "created_by" of a File → Upload step (not the User value itself)',
	},
	optionsCollection(),
];

export const operation = getByIdOperation(PATH_IDS.endUser, difyPaths.endUser);
