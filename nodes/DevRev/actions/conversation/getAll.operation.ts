import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readEpochMs } from '../../../common/datetime';
import { additionalQueryParametersProperty, filtersCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { readLimit, returnAllProperties } from '../../../common/paging';
import { compact, optionalText, parseList, readAdditionalJson } from '../../../common/validate';
import { CONVERSATION_PAGE_SIZE } from '../../helpers/limits';
import { collectCursorPages } from '../../helpers/paging';

/** sla-summary-stage (public OpenAPI). */
const SLA_STAGES = ['breached', 'completed', 'paused', 'running', 'warning'] as const;

function listFilter(displayName: string, name: string, placeholder: string, description: string) {
	return { displayName, name, type: 'string', default: '', placeholder, description } as const;
}

function flagFilter(displayName: string, name: string, description: string) {
	return { displayName, name, type: 'boolean', default: false, description } as const;
}

export const properties: INodeProperties[] = [
	...returnAllProperties(),
	filtersCollection([
		listFilter(
			'Applies To Part IDs',
			'appliesToParts',
			'PROD-12',
			'Only conversations about one of these parts: part IDs, comma-separated or an array',
		),
		listFilter(
			'Group IDs',
			'groups',
			'don:identity:dvrv-us-1:devo/0:group/1',
			'Only conversations of one of these groups: group IDs, comma-separated or an array',
		),
		flagFilter(
			'Is Creator Verified',
			'isCreatorVerified',
			'Whether to list only conversations created by verified users (on) or only the others (off)',
		),
		flagFilter(
			'Is Frozen',
			'isFrozen',
			'Whether to list only frozen conversations (on) or only the others (off)',
		),
		flagFilter(
			'Is Spam',
			'isSpam',
			'Whether to list only spam conversations (on) or only the others (off)',
		),
		listFilter(
			'Members',
			'members',
			'DEVU-12',
			'Only conversations in which one of these users takes part: user IDs, comma-separated or an array',
		),
		{
			displayName: 'Modified After',
			name: 'modifiedAfter',
			type: 'dateTime',
			default: '',
			description:
				"Only conversations modified at or after this time (in the workflow's time zone)",
		},
		{
			displayName: 'Modified Before',
			name: 'modifiedBefore',
			type: 'dateTime',
			default: '',
			description:
				"Only conversations modified at or before this time (in the workflow's time zone)",
		},
		listFilter(
			'Owned By',
			'ownedBy',
			'DEVU-12',
			'Only conversations owned by one of these users: user IDs, comma-separated or an array',
		),
		listFilter(
			'Rev Organization IDs',
			'revOrgs',
			'REV-AbCdEfGh',
			'Only conversations of one of these customer organizations: IDs, comma-separated or an array',
		),
		{
			displayName: 'SLA Stages',
			name: 'slaStages',
			type: 'multiOptions',
			options: [
				{ name: 'Breached', value: 'breached' },
				{ name: 'Completed', value: 'completed' },
				{ name: 'Paused', value: 'paused' },
				{ name: 'Running', value: 'running' },
				{ name: 'Warning', value: 'warning' },
			],
			default: [],
			description: 'Only conversations whose SLA is in one of these stages',
		},
		listFilter(
			'Source Channels',
			'sourceChannels',
			'email',
			'Only conversations from one of these source channels, comma-separated or an array',
		),
		listFilter(
			'Stage',
			'stage',
			'new, waiting_on_user',
			'Only conversations in one of these stages: stage names, comma-separated or an array',
		),
		listFilter(
			'State',
			'state',
			'open',
			'Only conversations in one of these states, comma-separated or an array',
		),
		{
			displayName: 'Tag ID',
			name: 'tagId',
			type: 'string',
			default: '',
			placeholder: 'TAG-12',
			description: 'Only conversations with this tag',
		},
		{
			displayName: 'Tag Value',
			name: 'tagValue',
			type: 'string',
			default: '',
			description: 'With Tag ID: only conversations whose tag has this value',
		},
	]),
	{
		...additionalQueryParametersProperty,
		placeholder: '{"limit": 100}',
		description:
			'Query parameters to send as well, as a JSON object; they win over the fields above. The node reads 50 conversations a page, DevRev\'s default. If your DevRev allows larger pages, set one here, e.g. {"limit": 100}.',
	},
];

interface Prepared {
	qs: IDataObject;
	limit: number | undefined;
	extra: IDataObject;
}

/** The Filters as DevRev's query (explode: false: lists comma-separated). */
function readFilters(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	const filters = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	const list = (label: string, value: unknown, each?: (entry: string) => string | undefined) => {
		const entries = parseList(node, i, label, value, { unique: true, each });
		return entries.length > 0 ? entries.join(',') : undefined;
	};
	const flag = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
	const date = (label: string, value: unknown) =>
		value === undefined || value === '' || value === null
			? undefined
			: new Date(readEpochMs(node, i, label, value, ctx.getTimezone())).toISOString();
	return compact({
		applies_to_parts: list('Applies To Part IDs', filters.appliesToParts),
		group: list('Group IDs', filters.groups),
		is_creator_verified: flag(filters.isCreatorVerified),
		is_frozen: flag(filters.isFrozen),
		is_spam: flag(filters.isSpam),
		members: list('Members', filters.members),
		'modified_date.after': date('Modified After', filters.modifiedAfter),
		'modified_date.before': date('Modified Before', filters.modifiedBefore),
		owned_by: list('Owned By', filters.ownedBy),
		rev_orgs: list('Rev Organization IDs', filters.revOrgs),
		'sla_summary.stage': list('SLA Stages', filters.slaStages, (entry) =>
			(SLA_STAGES as readonly string[]).includes(entry)
				? undefined
				: `is not one of ${SLA_STAGES.join(', ')}`,
		),
		source_channel: list('Source Channels', filters.sourceChannels),
		'stage.name': list('Stage', filters.stage),
		state: list('State', filters.state),
		'tags_v2.id': optionalText(filters.tagId),
		'tags_v2.value': optionalText(filters.tagValue),
	});
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return {
			qs: readFilters(this, i),
			limit: readLimit(this, i),
			extra: readAdditionalJson(this, i, 'additionalQueryParameters'),
		};
	},

	async execute(this: IExecuteFunctions, i, { qs, limit, extra }) {
		return await collectCursorPages(this, i, {
			path: '/conversations.list',
			listKey: 'conversations',
			qs,
			extra,
			limit,
			pageSize: CONVERSATION_PAGE_SIZE,
		});
	},
};
