/** Readers for the loosely typed fields of Dify's JSON: each returns a safe default. */
import type { IDataObject } from 'n8n-workflow';

import type { DifyMetadata } from './interfaces';

/** A field as text: '' when absent or null, `String(value)` for other non-strings. */
export function textOf(value: unknown): string {
	if (typeof value === 'string') return value;
	return value === undefined || value === null ? '' : String(value);
}

/** A field as a finite number, else null. */
export function numberOrNull(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A field as a plain object, else undefined. */
export function objectOrUndefined(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

/** A shallow copy without the given keys. */
export function withoutKeys(source: IDataObject, keys: ReadonlySet<string>): IDataObject {
	const copy: IDataObject = {};
	for (const key of Object.keys(source)) {
		if (!keys.has(key)) copy[key] = source[key];
	}
	return copy;
}

/** A reply's `metadata`, with `usage` and `retriever_resources` always present. */
export function metadataOf(value: unknown): DifyMetadata {
	const metadata = objectOrUndefined(value) ?? {};
	return {
		...metadata,
		usage: objectOrUndefined(metadata.usage) ?? {},
		retriever_resources: Array.isArray(metadata.retriever_resources)
			? (metadata.retriever_resources as IDataObject[])
			: [],
	};
}
