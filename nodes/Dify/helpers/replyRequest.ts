/**
 * What the operations whose reply streams read from their parameters (checked, no request): the
 * shared part of the request, and the Options of a streamed reply.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid, requireInteger } from '../../common/validate';
import type { FileSpec } from './files';
import { fileReferences, readFiles } from './files';
import { readInputs } from './inputs';
import { readUser, requirePositiveNumber } from './parameters';

/**
 * What Chat Message → Send, Completion Message → Send and Workflow → Run read alike: the user,
 * the app's inputs, the response mode, files, the reply options and Simplify. Checked, no request.
 */
export interface ReplyRequest {
	user: string;
	/** The request body's shared part: `inputs`, `user`, `response_mode`. */
	body: IDataObject;
	/** The operation's Additional Fields, for what only it reads. */
	additional: IDataObject;
	files: FileSpec[];
	options: ReplyOptions;
	simplify: boolean;
}

export function readReplyRequest(ctx: IExecuteFunctions, i: number): ReplyRequest {
	const node = ctx.getNode();
	const user = readUser(ctx, i);
	const inputs = readInputs(ctx, i);
	const additional = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const responseMode = String(additional.responseMode ?? 'streaming');
	if (responseMode !== 'streaming' && responseMode !== 'blocking') {
		throw invalid(node, i, 'Response Mode', `must be streaming or blocking, got "${responseMode}"`);
	}
	const fileRows = ((additional.files as IDataObject | undefined)?.file ?? []) as IDataObject[];
	return {
		user,
		body: { inputs, user, response_mode: responseMode },
		additional,
		files: readFiles(ctx, i, fileRows),
		options: readReplyOptions(ctx, i),
		simplify: ctx.getNodeParameter('simplify', i, false) === true,
	};
}

/** The request body to send: uploads the local files first and references them in `files`. */
export async function bodyWithFiles(
	ctx: IExecuteFunctions,
	i: number,
	request: Pick<ReplyRequest, 'body' | 'user' | 'files'>,
): Promise<IDataObject> {
	const body: IDataObject = { ...request.body };
	if (request.files.length > 0)
		body.files = await fileReferences(ctx, i, request.user, request.files);
	return body;
}

/** The node's Options that shape a streamed reply (see `streamedReplyOptions`). */
export interface ReplyOptions {
	keepEvents: boolean;
	includeTts: boolean;
	forwardChunks: boolean;
	/** `correct`: a closing chunk tells the chat the streamed text was withdrawn; `hold`: send nothing until the answer is final. */
	replacedAnswer: 'correct' | 'hold';
	/** How often a broken workflow-backed stream is reopened (0: never). */
	resumeAttempts: number;
	/** The most characters the item may keep (Max Answer Size). */
	maxAnswerChars: number;
	/** The most time the whole reply may take, reconnects included (Max Duration). */
	maxDurationMs: number;
}

export const MAX_RESUME_ATTEMPTS = 10;

/**
 * Max Answer Size, in MB (2^20 characters). 16 MB of text is far beyond any model's answer and
 * keeps an item small enough for n8n to store; 1024 is what one n8n item can still hold.
 */
export const DEFAULT_MAX_ANSWER_MB = 16;
export const MAX_ANSWER_MB_LIMIT = 1024;
/**
 * Max Duration, in seconds. Self-hosted Dify ends an app run after APP_MAX_EXECUTION_TIME and a
 * workflow after WORKFLOW_MAX_EXECUTION_TIME (both 1200 s by default), so 30 minutes leaves room.
 */
export const DEFAULT_MAX_DURATION_S = 1800;

/** The Options of a streamed reply, as one item asks for them. Checked, no request. */
export function readReplyOptions(ctx: IExecuteFunctions, i: number): ReplyOptions {
	const node = ctx.getNode();
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const replacedAnswer = options.replacedAnswer ?? 'correct';
	if (replacedAnswer !== 'correct' && replacedAnswer !== 'hold') {
		throw invalid(
			node,
			i,
			'When Dify Replaces the Answer',
			`must be correct or hold, got ${JSON.stringify(replacedAnswer)}`,
		);
	}
	return {
		keepEvents: options.keepEvents === true,
		includeTts: options.includeTts === true,
		forwardChunks: options.forwardChunks !== false,
		replacedAnswer,
		resumeAttempts: requireInteger(node, i, 'Resume Attempts', options.resumeAttempts ?? 3, {
			min: 0,
			max: MAX_RESUME_ATTEMPTS,
		}),
		maxAnswerChars: Math.floor(
			requirePositiveNumber(
				node,
				i,
				'Max Answer Size',
				options.maxAnswerSize ?? DEFAULT_MAX_ANSWER_MB,
				MAX_ANSWER_MB_LIMIT,
			) * 1048576,
		),
		maxDurationMs:
			requireInteger(node, i, 'Max Duration', options.maxDuration ?? DEFAULT_MAX_DURATION_S, {
				min: 1,
			}) * 1000,
	};
}
