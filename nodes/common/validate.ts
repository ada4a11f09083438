import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { attachFailure } from './errors';

/** Small checks shared by the nodes. Each throws a NodeOperationError that names the field. */

/** The `code` of every error the node raises for input it refuses before sending anything. */
export const INVALID_PARAMETER = 'invalid_parameter';

export function invalid(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	description?: string,
): NodeOperationError {
	const error = new NodeOperationError(node, `${field}: ${problem}`, { itemIndex, description });
	return attachFailure(error, { code: INVALID_PARAMETER, retryable: false, field });
}

/** A parameter that may be left empty: its trimmed text, or undefined when blank or absent. */
export function optionalText(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	return text === '' ? undefined : text;
}

export interface ListRules {
	min?: number;
	max?: number;
	unique?: boolean;
	/** A check for each entry; returns a problem text or undefined. */
	each?: (entry: string) => string | undefined;
}

/**
 * A list field, given as a comma-separated string, a JSON array string, or an array
 * (e.g. from an expression). Entries are trimmed; empty entries dropped.
 */
export function parseList(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	rules: ListRules = {},
): string[] {
	let entries: unknown[];
	if (value === undefined || value === null || value === '') {
		entries = [];
	} else if (Array.isArray(value)) {
		entries = value;
	} else if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) {
			try {
				const parsed = JSON.parse(text);
				if (!Array.isArray(parsed)) throw new Error('not an array');
				entries = parsed;
			} catch {
				throw invalid(
					node,
					itemIndex,
					field,
					'looks like a JSON array but could not be parsed',
					'Give a comma-separated list (a, b, c) or a valid JSON array (["a", "b"]).',
				);
			}
		} else {
			entries = text.split(',');
		}
	} else if (typeof value === 'number') {
		entries = [value];
	} else {
		throw invalid(
			node,
			itemIndex,
			field,
			`expected a comma-separated list or an array, got ${typeof value}`,
		);
	}

	const list: string[] = [];
	for (const entry of entries) {
		if (entry === null || entry === undefined) continue;
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			throw invalid(
				node,
				itemIndex,
				field,
				`every entry must be a string or a number, got ${JSON.stringify(entry)}`,
			);
		}
		const text = String(entry).trim();
		if (text !== '') list.push(text);
	}

	if (rules.min !== undefined && list.length < rules.min) {
		throw invalid(
			node,
			itemIndex,
			field,
			`needs at least ${rules.min} entr${rules.min === 1 ? 'y' : 'ies'}, got ${list.length}`,
		);
	}
	if (rules.max !== undefined && list.length > rules.max) {
		throw invalid(
			node,
			itemIndex,
			field,
			`allows at most ${rules.max} entries, got ${list.length}`,
		);
	}
	if (rules.unique) {
		const seen = new Set<string>();
		for (const entry of list) {
			if (seen.has(entry))
				throw invalid(
					node,
					itemIndex,
					field,
					`contains "${entry}" more than once; every entry must be unique`,
				);
			seen.add(entry);
		}
	}
	if (rules.each) {
		for (const entry of list) {
			const problem = rules.each(entry);
			if (problem) throw invalid(node, itemIndex, field, `"${entry}" ${problem}`);
		}
	}
	return list;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

export function requireUuid(node: INode, itemIndex: number, field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!isUuid(text)) {
		throw invalid(
			node,
			itemIndex,
			field,
			`must be a UUID like 123e4567-e89b-12d3-a456-426614174000, got ${JSON.stringify(value)}`,
		);
	}
	return text;
}

