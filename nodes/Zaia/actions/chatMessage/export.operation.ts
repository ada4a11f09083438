import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { invalid, requireUrl } from '../../../common/validate';
import { zaiaProfile } from '../../transport';

const showOnly = { resource: ['chatMessage'], operation: ['export'] };
const LANGUAGES = ['enUs', 'esEs', 'ptBr'];
export const MAX_WAIT_HOURS = 24 * 30;

export const description: INodeProperties[] = [
	{
		displayName: 'Range Start',
		name: 'rangeStart',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Start of the export period. The period may span at most 6 months.',
		displayOptions: { show: showOnly },
	},
	{
		displayName: 'Deliver To',
		name: 'deliverTo',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Send to URL',
				value: 'url',
				description:
					"Zaia POSTs the export to an address you give (typically a Zaia Trigger). The node outputs Zaia's acknowledgement.",
			},
			{
				name: 'Wait for the Export',
				value: 'wait',
				description:
					'This execution waits and Zaia POSTs the export back to it; the node then outputs the export. Needs n8n reachable from the internet over HTTPS (WEBHOOK_URL).',
			},
		],
		default: 'url',
		displayOptions: { show: showOnly },
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://n8n.example.com/webhook/…/zaia-export?secret=…',
		description:
			"Public HTTPS URL Zaia POSTs the export to when it is ready, typically a Zaia Trigger's Production URL with its secret appended. Plain http is accepted only for localhost, for testing.",
		displayOptions: { show: { ...showOnly, deliverTo: ['url'] } },
	},
	{
		displayName:
			"The execution pauses here until Zaia calls back. The callback URL handed to Zaia is this execution's resume URL, signed with a token from the credential (its Callback Secret): calls without the token get 401 and the execution keeps waiting. Handles one input item per execution.",
		name: 'waitNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...showOnly, deliverTo: ['wait'] } },
	},
	{
		displayName: 'Time Limit',
		name: 'waitAmount',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 2,
		description:
			"How long to wait for Zaia at most. When it passes, the node outputs its input items unchanged (as n8n's Wait node does).",
		displayOptions: { show: { ...showOnly, deliverTo: ['wait'] } },
	},
	{
		displayName: 'Time Limit Unit',
		name: 'waitUnit',
		type: 'options',
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
		default: 'hours',
		displayOptions: { show: { ...showOnly, deliverTo: ['wait'] } },
	},
	{
		displayName: 'Download Linked File',
		name: 'downloadFile',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the file when Zaia\'s callback is JSON pointing at a download URL, and output it as binary (property "data")',
		displayOptions: { show: { ...showOnly, deliverTo: ['wait'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnly },
		options: [
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: [
					{ name: 'English (US)', value: 'enUs' },
					{ name: 'Portuguese (Brazil)', value: 'ptBr' },
					{ name: 'Spanish (Spain)', value: 'esEs' },
				],
				default: 'enUs',
				description: 'Language of the export',
			},
			{
				displayName: 'Range End',
				name: 'rangeEnd',
				type: 'dateTime',
				default: '',
				description: 'End of the export period; Zaia uses now when empty',
			},
		],
	},
];

export interface ExportPrepared {
	body: IDataObject;
	deliverTo: 'url' | 'wait';
}

function toDate(ctx: IExecuteFunctions, i: number, field: string, value: unknown): Date {
	const text =
		value instanceof Date
			? value.toISOString()
			: typeof value === 'object' && value !== null
				? String(value)
				: String(value ?? '').trim();
	const ms = Date.parse(text);
	if (text === '' || Number.isNaN(ms))
		throw invalid(
			ctx.getNode(),
			i,
			field,
			`must be a date and time like 2025-01-31T00:00:00Z, got ${JSON.stringify(value)}`,
		);
	return new Date(ms);
}

/** The same instant `months` calendar months later (UTC). */
export function addMonths(date: Date, months: number): Date {
	const out = new Date(date.getTime());
	out.setUTCMonth(out.getUTCMonth() + months);
	return out;
}

/** Read and check everything except where the result goes (the callback URL is added by the caller). */
export function prepareExport(ctx: IExecuteFunctions, i: number, now = new Date()): ExportPrepared {
	const node = ctx.getNode();
	const deliverTo = ctx.getNodeParameter('deliverTo', i, 'url') as 'url' | 'wait';
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const start = toDate(ctx, i, 'Range Start', ctx.getNodeParameter('rangeStart', i, ''));
	const hasEnd =
		extra.rangeEnd !== undefined && extra.rangeEnd !== null && String(extra.rangeEnd).trim() !== '';
	const end = hasEnd ? toDate(ctx, i, 'Range End', extra.rangeEnd) : now;
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
	if (!LANGUAGES.includes(language))
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

/** Zaia requires a public HTTPS callback; loopback http is let through for local testing. */
export function checkCallbackUrl(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
): string {
	return requireUrl(ctx.getNode(), i, field, value, { httpsOnly: true });
}

export async function startExport(
	ctx: IExecuteFunctions,
	i: number,
	body: IDataObject,
): Promise<IDataObject> {
	const response = await apiRequest<IDataObject>(ctx, zaiaProfile, {
		method: 'POST',
		path: '/api/v1/chat-messages/export',
		body,
		itemIndex: i,
	});
	return response.body ?? {};
}

interface UrlPrepared {
	body: IDataObject;
}

/** "Send to URL": one request per item, the acknowledgement as output. */
export const exportToUrl: ItemOperation<UrlPrepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const { body } = prepareExport(this, i);
		const callbackUrl = checkCallbackUrl(
			this,
			i,
			'Callback URL',
			this.getNodeParameter('callbackUrl', i, ''),
		);
		return { body: { ...body, callbackUrl } };
	},
	async execute(this: IExecuteFunctions, i, { body }) {
		const ack = await startExport(this, i, body);
		return {
			...ack,
			exportRequested: {
				rangeStart: body.rangeStart,
				rangeEnd: body.rangeEnd ?? null,
				language: body.language,
			},
		};
	},
};

export function waitTillFrom(ctx: IExecuteFunctions, now = new Date()): Date {
	const node = ctx.getNode();
	const amount = Number(ctx.getNodeParameter('waitAmount', 0, 2));
	const unit = String(ctx.getNodeParameter('waitUnit', 0, 'hours'));
	const factor = unit === 'minutes' ? 60_000 : unit === 'days' ? 86_400_000 : 3_600_000;
	if (!Number.isFinite(amount) || amount <= 0)
		throw invalid(
			node,
			0,
			'Time Limit',
			`must be a positive number, got ${JSON.stringify(amount)}`,
		);
	const ms = amount * factor;
	if (ms > MAX_WAIT_HOURS * 3_600_000)
		throw invalid(node, 0, 'Time Limit', `must be at most ${MAX_WAIT_HOURS / 24} days`);
	return new Date(now.getTime() + ms);
}
