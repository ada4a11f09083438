/** Parameters several Dify operations share, defined once. */
import type { INodeProperties } from 'n8n-workflow';

import {
	additionalFieldsCollection,
	filtersCollection,
	optionsCollection,
} from '../../common/descriptions';
import { returnAllProperties } from '../../common/paging';
import {
	DEFAULT_MAX_ANSWER_MB,
	DEFAULT_MAX_DURATION_S,
	MAX_ANSWER_MB_LIMIT,
	MAX_RESUME_ATTEMPTS,
} from '../helpers/replyRequest';

export { optionsCollection };

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
			{
				name: 'JSON',
				value: 'json',
				description: 'One JSON object, for values that are not text (numbers, lists, files)',
			},
			{ name: 'Name/Value Pairs', value: 'pairs', description: 'One row per app variable' },
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
		'Files to attach to the message, from a URL or from a binary field of the input item (uploaded to Dify first)',
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
							name: 'Binary Property',
							value: 'binary',
							description: 'A file of the input item, uploaded to Dify first',
						},
						{
							name: 'URL',
							value: 'url',
							description: 'Dify downloads the file from this address',
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
						"Dify's file type. By default it is detected from the MIME type or the file extension.",
				},
			],
		},
	],
};

/** The Response Mode field of an Additional Fields collection: what each mode means for this operation. */
export function responseModeField(streaming: string, blocking: string): INodeProperties {
	return {
		displayName: 'Response Mode',
		name: 'responseMode',
		type: 'options',
		options: [
			{ name: 'Blocking', value: 'blocking', description: blocking },
			{ name: 'Streaming', value: 'streaming', description: streaming },
		],
		default: 'streaming',
	};
}

/** Options of every operation whose reply streams (read by helpers/replyRequest.ts). */
export const streamedReplyOptions: INodeProperties[] = [
	{
		displayName: 'Include Text-to-Speech Audio',
		name: 'includeTts',
		type: 'boolean',
		default: false,
		description:
			'Whether to collect the audio of apps with text-to-speech auto-play into "tts" (base64 MP3); ignored otherwise',
	},
	{
		displayName: 'Keep Raw Events',
		name: 'keepEvents',
		type: 'boolean',
		default: false,
		description:
			'Whether to add every event Dify sent, in order, as "events". Without it, workflow steps are summed up in "nodes".',
	},
	{
		displayName: 'Max Answer Size',
		name: 'maxAnswerSize',
		type: 'number',
		typeOptions: { minValue: 0.01, maxValue: MAX_ANSWER_MB_LIMIT, numberPrecision: 2 },
		default: DEFAULT_MAX_ANSWER_MB,
		description:
			'The most the reply may hold, in MB of text: its answer and reasoning (with Include Text-to-Speech Audio also the audio, with Keep Raw Events also the events). A larger reply stops the node with an error and Dify is asked to stop; with Continue On Fail the item keeps what had arrived.',
	},
	{
		displayName: 'Max Duration',
		name: 'maxDuration',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MAX_DURATION_S,
		description:
			'The most time, in seconds, the whole reply may take, reconnects included (Timeout only bounds each silence). A reply still running then stops the node with an error and Dify is asked to stop; with Continue On Fail the item keeps what had arrived.',
	},
	{
		displayName: 'Resume Attempts',
		name: 'resumeAttempts',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_RESUME_ATTEMPTS },
		default: 3,
		description:
			'How often to reconnect when the connection to a Chatflow or Workflow app drops mid-reply (waiting 0.5 s, 1 s, 2 s, … between tries). The node carries on where the reply stopped, so the answer is whole and nothing is counted twice; the item says in "resumed" how often. Chatbot and Agent replies cannot be picked up again. 0 turns this off.',
	},
	{
		displayName: 'Stream Answer to Chat',
		name: 'forwardChunks',
		type: 'boolean',
		default: true,
		description:
			"Whether to pass the answer on piece by piece while Dify writes it, when the workflow streams its response (for example a Chat Trigger with streaming on). Ignored when the node is an AI Agent's tool: the agent gets the whole answer. The output item is the same either way.",
	},
	{
		displayName: 'When Dify Replaces the Answer',
		name: 'replacedAnswer',
		type: 'options',
		options: [
			{
				name: 'Hold Until Final',
				value: 'hold',
				description:
					'Send nothing to the chat while Dify answers, then the final answer in one piece, so withdrawn text is never shown. Use it when the app moderates its output.',
			},
			{
				name: 'Send a Correction',
				value: 'correct',
				description:
					"Stream as usual. If Dify withdraws text the chat already shows (for example the app's output moderation), a closing message says so and gives the replacement.",
			},
		],
		default: 'correct',
		description:
			'What a streaming chat sees when Dify replaces an answer it already sent (n8n cannot take back what the chat shows). The output item always holds only the final answer.',
	},
];

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

