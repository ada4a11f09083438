/**
 * One way for a test file to run its provider's node through the engine: the node, its credential
 * (pointing at the test file's simulator) and default parameters, set once; each call gives the
 * test's own parameters on top, and may change credential fields or any other run option.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import type { Simulator } from '../helpers';
import type { RunOptions, RunResult } from './harness';
import { runNode } from './harness';

export interface RunnerSpec {
	node: () => INodeType;
	credentialTypes: ICredentialType[];
	/** The credential values by type, for the running simulator (its `baseUrl`). */
	credentials: (sim: Simulator) => Record<string, ICredentialDataDecryptedObject>;
}

export interface RunExtra extends Partial<Omit<RunOptions, 'credentials'>> {
	/** Fields that replace the credential's (every credential type of the spec). */
	credential?: ICredentialDataDecryptedObject;
	/** Whole credentials by type, replacing the spec's. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

export type NodeRun = (
	parameters?: Record<string, unknown>,
	extra?: RunExtra,
) => Promise<RunResult>;

/** A runner bound to a test file's simulator (`useSimulator`), starting from `defaults` (e.g. the resource). */
export function nodeRunner(
	holder: { sim: Simulator },
	spec: RunnerSpec,
	defaults: INodeParameters = {},
): NodeRun {
	return (parameters = {}, extra = {}) => {
		const { credential, credentials, ...rest } = extra;
		const base = credentials ?? spec.credentials(holder.sim);
		return runNode({
			node: spec.node(),
			credentialTypes: spec.credentialTypes,
			credentials: Object.fromEntries(
				Object.entries(base).map(([type, values]) => [type, { ...values, ...credential }]),
			),
			parameters: { ...defaults, ...(parameters as INodeParameters) },
			...rest,
		});
	};
}
