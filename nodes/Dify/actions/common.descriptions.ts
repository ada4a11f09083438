import type { INodeProperties } from 'n8n-workflow';

/** Parameters several Dify operations share, defined once. */

export const userProperty: INodeProperties = {
	displayName: 'User',
	name: 'user',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'customer-4821',
	description:
		'Your identifier for the end user, unique within the app. Dify shows conversations, runs and uploaded files only to requests with the same user, so use the same value for every call about the same conversation or run.',
};

/** The app's input variables: Name/Value rows or one JSON object (read by helpers/inputs.ts). */
export const inputsProperties: INodeProperties[] = [
	{
		displayName: 'Inputs Format',
		name: 'inputsFormat',
		type: 'options',
		options: [
			{ name: 'Name/Value Pairs', value: 'pairs', description: 'One row per app variable' },
			{
				name: 'JSON',
				value: 'json',
				description: 'One JSON object, for values that are not text (numbers, lists, files)',
			},
		],
		default: 'pairs',
		description: "How to give the app's input variables (the fields of the app's user input form)",
	},
	{
		displayName: 'Inputs',
		name: 'inputs',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Input',
		default: {},
		description:
			"Values for the app's input variables, by variable name. Leave empty when the app has none.",
		displayOptions: { show: { inputsFormat: ['pairs'] } },
		options: [
			{
				displayName: 'Input',
				name: 'values',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'city',
						description: 'The variable name as defined in the app',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'San Francisco',
					},
				],
			},
		],
	},
	{
		displayName: 'Inputs (JSON)',
		name: 'inputsJson',
		type: 'json',
		default: '{}',
		placeholder: '{ "city": "San Francisco" }',
		description: "A JSON object of the app's input variables, by variable name",
		displayOptions: { show: { inputsFormat: ['json'] } },
	},
];

/** The Files field of an Additional Fields collection (read by helpers/files.ts). */
export const filesField: INodeProperties = {
	displayName: 'Files',
	name: 'files',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add File',
	default: {},
	description:
		'Files to attach to the message, from a URL or from a binary property of the input item (uploaded to Dify first)',
	options: [
		{
			displayName: 'File',
			name: 'file',
			values: [
				{
					displayName: 'Source',
					name: 'source',
					type: 'options',
					options: [
						{
							name: 'URL',
							value: 'url',
							description: 'Dify downloads the file from this address',
						},
						{
							name: 'Binary Property',
							value: 'binary',
							description: 'A file of the input item, uploaded to Dify first',
						},
					],
					default: 'url',
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/photo.png',
					displayOptions: { show: { source: ['url'] } },
				},
				{
					displayName: 'Input Binary Field',
					name: 'binaryPropertyName',
					type: 'string',
					default: 'data',
					hint: "The name of the input item's binary field that holds the file",
					displayOptions: { show: { source: ['binary'] } },
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Audio', value: 'audio' },
						{ name: 'Custom', value: 'custom' },
						{ name: 'Detect From File', value: 'auto' },
						{ name: 'Document', value: 'document' },
						{ name: 'Image', value: 'image' },
						{ name: 'Video', value: 'video' },
					],
					default: 'auto',
					description:
						"Dify's file type; detected from the MIME type or the file extension by default",
				},
			],
		},
	],
};

