import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { optionalText, requireString, requireUuid } from '../../../common/validate';
import type { FileTarget } from '../../helpers/binary';
import {
	binaryFile,
	extensionOf,
	fileOptions,
	mimeTypeOf,
	outputBinaryProperty,
	readBoundedBody,
	readFileTarget,
} from '../../helpers/binary';
import { readUser } from '../../helpers/parameters';
import { difyProfile } from '../../transport';
import { messageIdProperty, optionsCollection, userProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: "A Message's Answer",
				value: 'message',
				description: 'Speak the answer of an earlier chat message',
			},
			{ name: 'Text', value: 'text', description: 'Speak the text below' },
		],
		default: 'text',
		description: 'What to speak',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'Hello, welcome to our service.',
		description: 'The text to speak. After a Chat Message → Send step, drag its answer here.',
		displayOptions: { show: { source: ['text'] } },
	},
	{ ...messageIdProperty, displayOptions: { show: { source: ['message'] } } },
	userProperty,
	additionalFieldsCollection([
		{
			displayName: 'Voice',
			name: 'voice',
			type: 'string',
			default: '',
			placeholder: 'alloy',
			description:
				"One of the voices of the app's text-to-speech provider. Leave empty for the app's own (App → Get Parameters shows it in text_to_speech.voice).",
		},
	]),
	outputBinaryProperty,
	optionsCollection(fileOptions),
];

interface Prepared {
	body: IDataObject;
	target: FileTarget;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const user = readUser(this, i);
		const source = this.getNodeParameter('source', i, 'text');
		const body: IDataObject =
			source === 'message'
				? {
						message_id: requireUuid(
							node,
							i,
							'Message ID',
							this.getNodeParameter('messageId', i, ''),
						),
					}
				: { text: requireString(node, i, 'Text', this.getNodeParameter('text', i, '')) };
		body.user = user;
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const voice = optionalText(additional.voice);
		if (voice) body.voice = voice;
		return { body, target: readFileTarget(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { body, target }) {
		// Dify answers the audio itself, in chunks when its TTS provider streams (audio/mpeg)
		const response = await apiRequest<AsyncIterable<Buffer>>(this, difyProfile, {
			method: 'POST',
			path: '/text-to-audio',
			body: JSON.stringify(body),
			headers: { 'Content-Type': 'application/json', Accept: 'audio/*' },
			encoding: 'stream',
			itemIndex: i,
		});
		const mimeType = mimeTypeOf(response.headers['content-type']);
		const data = await readBoundedBody(this, i, response.body, target.maxBytes, 'The audio');
		if (mimeType === 'application/json') {
			// not audio: what Dify said instead (no documented 200 answer looks like this)
			let said: JsonObject = {};
			try {
				said = JSON.parse(data.toString('utf8')) as JsonObject;
			} catch {
				said = {};
			}
			throw new NodeApiError(this.getNode(), said, {
				message: 'Dify answered with JSON instead of audio',
				description: typeof said.message === 'string' ? said.message : undefined,
				itemIndex: i,
			});
		}
		const extension = extensionOf(mimeType);
		const file = await binaryFile(
			this,
			data,
			mimeType,
			target.fileName ?? (extension ? `speech.${extension}` : 'speech'),
		);
		return { json: file.json, binary: { [target.property]: file.binary } };
	},
};
