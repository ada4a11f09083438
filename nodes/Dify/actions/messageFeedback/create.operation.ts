import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { invalid, optionalText } from '../../../common/validate';
import { PATH_IDS, readPathId, readUser } from '../../helpers/parameters';
import { difyPaths } from '../../helpers/paths';
import { difyProfile } from '../../transport';
import { messageIdProperty, optionsCollection, userProperty } from '../common.descriptions';

const RATINGS: Record<string, 'like' | 'dislike' | null> = {
	like: 'like',
	dislike: 'dislike',
	revoke: null,
};

export const properties: INodeProperties[] = [
	messageIdProperty,
	userProperty,
	{
		displayName: 'Rating',
		name: 'rating',
		type: 'options',
		options: [
			{ name: 'Dislike', value: 'dislike', description: 'A thumbs-down for the answer' },
			{ name: 'Like', value: 'like', description: 'A thumbs-up for the answer' },
			{
				name: 'Revoke',
				value: 'revoke',
				description: 'Remove the feedback given before (sent as rating null)',
			},
		],
		default: 'like',
	},
	additionalFieldsCollection([
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'This answer was very helpful!',
			description: 'A comment that says more than the rating',
		},
	]),
	optionsCollection(),
];

interface Prepared {
	messageId: string;
	body: IDataObject;
}

export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const messageId = readPathId(this, i, PATH_IDS.message);
		const user = readUser(this, i);
		const choice = String(this.getNodeParameter('rating', i, 'like'));
		if (!(choice in RATINGS))
			throw invalid(node, i, 'Rating', `must be like, dislike or revoke, got "${choice}"`);
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = { rating: RATINGS[choice], user };
		const content = optionalText(additional.content);
		if (content !== undefined) body.content = content;
		return { messageId, body };
	},

	async execute(this: IExecuteFunctions, i, { messageId, body }) {
		const response = await apiRequest<IDataObject>(this, difyProfile, {
			method: 'POST',
			path: difyPaths.messageFeedbacks(messageId),
			body,
			// the same rating sent twice leaves the same feedback
			idempotent: true,
			itemIndex: i,
		});
		return { ...response.body, message_id: messageId, rating: body.rating };
	},
};
