import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { buildApiError } from '../../../common/errors';
import type { ItemOperation } from '../../../common/items';
import { withPartialOutput } from '../../../common/items';
import type { ApiResponse } from '../../../common/transport';
import { apiRequest, cancelSignalOf, credentialSettings } from '../../../common/transport';
import { invalid, parseJsonObject, requireString, requireUrl } from '../../../common/validate';
import { difyProfile } from '../../transport';
import { aggregateDifyResponse, DifyStreamAbortedError } from './aggregate';
import type { DifyAggregateResult } from './aggregate';
import type { SseChunk } from '../../../common/sse';

const showOnly = { resource: ['chatMessage'], operation: ['send'] };

export const FILE_TYPES = ['image', 'document', 'audio', 'video', 'custom'] as const;
type DifyFileType = (typeof FILE_TYPES)[number];

export const description: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'What are the specs of the iPhone 13 Pro Max?',
		description: "The user's message to the app",
		displayOptions: { show: showOnly },
	},
	{
		displayName: 'User',
		name: 'user',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'customer-4821',
		description:
			'Your identifier for the end user, unique within the app. Dify shows conversations and uploaded files only to requests with the same user, so use the same value for every message of a conversation.',
		displayOptions: { show: showOnly },
	},
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
		displayOptions: { show: showOnly },
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
		displayOptions: { show: { ...showOnly, inputsFormat: ['pairs'] } },
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
		displayOptions: { show: { ...showOnly, inputsFormat: ['json'] } },
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
				displayName: 'Auto Generate Name',
				name: 'autoGenerateName',
				type: 'boolean',
				default: true,
				description: 'Whether Dify generates a title for a new conversation',
			},
			{
				displayName: 'Conversation ID',
				name: 'conversationId',
				type: 'string',
				default: '',
				placeholder: '45701982-8118-4bc5-8e9b-64562b4555f2',
				description:
					'Continue this conversation: pass the conversation_id of an earlier answer (with the same User). Leave empty to start a new conversation.',
			},
			{
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
			},
			{
				displayName: 'Response Mode',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Streaming',
						value: 'streaming',
						description:
							'Works with every chat app type and is not cut off on long answers; the stream is aggregated into one item',
					},
					{
						name: 'Blocking',
						value: 'blocking',
						description:
							'One JSON answer. Agent apps refuse it and Dify Cloud cuts it after 100 s.',
					},
				],
				default: 'streaming',
			},
			{
				displayName: 'Workflow ID',
				name: 'workflowId',
				type: 'string',
				default: '',
				description:
					'Chatflow apps only: run this published workflow version instead of the latest one',
			},
		],
	},
];

/** The node's Options beyond Concurrency. */
export const sendOptions: INodeProperties[] = [
	{
		displayName: 'Stream Answer to Chat',
		name: 'forwardChunks',
		type: 'boolean',
		default: true,
		description:
			'Whether to pass the answer on chunk by chunk while it streams, when the workflow streams its response (for example a Chat Trigger with streaming on). The output item is the same either way.',
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
		displayName: 'Keep Raw Events',
		name: 'keepEvents',
		type: 'boolean',
		default: false,
		description:
			'Whether to add every streamed event, in order, as "events" (node, iteration, loop and agent log events are otherwise only summarised)',
	},
];

type FileSpec =
	| { source: 'url'; url: string; type: DifyFileType }
	| { source: 'binary'; property: string; fileName: string; mimeType: string; type: DifyFileType };

interface Prepared {
	body: IDataObject;
	user: string;
	files: FileSpec[];
	keepEvents: boolean;
	includeTts: boolean;
	forwardChunks: boolean;
}

const EXTENSIONS: Record<Exclude<DifyFileType, 'custom'>, string[]> = {
	image: ['jpg', 'jpeg', 'png', 'gif', 'webp', 'svg'],
	document: [
		'txt',
		'md',
		'markdown',
		'mdx',
		'pdf',
		'html',
		'htm',
		'xlsx',
		'xls',
		'vtt',
		'properties',
		'doc',
		'docx',
		'csv',
		'eml',
		'msg',
		'pptx',
		'ppt',
		'xml',
		'epub',
	],
	audio: ['mp3', 'm4a', 'wav', 'amr', 'mpga', 'webm'],
	video: ['mp4', 'mov', 'mpeg'],
};

