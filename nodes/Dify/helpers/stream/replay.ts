/**
 * Recognising events a reopened stream sends again: a compact fingerprint of every event read
 * (type and size), and the IDs of workflow and node records.
 */
// Dify's docs say a reopened stream (`include_state_snapshot=true`) first replays the status of
// the nodes that already ran, not whether answer chunks come again: both cases are handled, an
// exact replay of what was read (matched in order) and a node summary (matched by record IDs).
import type { IDataObject } from 'n8n-workflow';

import { NODE_EVENTS } from './summary';
import { objectOrUndefined, textOf } from './values';

/**
 * What an event is, for recognising it when a reopened stream sends it again: workflow and node
 * records have IDs; answer chunks do not (those are matched by position, see `read`).
 */
export function identityOf(event: IDataObject): string | undefined {
	const type = event.event as string;
	const data = objectOrUndefined(event.data);
	if (!data) return undefined;
	if (NODE_EVENTS.has(type))
		return `${type}:${textOf(data.id)}:${textOf(data.node_id)}:${textOf(data.index ?? data.retry_index)}:${textOf(data.label ?? data.status)}`;
	switch (type) {
		case 'workflow_started':
			return `${type}:${textOf(data.id)}:${textOf(data.reason)}`;
		case 'human_input_required':
			return `${type}:${textOf(data.form_id ?? data.form_token)}`;
		case 'human_input_form_filled':
		case 'human_input_form_timeout':
			return `${type}:${textOf(data.node_id)}`;
		default:
			return undefined;
	}
}

/** Event types by a small code, for the fingerprint of an event (unknown types share one code). */
const TYPE_CODES = new Map(
	[
		'message',
		'agent_message',
		'text_chunk',
		'reasoning_chunk',
		'message_replace',
		'message_end',
		'message_file',
		'agent_thought',
		'tts_message',
		'tts_message_end',
		'error',
		'workflow_started',
		'workflow_finished',
		'workflow_paused',
		...NODE_EVENTS,
		'human_input_required',
		'human_input_form_filled',
		'human_input_form_timeout',
	].map((type, code) => [type, code + 1]),
);

/** An event's type and size in one number: what a replayed event must match. */
export function fingerprint(type: string, size: number): number {
	return size * 64 + (TYPE_CODES.get(type) ?? 63);
}
