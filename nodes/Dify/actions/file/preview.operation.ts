import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import type { FileTarget } from '../../helpers/binary';
import {
	binaryFile,
	extensionOf,
	fileNameOf,
	fileOptions,
	mimeTypeOf,
	outputBinaryProperty,
	readBoundedBody,
	readFileTarget,
} from '../../helpers/binary';
import { PATH_IDS, readPathId } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { difyProfile } from '../../transport';
import { optionsCollection } from '../common.descriptions';

export const properties: INodeProperties[] = [
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '72fa9618-8f89-4a37-9b33-7e1178a24a67',
		description:
			'After a File → Upload step, drag its ID here, once a message has been sent with the file (or the ID of a file in a message\'s "message_files")',
	},
	outputBinaryProperty,
	optionsCollection(fileOptions),
];

interface Prepared {
	fileId: string;
	target: FileTarget;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		return { fileId: readPathId(this, i, PATH_IDS.file), target: readFileTarget(this, i) };
	},

	async execute(this: IExecuteFunctions, i, { fileId, target }) {
		// `as_attachment` only adds Content-Disposition, which carries the file's name. `user` is
		// left out: the reference says it has no effect on access to files.
		const response = await apiRequest<AsyncIterable<Buffer>>(this, difyProfile, {
			method: 'GET',
			path: difyPaths.filePreview(fileId),
			qs: { as_attachment: true },
			headers: { Accept: '*/*' },
			encoding: 'stream',
			itemIndex: i,
		});
		const mimeType = mimeTypeOf(response.headers['content-type']);
		const data = await readBoundedBody(this, i, response.body, target.maxBytes, 'The file');
		const extension = extensionOf(mimeType);
		const name =
			target.fileName ??
			fileNameOf(response.headers['content-disposition']) ??
			(extension ? `${fileId}.${extension}` : fileId);
		const file = await binaryFile(this, data, mimeType, name);
		return { json: { id: fileId, ...file.json }, binary: { [target.property]: file.binary } };
	},
};
