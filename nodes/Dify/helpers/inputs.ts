import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid, parseJsonObject } from '../../common/validate';

/**
 * The app's input variables of an item, from the Inputs rows or the Inputs (JSON) field
 * (see `inputsProperties` in actions/common.descriptions.ts). Checked, no request.
 */
export function readInputs(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	const format = ctx.getNodeParameter('inputsFormat', i, 'pairs') as string;
	if (format === 'json') {
		return parseJsonObject(node, i, 'Inputs (JSON)', ctx.getNodeParameter('inputsJson', i, '{}'));
	}
	const rows = ((ctx.getNodeParameter('inputs', i, {}) as IDataObject).values ??
		[]) as IDataObject[];
	const inputs: IDataObject = {};
	for (const row of rows) {
		const name = typeof row.name === 'string' ? row.name.trim() : '';
		if (!name) {
			if (row.value === undefined || row.value === '') continue;
			throw invalid(
				node,
				i,
				'Inputs',
				"every row with a value needs a Name (the app's variable name)",
			);
		}
		// `in` would also see what every object inherits (constructor, toString, ...): own keys only
		if (Object.hasOwn(inputs, name))
			throw invalid(node, i, 'Inputs', `"${name}" is given more than once`);
		// defined, not assigned: `__proto__` is then a variable like any other, not the prototype
		Object.defineProperty(inputs, name, {
			value: row.value as IDataObject[string],
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return inputs;
}