export function requireString(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	rules: { min?: number; max?: number } = {},
): string {
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalid(
			node,
			itemIndex,
			field,
			`must be text, got ${value === undefined ? 'nothing' : typeof value}`,
		);
	}
	const text = String(value);
	if ((rules.min ?? 1) > 0 && text.trim() === '')
		throw invalid(node, itemIndex, field, 'must not be empty');
	if (rules.min !== undefined && text.length < rules.min) {
		throw invalid(
			node,
			itemIndex,
			field,
			`must be at least ${rules.min} characters, got ${text.length}`,
		);
	}
	if (rules.max !== undefined && text.length > rules.max) {
		throw invalid(
			node,
			itemIndex,
			field,
			`must be at most ${rules.max} characters, got ${text.length}`,
		);
	}
	return text;
}

/** A whole number given as a number or a string of digits (IDs from expressions often arrive as strings). */
export function requireInteger(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	rules: { min?: number; max?: number } = {},
): number {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^-?\d+$/.test(text))
		throw invalid(node, itemIndex, field, `must be a whole number, got ${JSON.stringify(value)}`);
	const n = Number(text);
	if (!Number.isSafeInteger(n)) throw invalid(node, itemIndex, field, `is too large: ${text}`);
	if (rules.min !== undefined && n < rules.min)
		throw invalid(node, itemIndex, field, `must be at least ${rules.min}, got ${n}`);
	if (rules.max !== undefined && n > rules.max)
		throw invalid(node, itemIndex, field, `must be at most ${rules.max}, got ${n}`);
	return n;
}

/** localhost, 127.0.0.0/8 or ::1 (brackets allowed): the simulator and local testing. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * An http(s) URL. With `httpsOnly`, plain http is accepted only for loopback addresses
 * (for local testing against the simulator).
 */
export function requireUrl(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	opts: { httpsOnly?: boolean } = {},
): string {
	const text = typeof value === 'string' ? value.trim() : '';
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw invalid(
			node,
			itemIndex,
			field,
			`must be a full URL starting with https://, got ${JSON.stringify(value)}`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw invalid(node, itemIndex, field, `must use http(s), got ${url.protocol.replace(':', '')}`);
	}
	if (opts.httpsOnly && url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		throw invalid(
			node,
			itemIndex,
			field,
			'must use https:// (plain http is only accepted for localhost, for testing)',
		);
	}
	return url.toString();
}

/** A JSON object parameter given as an object (from an expression) or as JSON text. */
export function parseJsonObject(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	if (typeof value === 'string') {
		let parsed: unknown;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw invalid(node, itemIndex, field, `is not valid JSON (${(error as Error).message})`);
		}
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
			return parsed as IDataObject;
	}
	throw invalid(node, itemIndex, field, 'must be a JSON object like {"key": "value"}');
}

/** Drop keys whose value is undefined, so optional fields left empty are not sent. */
export function compact<T extends IDataObject>(object: T): T {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
	return out as T;
}

/**
 * An ID that goes into a URL path as one segment. Its form is the provider's business (the node
 * does not guess it), but an empty ID, `.`, `..` or one with a slash or a control character would
 * change which path is called, so those are refused. Returns the trimmed ID; encode it with
 * `encodeURIComponent` when building the path.
 */
export function requirePathId(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const id = requireString(node, itemIndex, field, value).trim();
	if (id === '.' || id === '..')
		throw invalid(
			node,
			itemIndex,
			field,
			`"${id}" is not an ID (it would change the request's path)`,
		);
	// eslint-disable-next-line no-control-regex
	if (/[/\\\u0000-\u001f\u007f]/.test(id))
		throw invalid(
			node,
			itemIndex,
			field,
			`${JSON.stringify(id)} is not an ID: it contains a slash, a backslash or a control character`,
		);
	return id;
}

/** The operation's Additional Body Fields (JSON) or Additional Query Parameters (JSON), read and checked. */
export function readAdditionalJson(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: 'additionalBodyFields' | 'additionalQueryParameters',
): IDataObject {
	const field =
		name === 'additionalBodyFields' ? 'Extra Body Fields (JSON)' : 'Extra Query Parameters (JSON)';
	return parseJsonObject(
		ctx.getNode(),
		itemIndex,
		field,
		ctx.getNodeParameter(name, itemIndex, '{}'),
	);
}
