'use strict';
/**
 * What the browser part opens, read from the node descriptions the editor loads: every
 * resource/operation a user can pick (configurations), the parameters and credentials the panel
 * shows for one, and a workflow holding one node per configuration.
 */
const { CREDENTIALS } = require('../lib');

const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

function latestVersion(desc) {
	return Array.isArray(desc.version) ? Math.max(...desc.version) : desc.version;
}

function optionName(prop, value) {
	return prop?.options?.find((o) => o.value === value)?.name ?? String(value);
}

/**
 * Every configuration a user can pick on a node: [{ resource, operation, label, params, action }],
 * read from its description (resource options, then the operation options shown for each), so new
 * operations are covered without editing this file. A node without resource/operation: one entry.
 */
function configurations(desc, NodeHelpers) {
	const node = { name: 'x', type: desc.name, typeVersion: latestVersion(desc), parameters: {} };
	const visible = (params, prop) =>
		NodeHelpers.displayParameter(params, prop, node, desc, params) !== false;
	const base = {};
	for (const p of desc.properties)
		if (p.name === 'authentication' && p.type === 'options') base.authentication = p.default;
	const resourceProps = desc.properties.filter(
		(p) => p.name === 'resource' && p.type === 'options' && visible(base, p),
	);
	const out = [];
	// n8n adds a "Custom API Call" option (__CUSTOM_API_CALL__) to nodes whose credential the HTTP
	// Request node can use: it is n8n's pointer to that node, not an operation of ours
	const ours = (o) => o.value !== CUSTOM_API_CALL;
	const resources = resourceProps.length
		? resourceProps.flatMap((rp) =>
				rp.options.filter(ours).map((o) => ({ prop: rp, value: o.value })),
			)
		: [{ prop: null, value: undefined }];
	for (const res of resources) {
		const params = res.prop ? { ...base, resource: res.value } : { ...base };
		const opProps = desc.properties.filter(
			(p) => p.name === 'operation' && p.type === 'options' && visible(params, p),
		);
		const ops = opProps.flatMap((op) =>
			op.options.filter(ours).map((o) => ({ prop: op, option: o })),
		);
		if (!ops.length) {
			out.push({
				resource: res.value,
				resourceName: res.prop ? optionName(res.prop, res.value) : undefined,
				params,
				label: res.prop ? optionName(res.prop, res.value) : desc.defaults?.name || desc.displayName,
			});
			continue;
		}
		for (const { option } of ops) {
			const resourceName = res.prop ? optionName(res.prop, res.value) : undefined;
			out.push({
				resource: res.value,
				operation: option.value,
				resourceName,
				operationName: option.name,
				params: { ...params, operation: option.value },
				label: resourceName ? `${resourceName}: ${option.name}` : option.name,
				// what the node panel lists (n8n: option.action, else "<Resource> <Operation>")
				action: option.action ?? `${resourceName ?? ''} ${option.name}`.trim(),
			});
		}
	}
	return out;
}

/** Top-level parameters the panel shows for these values (n8n's own displayParameter). */
function visibleParameters(desc, params, NodeHelpers) {
	const node = { name: 'x', type: desc.name, typeVersion: latestVersion(desc), parameters: params };
	const values =
		NodeHelpers.getNodeParameters(desc.properties, params, true, false, node, desc) ?? params;
	// the "main auth field" (the parameter the credentials' displayOptions depend on, e.g.
	// Authentication) is not in the parameter list: the editor shows it with the credential
	const authFields = new Set(
		(desc.credentials ?? []).flatMap((c) => Object.keys(c.displayOptions?.show ?? {})),
	);
	return desc.properties.filter(
		(p) =>
			p.type !== 'hidden' &&
			!authFields.has(p.name) &&
			NodeHelpers.displayParameter(values, p, node, desc, values),
	);
}

function credentialsFor(desc, params, NodeHelpers) {
	const node = { name: 'x', type: desc.name, typeVersion: latestVersion(desc), parameters: params };
	const out = {};
	for (const c of desc.credentials ?? []) {
		if (!NodeHelpers.displayParameter(params, c, node, desc, params)) continue;
		const fixed = CREDENTIALS[c.name];
		if (fixed) out[c.name] = { id: fixed.id, name: fixed.name };
	}
	return out;
}

const uuid = (a, b) =>
	`b7000000-0000-4000-8000-${String(a).padStart(4, '0')}${String(b).padStart(8, '0')}`;

/** A workflow with one node per configuration of `desc` (and an AI Agent for tool variants). */
function configurationsWorkflow(desc, configs, NodeHelpers, index, agentType) {
	const isTool = desc.name.endsWith('Tool');
	const isTrigger = desc.group?.includes('trigger');
	const nodes = [];
	const connections = {};
	if (isTool) {
		nodes.push({
			id: uuid(index, 0),
			name: 'AI Agent',
			type: agentType.name,
			typeVersion: latestVersion(agentType),
			position: [0, 0],
			parameters: {},
		});
	} else if (!isTrigger) {
		nodes.push({
			id: uuid(index, 0),
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		});
	}
	configs.forEach((c, k) => {
		const name = isTool ? `${c.label} (tool)` : c.label;
		c.nodeName = name;
		nodes.push({
			id: uuid(index, k + 1),
			name,
			type: desc.name,
			typeVersion: latestVersion(desc),
			position: isTool
				? [-300 + 220 * k, 300]
				: [300 + 260 * (k % 4), -200 + 220 * Math.floor(k / 4)],
			parameters: { ...c.params },
			credentials: credentialsFor(desc, c.params, NodeHelpers),
			...(isTrigger ? { webhookId: uuid(index + 50, k + 1) } : {}),
		});
		if (isTool) {
			connections[name] = { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] };
		} else if (!isTrigger) {
			connections.Start = connections.Start ?? { main: [[]] };
			connections.Start.main[0].push({ node: name, type: 'main', index: 0 });
		}
	});
	return {
		name: `Browser e2e: ${desc.displayName}, every operation`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

module.exports = {
	latestVersion,
	configurations,
	visibleParameters,
	credentialsFor,
	uuid,
	configurationsWorkflow,
};
