import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../../common/transport';
import { optionalText } from '../../common/validate';
import { MAX_CHAT_PAGE_SIZE } from '../chat/limits';
import { fetchChatPage } from '../chat/paging';
import { chatPath, workspaceIdOf } from '../chat/paths';
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

/** With a search text, how many pages one call reads at most to find matches (the API has no name search). */
export const MAX_SEARCH_PAGES = 10;

/** A channel's name in the picker: its own, or what it is when it has none (DMs). */
function channelLabel(channel: IDataObject): string {
	const name = optionalText(channel.name);
	if (name) return channel.type === 'CHANNEL' ? `#${name}` : name;
	const kind = channel.type === 'GROUP_DM' ? 'Group DM' : channel.type === 'DM' ? 'DM' : 'Channel';
	return `${kind} ${String(channel.id)}`;
}

/**
 * The Channel picker: the picked Workspace's channels and DMs, one API page per call (the editor
 * asks for more with the page token). A search text filters names and IDs here, reading further
 * pages until some match.
 */
export async function getChannels(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const workspace = this.getCurrentNodeParameter('workspaceId', { extractValue: true });
	if (optionalText(workspace) === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			'Workspace: pick a Workspace first; the channel list belongs to it',
		);
	}
	const list = { path: chatPath(workspaceIdOf(this.getNode(), 0, workspace), 'channels'), qs: {} };
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchResult['results'] = [];
	const seen = new Set<string>();
	let cursor = optionalText(paginationToken);
	for (let page = 0; page < (needle ? MAX_SEARCH_PAGES : 1); page++) {
		const { items, next } = await fetchChatPage(this, list, cursor, MAX_CHAT_PAGE_SIZE);
		for (const channel of items) {
			const entry = { name: channelLabel(channel), value: String(channel.id) };
			if (!needle || entry.name.toLowerCase().includes(needle) || entry.value.includes(needle))
				results.push(entry);
		}
		if (cursor) seen.add(cursor);
		// a cursor that came back before would loop: stop offering more pages
		cursor = next && !seen.has(next) ? next : undefined;
		if (!cursor || results.length > 0) break;
	}
	return { results, paginationToken: cursor };
}
