import { stopPaths } from '../../helpers/paths';
import { stopProperties } from '../common.descriptions';
import { stopOperation } from '../common.operations';

export const properties = stopProperties(
	'a Workflow → Run',
	'Your identifier for the end user. Dify stops a workflow task whichever user asks.',
);

export const operation = stopOperation(stopPaths.workflow);
