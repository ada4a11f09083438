import { nodeRunner, specs } from '../../engine/nodes';
import { providers, useSimulator } from '../../helpers';

const devrev = providers.devrev;
const ctx = useSimulator('devrev');
const run = nodeRunner(ctx, specs.devRev, { resource: 'message', operation: 'update' });

beforeEach(() => ctx.sim.reset({ resetState: true }));

const updates = () => ctx.sim.calls('POST', '/timeline-entries.update');
const seedMessage = () => {
	const chat = devrev.seedChat(ctx.sim.state, [7]);
	return devrev.seedComments(ctx.sim.state, chat, 1)[0];
};

describe('DevRev: Update Message', () => {
	test('the text: POST /timeline-entries.update { id, type, body, body_type: text }', async () => {
		const entry = seedMessage();
		const result = await run({ messageId: entry.id, updateFields: { body: 'Corrected text' } });
		expect(result.error).toBeUndefined();
		expect(updates()).toHaveLength(1);
		expect(updates()[0].body).toEqual({
			id: entry.id,
			type: 'timeline_comment',
			body: 'Corrected text',
			body_type: 'text',
		});
		expect(updates()[0].rejected).toBeUndefined();
		expect(result.items[0].json.timeline_entry).toMatchObject({
			id: entry.id,
			body: 'Corrected text',
		});
	});

	test('artifacts: Add and Remove change some, Artifacts replaces all', async () => {
		const entry = seedMessage();
		entry.artifacts = [{ id: 'ARTIFACT-1' }, { id: 'ARTIFACT-2' }];
		const changed = await run({
			messageId: entry.id,
			updateFields: { addArtifacts: 'ARTIFACT-3', removeArtifacts: ['ARTIFACT-1'] },
		});
		expect(changed.error).toBeUndefined();
		expect(updates()[0].body).toEqual({
			id: entry.id,
			type: 'timeline_comment',
			artifacts: { add: ['ARTIFACT-3'], remove: ['ARTIFACT-1'] },
		});
		expect(
			(changed.items[0].json.timeline_entry as any).artifacts.map((a: { id: string }) => a.id),
		).toEqual(['ARTIFACT-2', 'ARTIFACT-3']);
		const replaced = await run({ messageId: entry.id, updateFields: { artifacts: '' } });
		expect(replaced.error).toBeUndefined();
		expect(updates()[1].body).toEqual({
			id: entry.id,
			type: 'timeline_comment',
			artifacts: { set: [] },
		});
		expect((replaced.items[0].json.timeline_entry as any).artifacts).toEqual([]);
	});

	test('Extra Body Fields (JSON) win: another body type', async () => {
		const entry = seedMessage();
		const result = await run({
			messageId: entry.id,
			updateFields: { body: '**bold**' },
			additionalBodyFields: '{"body_type": "data"}',
		});
		expect(result.error).toBeUndefined();
		expect(updates()[0].body).toEqual({
			id: entry.id,
			type: 'timeline_comment',
			body: '**bold**',
			body_type: 'data',
		});
	});

	test('an update is not retried after a 503', async () => {
		const entry = seedMessage();
		ctx.sim.fault({ method: 'POST', path: '/timeline-entries.update' }, { status: 503 });
		const result = await run({ messageId: entry.id, updateFields: { body: 'x' } });
		expect(result.error?.httpCode).toBe('503');
		expect(updates()).toHaveLength(1);
	});

	test.each([
		['no update field', { updateFields: {} }, /^Update Fields: add at least one field to change/],
		['a blank body only', { updateFields: { body: '  ' } }, /^Update Fields: add at least one/],
		[
			'Artifacts with Add Artifacts',
			{ updateFields: { artifacts: 'ARTIFACT-1', addArtifacts: 'ARTIFACT-2' } },
			/^Artifacts: cannot be combined with Add Artifacts or Remove Artifacts/,
		],
		[
			'11 artifacts to add',
			{
				updateFields: {
					addArtifacts: Array.from({ length: 11 }, (_, k) => `ARTIFACT-${k}`).join(','),
				},
			},
			/^Add Artifacts: allows at most 10 entries, got 11/,
		],
		[
			'51 artifacts',
			{
				updateFields: { artifacts: Array.from({ length: 51 }, (_, k) => `ARTIFACT-${k}`) },
			},
			/^Artifacts: allows at most 50 entries, got 51/,
		],
		[
			'an empty Message ID',
			{ messageId: '={{ "" }}', updateFields: { body: 'x' } },
			/^Message ID: must not be empty/,
		],
	])('%s: rejected before any request', async (_label, parameters, message) => {
		const result = await run({ messageId: 'comment-1', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test("an unknown message: DevRev's 404; Continue On Fail keeps the other item", async () => {
		const entry = seedMessage();
		const result = await run(
			{ messageId: '={{ $json.id }}', updateFields: { body: 'Fixed' } },
			{ continueOnFail: true, items: [{ id: 'comment-99' }, { id: entry.id }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			error: 'timeline entry comment-99 not found',
			httpCode: '404',
			code: 'not_found',
		});
		expect(result.items[1].json.timeline_entry).toMatchObject({ body: 'Fixed' });
	});
});
