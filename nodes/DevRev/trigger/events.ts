/**
 * The DevRev Trigger's events: which webhook-event-request types it offers, where each keeps its
 * object, and the item it outputs. The webhook secret lives in the node's workflow static data
 * (never in parameters or output); so do the webhook's ID, its event types and the credential's
 * own user ID.
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The event types offered (webhook-event-type), with the key of their object in the event. */
export const EVENT_OBJECT: Record<string, string> = {
	conversation_created: 'conversation',
	conversation_deleted: 'old_conversation',
	conversation_updated: 'conversation',
	timeline_entry_created: 'entry',
	timeline_entry_deleted: 'old_entry',
	timeline_entry_updated: 'entry',
	work_created: 'work',
	work_deleted: 'old_work',
	work_updated: 'work',
};

export interface TriggerState extends IDataObject {
	webhookId?: string;
	webhookSecret?: string;
	eventTypes?: string[];
	ownUserId?: string;
}

export function triggerState(ctx: IHookFunctions | IWebhookFunctions): TriggerState {
	return ctx.getWorkflowStaticData('node') as TriggerState;
}

/** The chosen event types, checked: at least one, each one the node offers. */
export function chosenEvents(ctx: IHookFunctions): string[] {
	const value = ctx.getNodeParameter('events', []) as unknown;
	const events = Array.isArray(value) ? value.map(String) : [];
	const unknown = events.filter((type) => !(type in EVENT_OBJECT));
	if (events.length === 0 || unknown.length > 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			events.length === 0
				? 'Events: choose at least one event to listen for'
				: `Events: ${unknown.join(', ')} is not an event the DevRev Trigger offers`,
		);
	}
	return [...new Set(events)].sort();
}

function record(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The event's object (the timeline entry, conversation or work), when it has one. */
export function eventObject(body: IDataObject): IDataObject | undefined {
	const type = String(body.type ?? '');
	const payload = record(body[type]);
	const key = EVENT_OBJECT[type];
	return key ? record(payload?.[key]) : undefined;
}

/**
 * The IDs an event is "about", for Only This Object: a timeline entry's `object` (the DM,
 * conversation or work it is on) and display ID, or the conversation's or work's own IDs; a
 * deleted object's `id`.
 */
export function objectIdsOf(body: IDataObject): string[] {
	const type = String(body.type ?? '');
	const object = eventObject(body);
	const ids = type.startsWith('timeline_entry_')
		? [object?.object, object?.object_display_id]
		: [object?.id, object?.display_id, record(body[type])?.id];
	return ids.map(text).filter((id): id is string => id !== undefined);
}

/** The author of a timeline entry (`created_by.id`), when the event names one. */
export function authorIdOf(body: IDataObject): string | undefined {
	return text(record(eventObject(body)?.created_by)?.id);
}

/**
 * The item: the event as DevRev sent it (id, type, timestamp, webhook_id and its object under
 * the key of its type), plus for timeline entries the comment's entry_id, body, object_id and
 * author_id, and for conversations and works their id as conversation_id or work_id.
 */
export function eventItem(body: IDataObject): IDataObject {
	const type = String(body.type ?? '');
	const object = eventObject(body);
	const item: IDataObject = { ...body };
	if (type.startsWith('timeline_entry_')) {
		item.entry_id = text(object?.id) ?? text(record(body[type])?.id) ?? null;
		item.body = typeof object?.body === 'string' ? object.body : null;
		item.object_id = text(object?.object) ?? null;
		item.author_id = authorIdOf(body) ?? null;
	} else if (type.startsWith('conversation_')) {
		item.conversation_id = text(object?.id) ?? text(record(body[type])?.id) ?? null;
	} else if (type.startsWith('work_')) {
		item.work_id = text(object?.id) ?? text(record(body[type])?.id) ?? null;
	}
	return item;
}
