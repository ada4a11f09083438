/**
 * How a node's description is put together: every resource module offers its Operation parameter
 * and its operations, each operation module its parameters; `nodeProperties` shows each
 * operation's parameters only for it. Also the shared parameter definitions (Options collection,
 * raw-JSON fallbacks) and the canvas subtitle.
 */
import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The most items one execution sends at the same time (Options → Concurrency). */
export const MAX_CONCURRENCY = 32;

/** n8n's own default for a request without an answer (its axios default). */
export const DEFAULT_TIMEOUT_MS = 300_000;

/** The `Concurrency` option every action node offers in its Options collection. */
export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
	default: 1,
	description:
		'How many input items are sent to the API at the same time. Output order always follows input order. Raise it for slow calls (for example LLM answers); lower it if the API rate limits you.',
};

/** The `Timeout` option every action node offers in its Options collection. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_TIMEOUT_MS,
	description:
		'How long to wait, in milliseconds, for the API to answer (or, while a reply streams, for its next part) before the request fails. Reads are then tried again; creates and sends are not.',
};

/** A node's (or an operation's) Options collection: Concurrency and Timeout, then its own knobs. */
export function optionsCollection(options: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [concurrencyOption, timeoutOption, ...options],
	};
}

/*
 * The three collections every node uses. Their items are passed in, so n8n's lint does not see
 * them as one list: test/structure.test.ts checks that every collection's items are alphabetical.
 */

/** An operation's optional body fields: the "Additional Fields" collection. */
export function additionalFieldsCollection(
	options: INodeProperties[],
	description?: string,
): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...(description ? { description } : {}),
		options,
	};
}

/** A list's filters: the "Filters" collection. */
export function filtersCollection(
	options: INodeProperties[],
	description?: string,
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		...(description ? { description } : {}),
		options,
	};
}

/** An update's changes: the "Update Fields" collection. */
export function updateFieldsCollection(
	options: INodeProperties[],
	description?: string,
): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...(description ? { description } : {}),
		options,
	};
}

/**
 * Raw JSON merged last into the request body: the way around wherever the docs leave a body field
 * open. An operation spreads it and may give its own description (what to use it for).
 */
export const additionalBodyFieldsProperty: INodeProperties = {
	displayName: 'Extra Body Fields (JSON)',
	name: 'additionalBodyFields',
	type: 'json',
	default: '{}',
	description:
		'Fields to send in the request body as well, as a JSON object. They are merged last, so they win over the fields above.',
};

/** Raw JSON merged last into the query string: the way around wherever a list's query is a guess. */
export const additionalQueryParametersProperty: INodeProperties = {
	displayName: 'Extra Query Parameters (JSON)',
	name: 'additionalQueryParameters',
	type: 'json',
	default: '{}',
	description:
		'Query parameters to send as well, as a JSON object. They are merged last, so they win over the fields above.',
};

function mergeConditions(
	outer: IDisplayOptions['show'],
	inner: IDisplayOptions['show'],
): IDisplayOptions['show'] {
	if (!outer) return inner;
	if (!inner) return outer;
	return { ...outer, ...inner };
}

/**
 * Add display conditions to every property of a list, keeping the conditions a property already
 * has (its own win on the same parameter name).
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const show = mergeConditions(displayOptions.show, property.displayOptions?.show);
		const hide = mergeConditions(displayOptions.hide, property.displayOptions?.hide);
		const merged: IDisplayOptions = { ...property.displayOptions };
		if (show) merged.show = show;
		if (hide) merged.hide = hide;
		return { ...property, displayOptions: merged };
	});
}

/**
 * A node's properties: its Resource parameter, then per resource its Operation parameter (shown
 * for that resource) and each operation's parameters (shown for that operation alone), then what
 * the whole node shares (e.g. one Options collection).
 */
export function nodeProperties(
	resourceParameter: INodeProperties,
	resources: Record<
		string,
		{
			operationParameter: INodeProperties;
			operations: Record<string, { properties: INodeProperties[] }>;
		}
	>,
	shared: INodeProperties[] = [],
): INodeProperties[] {
	const properties: INodeProperties[] = [resourceParameter];
	for (const [resource, module] of Object.entries(resources)) {
		properties.push(
			...updateDisplayOptions({ show: { resource: [resource] } }, [module.operationParameter]),
		);
		for (const [operation, { properties: own }] of Object.entries(module.operations)) {
			properties.push(
				...updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, own),
			);
		}
	}
	return [...properties, ...shared];
}

/**
 * The canvas subtitle: the chosen operation's action text ("Send a message"), read from the node's
 * Operation parameters, instead of the raw `create: message` values.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const labels: Array<[string, string]> = [];
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			const label = option.action ?? option.name;
			for (const resource of resources) labels.push([`${resource}:${String(option.value)}`, label]);
		}
	}
	// n8n's expression sandbox refuses computed property reads (`map[key]`), so look the pair up
	const key = '$parameter["resource"] + ":" + $parameter["operation"]';
	return `={{ (${JSON.stringify(labels)}.find((entry) => entry[0] === ${key}) || [0, $parameter["operation"]])[1] }}`;
}
