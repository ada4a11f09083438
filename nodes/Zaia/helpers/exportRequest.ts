import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseDateTimeInZone } from '../../common/datetime';
import { isNonPublicHost } from '../../common/hosts';
import { apiRequest, credentialSettings } from '../../common/transport';
import { invalid, isLoopbackHost, requireUrl } from '../../common/validate';
import { zaiaProfile } from '../transport';

/**
 * The parts of Chat Message → Export both delivery modes share: reading the period and language,
 * checking the callback URL before anything is sent, and the request itself.
 */

export const LANGUAGES = ['enUs', 'esEs', 'ptBr'] as const;
/** The longest "Wait for the Export" Time Limit. */
export const MAX_WAIT_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ExportRequest {
	body: IDataObject;
	deliverTo: 'url' | 'wait';
}

/**
 * A Range Start/End value as an instant. n8n's date picker gives a wall-clock time without an
 * offset: that time is read in the workflow's time zone (Workflow Settings → Timezone, else the
 * instance's GENERIC_TIMEZONE), as n8n's own nodes do. Values with an offset or `Z` are exact.
 */
function readDateTime(ctx: IExecuteFunctions, i: number, field: string, value: unknown): Date {
	let date: Date | undefined;
	if (value instanceof Date) date = value;
	else if (typeof value === 'string' && value.trim() !== '')
		date = parseDateTimeInZone(value, ctx.getTimezone());
	// a Luxon DateTime from an expression ($now, $today) prints as ISO with its offset
	else if (typeof value === 'object' && value !== null)
		date = parseDateTimeInZone(String(value), 'UTC');
	if (!date || Number.isNaN(date.getTime()))
		throw invalid(
			ctx.getNode(),
			i,
			field,
			`must be a date and time like 2025-01-31T00:00:00Z, got ${JSON.stringify(value)}`,
		);
	return date;
}

/** The same instant `months` calendar months later (UTC). */
export function addMonths(date: Date, months: number): Date {
	const out = new Date(date.getTime());
	out.setUTCMonth(out.getUTCMonth() + months);
	return out;
}

/** Read and check everything except where the result goes (the callback URL is added by the caller). */
export function prepareExport(ctx: IExecuteFunctions, i: number, now = new Date()): ExportRequest {
	const node = ctx.getNode();
	const deliverTo = ctx.getNodeParameter('deliverTo', i, 'url') as 'url' | 'wait';
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const start = readDateTime(ctx, i, 'Range Start', ctx.getNodeParameter('rangeStart', i, ''));
	const hasEnd =
		extra.rangeEnd !== undefined && extra.rangeEnd !== null && String(extra.rangeEnd).trim() !== '';
	const end = hasEnd ? readDateTime(ctx, i, 'Range End', extra.rangeEnd) : now;
	if (end.getTime() <= start.getTime()) {
		throw invalid(
			node,
			i,
			hasEnd ? 'Range End' : 'Range Start',
			hasEnd ? 'must be after Range Start' : 'must be in the past (Range End defaults to now)',
		);
	}
	if (end.getTime() > addMonths(start, 6).getTime()) {
		throw invalid(
			node,
			i,
			'Range Start',
			`the period from ${start.toISOString()} to ${end.toISOString()} is longer than 6 months; Zaia exports at most 6 months per request (it answers 412 otherwise). Split the period.`,
		);
	}
	const language = String(extra.language ?? 'enUs');
	if (!(LANGUAGES as readonly string[]).includes(language))
		throw invalid(
			node,
			i,
			'Language',
			`must be one of ${LANGUAGES.join(', ')}, got ${JSON.stringify(language)}`,
		);
	const body: IDataObject = { rangeStart: start.toISOString(), language };
	if (hasEnd) body.rangeEnd = end.toISOString();
	return { body, deliverTo };
}

/**
 * Zaia requires "a safe callback URL that must be HTTPS and point to a public server". Checked
 * before sending: HTTPS (plain http only for loopback), and, when the credential points at a real
 * Zaia (a Base URL that is not loopback), a host Zaia can reach from the internet. Against a
 * local simulator (loopback Base URL) a loopback callback stays allowed.
 */
export async function checkCallbackUrl(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
	hint = 'give the public HTTPS address Zaia can reach',
): Promise<string> {
	const node = ctx.getNode();
	const url = requireUrl(node, i, field, value, { httpsOnly: true });
	const { baseUrl } = await credentialSettings(ctx, zaiaProfile);
	const zaiaHost = new URL(baseUrl).hostname;
	const callbackHost = new URL(url).hostname;
	if (!isLoopbackHost(zaiaHost) && isNonPublicHost(callbackHost)) {
		throw invalid(
			node,
			i,
			field,
			`points at ${callbackHost}, a private, link-local or loopback host that Zaia cannot reach from the internet (Zaia refuses it: the callback URL "must point to a public server"); ${hint}`,
		);
	}
	return url;
}

/** Ask Zaia for the export; `redact`: values in the callback URL (a secret, a token) no error may show. */
export async function startExport(
	ctx: IExecuteFunctions,
	i: number,
	body: IDataObject,
	redact: readonly string[] = [],
): Promise<IDataObject> {
	const response = await apiRequest<IDataObject>(ctx, zaiaProfile, {
		method: 'POST',
		path: '/api/v1/chat-messages/export',
		body,
		itemIndex: i,
		redact,
	});
	return response.body ?? {};
}

/** When "Wait for the Export" stops waiting: now plus the Time Limit, at most MAX_WAIT_DAYS. */
export function waitTillFrom(ctx: IExecuteFunctions, now = new Date()): Date {
	const node = ctx.getNode();
	const amount = Number(ctx.getNodeParameter('waitAmount', 0, 2));
	const unit = String(ctx.getNodeParameter('waitUnit', 0, 'hours'));
	const factor = unit === 'minutes' ? 60_000 : unit === 'days' ? DAY_MS : 3_600_000;
	if (!Number.isFinite(amount) || amount <= 0)
		throw invalid(
			node,
			0,
			'Time Limit',
			`must be a positive number, got ${JSON.stringify(amount)}`,
		);
	const ms = amount * factor;
	if (ms > MAX_WAIT_DAYS * DAY_MS)
		throw invalid(node, 0, 'Time Limit', `must be at most ${MAX_WAIT_DAYS} days`);
	return new Date(now.getTime() + ms);
}
