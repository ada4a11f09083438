/** A knowledge base's own fields, for Knowledge Base → Create (Additional Fields) and Update (Update Fields). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid, optionalText, requireString } from '../../../common/validate';
import { documentSetting } from './documents';

export const MAX_NAME = 40;
const MAX_DESCRIPTION = 400;
const PERMISSIONS = ['only_me', 'all_team_members', 'partial_members'];

export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Product Documentation',
	description: 'The name of the knowledge base (at most 40 characters, unique in the workspace)',
};

const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	description: 'What the knowledge base holds (at most 400 characters)',
};

const permissionField: INodeProperties = {
	displayName: 'Permission',
	name: 'permission',
	type: 'options',
	options: [
		{ name: 'All Team Members', value: 'all_team_members' },
		{ name: 'Only Me', value: 'only_me' },
		{
			name: 'Partial Members',
			value: 'partial_members',
			description: 'Members listed in partial_member_list (Extra Body Fields (JSON))',
		},
	],
	default: 'only_me',
	description: 'Who in the workspace can use the knowledge base',
};

const indexingField: INodeProperties = {
	...documentSetting('indexingTechnique'),
	description: 'How the knowledge base is indexed. Without it, the first document added decides.',
};

/** The fields, alphabetical (Name only where it is not a parameter of its own). */
export function knowledgeBaseFields(withName: boolean): INodeProperties[] {
	const fields = [
		descriptionField,
		documentSetting('embeddingModel'),
		documentSetting('embeddingModelProvider'),
		indexingField,
		permissionField,
	];
	if (withName) fields.splice(4, 0, { ...nameProperty, required: false });
	return fields;
}

/** Dify's body fields from a collection of these fields. Checked, no request. */
export function readKnowledgeBaseFields(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
): IDataObject {
	const node = ctx.getNode();
	const body: IDataObject = {};
	if (fields.name !== undefined)
		body.name = requireString(node, i, 'Name', String(fields.name).trim(), {
			min: 1,
			max: MAX_NAME,
		});
	if (fields.description !== undefined)
		body.description = requireString(node, i, 'Description', fields.description, {
			min: 0,
			max: MAX_DESCRIPTION,
		});
	const technique = optionalText(fields.indexingTechnique);
	if (technique !== undefined) {
		if (technique !== 'high_quality' && technique !== 'economy')
			throw invalid(
				node,
				i,
				'Indexing Technique',
				`must be high_quality or economy, got "${technique}"`,
			);
		body.indexing_technique = technique;
	}
	const permission = optionalText(fields.permission);
	if (permission !== undefined) {
		if (!PERMISSIONS.includes(permission))
			throw invalid(
				node,
				i,
				'Permission',
				`must be one of ${PERMISSIONS.join(', ')}, got "${permission}"`,
			);
		body.permission = permission;
	}
	const model = optionalText(fields.embeddingModel);
	if (model) body.embedding_model = model;
	const provider = optionalText(fields.embeddingModelProvider);
	if (provider) body.embedding_model_provider = provider;
	return body;
}
