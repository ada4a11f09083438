/**
 * The ClickUp Chat Trigger's secret: the header name and value from its credential, the check
 * that refuses a trigger that could accept nothing (activation, "Listen for test event"), and the
 * credential's Test button.
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

/** The shortest secret the trigger accepts: shorter ones could be guessed. */
export const MIN_TRIGGER_SECRET_LENGTH = 16;
export const TRIGGER_CREDENTIAL = 'clickUpChatTriggerApi';
export const DEFAULT_SECRET_HEADER = 'x-webhook-secret';
/** An HTTP header name (RFC 9110 token), as ClickUp's custom header key must be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export interface TriggerSecret {
	/** Lower case, as Node.js hands over request headers. */
	headerName: string;
	secret: string;
}

/** The credential's header name and secret ('' when there is none). */
export async function readTriggerSecret(
	ctx: IHookFunctions | IWebhookFunctions,
): Promise<TriggerSecret> {
	let credentials: IDataObject | undefined;
	try {
		credentials = (await ctx.getCredentials(TRIGGER_CREDENTIAL)) as IDataObject;
	} catch {
		credentials = undefined;
	}
	return fromCredential(credentials);
}

function fromCredential(credentials: IDataObject | undefined): TriggerSecret {
	const header = credentials?.headerName;
	const secret = credentials?.secret;
	return {
		headerName: (typeof header === 'string' && header.trim()
			? header.trim()
			: DEFAULT_SECRET_HEADER
		).toLowerCase(),
		secret: typeof secret === 'string' ? secret : '',
	};
}

/** What is wrong with the credential, in words that say what to set; undefined when usable. */
export function secretProblem({ headerName, secret }: TriggerSecret): string | undefined {
	if (!HEADER_NAME.test(headerName))
		return `The ClickUp Chat Trigger credential's Header Name "${headerName}" is not a valid header name: use letters, digits and '-', e.g. X-Webhook-Secret.`;
	if (secret.length >= MIN_TRIGGER_SECRET_LENGTH) return undefined;
	const found = secret === '' ? 'none is set' : `it has ${secret.length}`;
	return `The ClickUp Chat Trigger needs a secret of at least ${MIN_TRIGGER_SECRET_LENGTH} characters in its ClickUp Chat Trigger credential; ${found}. Without it every call would be refused with 401.`;
}

/** Activation and "Listen for test event": refuse a trigger whose credential cannot guard it. */
export async function requireUsableTriggerSecret(ctx: IHookFunctions): Promise<void> {
	const problem = secretProblem(await readTriggerSecret(ctx));
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), problem, {
			description:
				"Use a long random string, e.g. from a password manager, and put the same header name and value in the ClickUp Automation's Call webhook → Custom headers.",
		});
	}
}

/** The credential's Test button: checks it locally (the secret guards n8n's own URL: nothing to call). */
export async function testTriggerSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = secretProblem(fromCredential(credential.data as IDataObject | undefined));
	return problem
		? { status: 'Error', message: problem }
		: { status: 'OK', message: 'The secret is long enough to guard the ClickUp Chat Trigger URL' };
}
