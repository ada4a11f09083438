import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../common/items';
import { apiRequest } from '../../common/transport';
import { requireString } from '../../common/validate';
import { difyProfile } from '../transport';
import { readUser } from './parameters';

/**
 * Stop Chat Message / Completion / Workflow task: one request shape (`POST …/{task_id}/stop`
 * with `user`), three paths. Stopping twice does no harm, so the call is retried like a read.
 */
export function stopOperation(
	pathOf: (taskId: string) => string,
): ItemOperation<{ taskId: string; user: string }> {
	return {
		async prepare(this: IExecuteFunctions, i) {
			const node = this.getNode();
			const taskId = requireString(
				node,
				i,
				'Task ID',
				this.getNodeParameter('taskId', i, ''),
			).trim();
			const user = readUser(this, i);
			return { taskId, user };
		},
		async execute(this: IExecuteFunctions, i, { taskId, user }) {
			const response = await apiRequest<IDataObject>(this, difyProfile, {
				method: 'POST',
				path: pathOf(encodeURIComponent(taskId)),
				body: { user },
				idempotent: true,
				itemIndex: i,
			});
			return { ...(response.body ?? {}), task_id: taskId };
		},
	};
}
