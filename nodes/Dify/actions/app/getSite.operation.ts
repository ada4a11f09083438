import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../common.descriptions';
import { getOperation } from '../common.operations';

export const properties: INodeProperties[] = [optionsCollection()];

export const operation = getOperation('/site');
