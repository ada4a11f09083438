import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { invalid, requireString } from '../../../common/validate';
import type { FileSpec } from '../../helpers/files';
import { fileReferences, readFiles } from '../../helpers/files';
import { readInputs } from '../../helpers/inputs';
import type { ReplyOptions } from '../../helpers/reply';
import { simplifiedReply } from '../../helpers/outputs';
import { readReplyOptions, runStreamedCall } from '../../helpers/reply';
import {
	filesField,
	inputsProperties,
	optionsCollection,
	simplifyProperties,
	streamedReplyOptions,
	userProperty,
} from '../common.descriptions';
import { forOperation } from '../node.type';

export const description: INodeProperties[] = forOperation('completionMessage', 'send', [
	userProperty,
	...inputsProperties,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			filesField,
			{
				displayName: 'Query',
				name: 'query',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description:
					"The text to process, for older Text Generator apps. Newer apps take it as one of the Inputs (the app's variable, often named query).",
			},
			{
				displayName: 'Response Mode',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Streaming',
						value: 'streaming',
						description: 'Not cut off on long texts; the stream is aggregated into one item',
					},
					{
						name: 'Blocking',
						value: 'blocking',
						description: 'One JSON answer; Dify Cloud cuts it after 100 s',
					},
				],
				default: 'streaming',
			},
		],
	},
	...simplifyProperties,
	optionsCollection(streamedReplyOptions),
]);

interface Prepared {
	body: IDataObject;
	user: string;
	files: FileSpec[];
	options: ReplyOptions;
	simplify: boolean;
}

export const send: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const user = requireString(node, i, 'User', this.getNodeParameter('user', i, '')).trim();
		const inputs = readInputs(this, i);
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const responseMode = String(additional.responseMode ?? 'streaming');
		if (responseMode !== 'streaming' && responseMode !== 'blocking') {
			throw invalid(
				node,
				i,
				'Response Mode',
				`must be streaming or blocking, got "${responseMode}"`,
			);
		}
		const body: IDataObject = { inputs, user, response_mode: responseMode };
		if (typeof additional.query === 'string' && additional.query !== '')
			body.query = additional.query;
		const fileRows = ((additional.files as IDataObject | undefined)?.file ?? []) as IDataObject[];
		return {
			body,
			user,
			files: readFiles(this, i, fileRows),
			options: readReplyOptions(this, i),
			simplify: this.getNodeParameter('simplify', i, false) === true,
		};
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		const { user, files } = prepared;
		const body: IDataObject = { ...prepared.body };
		if (files.length > 0) body.files = await fileReferences(this, i, user, files);
		const result = await runStreamedCall(this, i, {
			path: '/completion-messages',
			body,
			user,
			stopPath: (taskId) => `/completion-messages/${encodeURIComponent(taskId)}/stop`,
			mode: 'completion',
			// Text Generator replies have no workflow run, so a broken stream cannot be resumed.
			shape: prepared.simplify ? simplifiedReply : undefined,
			options: { ...prepared.options, resumeAttempts: 0 },
		});
		return prepared.simplify ? simplifiedReply(result) : (result as unknown as IDataObject);
	},
};
