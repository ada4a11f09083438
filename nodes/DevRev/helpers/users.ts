import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../common/transport';
import { invalid, parseList } from '../../common/validate';
import { devRevProfile } from '../transport';
import { MAX_DM_USERS } from './limits';

export interface DevUser {
	id: string;
	displayId?: string;
}

/** The caller, looked up once per execution (the execute context is shared by all its items). */
const callerByExecution = new WeakMap<object, Promise<DevUser>>();

/** The user the token belongs to (GET /dev-users.self), asked once per run. */
export async function authenticatedUser(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<DevUser> {
	let pending = callerByExecution.get(ctx);
	if (!pending) {
		pending = apiRequest<{ dev_user?: IDataObject }>(ctx, devRevProfile, {
			method: 'GET',
			path: '/dev-users.self',
			itemIndex,
		}).then(({ body }) => {
			const user = body?.dev_user;
			if (!user || typeof user.id !== 'string') {
				throw invalid(
					ctx.getNode(),
					itemIndex,
					'Add Me to Users',
					'DevRev did not say which user the token belongs to',
					'Turn "Add Me to Users" off and list your own ID in Users.',
				);
			}
			return {
				id: user.id,
				displayId: typeof user.display_id === 'string' ? user.display_id : undefined,
			};
		});
		callerByExecution.set(ctx, pending);
		// A failed lookup is not remembered: the next item may try again.
		pending.catch(() => callerByExecution.delete(ctx));
	}
	return await pending;
}

/** Whether a Users entry (full ID or display ID, any case) names this user. */
export function isSameUser(entry: string, user: DevUser): boolean {
	return (
		entry === user.id ||
		(user.displayId !== undefined && entry.toUpperCase() === user.displayId.toUpperCase())
	);
}

/**
 * The users with the caller added unless already listed (DevRev requires the caller in every DM's
 * users), checked against the 16-user bound once the caller is known.
 */
export async function usersWithCaller(
	ctx: IExecuteFunctions,
	itemIndex: number,
	users: string[],
): Promise<string[]> {
	const me = await authenticatedUser(ctx, itemIndex);
	const members = [...users];
	if (!members.some((entry) => isSameUser(entry, me))) members.push(me.id);
	if (members.length > MAX_DM_USERS) {
		throw invalid(
			ctx.getNode(),
			itemIndex,
			'Users',
			`with you added there are ${members.length} users; DevRev allows at most ${MAX_DM_USERS}`,
			'Remove one user, or list yourself among the 16 and keep "Add Me to Users" on.',
		);
	}
	return members;
}

/** A DM's Users as the parameters give them, and whether to add the caller ("Add Me to Users"). */
export interface DmUsers {
	users: string[];
	addAuthenticatedUser: boolean;
}

/** Users and "Add Me to Users" (Create Direct Message, Get by users), checked before any request. */
export function readDmUsers(ctx: IExecuteFunctions, itemIndex: number): DmUsers {
	const addAuthenticatedUser = ctx.getNodeParameter(
		'addAuthenticatedUser',
		itemIndex,
		true,
	) as boolean;
	const value = ctx.getNodeParameter('users', itemIndex, '');
	const users = parseList(ctx.getNode(), itemIndex, 'Users', value, {
		min: addAuthenticatedUser ? 0 : 1,
		max: MAX_DM_USERS,
		unique: true,
	});
	return { users, addAuthenticatedUser };
}

/** The users to send: with the caller added when "Add Me to Users" is on. */
export async function dmMembers(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ users, addAuthenticatedUser }: DmUsers,
): Promise<string[]> {
	return addAuthenticatedUser ? await usersWithCaller(ctx, itemIndex, users) : users;
}
