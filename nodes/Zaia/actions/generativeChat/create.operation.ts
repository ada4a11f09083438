import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	additionalBodyFieldsProperty,
	additionalFieldsCollection,
} from '../../../common/descriptions';
import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { optionalText, readAdditionalJson, requireString } from '../../../common/validate';
import { zaiaAgentProfile } from '../../transport';
import { agentIdProperty, readZaiaId } from './shared';

export const properties: INodeProperties[] = [
	agentIdProperty('The Zaia agent that answers in the new chat (its number)'),
	additionalFieldsCollection([
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			placeholder: 'order-4411',
			description:
				'Your own reference for the chat, e.g. a customer or ticket number. Generative Message → Send can then find the chat by it.',
		},
	]),
	{
		...additionalBodyFieldsProperty,
		description:
			'More fields for the new chat, as a JSON object, for fields this node does not offer. They are merged last.',
	},
];

interface Prepared {
	body: IDataObject;
}

/**
 * POST /v1.1/api/external-generative-chat/create with `{ agentId, externalId }` (the reference's
 * example body; which fields it requires and what it answers are not shown: the node requires the
 * agent, as every other agent call does, and outputs the answer as it comes).
 */
export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const agentId = readZaiaId(node, i, 'Agent ID', this.getNodeParameter('agentId', i));
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = { agentId };
		if (optionalText(extra.externalId) !== undefined)
			body.externalId = requireString(node, i, 'External ID', extra.externalId).trim();
		return { body: { ...body, ...readAdditionalJson(this, i, 'additionalBodyFields') } };
	},

	async execute(this: IExecuteFunctions, i, { body }) {
		const response = await apiRequest<IDataObject>(this, zaiaAgentProfile, {
			method: 'POST',
			path: '/v1.1/api/external-generative-chat/create',
			body,
			itemIndex: i,
		});
		return response.body;
	},
};
