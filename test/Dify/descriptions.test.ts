/**
 * The Dify node's IDs as a user meets them: each ID that goes into a path has one label wherever it
 * is offered, the one its error messages use (sort order and labels of every node: structure test).
 */
import type { INodeProperties } from 'n8n-workflow';

import { PATH_IDS } from '../../nodes/Dify/helpers/parameters';
import { Dify } from '../../nodes/Dify/Dify.node';

const { properties } = new Dify().description;

/** Every parameter, also those inside collections and fixed collections, with where it sits. */
function walk(list: INodeProperties[], where = 'Dify'): Array<[string, INodeProperties]> {
	const out: Array<[string, INodeProperties]> = [];
	for (const property of list) {
		const at = `${where} > ${property.displayName}`;
		out.push([at, property]);
		if (property.type === 'collection')
			out.push(...walk(property.options as INodeProperties[], at));
		if (property.type === 'fixedCollection')
			for (const group of property.options as Array<{ values?: INodeProperties[] }>)
				out.push(...walk(group.values ?? [], at));
	}
	return out;
}

const all = walk(properties);

test.each(Object.values(PATH_IDS))(
	'the ID $name is labelled "$label" wherever it is offered, as its errors name it',
	({ name, label }) => {
		const offered = all.filter(([, property]) => property.name === name);
		expect(offered.length).toBeGreaterThan(0);
		for (const [, property] of offered) expect(property.displayName).toBe(label);
	},
);
