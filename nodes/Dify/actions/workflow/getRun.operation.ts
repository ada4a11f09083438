import type { INodeProperties } from 'n8n-workflow';

import { PATH_IDS } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { optionsCollection, workflowRunIdProperty } from '../common.descriptions';
import { getByIdOperation } from '../common.operations';

export const properties: INodeProperties[] = [workflowRunIdProperty, optionsCollection()];

export const operation = getByIdOperation(PATH_IDS.workflowRun, difyPaths.workflowRun);
