import { useSimulator } from '../../helpers';
import { eventRule, gr, gravityTrigger, resetEventRules } from '../kit';

const ctx = useSimulator('gravityrail');
beforeEach(async () => await resetEventRules(ctx.sim));

const EVENTS = [
	'data_record:created',
	'member:created',
	'chat:created',
	'call:ended',
	'assignment:completed',
	'',
];

/** Every event of EVENTS delivered by a rule that sends them all; which started the workflow. */
async function startedBy(parameters: Record<string, unknown>) {
	const server = await gravityTrigger(parameters);
	try {
		eventRule(ctx.sim, server);
		for (const event of EVENTS) gr.emitEvent(ctx.sim.state, event, { seq: EVENTS.indexOf(event) });
		const calls = await gr.webhooksSettled(ctx.sim.state);
		// every event is answered 200 (a filtered one too, so Gravity Rail does not retry it)
		expect(calls.map((c: { status: number }) => c.status)).toEqual(EVENTS.map(() => 200));
		const hits = await server.waitForHits(EVENTS.length);
		const filtered = hits
			.map((h) => JSON.parse(h.responseBody))
			.filter((answer) => answer.started === false);
		for (const answer of filtered)
			expect(answer).toMatchObject({ received: true, reason: 'filtered' });
		return hits.flatMap((h) => (h.items ?? []).map((item) => item.json.event as string)).sort();
	} finally {
		await server.stop();
	}
}

describe('Gravity Rail Trigger: the Events and Event Names filters', () => {
	test('All: every event', async () => {
		expect(await startedBy({ events: ['all'] })).toEqual([...EVENTS].sort());
	});

	test('Chat / Call: the chat: and call: events', async () => {
		expect(await startedBy({ events: ['chat'] })).toEqual(['call:ended', 'chat:created']);
	});

	test('Member and Data Record together', async () => {
		expect(await startedBy({ events: ['member', 'dataRecord'] })).toEqual([
			'data_record:created',
			'member:created',
		]);
	});

	test('Event Names add exact names the families do not cover', async () => {
		expect(
			await startedBy({ events: ['member'], eventNames: ' assignment:completed , nope:never ' }),
		).toEqual(['assignment:completed', 'member:created']);
	});

	test('Event Names alone (no family): only those names', async () => {
		expect(await startedBy({ events: [], eventNames: 'call:ended' })).toEqual(['call:ended']);
	});

	test('nothing selected at all: every event (a trigger that never fires helps no one)', async () => {
		expect(await startedBy({ events: [], eventNames: '' })).toEqual([...EVENTS].sort());
	});
});
