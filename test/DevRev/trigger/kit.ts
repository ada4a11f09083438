/**
 * What the DevRev Trigger tests share: the trigger behind a real HTTP server, its lifecycle
 * methods run as n8n runs them at activation (with the same workflow static data and a webhook URL
 * that reaches that server), and signed deliveries built by hand.
 */
import { randomUUID } from 'node:crypto';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { IDataObject } from 'n8n-workflow';

import { DevRevApi } from '../../../credentials/DevRevApi.credentials';
import { DevRevTrigger } from '../../../nodes/DevRev/DevRevTrigger.node';
import { NODE_NAME } from '../../engine/harness';
import { runWebhookMethod, startTriggerServer } from '../../engine/webhook';
import type { TriggerServer, TriggerServerOptions } from '../../engine/webhook';
import type { Simulator } from '../../helpers';
import { providers } from '../../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = require('../../../dev/simulator/schemas/devrev.json');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const hooks = require('../../../dev/simulator/devrev/webhooks') as {
	SIGNATURE_HEADER: string;
	signEvent(secret: string, raw: string): string;
	eventBody(
		webhook: IDataObject,
		type: string,
		object: IDataObject,
		fields?: IDataObject,
	): IDataObject;
};

export const devrev = providers.devrev;

/** Whether a value has the shape DevRev documents (schemas/devrev.json, with its $defs). */
export function matchesSchema(schema: object, value: unknown): boolean {
	const ajv = new Ajv({ strict: false });
	addFormats(ajv);
	return ajv.compile({ ...schema, $defs: schemas.$defs })(value) as boolean;
}
export { schemas };

export interface Trigger {
	server: TriggerServer;
	staticData: IDataObject;
	/** The node's static data (webhookId, webhookSecret, …). */
	node(): IDataObject;
	hook(
		method: 'checkExists' | 'create' | 'delete',
		parameters?: Record<string, unknown>,
	): Promise<boolean | undefined>;
	/** The webhook the simulator holds for this trigger. */
	webhook(): IDataObject | undefined;
	/** POST a body to the trigger, signed with its secret unless `signature` is given. */
	deliver(body: unknown, options?: { signature?: string; raw?: string }): Promise<Response>;
	stop(): Promise<void>;
}

/** A DevRev Trigger behind a real HTTP server, its webhook not yet created. */
export async function devRevTrigger(
	sim: Simulator,
	parameters: Record<string, unknown> = {},
): Promise<Trigger> {
	const staticData: IDataObject = {};
	const base: TriggerServerOptions = {
		node: new DevRevTrigger(),
		parameters: { events: ['timeline_entry_created'], options: {}, ...parameters },
		credentialTypes: [new DevRevApi()],
		credentials: { devRevApi: { accessToken: devrev.TOKEN, baseUrl: sim.baseUrl } },
		webhookId: randomUUID(),
		staticData,
	};
	const server = await startTriggerServer(base);
	const webhookBaseUrl = `${new URL(server.url).origin}/webhook`;
	const node = () => (staticData[`node:${NODE_NAME}`] ?? {}) as IDataObject;
	return {
		server,
		staticData,
		node,
		hook: async (method, more = {}) =>
			await runWebhookMethod({
				...base,
				parameters: { ...base.parameters, ...more } as TriggerServerOptions['parameters'],
				method,
				webhookBaseUrl,
			}),
		webhook: () => (sim.state.webhooks as IDataObject[]).find((w) => w.id === node().webhookId),
		deliver: async (body, options = {}) => {
			const raw = options.raw ?? JSON.stringify(body);
			const secret = String(node().webhookSecret ?? '');
			return await fetch(server.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					[hooks.SIGNATURE_HEADER]: options.signature ?? hooks.signEvent(secret, raw),
				},
				body: raw,
			});
		},
		stop: async () => await server.stop(),
	};
}

/** No webhooks and no calls from earlier tests (the simulator's state lives for the file). */
export function resetWebhooks(sim: Simulator): void {
	sim.state.webhooks = [];
	sim.state.webhookRequests = [];
	sim.state.webhookCalls = [];
}
