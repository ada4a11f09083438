/** A node's listSearch method (the editor's pickers) run through n8n-core's LoadOptionsContext. */
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ILoadOptionsFunctions,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { executionEnvironment, NodeTypes, PACKAGE } from './harness';

export interface ListSearchOptions {
	node: INodeType;
	credentialTypes?: ICredentialType[];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The node's parameters as the editor holds them while the user picks. */
	parameters: INodeParameters;
	/** The listSearch method's name (`typeOptions.searchListMethod`). */
	method: string;
	/** The parameter being picked, e.g. `parameters.channelId`. */
	path: string;
	filter?: string;
	paginationToken?: string;
}

/**
 * Calls a node's listSearch method the way the editor's resource-locator endpoint does: through
 * n8n-core's real LoadOptionsContext (current parameters, credentials, request helpers).
 */
export async function runListSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	const nodeTypeName = `${PACKAGE}.${options.node.description.name}`;
	const nodeTypes = new NodeTypes({ [nodeTypeName]: options.node });
	const credentialTypes = Object.fromEntries(
		(options.credentialTypes ?? []).map((t) => [t.name, t]),
	);
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, options.credentials ?? {});
	const node: INode = {
		id: 'under-test',
		name: 'Node Under Test',
		type: nodeTypeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(
			(options.node.description.credentials ?? []).map((c) => [
				c.name,
				{ id: `${c.name}-id`, name: c.name },
			]),
		),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});
	const { additionalData } = executionEnvironment(
		credentialsHelper,
		'internal',
		'load-options',
		{ id: 'wf-test', name: 'test', nodes: [node], connections: {} } as unknown as IWorkflowBase,
		{ currentNodeParameters: options.parameters },
	);
	const context = new LoadOptionsContext(workflow, node, additionalData, options.path);
	const methods = options.node.methods?.listSearch ?? {};
	const method = methods[options.method];
	if (!method) throw new Error(`The node has no listSearch method ${options.method}`);
	return await method.call(
		context as unknown as ILoadOptionsFunctions,
		options.filter,
		options.paginationToken,
	);
}
