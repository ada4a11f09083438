/** The Human Input forms a paused run waits on (`form`, `forms` on the item), and their outcome. */
import type { IDataObject } from 'n8n-workflow';

import type { DifyHumanInputForm } from './interfaces';
import { objectOrUndefined, textOf, withoutKeys } from './values';

const REASON_KEYS: ReadonlySet<string> = new Set(['TYPE']);

export class HumanInputForms {
	readonly list: DifyHumanInputForm[] = [];
	/** How many `human_input_required` events came: a pause after a new one is a new pause. */
	requested = 0;

	onRequired(data: IDataObject | undefined): void {
		this.requested++;
		this.add(data);
	}

	/** `workflow_paused` repeats each waiting form in its reasons: used when human_input_required was missed. */
	onPauseReasons(reasons: unknown): void {
		if (!Array.isArray(reasons)) return;
		for (const reason of reasons as unknown[]) {
			const entry = objectOrUndefined(reason);
			if (!entry) continue;
			const kind = textOf(entry.TYPE ?? entry.type);
			if (kind && kind !== 'human_input_required') continue;
			this.add(withoutKeys(entry, REASON_KEYS));
		}
	}

	onOutcome(type: string, data: IDataObject | undefined): void {
		if (!data) return;
		const form = this.list.find(
			(entry) => entry.node_id !== undefined && entry.node_id === data.node_id,
		);
		if (!form) return;
		if (type === 'human_input_form_filled') {
			form.action_id = data.action_id;
			form.action_text = data.action_text;
			form.submitted_data = data.submitted_data;
			form.rendered_content = data.rendered_content;
		} else {
			form.timed_out = true;
		}
	}

	private add(data: IDataObject | undefined): void {
		if (!data) return;
		const known = this.list.findIndex(
			(form) =>
				(data.form_id !== undefined && form.form_id === data.form_id) ||
				(!!data.form_token && form.form_token === data.form_token),
		);
		if (known >= 0) this.list[known] = { ...data, ...this.list[known] };
		else this.list.push({ ...data });
	}
}
