import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalBodyFieldsProperty, updateFieldsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { compact, invalid, parseList, readAdditionalJson } from '../../../common/validate';
import { MAX_UPDATE_ARTIFACTS_CHANGE, MAX_UPDATE_ARTIFACTS_SET } from '../../helpers/limits';
import { readId, requireChanges } from '../../helpers/parameters';
import { devRevRequest } from '../../transport';
import { messageIdProperty } from '../common.descriptions';

function artifactOption(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder: 'ARTIFACT-12345',
		description,
	};
}

export const properties: INodeProperties[] = [
	messageIdProperty,
	updateFieldsCollection(
		[
			artifactOption(
				'Add Artifacts',
				'addArtifacts',
				'IDs of uploaded artifacts (files) to attach as well, at most 10, comma-separated or an array',
			),
			artifactOption(
				'Artifacts',
				'artifacts',
				'Replaces the attached artifacts (files): at most 50 IDs, comma-separated or an array. Left empty, every attachment is removed.',
			),
			{
				displayName: 'Body',
				name: 'body',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'The new message text. It replaces the old text.',
			},
			artifactOption(
				'Remove Artifacts',
				'removeArtifacts',
				'IDs of attached artifacts to take off, at most 10, comma-separated or an array',
			),
		],
		'What to change. Fields left out stay as they are.',
	),
	{
		...additionalBodyFieldsProperty,
		description:
			'Fields to send in the request body as well, as a JSON object; they win over the fields above. The node sends Body as text (body_type "text"). To send another kind of body, set it here.',
	},
];

/** The artifacts change: `set`, or `add` / `remove` (the docs make `set` exclusive of the other two). */
function readArtifacts(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
): IDataObject | undefined {
	const node = ctx.getNode();
	const set =
		fields.artifacts === undefined
			? undefined
			: parseList(node, i, 'Artifacts', fields.artifacts, {
					max: MAX_UPDATE_ARTIFACTS_SET,
					unique: true,
				});
	const change = (label: string, value: unknown) => {
		const list = parseList(node, i, label, value, {
			max: MAX_UPDATE_ARTIFACTS_CHANGE,
			unique: true,
		});
		return list.length > 0 ? list : undefined;
	};
	const add = change('Add Artifacts', fields.addArtifacts);
	const remove = change('Remove Artifacts', fields.removeArtifacts);
	if (set !== undefined && (add || remove))
		throw invalid(
			node,
			i,
			'Artifacts',
			'cannot be combined with Add Artifacts or Remove Artifacts',
			'Artifacts replaces every attachment; Add Artifacts and Remove Artifacts change some of them. Use one or the other.',
		);
	const artifacts = compact({ set, add, remove });
	return Object.keys(artifacts).length > 0 ? artifacts : undefined;
}

export const operation: ItemOperation<{ body: IDataObject }> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const id = readId(this, i, 'messageId');
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const text =
			typeof fields.body === 'string' && fields.body.trim() !== '' ? fields.body : undefined;
		const changes = {
			...compact({
				body: text,
				body_type: text === undefined ? undefined : 'text',
				artifacts: readArtifacts(this, i, fields),
			}),
			...readAdditionalJson(this, i, 'additionalBodyFields'),
		};
		requireChanges(
			node,
			i,
			changes,
			'Pick Body or an artifacts field under Update Fields, or give Extra Body Fields (JSON).',
		);
		return { body: { id, type: 'timeline_comment', ...changes } };
	},

	async execute(this: IExecuteFunctions, i, { body }) {
		return await devRevRequest(this, i, {
			method: 'POST',
			path: '/timeline-entries.update',
			body,
		});
	},
};
