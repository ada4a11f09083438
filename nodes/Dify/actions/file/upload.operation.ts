import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { readBinaryField, uploadBinary } from '../../helpers/files';
import { optionsCollection, userProperty } from '../common.descriptions';
import { readUser } from '../../helpers/parameters';

// `user` is optional in openapi_service.json (the upload then belongs to the shared DEFAULT-USER);
// the End User Identity guide says only requests with the uploading user can reference the file,
// so the node asks for the User that will send it.
export const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: "The name of the input item's binary field that holds the file",
		description:
			'The file to upload. Dify accepts images (10 MB), audio (50 MB), video (100 MB) and other files (15 MB) by default.',
	},
	userProperty,
	optionsCollection(),
];

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
		return await uploadBinary(this, i, user, file);
	},
};
