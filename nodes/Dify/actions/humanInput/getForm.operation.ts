import type { INodeProperties } from 'n8n-workflow';

import { PATH_IDS } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { formTokenProperty, optionsCollection } from '../common.descriptions';
import { getByIdOperation } from '../common.operations';

export const properties: INodeProperties[] = [formTokenProperty, optionsCollection()];

export const operation = getByIdOperation(
	PATH_IDS.formToken,
	difyPaths.humanInputForm,
	(form, formToken) => ({ ...form, form_token: formToken }),
);