/** Dify's file type from a MIME type and/or a file name; `custom` when neither says. */
export function detectFileType(
	mimeType: string | undefined,
	name: string | undefined,
): DifyFileType {
	const mime = (mimeType ?? '').toLowerCase();
	if (mime.startsWith('image/')) return 'image';
	if (mime.startsWith('audio/')) return 'audio';
	if (mime.startsWith('video/')) return 'video';
	const extension = /\.([a-z0-9]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
	if (extension) {
		for (const [type, list] of Object.entries(EXTENSIONS))
			if (list.includes(extension)) return type as DifyFileType;
	}
	if (
		mime.startsWith('text/') ||
		mime === 'application/pdf' ||
		mime.includes('officedocument') ||
		mime === 'application/msword'
	)
		return 'document';
	return 'custom';
}

function readInputs(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	const format = ctx.getNodeParameter('inputsFormat', i, 'pairs') as string;
	if (format === 'json') {
		return parseJsonObject(node, i, 'Inputs (JSON)', ctx.getNodeParameter('inputsJson', i, '{}'));
	}
	const rows = ((ctx.getNodeParameter('inputs', i, {}) as IDataObject).values ??
		[]) as IDataObject[];
	const inputs: IDataObject = {};
	for (const row of rows) {
		const name = typeof row.name === 'string' ? row.name.trim() : '';
		if (!name) {
			if (row.value === undefined || row.value === '') continue;
			throw invalid(
				node,
				i,
				'Inputs',
				"every row with a value needs a Name (the app's variable name)",
			);
		}
		if (name in inputs) throw invalid(node, i, 'Inputs', `"${name}" is given more than once`);
		inputs[name] = row.value as IDataObject[string];
	}
	return inputs;
}

function readFiles(ctx: IExecuteFunctions, i: number, rows: IDataObject[]): FileSpec[] {
	const node = ctx.getNode();
	return rows.map((row, n) => {
		const field = `Files → File ${n + 1}`;
		const chosen = String(row.type ?? 'auto');
		if (chosen !== 'auto' && !(FILE_TYPES as readonly string[]).includes(chosen)) {
			throw invalid(
				node,
				i,
				`${field} → Type`,
				`must be one of auto, ${FILE_TYPES.join(', ')}, got "${chosen}"`,
			);
		}
		if ((row.source ?? 'url') === 'binary') {
			const property = requireString(
				node,
				i,
				`${field} → Input Binary Field`,
				row.binaryPropertyName ?? '',
			).trim();
			const binary = ctx.getInputData()[i]?.binary?.[property];
			if (!binary) {
				throw invalid(
					node,
					i,
					`${field} → Input Binary Field`,
					`the input item has no binary field "${property}"`,
				);
			}
			const fileName =
				binary.fileName || `${property}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
			const mimeType = binary.mimeType || 'application/octet-stream';
			const type =
				chosen === 'auto' ? detectFileType(mimeType, fileName) : (chosen as DifyFileType);
			return {
				source: 'binary',
				property,
				fileName: fileName.replace(/[/\\]/g, '_'),
				mimeType,
				type,
			};
		}
		const url = requireUrl(node, i, `${field} → URL`, row.url);
		const type =
			chosen === 'auto'
				? detectFileType(undefined, new URL(url).pathname)
				: (chosen as DifyFileType);
		return { source: 'url', url, type };
	});
}

type MultipartField =
	| { field: string; text: string }
	| { field: string; fileName: string; mimeType: string; data: Buffer };

function multipartBody(fields: MultipartField[]) {
	const boundary = `----n8nDify${randomUUID().replace(/-/g, '')}`;
	const parts: Buffer[] = [];
	for (const field of fields) {
		if ('data' in field) {
			const fileName = field.fileName.replace(/"/g, '%22').replace(/[\r\n]/g, ' ');
			parts.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${field.field}"; filename="${fileName}"\r\nContent-Type: ${field.mimeType}\r\n\r\n`,
				),
				field.data,
				Buffer.from('\r\n'),
			);
		} else {
			parts.push(
				Buffer.from(
					`--${boundary}\r\nContent-Disposition: form-data; name="${field.field}"\r\n\r\n${field.text}\r\n`,
				),
			);
		}
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function uploadFile(
	ctx: IExecuteFunctions,
	i: number,
	user: string,
	file: Extract<FileSpec, { source: 'binary' }>,
): Promise<string> {
	const data = await ctx.helpers.getBinaryDataBuffer(i, file.property);
	const { body, contentType } = multipartBody([
		{ field: 'file', fileName: file.fileName, mimeType: file.mimeType, data },
		{ field: 'user', text: user },
	]);
	const response = await apiRequest<IDataObject>(ctx, difyProfile, {
		method: 'POST',
		path: '/files/upload',
		body,
		headers: { 'Content-Type': contentType },
		itemIndex: i,
	});
	const id = response.body?.id;
	if (typeof id !== 'string' || !id) {
		throw new NodeApiError(ctx.getNode(), (response.body ?? {}) as JsonObject, {
			message: `Dify did not return a file ID for "${file.fileName}"`,
			itemIndex: i,
		});
	}
	return id;
}

function headerValue(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return String(value[0]);
	return value === undefined || value === null ? undefined : String(value);
}

/** The live-chunk API of n8n's execute context, when this n8n has it and the execution streams. */
function chunkSink(ctx: IExecuteFunctions, enabled: boolean) {
	if (!enabled) return undefined;
	const c = ctx as IExecuteFunctions & {
		isStreaming?: () => boolean;
		sendChunk?: IExecuteFunctions['sendChunk'];
	};
	if (typeof c.isStreaming !== 'function' || typeof c.sendChunk !== 'function') return undefined;
	if (!c.isStreaming()) return undefined;
	return async (type: 'begin' | 'item' | 'end' | 'error', itemIndex: number, content?: string) => {
		await Promise.resolve(c.sendChunk(type, itemIndex, content));
	};
}

async function stopGeneration(
	ctx: IExecuteFunctions,
	taskId: string,
	user: string,
	i: number,
): Promise<boolean> {
	if (!taskId) return false;
	try {
		await apiRequest(ctx, difyProfile, {
			method: 'POST',
			path: `/chat-messages/${encodeURIComponent(taskId)}/stop`,
			body: { user },
			detached: true,
			timeout: 10_000,
			retry: { maxRetries: 0 },
			itemIndex: i,
		});
		return true;
	} catch {
		// Best effort: the execution is already cancelled and the answer is dropped either way.
		return false;
	}
}

async function failure(
	ctx: IExecuteFunctions,
	i: number,
	result: DifyAggregateResult,
): Promise<NodeApiError> {
	const { secrets } = await credentialSettings(ctx, difyProfile);
	const info = result.error ?? {
		status: 500,
		code: 'unknown_error',
		message: 'The Dify reply failed',
	};
	const hint =
		info.code === 'incomplete_stream' || info.code === 'stream_interrupted'
			? 'The connection to Dify ended before the reply was complete. The partial answer is kept on the item (with Continue On Fail).'
			: result.workflow?.status === 'failed'
				? `The Dify workflow run ${result.workflow_run_id ?? ''} failed.`.replace('  ', ' ')
				: undefined;
	const error = buildApiError(ctx.getNode(), {
		providerName: 'Dify',
		status: info.status,
		info: { message: info.message, code: info.code, description: hint },
		body: { status: info.status, code: info.code, message: info.message },
		secrets,
		itemIndex: i,
	});
	return withPartialOutput(error, result as unknown as IDataObject);
}

export const send: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const query = requireString(node, i, 'Query', this.getNodeParameter('query', i, ''));
		const user = requireString(node, i, 'User', this.getNodeParameter('user', i, '')).trim();
		const inputs = readInputs(this, i);
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;

		const responseMode = String(additional.responseMode ?? 'streaming');
		if (responseMode !== 'streaming' && responseMode !== 'blocking') {
			throw invalid(
				node,
				i,
				'Response Mode',
				`must be streaming or blocking, got "${responseMode}"`,
			);
		}
		const body: IDataObject = { query, inputs, user, response_mode: responseMode };
		const conversationId =
			typeof additional.conversationId === 'string' ? additional.conversationId.trim() : '';
		if (conversationId) body.conversation_id = conversationId;
		if (typeof additional.autoGenerateName === 'boolean')
			body.auto_generate_name = additional.autoGenerateName;
		const workflowId =
			typeof additional.workflowId === 'string' ? additional.workflowId.trim() : '';
		if (workflowId) body.workflow_id = workflowId;

		const fileRows = ((additional.files as IDataObject | undefined)?.file ?? []) as IDataObject[];
		const files = readFiles(this, i, fileRows);

		return {
			body,
			user,
			files,
			keepEvents: options.keepEvents === true,
			includeTts: options.includeTts === true,
			forwardChunks: options.forwardChunks !== false,
		};
	},

	async execute(this: IExecuteFunctions, i, prepared) {
		const { user, files } = prepared;
		const body: IDataObject = { ...prepared.body };
		if (files.length > 0) {
			const list: IDataObject[] = [];
			for (const file of files) {
				if (file.source === 'url') {
					list.push({ type: file.type, transfer_method: 'remote_url', url: file.url });
				} else {
					const id = await uploadFile(this, i, user, file);
					list.push({ type: file.type, transfer_method: 'local_file', upload_file_id: id });
				}
			}
			body.files = list;
		}

		const response: ApiResponse<AsyncIterable<SseChunk> | IDataObject | string> = await apiRequest(
			this,
			difyProfile,
			{
				method: 'POST',
				path: '/chat-messages',
				body,
				encoding: 'stream',
				itemIndex: i,
			},
		);

		const signal = cancelSignalOf(this);
		const sink = chunkSink(this, prepared.forwardChunks);
		let began = false;
		const onAnswerChunk = sink
			? async (text: string) => {
					if (!began) {
						began = true;
						await sink('begin', i);
					}
					await sink('item', i, text);
				}
			: undefined;

		let result: DifyAggregateResult | undefined;
		let aborted: DifyAggregateResult | undefined;
		let unreadable: string | undefined;
		try {
			result = await aggregateDifyResponse(
				response.body,
				headerValue(response.headers, 'content-type'),
				{
					signal,
					keepEvents: prepared.keepEvents,
					includeTts: prepared.includeTts,
					onAnswerChunk,
				},
			);
		} catch (error) {
			if (error instanceof DifyStreamAbortedError) aborted = error.partial;
			else if (signal?.aborted) aborted = undefined;
			else unreadable = error instanceof Error ? error.message : String(error);
		}

		if (aborted || signal?.aborted) {
			const taskId = aborted?.task_id || result?.task_id || '';
			const stopped = await stopGeneration(this, taskId, user, i);
			if (sink && began) await sink('end', i);
			throw withPartialOutput(
				new NodeOperationError(
					this.getNode(),
					'The execution was cancelled while Dify was answering',
					{
						itemIndex: i,
						description: stopped ? `Dify was asked to stop task ${taskId}.` : undefined,
					},
				),
				(aborted ?? result ?? {}) as unknown as IDataObject,
			);
		}
		if (unreadable !== undefined || !result) {
			throw new NodeApiError(
				this.getNode(),
				{ message: unreadable ?? 'empty reply' },
				{
					message: `Dify's reply could not be read: ${unreadable ?? 'empty reply'}`,
					itemIndex: i,
				},
			);
		}
		if (result.status === 'failed') {
			if (sink) {
				if (!began) await sink('begin', i);
				await sink('error', i, result.error?.message ?? 'The Dify reply failed');
				await sink('end', i);
			}
			throw await failure(this, i, result);
		}
		if (sink) {
			if (!began) {
				await sink('begin', i);
				// A blocking answer (or one that was never streamed) still reaches the chat, in one piece.
				if (result.answer) await sink('item', i, result.answer);
			}
			await sink('end', i);
		}
		return result as unknown as IDataObject;
	},
};
