import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ItemOperation } from '../../../common/items';
import { apiRequest } from '../../../common/transport';
import { compact, invalid, parseJsonObject, parseList } from '../../../common/validate';
import { devRevProfile } from '../../transport';

const showOnly = { resource: ['chat'], operation: ['create'] };

/** DevRev's limits on chats.create (OpenAPI: users 1..16 items, records at most 16). */
export const MAX_DM_USERS = 16;
export const MAX_DM_RECORDS = 16;

export const description: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Direct Message', value: 'dm', description: 'A chat between up to 16 users' },
		],
		default: 'dm',
		required: true,
		description: 'The kind of chat to create. DevRev offers one kind today.',
		displayOptions: { show: showOnly },
	},
	{
		displayName: 'Users',
		name: 'users',
		type: 'string',
		default: '',
		placeholder: 'DEVU-12, DEVU-34',
		description:
			'The users in the DM: their DevRev IDs (DEVU-12 or the full don:identity:… ID), comma-separated or an expression returning an array. DevRev allows 1 to 16 users and requires you (the owner of the token) to be one of them: see "Add Me to Users".',
		displayOptions: { show: showOnly },
	},
	{
		displayName: 'Add Me to Users',
		name: 'addAuthenticatedUser',
		type: 'boolean',
		default: true,
		description:
			'Whether to add the user the token belongs to (looked up once per run with GET /dev-users.self) to Users, unless already listed. DevRev rejects a DM that does not include you; turn this off only if you list yourself.',
		displayOptions: { show: showOnly },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnly },
		options: [
			{
				displayName: 'Custom Fields (JSON)',
				name: 'customFields',
				type: 'json',
				default: '{}',
				description:
					'Application-defined custom fields, as a JSON object. DevRev requires a Custom Schema Spec naming the schema of every custom field you send.',
			},
			{
				displayName: 'Custom Schema Spec (JSON)',
				name: 'customSchemaSpec',
				type: 'json',
				default: '{}',
				placeholder: '{"tenant_fragment": true, "validate_required_fields": true}',
				description:
					'The schemas of the custom fields, as a JSON object with any of apps (array of text), subtype (text), tenant_fragment and validate_required_fields (booleans). Schemas left out stay unchanged.',
			},
			{
				displayName: 'Is Default',
				name: 'isDefault',
				type: 'boolean',
				default: true,
				description:
					'Whether this is the default DM for these users: the one always returned when a DM is opened for them. Only one DM per set of users can be the default. DevRev treats a DM as default unless told otherwise.',
			},
			{
				displayName: 'Open Existing Chat on Conflict',
				name: 'getIfConflict',
				type: 'boolean',
				default: false,
				description:
					'Whether to output the existing chat when one already conflicts with this one (for example the default DM for the same users) instead of failing with a conflict error. Sent as get_if_conflict.',
			},
			{
				displayName: 'Records',
				name: 'records',
				type: 'string',
				default: '',
				placeholder: 'ISS-101, TKT-7',
				description:
					'IDs of DevRev records (issues, tickets, …) to associate with the DM, at most 16, comma-separated or an array',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'The title for the chat',
			},
		],
	},
];

interface Prepared {
	body: IDataObject;
	users: string[];
	addAuthenticatedUser: boolean;
}

interface DevUser {
	id: string;
	displayId?: string;
}

/** The caller, looked up once per execution (the execute context is shared by all its items). */
const callerByExecution = new WeakMap<object, Promise<DevUser>>();

async function authenticatedUser(ctx: IExecuteFunctions, itemIndex: number): Promise<DevUser> {
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

/** DevRev's conflict error, plus what to do instead: open the existing chat, or make a non-default DM. */
function withConflictHint(error: unknown, openedExisting: boolean): unknown {
	if (error instanceof NodeApiError && error.httpCode === '409' && !openedExisting) {
		error.description = [
			error.description,
			'A chat like this already exists (for example the default DM for the same users). To get the existing chat instead of this error, turn on Additional Fields → "Open Existing Chat on Conflict"; to create another DM for the same users, set Additional Fields → "Is Default" to false.',
		]
			.filter(Boolean)
			.join('\n');
	}
	return error;
}

function isSameUser(entry: string, user: DevUser): boolean {
	return (
		entry === user.id ||
		(user.displayId !== undefined && entry.toUpperCase() === user.displayId.toUpperCase())
	);
}

export const create: ItemOperation<Prepared> = {
	async prepare(this: IExecuteFunctions, i) {
		const node = this.getNode();
		const addAuthenticatedUser = this.getNodeParameter('addAuthenticatedUser', i, true) as boolean;
		const users = parseList(node, i, 'Users', this.getNodeParameter('users', i, ''), {
			min: addAuthenticatedUser ? 0 : 1,
			max: MAX_DM_USERS,
			unique: true,
		});
		const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const records =
			fields.records === undefined
				? undefined
				: parseList(node, i, 'Records', fields.records, { max: MAX_DM_RECORDS, unique: true });
		const customFields =
			fields.customFields === undefined
				? {}
				: parseJsonObject(node, i, 'Custom Fields (JSON)', fields.customFields);
		const customSchemaSpec =
			fields.customSchemaSpec === undefined
				? {}
				: parseJsonObject(node, i, 'Custom Schema Spec (JSON)', fields.customSchemaSpec);
		const hasCustomFields = Object.keys(customFields).length > 0;
		const hasSchemaSpec = Object.keys(customSchemaSpec).length > 0;
		if (hasCustomFields && !hasSchemaSpec) {
			throw invalid(
				node,
				i,
				'Custom Schema Spec (JSON)',
				'is required when Custom Fields are set',
				'DevRev rejects custom fields whose schema is not named, e.g. {"tenant_fragment": true}.',
			);
		}
		const type = this.getNodeParameter('type', i, 'dm') as string;
		if (type !== 'dm') throw invalid(node, i, 'Type', `must be "dm", got ${JSON.stringify(type)}`);
		const title =
			typeof fields.title === 'string' && fields.title !== '' ? fields.title : undefined;
		const body = compact({
			type,
			title,
			is_default: typeof fields.isDefault === 'boolean' ? fields.isDefault : undefined,
			records: records && records.length > 0 ? records : undefined,
			get_if_conflict: typeof fields.getIfConflict === 'boolean' ? fields.getIfConflict : undefined,
			custom_fields: hasCustomFields ? customFields : undefined,
			custom_schema_spec: hasSchemaSpec ? customSchemaSpec : undefined,
		});
		return { body, users, addAuthenticatedUser };
	},

	async execute(this: IExecuteFunctions, i, { body, users, addAuthenticatedUser }) {
		const members = [...users];
		if (addAuthenticatedUser) {
			const me = await authenticatedUser(this, i);
			if (!members.some((entry) => isSameUser(entry, me))) members.push(me.id);
			if (members.length > MAX_DM_USERS) {
				throw invalid(
					this.getNode(),
					i,
					'Users',
					`with you added there are ${members.length} users; DevRev allows at most ${MAX_DM_USERS}`,
					'Remove one user, or list yourself among the 16 and keep "Add Me to Users" on.',
				);
			}
		}
		try {
			const response = await apiRequest<IDataObject>(this, devRevProfile, {
				method: 'POST',
				path: '/chats.create',
				body: { ...body, users: members },
				itemIndex: i,
			});
			return response.body;
		} catch (error) {
			throw withConflictHint(error, body.get_if_conflict === true);
		}
	},
};
