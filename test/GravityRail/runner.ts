import type { INodeParameters } from 'n8n-workflow';

import { GravityRailApi } from '../../credentials/GravityRailApi.credentials';
import { GravityRail } from '../../nodes/GravityRail/GravityRail.node';
import { runNode } from '../engine/harness';
import type { RunOptions } from '../engine/harness';
import type { Simulator } from '../helpers';
import { providers } from '../helpers';

export const gr = providers.gravityrail;

/**
 * The Gravity Rail node (resource Chat) run through the engine against a test file's simulator,
 * with the demo credential; `credential` overrides its fields.
 */
export function gravityRailRunner(holder: { sim: Simulator }) {
	return (
		parameters: Record<string, unknown>,
		extra: Partial<RunOptions> & { credential?: Record<string, unknown> } = {},
	) => {
		const { credential, ...rest } = extra;
		return runNode({
			node: new GravityRail(),
			credentialTypes: [new GravityRailApi()],
			credentials: {
				gravityRailApi: {
					apiKey: gr.API_KEY,
					workspaceUuid: gr.WORKSPACE_UUID,
					baseUrl: holder.sim.baseUrl,
					...credential,
				},
			},
			parameters: { resource: 'chat', ...(parameters as INodeParameters) },
			...rest,
		});
	};
}
