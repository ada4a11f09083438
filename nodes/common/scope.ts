/**
 * One execution's scope: what is the same for every item of an execution is read once.
 *
 * n8n's `getNode()` deep-copies the node on every call, `getNodeParameter()` resolves, extracts
 * and validates a value again for every item, and `getCredentials()` decrypts and resolves the
 * credential again for every request. The per-item loop hands operations a context in which:
 * - `getNode()` is one copy for the execution;
 * - a parameter whose stored value holds no expression is read once (per name, fallback and
 *   options) and handed out again, as a copy when it is an object; a parameter with an
 *   expression anywhere in it is read for its item every time, as before;
 * - a credential read without an item index (as the transport and n8n's authenticated request
 *   helper read it) is read once, unless it holds OAuth2 token data, which n8n may refresh
 *   during the execution.
 * A read that fails is not kept: the next item reads again and fails with its own item index.
 * The scope lives as long as one execute() call; nothing is kept between executions.
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	INode,
	INodeParameters,
} from 'n8n-workflow';

const SCOPED = Symbol.for('n8n-nodes-chat-connectors.executionScope');

type GetNodeParameter = (
	name: string,
	itemIndex: number,
	fallbackValue?: unknown,
	options?: Record<string, unknown>,
) => unknown;

/** Options under which a stored value without an expression gives the same result for every item. */
const ITEM_FREE_OPTIONS = new Set(['extractValue', 'ensureType', 'skipValidation']);

/** Whether a stored parameter value holds an expression anywhere (a string starting with `=`). */
export function holdsExpression(value: unknown, depth = 0): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value === null || typeof value !== 'object') return false;
	// a value this deep is not worth walking: read it per item
	if (depth > 32) return true;
	if (Array.isArray(value)) return value.some((entry) => holdsExpression(entry, depth + 1));
	for (const key in value) {
		if (holdsExpression((value as Record<string, unknown>)[key], depth + 1)) return true;
	}
	return false;
}

/** The stored value at a dot path of the node's parameters (as n8n's lodash `get` reads it). */
function storedValue(parameters: INodeParameters, name: string): unknown {
	let value: unknown = parameters;
	for (const key of name.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

function cacheKey(name: string, fallbackValue: unknown, options?: Record<string, unknown>) {
	return `${name}\u0000${fallbackValue === undefined ? '' : JSON.stringify(fallbackValue)}\u0000${
		options ? JSON.stringify(options) : ''
	}`;
}

function copyOf<T>(value: T): T {
	return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}

export function isExecutionScope(ctx: IExecuteFunctions): boolean {
	return (ctx as unknown as Record<symbol, unknown>)[SCOPED] === true;
}

/** The execution-scoped context for `ctx` (see above); `ctx` itself when it already is one. */
export function executionScope(ctx: IExecuteFunctions): IExecuteFunctions {
	if (isExecutionScope(ctx)) return ctx;
	let node: INode | undefined;
	const values = new Map<string, unknown>();
	const credentials = new Map<string, Promise<ICredentialDataDecryptedObject>>();
	const readParameter = ctx.getNodeParameter as unknown as GetNodeParameter;

	const getNode = () => (node ??= ctx.getNode());

	function getNodeParameter(
		name: string,
		itemIndex: number,
		fallbackValue?: unknown,
		options?: Record<string, unknown>,
	): unknown {
		const itemFree =
			(!options || Object.keys(options).every((key) => ITEM_FREE_OPTIONS.has(key))) &&
			!holdsExpression(storedValue(getNode().parameters, name)) &&
			!holdsExpression(fallbackValue);
		if (!itemFree) return readParameter.call(ctx, name, itemIndex, fallbackValue, options);
		const key = cacheKey(name, fallbackValue, options);
		if (values.has(key)) return copyOf(values.get(key));
		const value = readParameter.call(ctx, name, itemIndex, fallbackValue, options);
		values.set(key, value);
		return copyOf(value);
	}

	function getCredentials(type: string, itemIndex?: number) {
		if (itemIndex !== undefined) return ctx.getCredentials(type, itemIndex);
		let pending = credentials.get(type);
		if (!pending) {
			pending = ctx.getCredentials(type).then(
				(data) => {
					// an OAuth2 token may be refreshed during the execution: read it fresh every time
					if (data && typeof data === 'object' && 'oauthTokenData' in data)
						credentials.delete(type);
					return data;
				},
				(error: unknown) => {
					credentials.delete(type);
					throw error;
				},
			);
			credentials.set(type, pending);
		}
		return pending;
	}

	const scoped = Object.create(ctx) as IExecuteFunctions;
	Object.defineProperties(scoped, {
		[SCOPED]: { value: true },
		getNode: { value: getNode },
		getNodeParameter: { value: getNodeParameter },
		getCredentials: { value: getCredentials },
	});
	return scoped;
}
