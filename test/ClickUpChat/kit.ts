/** What the ClickUp Chat tests share: the simulator's Workspaces and channels, the query as sent, response schemas. */
import Ajv from 'ajv';

import { providers } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = require('../../dev/simulator/schemas/clickup.json');

export const clickup = providers.clickup;
export const WS = '9012345678';
export const SIDE_WS = '9087654321';
/** The seeded #general channel of WS. */
export const GENERAL = '8cdu0general0001';

/** A picker's value given By ID (`value` may be an expression). */
export function byId(value: string) {
	return { __rl: true, mode: 'id', value };
}

/** The query string exactly as it was sent (the simulator's `query` is coerced by its schema). */
export function sentQuery(record: { rawQuery?: string }): Record<string, string | string[]> {
	const params = new URLSearchParams(record.rawQuery);
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(params.keys())) {
		const all = params.getAll(key);
		out[key] = all.length > 1 ? all : all[0];
	}
	return out;
}

/** Whether a value has the shape ClickUp documents for an answer (schemas/clickup.json). */
export function matchesResponse(operation: string, value: unknown): boolean {
	const ajv = new Ajv({ strict: false });
	ajv.addFormat('RichText', true);
	// shared shapes (the Channel object) are referenced from the file's $defs
	return ajv.compile({ ...schemas[operation].response, $defs: schemas.$defs })(value) as boolean;
}
