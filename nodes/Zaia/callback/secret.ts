/**
 * Export → Send to URL with Trigger Secret "From a Zaia Trigger Credential": the Zaia Trigger's
 * secret is appended to the Callback URL when the node runs, so it is never typed into a workflow.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../common/validate';
import { MIN_TRIGGER_SECRET_LENGTH, TRIGGER_CREDENTIAL } from '../trigger/secret';

/** The query parameter the Zaia Trigger reads its secret from by default (its Secret Query Parameter option). */
export const TRIGGER_SECRET_QUERY = 'secret';

/**
 * The Callback URL with the Zaia Trigger credential's secret appended. Refused before anything is
 * sent: a URL that already carries a secret (it would be saved with the workflow), and a secret
 * the Zaia Trigger would refuse (shorter than 16 characters).
 */
export async function withTriggerSecret(
	ctx: IExecuteFunctions,
	i: number,
	url: string,
): Promise<{ callbackUrl: string; secret: string }> {
	const node = ctx.getNode();
	const target = new URL(url);
	if (target.searchParams.has(TRIGGER_SECRET_QUERY)) {
		throw invalid(
			node,
			i,
			'Callback URL',
			`carries a ${TRIGGER_SECRET_QUERY} parameter; give the Zaia Trigger's Production URL without it (the node appends the Zaia Trigger credential's secret when it runs, so it is not saved in the workflow)`,
		);
	}
	const credentials = (await ctx.getCredentials(TRIGGER_CREDENTIAL, i)) as IDataObject;
	const secret = typeof credentials.secret === 'string' ? credentials.secret : '';
	if (secret.length < MIN_TRIGGER_SECRET_LENGTH) {
		throw invalid(
			node,
			i,
			'Trigger Secret',
			`the Zaia Trigger credential's secret has ${secret.length} characters; the Zaia Trigger refuses every call unless it has at least ${MIN_TRIGGER_SECRET_LENGTH}`,
		);
	}
	target.searchParams.set(TRIGGER_SECRET_QUERY, secret);
	return { callbackUrl: target.toString(), secret };
}
