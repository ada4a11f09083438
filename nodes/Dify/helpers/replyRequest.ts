/**
 * What the operations whose reply streams read from their parameters (checked, no request): the
 * shared part of the request, and the Options of a streamed reply.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid, requireInteger } from '../../common/validate';
import type { FileSpec } from './files';
import { fileReferences, readFiles } from './files';
import { readInputs } from './inputs';
import { readUser } from './parameters';

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
}

export const MAX_RESUME_ATTEMPTS = 10;

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
	};
}
