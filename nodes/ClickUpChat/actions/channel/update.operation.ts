import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateFieldsCollection } from '../../../common/descriptions';
import { compact, invalid, requireString } from '../../../common/validate';
import { readChannelId } from '../../helpers/parameters';
import {
	channelIdProperty,
	contentFormatOptions,
	locationIdProperty,
	locationTypeOptions,
	visibilityProperty,
	updateExtraBodyProperty,
	workspaceIdProperty,
} from '../common.descriptions';
import { channelData, chatWriteOperation, updateBody } from '../common.operations';

export const properties: INodeProperties[] = [
	workspaceIdProperty,
	channelIdProperty,
	updateFieldsCollection(
		[
			{
				displayName: 'Content Format',
				name: 'contentFormat',
				type: 'options',
				options: contentFormatOptions,
				default: 'text/md',
				description: 'Whether ClickUp reads the new description as Markdown or as plain text',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'The new description of the channel; leave it empty to remove the description',
			},
			{
				...locationIdProperty,
				description:
					'The ID of the Space, Folder or List to move the channel to (Location Type says which). It is the number in the address of the location in ClickUp.',
			},
			{
				displayName: 'Location Type',
				name: 'locationType',
				type: 'options',
				options: locationTypeOptions,
				default: 'space',
				description:
					'Whether Location ID is a Space, a Folder or a List. Without it, Location ID is a Space.',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'The new name of the channel',
			},
			{
				displayName: 'Topic',
				name: 'topic',
				type: 'string',
				default: '',
				description: 'The new topic of the channel; leave it empty to remove the topic',
			},
			{ ...visibilityProperty, description: 'Who can see the channel from now on' },
		],
		'What to change. Fields left out stay as they are.',
	),
	updateExtraBodyProperty,
];

function readBody(ctx: IExecuteFunctions, i: number): { segments: string[]; body: IDataObject } {
	const node = ctx.getNode();
	const channelId = readChannelId(ctx, i);
	const fields = ctx.getNodeParameter('updateFields', i, {}) as IDataObject;
	// a name cannot be blank; a description or topic may be emptied
	const text = (field: string, name: string, min: number) =>
		fields[name] === undefined ? undefined : requireString(node, i, field, fields[name], { min });
	let location: IDataObject | undefined;
	if (fields.locationId !== undefined || fields.locationType !== undefined) {
		if (fields.locationId === undefined)
			throw invalid(
				node,
				i,
				'Location ID',
				'is needed to move the channel',
				'Add the ID of the Space, Folder or List under Update Fields, or remove Location Type.',
			);
		location = {
			id: requireString(node, i, 'Location ID', fields.locationId).trim(),
			type: (fields.locationType as string) ?? 'space',
		};
	}
	const changes = compact({
		content_format: (fields.contentFormat as string) || undefined,
		description: text('Description', 'description', 0),
		location,
		name: text('Name', 'name', 1),
		topic: text('Topic', 'topic', 0),
		visibility: (fields.visibility as string) || undefined,
	});
	const body = updateBody(
		ctx,
		i,
		changes,
		'Pick Name, Description, Topic, Visibility or a location under Update Fields.',
	);
	return { segments: ['channels', channelId], body };
}

export const operation = chatWriteOperation('PATCH', readBody, channelData);
