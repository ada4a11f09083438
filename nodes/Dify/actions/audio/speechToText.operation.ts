import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { readBinaryField } from '../../helpers/files';
import { multipartBody } from '../../helpers/multipart';
import { readUser } from '../../helpers/parameters';
import { difyProfile } from '../../transport';
import { optionsCollection, userProperty } from '../common.descriptions';

export const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: "The name of the input item's binary field that holds the file",
		description:
			'The audio to transcribe: MP3, M4A, WAV, AMR or MPGA, up to 30 MB. MP3 files labelled audio/mpeg (as most tools label them) are sent as audio/mp3, the type Dify accepts.',
	},
	userProperty,
	optionsCollection(),
];

/**
 * openapi_service.json: Dify accepts `audio/mp3`, `audio/m4a`, `audio/wav`, `audio/amr` and
 * `audio/mpga` and refuses every other type, "including the common `audio/mpeg`". The same
 * formats under their other common names are sent under the accepted one; anything else as it is
 * (Dify then answers `unsupported_audio_type`).
 */
const ACCEPTED_NAME: Record<string, string> = {
	'audio/mpeg': 'audio/mp3',
	'audio/mpeg3': 'audio/mp3',
	'audio/x-mpeg-3': 'audio/mp3',
	'audio/x-mp3': 'audio/mp3',
	'audio/wave': 'audio/wav',
	'audio/x-wav': 'audio/wav',
	'audio/vnd.wave': 'audio/wav',
	'audio/x-m4a': 'audio/m4a',
	'audio/mp4': 'audio/m4a',
	'audio/x-amr': 'audio/amr',
};

export function audioMimeType(mimeType: string): string {
	const bare = mimeType.split(';')[0].trim().toLowerCase();
	return ACCEPTED_NAME[bare] ?? bare;
}

interface Prepared {
	user: string;
	file: { property: string; fileName: string; mimeType: string };
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return {
			file: readBinaryField(
				this,
				i,
				'Input Binary Field',
				this.getNodeParameter('binaryPropertyName', i, 'data'),
			),
			user: readUser(this, i),
		};
	},

	async execute(this: IExecuteFunctions, i, { user, file }) {
		const data = await this.helpers.getBinaryDataBuffer(i, file.property);
		const { body, contentType } = multipartBody([
			{ field: 'file', fileName: file.fileName, mimeType: audioMimeType(file.mimeType), data },
			{ field: 'user', text: user },
		]);
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'POST',
			path: '/audio-to-text',
			body,
			headers: { 'Content-Type': contentType },
			itemIndex: i,
		});
		return response.body;
	},
};
