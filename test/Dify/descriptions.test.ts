/**
 * The Dify node's parameters as a user meets them: every list of choices and every collection in
 * alphabetical order (n8n's lint cannot see items passed to a helper), and one label per parameter
 * name, the one its error messages use.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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
const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

test('every list of choices is in alphabetical order', () => {
	for (const [at, property] of all) {
		if (property.type !== 'options' || property.name === 'operation') continue;
		const names = (property.options as INodePropertyOptions[]).map((option) => option.name);
		expect({ at, names }).toEqual({ at, names: sorted(names) });
	}
});

test('every collection is in alphabetical order (Options: Concurrency and Timeout first)', () => {
	for (const [at, property] of all) {
		if (property.type !== 'collection') continue;
		let names = (property.options as INodeProperties[]).map((option) => option.displayName);
		if (property.name === 'options') {
			expect({ at, first: names.slice(0, 2) }).toEqual({ at, first: ['Concurrency', 'Timeout'] });
			names = names.slice(2);
		}
		expect({ at, names }).toEqual({ at, names: sorted(names) });
	}
});

test('a parameter name has one label everywhere', () => {
	const labels = new Map<string, Set<string>>();
	for (const [, property] of all) {
		if (property.name === 'operation') continue;
		const seen = labels.get(property.name) ?? new Set<string>();
		seen.add(property.displayName);
		labels.set(property.name, seen);
	}
	const several = [...labels].filter(([, seen]) => seen.size > 1);
	expect(several).toEqual([]);
});

test.each(Object.values(PATH_IDS))(
	'the ID $name is labelled "$label" wherever it is offered, as its errors name it',
	({ name, label }) => {
		const offered = all.filter(([, property]) => property.name === name);
		expect(offered.length).toBeGreaterThan(0);
		for (const [, property] of offered) expect(property.displayName).toBe(label);
	},
);
