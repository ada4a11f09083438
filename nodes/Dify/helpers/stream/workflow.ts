/** The workflow run a stream reports (Chatflow and Workflow apps): its record and how it ended. */
import type { IDataObject } from 'n8n-workflow';

import type { DifyWorkflowInfo } from './interfaces';
import { numberOrNull, objectOrUndefined, textOf } from './values';

/** A workflow run that has started and reported nothing else yet. */
export function runningWorkflow(id: string): DifyWorkflowInfo {
	return {
		id,
		workflow_id: '',
		status: 'running',
		outputs: null,
		error: null,
		elapsed_time: null,
		total_tokens: null,
		total_steps: null,
		created_at: null,
		finished_at: null,
	};
}

export class WorkflowRun {
	/** The run's record, once `workflow_started`, `workflow_finished` or `workflow_paused` came. */
	info: DifyWorkflowInfo | null = null;
	/** The run's ID, from the first event that names one. */
	id: string | null = null;
	finished = false;
	paused = false;

	noteId(value: unknown): void {
		if (this.id === null && typeof value === 'string' && value) this.id = value;
	}

	onStarted(data: IDataObject): void {
		this.info = {
			...data,
			...runningWorkflow(textOf(data.id) || this.id || ''),
			workflow_id: textOf(data.workflow_id),
			created_at: numberOrNull(data.created_at),
		};
		this.noteId(this.info.id);
	}

	onFinished(data: IDataObject): void {
		this.finished = true;
		const info = this.ensureInfo();
		Object.assign(info, data);
		info.status = textOf(data.status) || 'succeeded';
		info.outputs = objectOrUndefined(data.outputs) ?? null;
		info.error = typeof data.error === 'string' && data.error ? data.error : null;
		this.noteId(textOf(data.id));
	}

	onPaused(data: IDataObject): void {
		this.paused = true;
		const info = this.ensureInfo();
		Object.assign(info, data);
		info.status = 'paused';
		info.outputs = objectOrUndefined(data.outputs) ?? null;
		this.noteId(textOf(data.workflow_run_id));
		if (!info.id && this.id) info.id = this.id;
	}

	private ensureInfo(): DifyWorkflowInfo {
		if (!this.info) this.info = runningWorkflow(this.id ?? '');
		return this.info;
	}
}
