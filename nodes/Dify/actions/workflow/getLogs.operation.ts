import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readLimit } from '../../../common/paging';
import { compact, invalid, optionalText } from '../../../common/validate';
import { listByPageNumber } from '../../helpers/lists';
import { listProperties } from '../common.descriptions';

const STATUSES = ['succeeded', 'failed', 'stopped'];

export const properties: INodeProperties[] = [
	...listProperties([
		{
			displayName: 'Created After',
			name: 'createdAtAfter',
			type: 'dateTime',
			default: '',
			description: 'Only runs created after this time',
		},
		{
			displayName: 'Created Before',
			name: 'createdAtBefore',
			type: 'dateTime',
			default: '',
			description: 'Only runs created before this time',
		},
		{
			displayName: 'Created By Account',
			name: 'createdByAccount',
			type: 'string',
			default: '',
			placeholder: 'name@example.com',
			description: 'Only runs started by this Dify account (its email), e.g. from the editor',
		},
		{
			displayName: 'Created By End User Session ID',
			name: 'createdByEndUserSessionId',
			type: 'string',
			default: '',
			placeholder: 'customer-4821',
			description: 'Only the runs of this end user (the User they were sent with)',
		},
		{
			displayName: 'Keyword',
			name: 'keyword',
			type: 'string',
			default: '',
			description: 'Only runs whose log contains this text',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Failed', value: 'failed' },
				{ name: 'Stopped', value: 'stopped' },
				{ name: 'Succeeded', value: 'succeeded' },
			],
			default: 'succeeded',
		},
	]),
];

interface Prepared {
	limit: number | undefined;
	qs: IDataObject;
}

/** An n8n date-time parameter as the ISO 8601 text Dify expects. */
function isoTime(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
): string | undefined {
	const text = optionalText(value);
	if (text === undefined) return undefined;
	const time = Date.parse(text);
	if (Number.isNaN(time))
		throw invalid(ctx.getNode(), i, field, `is not a date and time: "${text}"`);
	return new Date(time).toISOString();
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const limit = readLimit(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const status = optionalText(filters.status);
		if (status !== undefined && !STATUSES.includes(status)) {
			throw invalid(node, i, 'Status', `must be one of ${STATUSES.join(', ')}, got "${status}"`);
		}
		const qs = compact({
			keyword: optionalText(filters.keyword),
			status,
			created_at__before: isoTime(this, i, 'Created Before', filters.createdAtBefore),
			created_at__after: isoTime(this, i, 'Created After', filters.createdAtAfter),
			created_by_end_user_session_id: optionalText(filters.createdByEndUserSessionId),
			created_by_account: optionalText(filters.createdByAccount),
		});
		return { limit, qs };
	},

	async execute(this: IExecuteFunctions, i, { limit, qs }) {
		return await listByPageNumber(this, i, { path: '/workflows/logs', qs, limit, end: 'hasMore' });
	},
};
