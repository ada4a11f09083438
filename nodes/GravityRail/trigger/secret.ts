/**
 * The Gravity Rail Trigger's credential: the Event Rule's signing secret and whether a signature
 * is required, the check that refuses a trigger that could accept nothing (activation, "Listen
 * for test event"), and the credential's Test button.
 */
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The shortest secret the trigger accepts. Gravity Rail generates the secret (its length is not
 * documented); a shorter one could be guessed, so it is taken for a copying mistake.
 */
export const MIN_SIGNING_SECRET_LENGTH = 16;
export const TRIGGER_CREDENTIAL = 'gravityRailTriggerApi';

export interface SigningSettings {
	secret: string;
	requireSignature: boolean;
}

function fromCredential(credentials: IDataObject | undefined): SigningSettings {
	const secret = credentials?.secret;
	return {
		secret: typeof secret === 'string' ? secret.trim() : '',
		requireSignature: credentials?.requireSignature !== false,
	};
}

/** The credential's settings (no secret and a required signature when there is none). */
export async function readSigningSettings(
	ctx: IHookFunctions | IWebhookFunctions,
): Promise<SigningSettings> {
	let credentials: IDataObject | undefined;
	try {
		credentials = (await ctx.getCredentials(TRIGGER_CREDENTIAL)) as IDataObject;
	} catch {
		credentials = undefined;
	}
	return fromCredential(credentials);
}

/** What is wrong with the credential, in words that say what to set; undefined when usable. */
export function signingProblem({ secret, requireSignature }: SigningSettings): string | undefined {
	if (secret === '' && !requireSignature) return undefined;
	if (secret.length >= MIN_SIGNING_SECRET_LENGTH) return undefined;
	const found = secret === '' ? 'none is set' : `it has ${secret.length} characters`;
	return `The Gravity Rail Trigger credential needs the Event Rule's signing secret (at least ${MIN_SIGNING_SECRET_LENGTH} characters); ${found}. Without it every call would be refused with 401.`;
}

/** Activation and "Listen for test event": refuse a trigger whose credential cannot check calls. */
export async function requireUsableSigning(ctx: IHookFunctions): Promise<void> {
	const problem = signingProblem(await readSigningSettings(ctx));
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), problem, {
			description:
				"In Gravity Rail, open the Event Rule's Webhook action, turn signing on and copy its secret into the credential (or turn Require Signature off for a rule without signing).",
		});
	}
}

/** The credential's Test button: a local check (the secret signs calls to n8n: nothing to call). */
export async function testSigningSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const settings = fromCredential(credential.data as IDataObject | undefined);
	const problem = signingProblem(settings);
	if (problem) return { status: 'Error', message: problem };
	if (settings.secret === '')
		return {
			status: 'OK',
			message:
				'No signing secret: the trigger accepts unsigned calls, so anyone who learns its URL can start the workflow',
		};
	return { status: 'OK', message: 'The signing secret has a usable length' };
}
