import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { attachFailure } from './errors';
import { requireInteger } from './validate';

/**
 * Return All / Limit, as n8n's own list operations offer them, and one bounded paging loop for
 * every provider's cursor (or page number) scheme.
 */

/** The two parameters of every list operation. Wrap them with the operation's display options. */
export function returnAllProperties(opts: { max?: number } = {}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(opts.max ? { maxValue: opts.max } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** How many records an item asks for: undefined for Return All. Checked, no request. */
export function readLimit(
	ctx: IExecuteFunctions,
	itemIndex: number,
	opts: { max?: number } = {},
): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	return requireInteger(
		ctx.getNode(),
		itemIndex,
		'Limit',
		ctx.getNodeParameter('limit', itemIndex, 50),
		{
			min: 1,
			max: opts.max,
		},
	);
}

/** One page as the provider answered it: its records and where the next page starts (none: last). */
export interface Page<T, C> {
	items: T[];
	next?: C | null;
}

export interface PagingOptions<T, C> {
	node: INode;
	itemIndex: number;
	/** The provider's name, for the error when its cursor repeats. */
	providerName: string;
	/** How many records to return at most; undefined returns all. */
	limit: number | undefined;
	/** Fetch one page. `pageSize` is the most a page should hold (the provider may cap it). */
	fetchPage(cursor: C | undefined, pageSize: number): Promise<Page<T, C>>;
	/** The provider's own largest page. */
	maxPageSize: number;
	/** A bound on requests for one item, so a misbehaving API cannot keep a workflow paging forever. */
	maxPages?: number;
}

export const DEFAULT_MAX_PAGES = 1000;

/**
 * Page through a list until the limit is reached or the provider says there is no next page.
 * A cursor the provider already gave (a loop on its side) stops with an error, never loops.
 */
export async function collectPages<T, C extends string | number>(
	opts: PagingOptions<T, C>,
): Promise<T[]> {
	const out: T[] = [];
	const seen = new Set<C>();
	const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
	let cursor: C | undefined;
	for (let page = 0; ; page++) {
		if (page >= maxPages) {
			throw pagingError(
				opts,
				`more than ${maxPages} pages (${out.length} records so far); use a Limit, or narrow the list with filters`,
			);
		}
		const remaining = opts.limit === undefined ? opts.maxPageSize : opts.limit - out.length;
		const { items, next } = await opts.fetchPage(cursor, Math.min(opts.maxPageSize, remaining));
		out.push(...items);
		if (opts.limit !== undefined && out.length >= opts.limit) return out.slice(0, opts.limit);
		if (next === undefined || next === null || next === '' || items.length === 0) return out;
		if (seen.has(next) || next === cursor) {
			throw pagingError(
				opts,
				`the page cursor ${JSON.stringify(next)} came back a second time (a loop on the API's side)`,
			);
		}
		seen.add(next);
		cursor = next;
	}
}

/** The error a paging loop stops with (code `paging_stopped`): also for provider-specific page checks. */
export function pagingError(
	opts: { node: INode; itemIndex: number; providerName: string },
	problem: string,
) {
	const error = new NodeOperationError(
		opts.node,
		`Paging through ${opts.providerName} stopped: ${problem}`,
		{
			itemIndex: opts.itemIndex,
		},
	);
	return attachFailure(error, { code: 'paging_stopped', retryable: false });
}
