/**
 * The node shape every action node keeps (CONTRIBUTING.md): the Resource and Operation options
 * (literal, for n8n's lint) name exactly the resources and operations the router has, each
 * options parameter's default is one of its options, the canvas subtitle shows the operation's
 * action text, and action nodes share one group. Nodes join by having `actions/router.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

const root = path.resolve(__dirname, '..');
const nodeFiles: string[] = require(path.join(root, 'package.json')).n8n.nodes.map((file: string) =>
	path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
);
function load(file: string): INodeType {
	const exports = require(file) as Record<string, new () => INodeType>;
	const NodeClass = Object.values(exports).find((value) => typeof value === 'function');
	if (!NodeClass) throw new Error(`${file} exports no node class`);
	return new NodeClass();
}

// A trigger beside an action node (Zaia Trigger) shares its folder, not its shape.
const routed = nodeFiles.filter(
	(file) =>
		fs.existsSync(path.join(path.dirname(file), 'actions', 'router.ts')) &&
		!(load(file).description.group as string[]).includes('trigger'),
);

/** resource → operation values, as the editor offers them. */
function offered(properties: INodeProperties[]): Record<string, string[]> {
	const resource = properties.find((p) => p.name === 'resource');
	const out: Record<string, string[]> = {};
	for (const option of (resource?.options ?? []) as INodePropertyOptions[]) {
		const selector = properties.find(
			(p) =>
				p.name === 'operation' &&
				(p.displayOptions?.show?.resource as string[] | undefined)?.includes(String(option.value)),
		);
		out[String(option.value)] = ((selector?.options ?? []) as INodePropertyOptions[]).map((o) =>
			String(o.value),
		);
	}
	return out;
}

test('at least one node is in the routed shape', () => {
	expect(routed.length).toBeGreaterThan(0);
});

describe.each(routed.map((file) => [path.relative(root, file), file]))('%s', (_name, file) => {
	const node = load(file);
	const { resources } = require(path.join(path.dirname(file), 'actions', 'router.ts')) as {
		resources: Record<string, { operations: Record<string, unknown> }>;
	};
	const description = node.description;

	test('every offered operation has an implementation, and every implementation is offered', () => {
		const implemented = Object.fromEntries(
			Object.entries(resources).map(([resource, { operations }]) => [
				resource,
				Object.keys(operations).sort(),
			]),
		);
		const options = Object.fromEntries(
			Object.entries(offered(description.properties)).map(([r, ops]) => [r, [...ops].sort()]),
		);
		expect(options).toEqual(implemented);
	});

	test('every options parameter defaults to one of its options, and options are unique', () => {
		const walk = (properties: INodeProperties[], where: string) => {
			for (const property of properties) {
				const at = `${where} > ${property.displayName}`;
				if (property.type === 'options' || property.type === 'multiOptions') {
					const values = ((property.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
					expect({ at, unique: new Set(values).size }).toEqual({ at, unique: values.length });
					if (property.typeOptions?.loadOptionsMethod) continue;
					const defaults = property.type === 'options' ? [property.default] : property.default;
					for (const value of defaults as unknown[]) {
						if (typeof value === 'string' && value.startsWith('=')) continue;
						expect({ at, default: value, isOption: values.includes(value as never) }).toEqual({
							at,
							default: value,
							isOption: true,
						});
					}
				}
				const nested = (property.options ?? []) as Array<
					INodeProperties | { values?: INodeProperties[] }
				>;
				if (property.type === 'collection') walk(nested as INodeProperties[], at);
				if (property.type === 'fixedCollection')
					for (const group of nested as Array<{ values?: INodeProperties[] }>)
						walk(group.values ?? [], at);
			}
		};
		walk(description.properties, description.displayName);
	});

	test('the canvas subtitle shows the chosen operation by its action text', () => {
		for (const [resource, ops] of Object.entries(offered(description.properties))) {
			const selector = description.properties.find(
				(p) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
			)!;
			for (const operation of ops) {
				const option = (selector.options as INodePropertyOptions[]).find(
					(o) => o.value === operation,
				)!;
				const subtitle = Expression.resolveWithoutWorkflow(
					String(description.subtitle).replace(/^=/, ''),
					{
						$parameter: { resource, operation },
					},
				);
				expect(subtitle).toBe(option.action ?? option.name);
			}
		}
	});

	test('is an action node in the transform group, usable as a tool', () => {
		expect(description.group).toEqual(['transform']);
		expect(description.usableAsTool).toBe(true);
	});
});

/** Every parameter of a node, also those inside collections and fixed collections, with where it sits. */
function everyParameter(list: INodeProperties[], where: string): Array<[string, INodeProperties]> {
	const out: Array<[string, INodeProperties]> = [];
	for (const property of list) {
		const at = `${where} > ${property.displayName}`;
		out.push([at, property]);
		if (property.type === 'collection')
			out.push(...everyParameter(property.options as INodeProperties[], at));
		if (property.type === 'fixedCollection')
			for (const group of property.options as Array<{ values?: INodeProperties[] }>)
				out.push(...everyParameter(group.values ?? [], at));
	}
	return out;
}

const alphabetical = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

// What n8n's lint checks in literal option lists, for every list (also those a helper builds,
// which the lint cannot see): alphabetical choices and collections, one label per parameter name.
describe.each(nodeFiles.map((file) => [path.relative(root, file), file]))(
	'%s: parameters as a user meets them',
	(_name, file) => {
		const description = load(file).description;
		const all = everyParameter(description.properties, description.displayName);

		test('every list of choices is in alphabetical order', () => {
			for (const [at, property] of all) {
				if (property.type !== 'options' && property.type !== 'multiOptions') continue;
				const names = ((property.options ?? []) as INodePropertyOptions[]).map((o) => o.name);
				expect({ at, names }).toEqual({ at, names: alphabetical(names) });
			}
		});

		test('every collection is in alphabetical order (Options: Concurrency and Timeout first)', () => {
			for (const [at, property] of all) {
				if (property.type !== 'collection') continue;
				let names = (property.options as INodeProperties[]).map((option) => option.displayName);
				if (property.name === 'options' && names[0] === 'Concurrency') {
					expect({ at, first: names.slice(0, 2) }).toEqual({
						at,
						first: ['Concurrency', 'Timeout'],
					});
					names = names.slice(2);
				}
				expect({ at, names }).toEqual({ at, names: alphabetical(names) });
			}
		});

		test('every collection starts empty, offers only optional fields and says "Add …"', () => {
			for (const [at, property] of all) {
				if (property.type !== 'collection') continue;
				const required = (property.options as INodeProperties[])
					.filter((option) => option.required)
					.map((option) => option.displayName);
				expect({ at, default: property.default, required }).toEqual({
					at,
					default: {},
					required: [],
				});
				expect({ at, placeholder: property.placeholder }).toEqual({
					at,
					placeholder: expect.stringMatching(/^Add [A-Za-z]/),
				});
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
			expect([...labels].filter(([, seen]) => seen.size > 1)).toEqual([]);
		});
	},
);
