import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalQueryParametersProperty } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { readAdditionalJson } from '../../../common/validate';
import { getList } from '../../helpers/list';
import { workspacePath } from '../../transport';

// The docs name GET /chats but not its paging or filters: helpers/list.ts says what is guessed.
export const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		...additionalQueryParametersProperty,
		placeholder: '{"channel": "web-chat"}',
		description:
			'Query parameters to send as well, as a JSON object, merged last (they win over limit and offset). The node pages with limit and offset (chats to skip): if your workspace filters or pages the list another way, set its parameters here, with Return All off for other paging.',
	},
];

interface Prepared {
	path: string;
	limit: number | undefined;
	extraQuery: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const path = `${await workspacePath(this, i)}/chats`;
		const limit = readLimit(this, i);
		const extraQuery = readAdditionalJson(this, i, 'additionalQueryParameters');
		return { path, limit, extraQuery };
	},

	async execute(this: IExecuteFunctions, i, { path, limit, extraQuery }) {
		return await getList(this, i, { path, noun: 'chats', limit, extraQuery });
	},
};
