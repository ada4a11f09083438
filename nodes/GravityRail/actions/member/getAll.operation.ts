import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalQueryParametersProperty } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { readAdditionalJson } from '../../../common/validate';
import { getList } from '../../helpers/list';
import { workspacePath } from '../../transport';

// The docs show GET /members (API keys guide) but not its paging or filters: helpers/list.ts
// says what is guessed.
export const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		...additionalQueryParametersProperty,
		placeholder: '{"search": "pat"}',
		description:
			'Query parameters to send as well, as a JSON object, merged last (they win over limit and offset). The node pages with limit and offset (members to skip): if your workspace filters or pages the list another way, set its parameters here, with Return All off for other paging.',
	},
];

interface Prepared {
	path: string;
	limit: number | undefined;
	extraQuery: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return {
			path: `${await workspacePath(this, i)}/members`,
			limit: readLimit(this, i),
			extraQuery: readAdditionalJson(this, i, 'additionalQueryParameters'),
		};
	},

	async execute(this: IExecuteFunctions, i, { path, limit, extraQuery }) {
		return await getList(this, i, { path, noun: 'members', limit, extraQuery });
	},
};
