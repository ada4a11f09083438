import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../common/transport';
import { invalid } from '../../common/validate';
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
					'DevRev did not return your user ID from GET /dev-users.self',
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
