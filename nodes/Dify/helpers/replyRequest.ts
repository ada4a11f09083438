import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../common/validate';
import type { FileSpec } from './files';
import { fileReferences, readFiles } from './files';
import { readInputs } from './inputs';
import type { ReplyOptions } from './reply';
import { readReplyOptions } from './reply';
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
