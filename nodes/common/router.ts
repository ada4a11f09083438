/**
 * A node's operations, as its resource modules declare them, and the router every node's
 * execute() hands over to.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemOperation } from './items';
import { runItems } from './items';

/** `actions/<resource>/<op>.operation.ts`: the operation's parameters and its implementation. */
export interface OperationModule {
	/** Its parameters; the node shows them for this resource and operation only. */
	properties: INodeProperties[];
	operation: ItemOperation<unknown>;
}

/** `actions/<resource>/<Resource>.resource.ts`: the resource's Operation parameter and operations. */
export interface ResourceModule {
	/** The Operation parameter, written out literally so that n8n's lint reads its options. */
	operationParameter: INodeProperties;
	/** operation value → its module; the Operation options and these keys must match (structure test). */
	operations: Record<string, OperationModule>;
}

/** resource value → its module: what `actions/router.ts` exports as `resources`. */
export type ResourceModules = Record<string, ResourceModule>;

/** Run the chosen resource's chosen operation over every input item. */
export async function routeItems(
	ctx: IExecuteFunctions,
	resources: ResourceModules,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const operations = Object.hasOwn(resources, resource) ? resources[resource].operations : {};
	const implementation = Object.hasOwn(operations, operation)
		? operations[operation].operation
		: undefined;
	if (!implementation) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" on "${resource}" is not supported by this version of the node`,
		);
	}
	return [await runItems(ctx, implementation)];
}
