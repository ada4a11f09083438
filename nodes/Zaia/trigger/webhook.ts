/** The Zaia Trigger's webhook: the shared callback flow, opened by the trigger's secret. */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { DEFAULT_MAX_BODY_MB, receiveExportCallback } from '../callback/flow';
import type { CallbackRequest } from '../callback/request';
import { requestHeader } from '../callback/request';
import { MIN_TRIGGER_SECRET_LENGTH, readTriggerSecret, secretProblem } from './secret';

/** The secret the caller sent: in the query parameter, else in the header. */
export function presentedSecret(
	request: CallbackRequest,
	queryName: string,
	headerName: string,
): string | undefined {
	const fromQuery = request.query[queryName];
	if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
	if (Array.isArray(fromQuery) && typeof fromQuery[0] === 'string') return fromQuery[0];
	return requestHeader(request.headers, headerName);
}

/** The Zaia Trigger's webhook: the shared callback flow with the trigger's secret and options. */
export async function receiveTriggerCallback(
	ctx: IWebhookFunctions,
	options: IDataObject,
): Promise<IWebhookResponseData> {
	const queryName = String(options.queryParameterName || 'secret');
	const headerName = String(options.headerName || 'x-zaia-secret').toLowerCase();
	const maxBytes = Math.round(Number(options.maxBodySizeMb || DEFAULT_MAX_BODY_MB) * 1024 * 1024);
	const { secret, source } = await readTriggerSecret(ctx);
	const problem = secretProblem(secret, source);
	return await receiveExportCallback(ctx, {
		access: {
			presented: (request) => presentedSecret(request, queryName, headerName),
			// Fail closed: a trigger without a usable secret starts nothing.
			expected: async () => (problem ? '' : secret),
			// the caller is not told more (where the secret is kept, how long it is)
			refusal: {
				message: `The Zaia Trigger has no secret of at least ${MIN_TRIGGER_SECRET_LENGTH} characters configured`,
			},
		},
		maxBytes,
		item: {
			downloadFile: ctx.getNodeParameter('downloadFile', false) as boolean,
			downloadUrlField: String(options.downloadUrlField ?? ''),
			maxBytes,
			binaryPropertyName: String(options.binaryPropertyName || 'data'),
			hiddenHeaders: [headerName],
			hiddenQuery: [queryName],
		},
	});
}
