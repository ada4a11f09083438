import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { invalid } from '../../../common/validate';
import { listAfterLastId } from '../../helpers/lists';
import { optionsCollection, userProperty } from '../common.descriptions';
import { readUser } from '../../helpers/parameters';

const SORTS = ['-updated_at', 'updated_at', '-created_at', 'created_at'];

// `user` is optional in openapi_service.json (Dify then uses the shared DEFAULT-USER); the End
// User Identity guide says listing works on that user's conversations only, so the node asks for it.
export const properties: INodeProperties[] = [
	userProperty,
	...returnAllProperties(),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Last Active, Newest First', value: '-updated_at' },
					{ name: 'Last Active, Oldest First', value: 'updated_at' },
					{ name: 'Created, Newest First', value: '-created_at' },
					{ name: 'Created, Oldest First', value: 'created_at' },
				],
				default: '-updated_at',
				description: "Order of the conversations (Dify's sort_by)",
			},
		],
	},
	optionsCollection(),
];

interface Prepared {
	user: string;
	sortBy: string | undefined;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const user = readUser(this, i);
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const sortBy = additional.sortBy === undefined ? undefined : String(additional.sortBy);
		if (sortBy !== undefined && !SORTS.includes(sortBy))
			throw invalid(node, i, 'Sort By', `must be one of ${SORTS.join(', ')}, got "${sortBy}"`);
		return { user, sortBy, limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { user, sortBy, limit }) {
		return await listAfterLastId(this, i, {
			path: '/conversations',
			qs: { user, sort_by: sortBy },
			limit,
		});
	},
};
