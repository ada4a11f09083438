/**
 * The Zaia Trigger's secret: where it is kept, and the checks that refuse a trigger that could
 * accept nothing. The trigger's Secret Storage (`authentication`) picks the place: a Zaia Trigger
 * credential (kept out of exported and shared workflow JSON, as n8n's Webhook node does with its
 * Header Auth credential; the only choice from node version 2 on) or, for workflows made with
 * version 1, the node's own Secret parameter.
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
export const TRIGGER_CREDENTIAL = 'zaiaTriggerApi';
/** The n8n credential test (`testedBy`) of the Zaia Trigger credential. */
export const TRIGGER_SECRET_TEST = 'zaiaTriggerSecretTest';

type TriggerContext = IHookFunctions | IWebhookFunctions;

/** The configured secret ('' when none), and where it came from for the messages. */
export async function readTriggerSecret(
	ctx: TriggerContext,
): Promise<{ secret: string; source: 'credential' | 'parameter' }> {
	if (ctx.getNodeParameter('authentication', 'nodeSecret') === 'credential') {
		let credentials: IDataObject | undefined;
		try {
			credentials = (await ctx.getCredentials(TRIGGER_CREDENTIAL)) as IDataObject;
		} catch {
			credentials = undefined;
		}
		const secret = credentials?.secret;
		return { secret: typeof secret === 'string' ? secret : '', source: 'credential' };
	}
	const secret = ctx.getNodeParameter('secret', '') as unknown;
	return { secret: typeof secret === 'string' ? secret : '', source: 'parameter' };
}

/** What is wrong with a secret, in words that say what to set; undefined when it is usable. */
export function secretProblem(
	secret: string,
	source: 'credential' | 'parameter',
): string | undefined {
	if (secret.length >= MIN_TRIGGER_SECRET_LENGTH) return undefined;
	const where =
		source === 'credential'
			? 'in the Zaia Trigger credential (Credential to connect with → Secret)'
			: "in the node's Secret parameter (or set Secret Storage to a Zaia Trigger credential, which keeps it out of the workflow JSON)";
	const found = secret === '' ? 'none is set' : `it has ${secret.length}`;
	return `The Zaia Trigger needs a secret of at least ${MIN_TRIGGER_SECRET_LENGTH} characters ${where}; ${found}. Without it every callback would be refused with 401.`;
}

/**
 * Activation and the editor's "Listen for test event": refuse to register a trigger whose secret
 * is missing or too short, instead of showing it active while it refuses every call.
 */
export async function requireUsableTriggerSecret(ctx: IHookFunctions): Promise<void> {
	const { secret, source } = await readTriggerSecret(ctx);
	const problem = secretProblem(secret, source);
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), problem, {
			description:
				'Use a long random string, e.g. from a password manager; append it to the Production URL as ?secret=… in the Callback URL given to Zaia.',
		});
	}
}

/** The credential's Test button: checks the secret locally (nothing to call: the secret guards n8n's own URL). */
export async function testTriggerSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = credential.data?.secret;
	const problem = secretProblem(typeof secret === 'string' ? secret : '', 'credential');
	return problem
		? { status: 'Error', message: problem }
		: { status: 'OK', message: 'The secret is long enough to guard the Zaia Trigger URL' };
}