/** Options of every operation whose reply streams and is aggregated (read by helpers/reply.ts). */
export const streamedReplyOptions: INodeProperties[] = [
	{
		displayName: 'Stream Answer to Chat',
		name: 'forwardChunks',
		type: 'boolean',
		default: true,
		description:
			"Whether to pass the answer on chunk by chunk while it streams, when the workflow streams its response (for example a Chat Trigger with streaming on). Ignored when the node is an AI Agent's tool: the agent gets the whole answer. The output item is the same either way.",
	},
	{
		displayName: 'Include Text-to-Speech Audio',
		name: 'includeTts',
		type: 'boolean',
		default: false,
		description:
			'Whether to collect the audio of apps with text-to-speech auto-play into "tts" (base64 MP3); ignored otherwise',
	},
	{
		displayName: 'Resume Attempts',
		name: 'resumeAttempts',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 3,
		description:
			'Chatflow and Workflow apps: how often a stream that breaks after the run started (reset, truncation, no data for longer than the Timeout option) is reopened from the run\'s saved state, waiting 0.5 s, 1 s, 2 s, ... between tries. The answer is the same as an unbroken one, no event is counted twice, and the item says "resumed". Chatbot and Agent replies cannot be resumed (Dify keeps no run for them). 0 turns it off.',
	},
	{
		displayName: 'When Dify Replaces the Answer',
		name: 'replacedAnswer',
		type: 'options',
		options: [
			{
				name: 'Send a Correction',
				value: 'correct',
				description:
					'Stream as usual; if Dify withdraws text the chat already shows (message_replace, e.g. output moderation), a closing chunk says so and gives the replacement',
			},
			{
				name: 'Hold Until Final',
				value: 'hold',
				description:
					'Stream nothing while Dify answers; send the final answer in one chunk at the end, so withdrawn text is never shown. Use it when the app moderates its output.',
			},
		],
		default: 'correct',
		description:
			'What a streaming chat sees when Dify replaces an answer it already streamed (n8n cannot take back chunks that were sent). The output item always holds only the final answer.',
	},
	{
		displayName: 'Keep Raw Events',
		name: 'keepEvents',
		type: 'boolean',
		default: false,
		description:
			'Whether to add every streamed event, in order, as "events" (node, iteration, loop and agent log events are otherwise only summarised)',
	},
];

export { optionsCollection } from '../../common/descriptions';

/** The Task ID of a running generation, for the Stop operations. */
export function taskIdProperty(from: string): INodeProperties {
	return {
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'c3800678-a077-43df-a102-53f23ed20b88',
		description: `The task_id of the running generation, from ${from} (every streamed event carries it). Only streaming runs can be stopped.`,
	};
}

/** A workflow run's ID (workflow_run_id), from a Send, Run or paused item. */
export const workflowRunIdProperty: INodeProperties = {
	displayName: 'Workflow Run ID',
	name: 'workflowRunId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'fb47b2e6-5e43-4f90-be01-d5c5a088d156',
	description:
		'The workflow_run_id of the run: it is on the item of a Chat Message → Send (Chatflow apps) or Workflow → Run, also when the run paused for Human Input',
};

/** A paused Human Input form's token. */
export const formTokenProperty: INodeProperties = {
	displayName: 'Form Token',
	name: 'formToken',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	required: true,
	placeholder: 'tok_abc123',
	description:
		"The form's form_token: on the item of a Send or Run that paused (form.form_token, status paused), from Dify's human_input_required event",
};

const SIMPLIFY_DESCRIPTION =
	"Whether to return a simplified item: the answer (or the run's outputs) and IDs first, empty sections left out. Off: every field the reply has, as in version 1 of this node.";

/**
 * Simplify, as n8n's own nodes offer it: on by default for nodes added from version 1.1 on, off
 * for version 1 (existing workflows keep their output). Same name, one definition per version.
 */
export const simplifyProperties: INodeProperties[] = [
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: SIMPLIFY_DESCRIPTION,
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: SIMPLIFY_DESCRIPTION,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
	},
];

/** The conversation a Conversation operation acts on (Dify's conversation IDs are UUIDs). */
export const conversationIdProperty: INodeProperties = {
	displayName: 'Conversation ID',
	name: 'conversationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '45701982-8118-4bc5-8e9b-64562b4555f2',
	description:
		'The conversation_id of a chat answer (Chat Message → Send) or of Conversation → Get Many, a UUID. It must belong to the User below.',
};

/** The message a feedback or suggested-questions call is about (Dify's message IDs are UUIDs). */
export const messageIdProperty: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '9da23599-e713-473b-982c-4328d4f5c78a',
	description:
		'The message_id of a chat answer (Chat Message → Send) or the ID of a message from Conversation → Get Messages, a UUID. It must belong to the User below.',
};
