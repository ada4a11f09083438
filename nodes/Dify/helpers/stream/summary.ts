/**
 * The workflow nodes of a run, summed over all their executions (iterations and loops run a node
 * many times): `nodes` on the output item.
 */
import type { IDataObject } from 'n8n-workflow';

import type { DifyNodeSummary, DifyNodesSummary } from './interfaces';
import { numberOrNull, textOf } from './values';

/** The node, iteration, loop and agent-log events: summarised per node, never kept one by one. */
export const NODE_EVENTS: ReadonlySet<string> = new Set([
	'node_started',
	'node_finished',
	'node_retry',
	'iteration_started',
	'iteration_next',
	'iteration_completed',
	'loop_started',
	'loop_next',
	'loop_completed',
	'agent_log',
]);

export function emptyNodesSummary(): DifyNodesSummary {
	return {
		count: 0,
		finished: 0,
		failed: 0,
		retries: 0,
		iterations: 0,
		loops: 0,
		agent_logs: 0,
		list: [],
	};
}

export class NodeSummaries {
	private readonly byId = new Map<string, DifyNodeSummary>();
	private readonly counts = emptyNodesSummary();

	/** The summary as the item holds it (a copy). */
	summary(): DifyNodesSummary {
		return { ...this.counts, list: [...this.byId.values()].map((node) => ({ ...node })) };
	}

	/** Adds one node, iteration, loop or agent-log event. */
	private node(data: IDataObject): DifyNodeSummary | undefined {
		const nodeId = textOf(data.node_id);
		if (!nodeId) return undefined;
		let node = this.byId.get(nodeId);
		if (!node) {
			node = {
				node_id: nodeId,
				node_type: textOf(data.node_type),
				title: textOf(data.title),
				status: 'running',
				executions: 0,
				retries: 0,
				elapsed_time: 0,
				error: null,
				steps: 0,
				agent_logs: 0,
			};
			this.byId.set(nodeId, node);
		} else {
			if (!node.node_type && data.node_type) node.node_type = textOf(data.node_type);
			if (!node.title && data.title) node.title = textOf(data.title);
		}
		return node;
	}

	onEvent(type: string, data: IDataObject | undefined): void {
		const counts = this.counts;
		if (type === 'node_started') counts.count++;
		else if (type === 'node_finished') counts.finished++;
		else if (type === 'node_retry') counts.retries++;
		else if (type === 'iteration_started') counts.iterations++;
		else if (type === 'loop_started') counts.loops++;
		else if (type === 'agent_log') counts.agent_logs++;
		if (!data) return;
		const node = this.node(data);
		if (!node) return;
		switch (type) {
			case 'node_started':
				node.executions++;
				node.status = 'running';
				break;
			case 'node_finished':
			case 'iteration_completed':
			case 'loop_completed': {
				const status = textOf(data.status) || 'succeeded';
				node.status = status;
				const elapsed = numberOrNull(data.elapsed_time);
				if (elapsed !== null) node.elapsed_time += elapsed;
				if (typeof data.error === 'string' && data.error) node.error = data.error;
				if (type === 'node_finished' && status === 'failed') counts.failed++;
				const steps = numberOrNull(data.steps);
				if (type !== 'node_finished' && steps !== null) node.steps = steps;
				break;
			}
			case 'node_retry':
				node.retries++;
				if (typeof data.error === 'string' && data.error) node.error = data.error;
				break;
			case 'iteration_started':
			case 'loop_started':
				node.executions++;
				node.status = 'running';
				break;
			case 'iteration_next':
			case 'loop_next':
				node.steps++;
				break;
			case 'agent_log':
				node.agent_logs++;
				break;
		}
	}
}