/** The parameters of a list: Return All and Limit, its Filters (when it has any), Options. */
export function listProperties(filters: INodeProperties[] = []): INodeProperties[] {
	const properties = [...returnAllProperties()];
	if (filters.length > 0) {
		properties.push(filtersCollection(filters));
	}
	return [...properties, optionsCollection()];
}

/**
 * The parameters of an operation whose reply streams: its own first, then User, Inputs, its
 * Additional Fields, Simplify and the Options of a streamed reply.
 */
export function replyProperties(
	additionalFields: INodeProperties[],
	own: INodeProperties[] = [],
): INodeProperties[] {
	return [
		...own,
		userProperty,
		...inputsProperties,
		additionalFieldsCollection(additionalFields),
		...simplifyProperties,
		optionsCollection(streamedReplyOptions),
	];
}

/** The parameters of a Stop operation: the task, and the User (what Dify does with it). */
export function stopProperties(sentBy: string, user: string): INodeProperties[] {
	return [
		{
			displayName: 'Task ID',
			name: 'taskId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'c3800678-a077-43df-a102-53f23ed20b88',
			description: `The task_id of the reply to stop, while ${sentBy} step is still streaming it (every part Dify streams carries it). Only streamed replies can be stopped.`,
		},
		{ ...userProperty, description: user },
		optionsCollection(),
	];
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
		'After a Workflow → Run step, or a Chat Message → Send step of a Chatflow app, drag its workflow_run_id here. A run that paused for Human Input has one too.',
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
		'After a Send or Run step that paused for Human Input (status "paused"), drag its form.form_token here',
};

/** The conversation a Conversation operation acts on. */
export const conversationIdProperty: INodeProperties = {
	displayName: 'Conversation ID',
	name: 'conversationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '45701982-8118-4bc5-8e9b-64562b4555f2',
	description:
		'After a Chat Message → Send step, drag its conversation_id here (or an ID from Conversation → Get Many). It must belong to the User below.',
};

/** The message a feedback or suggested-questions call is about. */
export const messageIdProperty: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '9da23599-e713-473b-982c-4328d4f5c78a',
	description:
		'After a Chat Message → Send step, drag its message_id here (or the ID of a message from Conversation → Get Messages). It must belong to the User below.',
};

/** An annotation's question and answer (Annotation → Create, Update: both required by Dify). */
export const annotationProperties: INodeProperties[] = [
	{
		displayName: 'Question',
		name: 'question',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'What is Dify?',
		description: 'The question the app matches what users ask against',
	},
	{
		displayName: 'Answer',
		name: 'answer',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'Dify is an open-source LLM application development platform.',
		description: 'The answer the app gives, as it is, when a question matches',
	},
];

/** The annotation an Annotation operation acts on. */
export const annotationIdProperty: INodeProperties = {
	displayName: 'Annotation ID',
	name: 'annotationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'a1b2c3d4-5678-90ab-cdef-1234567890ab',
	description: 'The ID of an annotation from Annotation → Create or Get Many',
};

/** Annotation → Enable Reply, Disable Reply: the settings Dify requires for both, and the wait. */
export function annotationReplyProperties(action: 'enable' | 'disable'): INodeProperties[] {
	const withNote = (text: string) =>
		action === 'disable'
			? `${text} Dify checks it when disabling too: give the value annotation reply was enabled with.`
			: text;
	return [
		{
			displayName: 'Score Threshold',
			name: 'scoreThreshold',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			default: 0.9,
			required: true,
			description: withNote(
				"How similar, from 0 to 1, a question must be to an annotation's for the annotation to answer it. Higher values need closer matches.",
			),
		},
		{
			displayName: 'Embedding Provider Name',
			name: 'embeddingProviderName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'openai',
			description: withNote(
				'The provider of the embedding model that compares questions, as Dify names it.',
			),
		},
		{
			displayName: 'Embedding Model Name',
			name: 'embeddingModelName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'text-embedding-3-small',
			description: withNote('The embedding model that compares questions.'),
		},
		{
			displayName: 'Wait for Completion',
			name: 'waitForJob',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until Dify has finished the change (it runs in the background) and output its final status. Off: output the job as started; Get Reply Status follows it.',
		},
		optionsCollection([maxWaitOption]),
	];
}

/** How long Enable Reply / Disable Reply wait for their job. */
export const maxWaitOption: INodeProperties = {
	displayName: 'Max Wait',
	name: 'maxWait',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 120,
	description:
		'With Wait for Completion: how long to wait, in seconds, before the item fails with the job still running (its job_id is kept, for Get Reply Status)',
};
