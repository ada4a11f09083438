import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../common/descriptions';

import type { ItemOperation } from '../../../common/items';
import { withTriggerSecret } from '../../callback/secret';
import type { ExportRequest } from '../../helpers/exportRequest';
import { checkCallbackUrl, prepareExport, startExport } from '../../helpers/exportRequest';

const waitOnly = { deliverTo: ['wait'] };

export const properties: INodeProperties[] = [
	{
		displayName: 'Range Start',
		name: 'rangeStart',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"Start of the export period. The period may span at most 6 months. A date and time without an offset is read in the workflow's time zone (Workflow Settings → Timezone).",
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
					"Zaia sends the export to an address you give, usually a Zaia Trigger's. The node outputs Zaia's acknowledgement.",
			},
			{
				name: 'Wait for the Export',
				value: 'wait',
				description:
					'This execution waits until Zaia sends the export back to it, then outputs the export. Needs n8n reachable from the internet over HTTPS (WEBHOOK_URL).',
			},
		],
		default: 'url',
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://n8n.example.com/webhook/…/zaia-export',
		hint: "A Zaia Trigger's Production URL",
		description:
			'The public HTTPS address Zaia sends the export to when it is ready. Addresses Zaia cannot reach from the internet (private or local ones) are refused before anything is sent.',
		displayOptions: { show: { deliverTo: ['url'] } },
	},
	{
		displayName: 'Trigger Secret',
		name: 'triggerSecret',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'From a Zaia Trigger Credential',
				value: 'credential',
				description:
					"When the node runs, it appends the credential's secret to the Callback URL (?secret=…): it is not saved in the workflow, its executions or the output",
			},
			{
				name: 'In the Callback URL',
				value: 'url',
				description:
					'The Callback URL already carries what its receiver checks; it is saved with the workflow and every execution',
			},
		],
		default: 'url',
		description: 'Where the secret that opens the Callback URL comes from',
		displayOptions: { show: { deliverTo: ['url'] } },
	},
	{
		displayName:
			"The node appends the Zaia Trigger credential's secret to the Callback URL (as ?secret=…) when it runs: give the trigger's Production URL without it. The secret is not saved in this workflow, its executions or the node's output.",
		name: 'triggerSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { deliverTo: ['url'], triggerSecret: ['credential'] } },
	},
	{
		displayName:
			'A secret written into the Callback URL is saved with this workflow and in every execution. To keep it out, set Trigger Secret to From a Zaia Trigger Credential and give the URL without it.',
		name: 'callbackUrlNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { deliverTo: ['url'], triggerSecret: ['url'] } },
	},
	{
		displayName:
			"The execution pauses here until Zaia sends the export, then outputs it (one input item per execution). Only a call signed with the credential's Callback Secret resumes it. A callback within a fraction of a second of the request is answered 409 by n8n itself: the execution then waits until the Time Limit and passes its input on without callbackReceived, so branch on that field.",
		name: 'waitNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: waitOnly },
	},
	{
		displayName: 'Time Limit',
		name: 'waitAmount',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 2,
		description:
			"How long to wait for Zaia at most (up to 30 days). When it passes, the node outputs its input items unchanged (as n8n's Wait node does).",
		displayOptions: { show: waitOnly },
	},
	{
		displayName: 'Time Limit Unit',
		name: 'waitUnit',
		type: 'options',
		options: [
			{ name: 'Days', value: 'days' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Minutes', value: 'minutes' },
		],
		default: 'hours',
		displayOptions: { show: waitOnly },
	},
	{
		displayName: 'Download Linked File',
		name: 'downloadFile',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the file when Zaia\'s callback points at a download address, and output it as binary (property "data")',
		displayOptions: { show: waitOnly },
	},
	additionalFieldsCollection([
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
			description:
				"End of the export period. Left empty, Zaia exports up to now. Read in the workflow's time zone, like Range Start.",
		},
	]),
];

/** "Send to URL": one request per item, the acknowledgement as output. */
export const operation: ItemOperation<Pick<ExportRequest, 'body'> & { redact: string[] }> = {
	async prepare(this: IExecuteFunctions, i) {
		const { body } = prepareExport(this, i);
		const url = await checkCallbackUrl(
			this,
			i,
			'Callback URL',
			this.getNodeParameter('callbackUrl', i, ''),
		);
		if (this.getNodeParameter('triggerSecret', i, 'url') !== 'credential') {
			return { body: { ...body, callbackUrl: url }, redact: [] };
		}
		const { callbackUrl, secret } = await withTriggerSecret(this, i, url);
		return { body: { ...body, callbackUrl }, redact: [secret] };
	},
	async execute(this: IExecuteFunctions, i, { body, redact }) {
		const acknowledgement = await startExport(this, i, body, redact);
		return {
			...acknowledgement,
			exportRequested: {
				rangeStart: body.rangeStart,
				rangeEnd: body.rangeEnd ?? null,
				language: body.language,
			},
		};
	},
};
