import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { zaiaAgentProfile } from '../../transport';
import { generativeChatIdProperty, readZaiaId } from './shared';

export const properties: INodeProperties[] = [
	generativeChatIdProperty(
		'The chat to read (a number). After a Generative Chat → Create step, drag its ID (id) here; after a Generative Message → Send step, its externalGenerativeChatId.',
	),
];

interface Prepared {
	id: number;
}

/** GET /v1.1/api/external-generative-chat/retrieve?id=… (the ID goes in the query, not the path). */
export const operation: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const id = readZaiaId(
			this.getNode(),
			i,
			'Generative Chat ID',
			this.getNodeParameter('externalGenerativeChatId', i),
		);
		return { id };
	},

	async execute(this: IExecuteFunctions, i, { id }) {
		const response = await apiRequest<IDataObject>(this, zaiaAgentProfile, {
			method: 'GET',
			path: '/v1.1/api/external-generative-chat/retrieve',
			qs: { id },
			itemIndex: i,
		});
		return response.body;
	},
};
