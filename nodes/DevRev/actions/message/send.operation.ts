import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	additionalFieldsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import {
	compact,
	invalid,
	parseList,
	readAdditionalJson,
	requireString,
} from '../../../common/validate';
import { MAX_COMMENT_ARTIFACTS } from '../../helpers/limits';
import { readTimelineObject } from '../../helpers/parameters';
import { VISIBILITIES, visibilityOptions } from '../../helpers/visibility';
import { devRevRequest } from '../../transport';
import { timelineParentProperties } from '../common.descriptions';

/** timeline-entries.create: an ephemeral entry must expire at least a minute from now. */
const MIN_EXPIRY_MS = 60_000;

export const properties: INodeProperties[] = [
	...timelineParentProperties(
		'Where to post the message: in a chat (such as a DM) or in a conversation',
	),
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'Hello from n8n',
		description: 'The message text',
	},
	additionalFieldsCollection([
		{
			displayName: 'Artifacts',
			name: 'artifacts',
			type: 'string',
			default: '',
			placeholder: 'ARTIFACT-12345',
			description:
				'IDs of uploaded DevRev artifacts (files) to attach, at most 50, comma-separated or an array',
		},
		{
			displayName: 'Expires At',
			name: 'expiresAt',
			type: 'string',
			default: '',
			placeholder: '2030-01-01T12:00:00Z',
			description:
				'Makes the message ephemeral: DevRev deletes it at this time. A date and time with its time zone (Z or +02:00), at least a minute from now.',
		},
		{
			displayName: 'Private To',
			name: 'privateTo',
			type: 'string',
			default: '',
			placeholder: 'DEVU-12',
			description:
				'With Visibility "Private": the users who can see the message besides you, comma-separated or an array',
		},
		{
			displayName: 'Visibility',
			name: 'visibility',
			type: 'options',
			options: visibilityOptions,
			default: 'external',
			description: 'Who can see the message. DevRev uses External when left out.',
		},
	]),
	{
		...additionalBodyFieldsProperty,
		description:
			'Fields to send in the request body as well, as a JSON object; they win over the fields above. The node sends Body as text (body_type "text"), which DevRev may show without Markdown formatting. To send another kind of body, set it here.',
	},
];

interface Prepared {
	body: IDataObject;
}

function readExpiry(ctx: IExecuteFunctions, i: number, value: unknown): string | undefined {
	if (value === undefined || value === '') return undefined;
	const node = ctx.getNode();
	const text = requireString(node, i, 'Expires At', value).trim();
	const at = Date.parse(text);
	if (Number.isNaN(at) || !/(Z|[+-]\d\d:?\d\d)$/i.test(text))
		throw invalid(
			node,
			i,
			'Expires At',
			`must be an ISO 8601 timestamp with a time zone like 2030-01-01T12:00:00Z, got ${JSON.stringify(text)}`,
		);
	if (at < Date.now() + MIN_EXPIRY_MS)
		throw invalid(node, i, 'Expires At', 'must be at least a minute from now');
	return new Date(at).toISOString();
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const object = readTimelineObject(this, i);
		const text = requireString(node, i, 'Body', this.getNodeParameter('body', i, ''));
		const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const artifacts = parseList(node, i, 'Artifacts', fields.artifacts, {
			max: MAX_COMMENT_ARTIFACTS,
			unique: true,
		});
		const privateTo = parseList(node, i, 'Private To', fields.privateTo, { unique: true });
		const visibility = fields.visibility as string | undefined;
		if (visibility !== undefined && !(VISIBILITIES as readonly string[]).includes(visibility))
			throw invalid(
				node,
				i,
				'Visibility',
				`must be one of ${VISIBILITIES.join(', ')}, got ${JSON.stringify(visibility)}`,
			);
		if (privateTo.length > 0 && visibility !== 'private')
			throw invalid(
				node,
				i,
				'Private To',
				'needs Visibility "Private"',
				'DevRev only keeps a message private to users when its visibility is private.',
			);
		const body = compact({
			type: 'timeline_comment',
			object,
			body: text,
			body_type: 'text',
			visibility,
			private_to: privateTo.length > 0 ? privateTo : undefined,
			artifacts: artifacts.length > 0 ? artifacts : undefined,
			expires_at: readExpiry(this, i, fields.expiresAt),
		});
		return { body: { ...body, ...readAdditionalJson(this, i, 'additionalBodyFields') } };
	},

	async execute(this: IExecuteFunctions, i, { body }) {
		return await devRevRequest(this, i, { method: 'POST', path: '/timeline-entries.create', body });
	},
};
