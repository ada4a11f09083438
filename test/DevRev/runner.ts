import type { INodeParameters } from 'n8n-workflow';

import { DevRevApi } from '../../credentials/DevRevApi.credentials';
import { DevRev } from '../../nodes/DevRev/DevRev.node';
import { runNode } from '../engine/harness';
import type { RunOptions } from '../engine/harness';
import type { Simulator } from '../helpers';
import { providers } from '../helpers';

export const devrev = providers.devrev;

/**
 * The DevRev node run through the engine against a test file's simulator, with the demo token
 * (or `token`) and the given default parameters under the test's own.
 */
export function devRevRunner(holder: { sim: Simulator }, defaults: INodeParameters = {}) {
	return (
		parameters: Record<string, unknown>,
		extra: Partial<RunOptions> & { token?: string } = {},
	) => {
		const { token, ...rest } = extra;
		return runNode({
			node: new DevRev(),
			credentialTypes: [new DevRevApi()],
			credentials: {
				devRevApi: { accessToken: token ?? devrev.TOKEN, baseUrl: holder.sim.baseUrl },
			},
			parameters: { ...defaults, ...(parameters as INodeParameters) },
			...rest,
		});
	};
}
