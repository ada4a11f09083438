/** Annotation → Delete: { deleted: true, id }. */

import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';
import { appStore } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'annotation', operation: 'create' });
beforeEach(() => ctx.sim.reset({ resetState: true }));

const store = () => appStore.storeOf(ctx.sim.state);
const MISSING = '00000000-0000-4000-8000-000000000404';

describe('Dify: Annotation → Delete', () => {
	test('DELETE /apps/annotations/{id} (204); outputs deleted: true and the id', async () => {
		const result = await run({ operation: 'delete', annotationId: appStore.DOCS_ANNOTATION });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ deleted: true, id: appStore.DOCS_ANNOTATION },
		]);
		expect(ctx.sim.calls('DELETE').map((r) => r.path)).toEqual([
			`/apps/annotations/${appStore.DOCS_ANNOTATION}`,
		]);
		expect(store().annotations).toHaveLength(0);
	});

	test('an unknown annotation is the 404; with Continue On Fail the other items go on', async () => {
		const result = await run(
			{ operation: 'delete', annotationId: '={{ $json.id }}' },
			{ items: [{ id: MISSING }, { id: appStore.DOCS_ANNOTATION }], continueOnFail: true },
		);
		expect(result.items[0].json).toMatchObject({ httpCode: '404', code: 'not_found' });
		expect(result.items[1].json).toEqual({ deleted: true, id: appStore.DOCS_ANNOTATION });
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
