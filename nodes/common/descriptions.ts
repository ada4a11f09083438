import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { concurrencyOption } from './items';
import { timeoutOption } from './transport';

/**
 * The one typed source of a node's resources and operations: resource value → the union of its
 * operation values. Each node declares it once in `actions/node.type.ts`; the router table, the
 * operation files and the Resource/Operation options are all checked against it by `tsc`.
 */
export type ResourceMap = Record<string, string>;

/** The Resource parameter's options: every value must be a resource of the map. */
export type ResourceOptions<M extends ResourceMap> = Array<
	INodePropertyOptions & { value: keyof M & string }
>;

/** One resource's Operation options: every value must be an operation of that resource. */
export type OperationOptions<M extends ResourceMap, R extends keyof M> = Array<
	INodePropertyOptions & { value: M[R] }
>;

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
 * has (its own win on the same parameter name). An operation file declares its properties plainly
 * and wraps them once.
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
 * A node's typed wrapper: `forOperation('message', 'create', [...])` shows the properties only for
 * that resource and operation (or operations). A resource or operation the map does not have fails
 * `tsc`.
 */
export function operationDisplay<M extends ResourceMap>() {
	return <R extends keyof M & string>(
		resource: R,
		operation: M[R] | Array<M[R]>,
		properties: INodeProperties[],
	): INodeProperties[] =>
		updateDisplayOptions(
			{
				show: {
					resource: [resource],
					operation: Array.isArray(operation) ? operation : [operation],
				},
			},
			properties,
		);
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
