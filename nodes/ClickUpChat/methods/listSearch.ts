import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../common/transport';
import { clickUpProfile } from '../transport';

/** Workspaces ("teams" in ClickUp API v2) the token can see, for the Workspace picker. */
export async function getWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const response = await apiRequest<{ teams?: IDataObject[] }>(this, clickUpProfile, {
		method: 'GET',
		path: '/api/v2/team',
	});
	const needle = (filter ?? '').toLowerCase();
	const results = (response.body.teams ?? [])
		.map((team) => ({
			name: String(team.name ?? team.id),
			value: String(team.id),
			url: `https://app.clickup.com/${String(team.id)}/home`,
		}))
		.filter(
			(entry) =>
				!needle || entry.name.toLowerCase().includes(needle) || entry.value.includes(needle),
		);
	return { results };
}
