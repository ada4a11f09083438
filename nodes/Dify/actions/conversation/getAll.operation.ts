import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit } from '../../../common/paging';
import { invalid } from '../../../common/validate';
import { listByCursor } from '../../helpers/lists';
import { readUser } from '../../helpers/parameters';
import { listProperties, userProperty } from '../common.descriptions';

const SORTS = ['-updated_at', 'updated_at', '-created_at', 'created_at'];

// `user` is optional in openapi_service.json (Dify then uses the shared DEFAULT-USER); the End
// User Identity guide says listing works on that user's conversations only, so the node asks for it.
export const properties: INodeProperties[] = [
	userProperty,
	...listProperties([
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			options: [
				{ name: 'Created, Newest First', value: '-created_at' },
				{ name: 'Created, Oldest First', value: 'created_at' },
				{ name: 'Last Active, Newest First', value: '-updated_at' },
				{ name: 'Last Active, Oldest First', value: 'updated_at' },
			],
			default: '-updated_at',
			description:
				'The order of the conversations. Without it, the most recently active come first.',
		},
	]),
];

interface Prepared {
	user: string;
	sortBy: string | undefined;
	limit: number | undefined;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const user = readUser(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const sortBy = filters.sortBy === undefined ? undefined : String(filters.sortBy);
		if (sortBy !== undefined && !SORTS.includes(sortBy))
			throw invalid(
				this.getNode(),
				i,
				'Sort By',
				`must be one of ${SORTS.join(', ')}, got "${sortBy}"`,
			);
		return { user, sortBy, limit: readLimit(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { user, sortBy, limit }) {
		return await listByCursor(this, i, {
			path: '/conversations',
			qs: { user, sort_by: sortBy },
			limit,
			cursor: 'last_id',
		});
	},
};
